using Nop.Core.Domain.Directory;

namespace Nop.Services.Catalog;

// Subset: called by the plugin (amounts in XAF shown as the store shows them), not implemented. Only the overload
// that takes the currency, the language and the tax-suffix choice explicitly is declared.
public partial interface IPriceFormatter
{
    Task<string> FormatPriceAsync(decimal price, bool showCurrency,
        Currency targetCurrency, int languageId, bool priceIncludesTax, bool showTax);
}
