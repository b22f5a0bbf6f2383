namespace MyPayGa.Client;

/// <summary>
/// The endpoint names used in <see cref="MyPayGaException.Endpoint"/> and in log lines
/// (one per row of the wire table, see docs/client.md).
/// </summary>
public static class MyPayGaEndpoints
{
    public const string GetHash = "gethash";
    public const string PaymentRequest = "payment-request";
    public const string CardForm = "card-form";
    public const string PaymentDetail = "paiement-detail";
    public const string SendClientTransfer = "sendClientTransfert";
    public const string GetClientTransfer = "getClientTransfert";
    public const string GetFees = "getFees";
    public const string CreateRefund = "refund/create";
    public const string SendRefund = "refund/send";
    public const string RefundInfo = "refund/infos";
    public const string GenerateLink = "generateLink";
    public const string GetLink = "getLink";
    public const string CancelLink = "linkCancel";
}
