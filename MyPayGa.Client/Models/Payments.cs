namespace MyPayGa.Client.Models;

/// <summary>gethash: registers the merchant's reference and amount; returns the payment_token used afterwards.</summary>
public sealed record GetHashRequest
{
    public required string Email { get; init; }
    public required string FirstName { get; init; }
    public required string LastName { get; init; }
    /// <summary>The merchant's own unique reference (uniqueID), e.g. order number + attempt.</summary>
    public required string UniqueId { get; init; }
    /// <summary>Whole XAF.</summary>
    public required long Amount { get; init; }
    public required string Phone { get; init; }
    public required string Description { get; init; }
}

public sealed record GetHashResponse
{
    public MyPayGaStatus Code { get; init; }
    public string? Message { get; init; }
    public string? Hash { get; init; }
    public required string PaymentToken { get; init; }
    public string? UniqueId { get; init; }
}

/// <summary>payment-request: pushes a mobile-money prompt to the shopper's phone.</summary>
public sealed record MobilePaymentRequest
{
    public required string Email { get; init; }
    public required string FirstName { get; init; }
    public required string LastName { get; init; }
    public required string PaymentToken { get; init; }
    /// <summary>Whole XAF.</summary>
    public required long Amount { get; init; }
    /// <summary>The phone as MyPayGa expects it (see <see cref="Phones.PhoneNumber.ForMyPayGa"/>).</summary>
    public required string ClientPhone { get; init; }
    public required string Description { get; init; }
}

public sealed record MobilePaymentResponse
{
    public MyPayGaStatus StatusRequest { get; init; }
    public string? Message { get; init; }
    public string? PaymentToken { get; init; }
    public string? Description { get; init; }
    public MobilePaymentTransaction? Transaction { get; init; }
}

public sealed record MobilePaymentTransaction
{
    public decimal? Amount { get; init; }
    public string? Country { get; init; }
    public string? Currency { get; init; }
    public string? Id { get; init; }
}

/// <summary>What the shopper's browser must post to the hosted card form (endpoint 3).</summary>
public sealed record CardFormPost(Uri Url, IReadOnlyList<KeyValuePair<string, string>> Fields);

/// <summary>paiement-detail: the authoritative status of a payment.</summary>
public sealed record PaymentDetailResponse
{
    public MyPayGaStatus Code { get; init; }
    public MyPayGaStatus FinalStatus { get; init; }
    public string? MerchantRef { get; init; }
    /// <summary>"test" or "production" as MyPayGa reports it.</summary>
    public string? Environment { get; init; }
    public string? Message { get; init; }
    public IReadOnlyList<PaymentDetail> Payments { get; init; } = [];

    /// <summary>The entry for a token (MyPayGa returns a list); null when MyPayGa does not know the payment.</summary>
    public PaymentDetail? Find(string paymentToken)
    {
        for (var i = 0; i < Payments.Count; i++)
        {
            if (string.Equals(Payments[i].PaymentToken, paymentToken, StringComparison.Ordinal))
            {
                return Payments[i];
            }
        }

        return Payments.Count == 1 ? Payments[0] : null;
    }
}

public sealed record PaymentDetail
{
    public string? MerchantRef { get; init; }
    public string? PaymentToken { get; init; }
    /// <summary>"Mobile Money", a card label, ...</summary>
    public string? PaymentMethod { get; init; }
    public int? MobileCallback { get; init; }
    public MyPayGaStatus OrderStatus { get; init; }
    /// <summary>The status text: "Success", "Failed", or a card outcome such as "Refus solde ins".</summary>
    public string? MessageData { get; init; }
    public decimal? TotalAmount { get; init; }
    public string? ClientNumber { get; init; }
    /// <summary>As sent: Gabon local time, no zone ("2021-05-15 21:53:38").</summary>
    public string? OrderDateTime { get; init; }
    /// <summary>Operator / scheme code ("AM", "MC", ...).</summary>
    public string? PaymentBank { get; init; }
    public string? Last4Digits { get; init; }
    public string? CustomerName { get; init; }
    public decimal? TransactionFees { get; init; }
    public decimal? NetAmount { get; init; }
    public MyPayGaStatus FinalStatus { get; init; }

    /// <summary>The outcome, decided as API.md says (card outcomes by text, "200"/"400" otherwise).</summary>
    public PaymentOutcome Outcome => PaymentOutcomes.Decide(this);
}

/// <summary>What a payment's status means for the merchant. Only Paid and PaidWithRisk are money received.</summary>
public enum PaymentOutcome
{
    /// <summary>Not final yet (or a status code that is neither success nor failure).</summary>
    Pending,
    Paid,
    /// <summary>Card accepted with a risk flag ("Acceptée avec Risk"): paid, but the merchant may want a review.</summary>
    PaidWithRisk,
    Failed,
}
