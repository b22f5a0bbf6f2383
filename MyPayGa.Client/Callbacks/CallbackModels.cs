namespace MyPayGa.Client.Callbacks;

/// <summary>A callback as it reached the merchant, independent of any web framework.</summary>
public sealed record RawCallbackRequest
{
    public required string Method { get; init; }
    /// <summary>The raw query string, with or without the leading '?'.</summary>
    public string? QueryString { get; init; }
    public string? ContentType { get; init; }
    public string Body { get; init; } = "";
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
}

/// <summary>
/// What a callback claims. A hint only: it tells the merchant which payment to re-read from paiement-detail;
/// it never proves anything was paid.
/// </summary>
public sealed record CallbackHint
{
    /// <summary>The payment_token, when the callback carries one.</summary>
    public string? PaymentToken { get; init; }
    /// <summary>The merchant's reference (uniqueID / unique_id / merchand_ref ...), when present.</summary>
    public string? MerchantReference { get; init; }
    public MyPayGaStatus ClaimedStatus { get; init; }
    public string? ClaimedMessage { get; init; }
    public decimal? ClaimedAmount { get; init; }
    public string? ClaimedCurrency { get; init; }
    public string? PaymentMethod { get; init; }
    public string? ClientPhone { get; init; }
    public SignatureCheck Signature { get; init; }
    /// <summary>All fields found, names as received (values redacted where they are keys).</summary>
    public IReadOnlyDictionary<string, string> Fields { get; init; } = new Dictionary<string, string>();
}

public enum SignatureCheck
{
    /// <summary>No hash in the callback, or no secret configured.</summary>
    NotChecked,
    Valid,
}

/// <summary>Why a callback was rejected; the text is safe to log and to answer with (no secrets).</summary>
public sealed record CallbackRejection(string Reason);

/// <summary>Either a hint or a rejection.</summary>
public sealed record CallbackParseResult(CallbackHint? Hint, CallbackRejection? Rejection)
{
    public bool IsAccepted => Hint is not null;
    public static CallbackParseResult Accept(CallbackHint hint) => new(hint, null);
    public static CallbackParseResult Reject(string reason) => new(null, new CallbackRejection(reason));
}
