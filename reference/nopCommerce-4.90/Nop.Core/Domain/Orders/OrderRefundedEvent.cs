namespace Nop.Core.Domain.Orders;

public partial class OrderRefundedEvent
{
    // reference: minimal working body for tests
    public OrderRefundedEvent(Order order, decimal amount)
    {
        Order = order;
        Amount = amount;
    }

    public Order Order { get; }

    public decimal Amount { get; }
}
