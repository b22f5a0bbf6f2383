using MyPayGa.Client;
using MyPayGa.Client.Models;
using Nop.Plugin.Payments.MyPayGa.Domain;

namespace Nop.Plugin.Payments.MyPayGa.Services;

/// <summary>
/// The status processor's read of a payment-link attempt: getLink instead of paiement-detail, turned into the same
/// <see cref="PaymentDetail"/> the processor decides on, so that a link is settled by the same amount check and the
/// same claims as any attempt. getLink tells whether the link was paid (final_status, or generateLink's paid) and whether
/// it expired; it gives no amount: a link can only be paid for the amount it was created with (the attempt's XAF), so
/// that is the amount reported. Nothing else is taken from the answer.
/// </summary>
public static class PaymentLinkReader
{
    /// <summary>Token prefix of link attempts: "link:" + the link's reference (MyPayGa gives a link no payment token).</summary>
    public const string TokenPrefix = "link:";

    /// <summary>What paiement-detail's paymentMethod would say, for the paid note.</summary>
    public const string PaymentMethodName = "Payment link";

    /// <summary>What the failure note says when MyPayGa reports the link expired (or cancelled) unpaid.</summary>
    public const string ExpiredText = "Link expired or cancelled";

    public static string TokenFor(string linkReference) => TokenPrefix + linkReference;

    /// <summary>(detail, null) when MyPayGa answered about this link; (null, error) when nothing was learned.</summary>
    public static async Task<(PaymentDetail? Detail, MyPayGaException? Error)> ReadAsync(IMyPayGaClient client, MyPayGaAttempt attempt,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(attempt);
        if (string.IsNullOrWhiteSpace(attempt.LinkReference))
            return (null, new MyPayGaException(MyPayGaErrorKind.InvalidResponse, "getLink", "The payment link has no reference."));

        PaymentLinkResponse response;
        try
        {
            response = await client.GetLinkAsync(attempt.LinkReference, cancellationToken);
        }
        catch (MyPayGaException ex)
        {
            return (null, ex);
        }

        return response?.Link is { } link
            ? (Describe(attempt, link), null)
            : (null, new MyPayGaException(MyPayGaErrorKind.InvalidResponse, "getLink",
                $"MyPayGa did not describe the payment link (status {response?.Code}).", providerStatus: response?.Code.Raw,
                providerMessage: response?.Message));
    }

    /// <summary>Paid wins over expired (a link paid, then cancelled, was paid); unknown is pending, never paid.</summary>
    internal static PaymentDetail Describe(MyPayGaAttempt attempt, PaymentLink link)
    {
        var paid = link.FinalStatus.IsSuccess || link.Paid == true;
        if (paid)
            return new PaymentDetail
            {
                PaymentToken = attempt.PaymentToken,
                MerchantRef = attempt.LinkOrderRef,
                PaymentMethod = PaymentMethodName,
                OrderStatus = new MyPayGaStatus("200"),
                FinalStatus = new MyPayGaStatus("200"),
                TotalAmount = attempt.AmountXaf,
            };

        if (link.Expired)
            return new PaymentDetail
            {
                PaymentToken = attempt.PaymentToken,
                MerchantRef = attempt.LinkOrderRef,
                PaymentMethod = PaymentMethodName,
                OrderStatus = new MyPayGaStatus("400"),
                FinalStatus = new MyPayGaStatus("400"),
                MessageData = ExpiredText,
            };

        return new PaymentDetail { PaymentToken = attempt.PaymentToken, MerchantRef = attempt.LinkOrderRef, PaymentMethod = PaymentMethodName };
    }

    /// <summary>The reference getLink and linkCancel take: the url's token_url (as MyPayGa's example shows), else the order_ref.</summary>
    public static string? ReferenceOf(PaymentLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        if (link.Url is { } url)
        {
            foreach (var pair in url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                if (equals > 0 && string.Equals(pair[..equals], "token_url", StringComparison.OrdinalIgnoreCase))
                {
                    var value = Uri.UnescapeDataString(pair[(equals + 1)..]).Trim();
                    if (value.Length is > 0 and <= 100)
                        return value;
                }
            }
        }

        var reference = link.Reference?.Trim();
        return string.IsNullOrEmpty(reference) || reference.Length > 100 ? null : reference;
    }
}
