using Nop.Core.Domain.Payments;

namespace Nop.Services.Payments;

public partial class VoidPaymentResult : BaseNopResult
{
    // reference: minimal working body for tests
    public PaymentStatus NewPaymentStatus { get; set; } = PaymentStatus.Pending;
}
