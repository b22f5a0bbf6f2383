using Nop.Core.Domain.Orders;
using Nop.Services.Payments;

namespace Nop.Services.Orders;

// Subset: called by the plugin, not implemented.
public partial interface IOrderProcessingService
{
    Task CheckOrderStatusAsync(Order order);

    bool CanCancelOrder(Order order);

    Task CancelOrderAsync(Order order, bool notifyCustomer);

    bool CanMarkOrderAsAuthorized(Order order);

    Task MarkAsAuthorizedAsync(Order order);

    Task<bool> CanCaptureAsync(Order order);

    Task<IList<string>> CaptureAsync(Order order);

    bool CanMarkOrderAsPaid(Order order);

    Task MarkOrderAsPaidAsync(Order order);

    Task<bool> CanRefundAsync(Order order);

    Task<IList<string>> RefundAsync(Order order);

    bool CanRefundOffline(Order order);

    Task RefundOfflineAsync(Order order);

    Task<bool> CanPartiallyRefundAsync(Order order, decimal amountToRefund);

    Task<IList<string>> PartiallyRefundAsync(Order order, decimal amountToRefund);

    bool CanPartiallyRefundOffline(Order order, decimal amountToRefund);

    Task PartiallyRefundOfflineAsync(Order order, decimal amountToRefund);

    Task<bool> CanVoidAsync(Order order);

    Task<IList<string>> VoidAsync(Order order);

    bool CanVoidOffline(Order order);

    Task VoidOfflineAsync(Order order);

    Task<bool> IsPaymentWorkflowRequiredAsync(IList<ShoppingCartItem> cart, bool? useRewardPoints = null);

    Task<ProcessPaymentRequest> GetProcessPaymentRequestAsync();

    Task SetProcessPaymentRequestAsync(ProcessPaymentRequest processPaymentRequest, bool useNewOrderGuid = false);
}
