namespace MyPayGa.Client;

/// <summary>
/// The one error type of the client. Carries what a person or the caller needs to act, and never a key:
/// <see cref="RawBody"/>, <see cref="ProviderMessage"/> and <see cref="Exception.Message"/> are redacted, and short
/// (a body is kept as an excerpt of <see cref="MaxRawBodyChars"/> characters, a message of
/// <see cref="MaxProviderMessageChars"/>), so that nothing read from the network reaches a log unbounded.
/// </summary>
public sealed class MyPayGaException : Exception
{
    /// <summary>Characters of the body kept in <see cref="RawBody"/> (then "…").</summary>
    public const int MaxRawBodyChars = 1024;

    /// <summary>Characters of MyPayGa's message kept in <see cref="ProviderMessage"/> (then "…").</summary>
    public const int MaxProviderMessageChars = 500;

    private const int MaxMessageChars = 1000;

    private readonly bool? _outcomeUnknown;

    public MyPayGaException(MyPayGaErrorKind kind, string endpoint, string message,
        int? httpStatus = null, string? providerStatus = null, string? providerMessage = null,
        string? rawBody = null, Exception? innerException = null)
        : base(Cut(KeyRedactor.Redact(message), MaxMessageChars), innerException)
    {
        Kind = kind;
        Endpoint = endpoint;
        HttpStatus = httpStatus;
        ProviderStatus = providerStatus is null ? null : Cut(KeyRedactor.Redact(providerStatus), 40);
        ProviderMessage = providerMessage is null ? null : Cut(KeyRedactor.Redact(providerMessage), MaxProviderMessageChars);
        RawBody = rawBody is null ? null : Cut(KeyRedactor.Redact(rawBody), MaxRawBodyChars);
    }

    public MyPayGaErrorKind Kind { get; }

    /// <summary>The endpoint's name as in the wire table, e.g. "payment-request".</summary>
    public string Endpoint { get; }

    public int? HttpStatus { get; }

    /// <summary>The status code found in the body, when there was one.</summary>
    public string? ProviderStatus { get; }

    /// <summary>MyPayGa's own message (e.g. "Dear customer, you have insufficient funds"), at most 500 characters.</summary>
    public string? ProviderMessage { get; }

    /// <summary>The start of the response body as received, keys redacted, at most 1024 characters; null when there was no response.</summary>
    public string? RawBody { get; }

    /// <summary>
    /// True when MyPayGa may have acted on the request: after payment-request, sendClientTransfert, refund/create or
    /// refund/send, read the status (paiement-detail, getClientTransfert, refund/infos) before trying again.
    /// For those four calls the client sets it for every failure once the request may have reached MyPayGa, and clears
    /// it only when nothing can have happened: the connection was never made, HTTP 4xx, or a body status that refuses
    /// (4xx, e.g. "400"). For the other calls (and when not set): timeouts, lost connections, unreadable answers and 5xx.
    /// </summary>
    public bool OutcomeUnknown
    {
        get => _outcomeUnknown ?? DefaultOutcomeUnknown(Kind, HttpStatus);
        init => _outcomeUnknown = value;
    }

    /// <summary>HTTP attempts made before giving up (0 when nothing was attempted).</summary>
    public int Attempts { get; internal init; }

    /// <summary>The usual text, with every key of this exception's inner exceptions redacted too.</summary>
    public override string ToString() => KeyRedactor.Redact(base.ToString());

    internal static bool DefaultOutcomeUnknown(MyPayGaErrorKind kind, int? httpStatus) =>
        kind is MyPayGaErrorKind.Timeout or MyPayGaErrorKind.ConnectionLost or MyPayGaErrorKind.InvalidResponse
        || (kind == MyPayGaErrorKind.HttpError && httpStatus is >= 500);

    /// <summary>
    /// The rule for calls that move money: unknown unless the failure proves nothing happened — no connection, a
    /// configuration error, an HTTP 4xx, or a body status that is a 4xx code ("400", 401...).
    /// </summary>
    internal static bool MoneyOutcomeUnknown(MyPayGaErrorKind kind, int? httpStatus, string? providerStatus) => kind switch
    {
        MyPayGaErrorKind.Configuration or MyPayGaErrorKind.ConnectionFailed => false,
        MyPayGaErrorKind.HttpError => httpStatus is not (>= 400 and < 500),
        MyPayGaErrorKind.Rejected => !IsRefusal(providerStatus),
        _ => true,
    };

    private static bool IsRefusal(string? status) =>
        status is { Length: 3 } && status[0] == '4' && char.IsAsciiDigit(status[1]) && char.IsAsciiDigit(status[2]);

    /// <summary>At most <paramref name="max"/> characters then "…", never ending on half a surrogate pair.</summary>
    internal static string Cut(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var end = char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
        return string.Concat(text.AsSpan(0, end), "…");
    }
}
