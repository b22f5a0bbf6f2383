namespace MyPayGa.Sandbox.Callbacks;

/// <summary>Options of a callback delivered on request (control API). Null means "as the payment says".</summary>
public sealed record CallbackRequest
{
    /// <summary>How many identical deliveries to send at the same time (duplicates).</summary>
    public int Times { get; init; } = 1;
    public CallbackFormat? Format { get; init; }
    /// <summary>order_status to claim, e.g. "400" for a paid payment (forged or out-of-order callback).</summary>
    public string? Status { get; init; }
    public string? Message { get; init; }
    /// <summary>amount to claim instead of the payment's.</summary>
    public long? Amount { get; init; }
    /// <summary>Sign with the CallbackSecret. Default: sign when a secret is configured.</summary>
    public bool? WithHash { get; init; }
    /// <summary>Send a hash that does not match the fields.</summary>
    public bool TamperHash { get; init; }
}

/// <summary>One attempt to deliver a callback.</summary>
/// <param name="StatusCode">What the merchant answered; null when nothing came back.</param>
/// <param name="Refused">The sandbox refused to send it (no URL, or not a loopback host).</param>
public sealed record CallbackDelivery(
    string Target,
    string Format,
    int Attempt,
    int? StatusCode,
    double DurationMs,
    string? Error,
    bool Refused,
    IReadOnlyDictionary<string, string> Fields)
{
    public bool Succeeded => StatusCode is >= 200 and < 300;
}
