namespace Nop.Services.Orders;

// Declared only because IOrderTotalCalculationService.GetShoppingCartTotalAsync returns a list of them; the plugin
// reads none of its members (AmountCanBeUsed, GiftCard), which are not declared.
public partial class AppliedGiftCard
{
}
