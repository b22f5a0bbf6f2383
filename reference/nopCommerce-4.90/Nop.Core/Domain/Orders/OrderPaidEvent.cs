namespace Nop.Core.Domain.Orders;

public partial class OrderPaidEvent
{
    // reference: minimal working body for tests
    public OrderPaidEvent(Order order)
    {
        Order = order;
    }

    public Order Order { get; }
}
