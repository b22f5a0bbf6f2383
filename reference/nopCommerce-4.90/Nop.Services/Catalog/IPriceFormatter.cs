using Nop.Core.Domain.Directory;

namespace Nop.Services.Catalog;

// Subset: the plugin formats XAF amounts with the store's XAF currency, without tax suffix.
public partial interface IPriceFormatter
{
    Task<string> FormatPriceAsync(decimal price, bool showCurrency,
        Currency targetCurrency, int languageId, bool priceIncludesTax, bool showTax);
}
