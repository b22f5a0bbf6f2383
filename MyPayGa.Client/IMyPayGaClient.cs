using MyPayGa.Client.Models;

namespace MyPayGa.Client;

/// <summary>
/// One method per documented MyPayGa endpoint, for one merchant account.
/// Commands (gethash, payment-request, refund/create, refund/send, sendClientTransfert, generateLink, linkCancel)
/// throw <see cref="MyPayGaException"/> with <see cref="MyPayGaErrorKind.Rejected"/> when the body's status is not
/// "200". Queries return what MyPayGa said (their status fields are data), and throw only when no usable answer came.
/// payment-request, refund/send and sendClientTransfert are never retried by the client.
/// </summary>
public interface IMyPayGaClient
{
    MyPayGaAccount Account { get; }

    /// <summary>1. POST payment/gethash.</summary>
    Task<GetHashResponse> GetHashAsync(GetHashRequest request, CancellationToken cancellationToken = default);

    /// <summary>2. POST mpayment/payment-request. Not retried: after an <see cref="MyPayGaException.OutcomeUnknown"/>, read the status.</summary>
    Task<MobilePaymentResponse> RequestMobilePaymentAsync(MobilePaymentRequest request, CancellationToken cancellationToken = default);

    /// <summary>3. The form the shopper's browser posts to the hosted card form (payment_token + public key). No HTTP call.</summary>
    CardFormPost DescribeCardForm(string paymentToken);

    /// <summary>4. GET payment/paiement-detail.</summary>
    Task<PaymentDetailResponse> GetPaymentDetailAsync(string paymentToken, CancellationToken cancellationToken = default);

    /// <summary>5. POST mpayment/sendClientTransfert. Not retried.</summary>
    Task<ClientTransferResponse> SendClientTransferAsync(ClientTransferRequest request, CancellationToken cancellationToken = default);

    /// <summary>6. GET mpayment/getClientTransfert.</summary>
    Task<ClientTransferStatusResponse> GetClientTransferAsync(string transferReference, CancellationToken cancellationToken = default);

    /// <summary>7. GET mpayment/getFees.</summary>
    Task<FeesResponse> GetFeesAsync(string operatorCode, string country = "GA", CancellationToken cancellationToken = default);

    /// <summary>8. POST refund/create.</summary>
    Task<CreateRefundResponse> CreateRefundAsync(CreateRefundRequest request, CancellationToken cancellationToken = default);

    /// <summary>9. POST refund/send. Not retried.</summary>
    Task<SendRefundResponse> SendRefundAsync(string refundId, CancellationToken cancellationToken = default);

    /// <summary>10. GET refund/infos.</summary>
    Task<RefundInfoResponse> GetRefundAsync(string refundId, CancellationToken cancellationToken = default);

    /// <summary>11. POST payment/generateLink.</summary>
    Task<PaymentLinkResponse> GenerateLinkAsync(GenerateLinkRequest request, CancellationToken cancellationToken = default);

    /// <summary>12. POST payment/getLink/{ref}.</summary>
    Task<PaymentLinkResponse> GetLinkAsync(string linkReference, CancellationToken cancellationToken = default);

    /// <summary>13. GET payment/linkCancel/{ref}.</summary>
    Task<CancelLinkResponse> CancelLinkAsync(string linkReference, CancellationToken cancellationToken = default);
}

/// <summary>Creates a client for an account; registered by <c>services.AddMyPayGaClient()</c>.</summary>
public interface IMyPayGaClientFactory
{
    /// <summary>Throws <see cref="MyPayGaException"/> (Configuration) when <see cref="MyPayGaAccount.Validate"/> finds a problem.</summary>
    IMyPayGaClient Create(MyPayGaAccount account);
}
