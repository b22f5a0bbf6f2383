using Nop.Core.Domain.Orders;

namespace Nop.Services.Payments;

public partial class CapturePaymentRequest
{
    public Order Order { get; set; }
}
