namespace Nop.Core.Domain.Discounts;

// Declared only because IOrderTotalCalculationService.GetShoppingCartTotalAsync returns a list of them; the plugin
// reads none of its members, which are not declared.
public partial class Discount : BaseEntity
{
}
