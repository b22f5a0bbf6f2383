using Nop.Core.Domain.Directory;

namespace Nop.Services.Directory;

// Subset: called by the plugin, not implemented.
public partial interface ICurrencyService
{
    Task<Currency> GetCurrencyByIdAsync(int currencyId);

    Task<Currency> GetCurrencyByCodeAsync(string currencyCode);

    Task<IList<Currency>> GetAllCurrenciesAsync(bool showHidden = false, int storeId = 0);

    decimal ConvertCurrency(decimal amount, decimal exchangeRate);

    Task<decimal> ConvertToPrimaryStoreCurrencyAsync(decimal amount, Currency sourceCurrencyCode);

    Task<decimal> ConvertFromPrimaryStoreCurrencyAsync(decimal amount, Currency targetCurrencyCode);

    Task<decimal> ConvertCurrencyAsync(decimal amount, Currency sourceCurrencyCode, Currency targetCurrencyCode);
}
