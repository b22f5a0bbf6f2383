using Nop.Core.Domain.Orders;

namespace Nop.Services.Orders;

// Subset: called by the plugin, not implemented.
public partial interface IOrderTotalCalculationService
{
    Task<decimal> CalculatePaymentAdditionalFeeAsync(IList<ShoppingCartItem> cart, decimal fee, bool usePercentage);
}
