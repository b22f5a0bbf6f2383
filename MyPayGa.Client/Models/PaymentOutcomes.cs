using System.Globalization;
using System.Text;

namespace MyPayGa.Client.Models;

/// <summary>
/// Decides what a <see cref="PaymentDetail"/> means. The rules, in order:
/// <list type="number">
/// <item>The status text decides card outcomes: anything starting with "Refus" is <see cref="PaymentOutcome.Failed"/>;
/// "Success" is <see cref="PaymentOutcome.Paid"/> and "Acceptée avec Risk" (any case, with or without accents)
/// <see cref="PaymentOutcome.PaidWithRisk"/> — unless a status code explicitly says "400", which contradicts
/// the text: then <see cref="PaymentOutcome.Pending"/> (never paid on a contradiction).</item>
/// <item>Otherwise the codes (OrderStatus, final_status): "400" (and no "200") is Failed; "200" (and no "400")
/// with an empty text is Paid; anything else — a "200" with a text nobody documented, mixed or unknown codes —
/// is Pending: unknown is never paid.</item>
/// </list>
/// </summary>
public static class PaymentOutcomes
{
    public static PaymentOutcome Decide(PaymentDetail payment)
    {
        ArgumentNullException.ThrowIfNull(payment);

        var text = Normalize(payment.MessageData);
        var anySuccess = payment.OrderStatus.IsSuccess || payment.FinalStatus.IsSuccess;
        var anyFailure = payment.OrderStatus.IsFailure || payment.FinalStatus.IsFailure;

        if (text.StartsWith("refus", StringComparison.Ordinal))
        {
            return PaymentOutcome.Failed;
        }

        if (text == "success")
        {
            return anyFailure ? PaymentOutcome.Pending : PaymentOutcome.Paid;
        }

        if (text == "acceptee avec risk")
        {
            return anyFailure ? PaymentOutcome.Pending : PaymentOutcome.PaidWithRisk;
        }

        if (anyFailure && !anySuccess)
        {
            return PaymentOutcome.Failed;
        }

        if (anySuccess && !anyFailure && text.Length == 0)
        {
            return PaymentOutcome.Paid;
        }

        return PaymentOutcome.Pending;
    }

    /// <summary>Lower case, accents removed, whitespace collapsed: "Acceptée  avec Risk" → "acceptee avec risk".</summary>
    internal static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var decomposed = text.Trim().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var lastWasSpace = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                if (!lastWasSpace)
                {
                    builder.Append(' ');
                }

                lastWasSpace = true;
                continue;
            }

            lastWasSpace = false;
            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }
}
