namespace MyPayGa.Client.Wire;

/// <summary>Where the parameters travel.</summary>
internal enum ParameterEncoding
{
    /// <summary>In the URL's query string (every value escaped).</summary>
    Query,
    /// <summary>In an application/x-www-form-urlencoded body.</summary>
    Form,
}

/// <summary>When a failed attempt may be repeated.</summary>
internal enum RetryClass
{
    /// <summary>A read: repeated on transient failures (5xx, 408, 429, timeout, connection failure).</summary>
    Read,
    /// <summary>Creates or moves something: repeated only when the connection could not be made (nothing left).</summary>
    OnlyIfNotSent,
    /// <summary>Not an HTTP call of the client (the card form is posted by the shopper's browser).</summary>
    NotCalled,
}

/// <summary>
/// One endpoint's wire format. <see cref="Parameters"/> lists the parameter names in the order they are sent;
/// <see cref="ApiKey"/> marks where the key goes. The client passes the other values in the same order.
/// A path may hold <c>{ref}</c>, replaced by the escaped reference. <see cref="MovesMoney"/>: once such a request may
/// have reached MyPayGa, every failure is reported with <see cref="MyPayGaException.OutcomeUnknown"/> (read the status
/// before trying again); only a failure that proves nothing happened is not.
/// </summary>
internal sealed record Endpoint(
    string Name,
    HttpMethod Method,
    string Path,
    ParameterEncoding Encoding,
    RetryClass Retry,
    bool MovesMoney,
    params string[] Parameters)
{
    public const string ApiKey = "apikey";
    public const string RefPlaceholder = "{ref}";

    public bool HasPathReference => Path.Contains(RefPlaceholder, StringComparison.Ordinal);

    public override string ToString() => $"{Method} {Path}";
}

/// <summary>
/// THE wire format of every MyPayGa endpoint (API.md). A correction of a method, path, encoding, parameter name,
/// retry rule or money flag is one line here. gethash and payment-request use a form body as MyPayGa's primary (PHP) examples
/// do; every other endpoint uses the query string exactly as documented. apikey is the secret key everywhere except
/// the card form (public key).
/// </summary>
internal static class WireFormat
{
    private static readonly HttpMethod Get = HttpMethod.Get;
    private static readonly HttpMethod Post = HttpMethod.Post;
    private const bool Money = true;
    private const bool NoMoney = false;

    public static readonly Endpoint GetHash = new(MyPayGaEndpoints.GetHash, Post, "payment/gethash", ParameterEncoding.Form, RetryClass.OnlyIfNotSent, NoMoney, "email", "firstname", "lastname", "uniqueID", "amount", "phone", "description", "apikey");
    public static readonly Endpoint PaymentRequest = new(MyPayGaEndpoints.PaymentRequest, Post, "mpayment/payment-request", ParameterEncoding.Form, RetryClass.OnlyIfNotSent, Money, "email", "firstname", "lastname", "payment_token", "amount", "client_phone", "description", "apikey");
    public static readonly Endpoint CardForm = new(MyPayGaEndpoints.CardForm, Post, "(account card form URL)", ParameterEncoding.Form, RetryClass.NotCalled, NoMoney, "payment_token", "apikey");
    public static readonly Endpoint PaymentDetail = new(MyPayGaEndpoints.PaymentDetail, Get, "payment/paiement-detail", ParameterEncoding.Query, RetryClass.Read, NoMoney, "payment_ref", "apikey");
    public static readonly Endpoint SendClientTransfer = new(MyPayGaEndpoints.SendClientTransfer, Post, "mpayment/sendClientTransfert", ParameterEncoding.Query, RetryClass.OnlyIfNotSent, Money, "amount", "receiver_phone", "country", "apikey", "type_clt");
    public static readonly Endpoint GetClientTransfer = new(MyPayGaEndpoints.GetClientTransfer, Get, "mpayment/getClientTransfert", ParameterEncoding.Query, RetryClass.Read, NoMoney, "trans_ref", "apikey");
    public static readonly Endpoint GetFees = new(MyPayGaEndpoints.GetFees, Get, "mpayment/getFees", ParameterEncoding.Query, RetryClass.Read, NoMoney, "apikey", "ope", "country");
    public static readonly Endpoint CreateRefund = new(MyPayGaEndpoints.CreateRefund, Post, "refund/create", ParameterEncoding.Query, RetryClass.OnlyIfNotSent, Money, "apikey", "payment_token", "amount", "description");
    public static readonly Endpoint SendRefund = new(MyPayGaEndpoints.SendRefund, Post, "refund/send", ParameterEncoding.Query, RetryClass.OnlyIfNotSent, Money, "apikey", "refund_id");
    public static readonly Endpoint RefundInfo = new(MyPayGaEndpoints.RefundInfo, Get, "refund/infos", ParameterEncoding.Query, RetryClass.Read, NoMoney, "apikey", "refId");
    public static readonly Endpoint GenerateLink = new(MyPayGaEndpoints.GenerateLink, Post, "payment/generateLink", ParameterEncoding.Query, RetryClass.OnlyIfNotSent, NoMoney, "firstname", "lastname", "email", "phone", "amount", "description", "apikey");
    public static readonly Endpoint GetLink = new(MyPayGaEndpoints.GetLink, Post, "payment/getLink/{ref}", ParameterEncoding.Query, RetryClass.Read, NoMoney, "apikey");
    public static readonly Endpoint CancelLink = new(MyPayGaEndpoints.CancelLink, Get, "payment/linkCancel/{ref}", ParameterEncoding.Query, RetryClass.OnlyIfNotSent, NoMoney, "apikey");

    /// <summary>All rows, in the numbering of API.md.</summary>
    public static IReadOnlyList<Endpoint> All { get; } =
    [
        GetHash, PaymentRequest, CardForm, PaymentDetail, SendClientTransfer, GetClientTransfer, GetFees,
        CreateRefund, SendRefund, RefundInfo, GenerateLink, GetLink, CancelLink,
    ];
}
