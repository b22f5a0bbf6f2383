using Nop.Core.Domain.Payments;

namespace Nop.Services.Payments;

public partial class RefundPaymentResult : BaseNopResult
{
    // reference: minimal working body for tests
    public PaymentStatus NewPaymentStatus { get; set; } = PaymentStatus.Pending;
}
