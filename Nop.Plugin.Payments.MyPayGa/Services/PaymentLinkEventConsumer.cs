using Nop.Core.Domain.Orders;
using Nop.Services.Events;
using Nop.Services.Logging;

namespace Nop.Plugin.Payments.MyPayGa.Services;

/// <summary>
/// Cancels a MyPayGa order's open payment links (linkCancel) once the order no longer needs them: paid by another
/// attempt (or by nopCommerce's "Mark as paid"), cancelled (by anyone: the admin, the expiry, a decision) or refunded.
/// The link that paid the order is never cancelled. A link MyPayGa could not cancel stays open and followed: if it is
/// paid anyway, the status processor records a double payment or a payment for a closed order, for a person to decide.
/// </summary>
public class PaymentLinkEventConsumer : IConsumer<OrderPaidEvent>, IConsumer<OrderStatusChangedEvent>, IConsumer<OrderRefundedEvent>
{
    private readonly IMyPayGaPaymentLinkService _links;
    private readonly ILogger _logger;

    public PaymentLinkEventConsumer(IMyPayGaPaymentLinkService links, ILogger logger)
    {
        _links = links;
        _logger = logger;
    }

    public Task HandleEventAsync(OrderPaidEvent eventMessage) => CancelAsync(eventMessage?.Order, "order paid");

    public Task HandleEventAsync(OrderStatusChangedEvent eventMessage) =>
        eventMessage?.Order is { OrderStatus: OrderStatus.Cancelled } order ? CancelAsync(order, "order cancelled") : Task.CompletedTask;

    public Task HandleEventAsync(OrderRefundedEvent eventMessage) => CancelAsync(eventMessage?.Order, "order refunded");

    private async Task CancelAsync(Order? order, string reason)
    {
        if (order is null || !string.Equals(order.PaymentMethodSystemName, MyPayGaDefaults.SystemName, StringComparison.OrdinalIgnoreCase))
            return;
        try
        {
            await _links.CancelObsoleteLinksAsync(order, reason);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Never let the order's own change fail because of a link: it stays followed.
            await _logger.ErrorAsync($"MyPayGa: order {order.Id}: its payment links could not be cancelled after \"{reason}\" ({ex.GetType().Name}).");
        }
    }
}
