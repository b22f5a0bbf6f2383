using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Services.Orders;
using Nop.Services.Payments;

namespace MyPayGa.Browser.Tests.Host;

/// <summary>
/// What nopCommerce's order processing does to an order's state, for the calls the plugin makes: mark paid (payment
/// status Paid, paid date, order status Processing, a note) and cancel. Counts the calls per order.
/// </summary>
public sealed class OrderProcessing : IOrderProcessingService
{
    private readonly OrderBook _orders;
    private readonly Dictionary<int, int> _markPaidCalls = [];
    private readonly object _gate = new();

    public OrderProcessing(OrderBook orders)
    {
        _orders = orders;
    }

    public int MarkOrderAsPaidCalls(int orderId)
    {
        lock (_gate)
            return _markPaidCalls.GetValueOrDefault(orderId);
    }

    public bool CanMarkOrderAsPaid(Order order) =>
        order.OrderStatus != OrderStatus.Cancelled && !OrderBook.IsFinalPayment(order);

    public async Task MarkOrderAsPaidAsync(Order order)
    {
        lock (_gate)
            _markPaidCalls[order.Id] = _markPaidCalls.GetValueOrDefault(order.Id) + 1;

        order.PaymentStatus = PaymentStatus.Paid;
        order.PaidDateUtc = DateTime.UtcNow;
        if (order.OrderStatus == OrderStatus.Pending)
            order.OrderStatus = OrderStatus.Processing;
        await _orders.UpdateOrderAsync(order);
        await _orders.InsertOrderNoteAsync(new OrderNote
        {
            OrderId = order.Id,
            Note = "Order has been marked as paid",
            CreatedOnUtc = DateTime.UtcNow,
        });
    }

    public bool CanCancelOrder(Order order) => order.OrderStatus != OrderStatus.Cancelled;

    public async Task CancelOrderAsync(Order order, bool notifyCustomer)
    {
        order.OrderStatus = OrderStatus.Cancelled;
        await _orders.UpdateOrderAsync(order);
        await _orders.InsertOrderNoteAsync(new OrderNote
        {
            OrderId = order.Id,
            Note = "Order has been cancelled",
            CreatedOnUtc = DateTime.UtcNow,
        });
    }

    #region Not used by the plugin's public pages

    private static NotSupportedException NotUsed() => new("Not used by the plugin's public pages.");

    public Task CheckOrderStatusAsync(Order order) => throw NotUsed();
    public bool CanMarkOrderAsAuthorized(Order order) => throw NotUsed();
    public Task MarkAsAuthorizedAsync(Order order) => throw NotUsed();
    public Task<bool> CanCaptureAsync(Order order) => throw NotUsed();
    public Task<IList<string>> CaptureAsync(Order order) => throw NotUsed();
    public Task<bool> CanRefundAsync(Order order) => throw NotUsed();
    public Task<IList<string>> RefundAsync(Order order) => throw NotUsed();
    public bool CanRefundOffline(Order order) => throw NotUsed();
    public Task RefundOfflineAsync(Order order) => throw NotUsed();
    public Task<bool> CanPartiallyRefundAsync(Order order, decimal amountToRefund) => throw NotUsed();
    public Task<IList<string>> PartiallyRefundAsync(Order order, decimal amountToRefund) => throw NotUsed();
    public bool CanPartiallyRefundOffline(Order order, decimal amountToRefund) => throw NotUsed();
    public Task PartiallyRefundOfflineAsync(Order order, decimal amountToRefund) => throw NotUsed();
    public Task<bool> CanVoidAsync(Order order) => throw NotUsed();
    public Task<IList<string>> VoidAsync(Order order) => throw NotUsed();
    public bool CanVoidOffline(Order order) => throw NotUsed();
    public Task VoidOfflineAsync(Order order) => throw NotUsed();
    public Task<bool> IsPaymentWorkflowRequiredAsync(IList<ShoppingCartItem> cart, bool? useRewardPoints = null) => throw NotUsed();
    public Task<ProcessPaymentRequest> GetProcessPaymentRequestAsync() => throw NotUsed();
    public Task SetProcessPaymentRequestAsync(ProcessPaymentRequest processPaymentRequest, bool useNewOrderGuid = false) => throw NotUsed();

    #endregion
}
