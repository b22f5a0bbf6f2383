using System.Globalization;
using Nop.Core;
using Nop.Core.Domain.Directory;
using Nop.Services.Catalog;
using Nop.Services.Directory;

namespace Nop.Plugin.Payments.MyPayGa.Services;

/// <summary>
/// Whole XAF as the store shows them ("6 000 FCFA" when that is how the owner set up the XAF currency): nopCommerce's
/// price formatter with the store's XAF currency (its custom formatting or display locale), never the page's culture.
/// Without an XAF currency (a configuration the warnings already report), "6,000 XAF".
/// </summary>
public interface IMyPayGaXafFormatter
{
    Task<string> FormatAsync(long xaf);
}

public class MyPayGaXafFormatter : IMyPayGaXafFormatter
{
    private readonly IPriceFormatter _priceFormatter;
    private readonly ICurrencyService _currencyService;
    private readonly CurrencySettings _currencySettings;
    private readonly IWorkContext _workContext;
    private Currency? _xaf;
    private bool _resolved;
    private int _languageId;

    public MyPayGaXafFormatter(IPriceFormatter priceFormatter, ICurrencyService currencyService, CurrencySettings currencySettings,
        IWorkContext workContext)
    {
        _priceFormatter = priceFormatter;
        _currencyService = currencyService;
        _currencySettings = currencySettings;
        _workContext = workContext;
    }

    public async Task<string> FormatAsync(long xaf)
    {
        if (!_resolved)
        {
            var primary = await _currencyService.GetCurrencyByIdAsync(_currencySettings.PrimaryStoreCurrencyId);
            _xaf = IsXaf(primary) ? primary : await _currencyService.GetCurrencyByCodeAsync(XafAmountService.XafCode);
            if (!IsXaf(_xaf))
                _xaf = null;
            _languageId = (await _workContext.GetWorkingLanguageAsync())?.Id ?? 0;
            _resolved = true;
        }

        return _xaf is null
            ? Fallback(xaf)
            : await _priceFormatter.FormatPriceAsync(xaf, showCurrency: true, _xaf, _languageId, priceIncludesTax: false, showTax: false);
    }

    internal static string Fallback(long xaf) => xaf.ToString("N0", CultureInfo.InvariantCulture) + " XAF";

    private static bool IsXaf(Currency? currency) =>
        currency is not null && string.Equals(currency.CurrencyCode?.Trim(), XafAmountService.XafCode, StringComparison.OrdinalIgnoreCase);
}
