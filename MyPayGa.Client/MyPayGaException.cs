namespace MyPayGa.Client;

/// <summary>
/// The one error type of the client. Carries what a person or the caller needs to act, and never a key:
/// <see cref="RawBody"/> and <see cref="Exception.Message"/> are redacted.
/// </summary>
public sealed class MyPayGaException : Exception
{
    public MyPayGaException(MyPayGaErrorKind kind, string endpoint, string message,
        int? httpStatus = null, string? providerStatus = null, string? providerMessage = null,
        string? rawBody = null, Exception? innerException = null)
        : base(KeyRedactor.Redact(message), innerException)
    {
        Kind = kind;
        Endpoint = endpoint;
        HttpStatus = httpStatus;
        ProviderStatus = providerStatus;
        ProviderMessage = providerMessage is null ? null : KeyRedactor.Redact(providerMessage);
        RawBody = rawBody is null ? null : KeyRedactor.Redact(rawBody);
    }

    public MyPayGaErrorKind Kind { get; }

    /// <summary>The endpoint's name as in the wire table, e.g. "payment-request".</summary>
    public string Endpoint { get; }

    public int? HttpStatus { get; }

    /// <summary>The status code found in the body, when there was one.</summary>
    public string? ProviderStatus { get; }

    /// <summary>MyPayGa's own message (e.g. "Dear customer, you have insufficient funds").</summary>
    public string? ProviderMessage { get; }

    /// <summary>The response body as received, keys redacted; null when there was no response.</summary>
    public string? RawBody { get; }

    /// <summary>
    /// True when MyPayGa may have acted on the request (timeout, lost connection, 5xx, unreadable answer):
    /// after a payment-request or refund/send, read the status before trying again.
    /// </summary>
    public bool OutcomeUnknown => Kind is MyPayGaErrorKind.Timeout or MyPayGaErrorKind.ConnectionLost
        or MyPayGaErrorKind.InvalidResponse
        || (Kind == MyPayGaErrorKind.HttpError && HttpStatus is >= 500);

    /// <summary>HTTP attempts made before giving up (0 when nothing was attempted).</summary>
    public int Attempts { get; internal init; }

    /// <summary>The usual text, with every key of this exception's inner exceptions redacted too.</summary>
    public override string ToString() => KeyRedactor.Redact(base.ToString());
}
