using Nop.Core.Domain.Payments;

namespace Nop.Services.Payments;

public partial class CapturePaymentResult : BaseNopResult
{
    public string CaptureTransactionId { get; set; }

    public string CaptureTransactionResult { get; set; }

    // reference: minimal working body for tests
    public PaymentStatus NewPaymentStatus { get; set; } = PaymentStatus.Pending;
}
