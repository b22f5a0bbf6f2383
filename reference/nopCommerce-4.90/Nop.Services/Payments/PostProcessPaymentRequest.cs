using Nop.Core.Domain.Orders;

namespace Nop.Services.Payments;

public partial class PostProcessPaymentRequest
{
    public Order Order { get; set; }
}
