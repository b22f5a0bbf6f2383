using System.Globalization;
using Nop.Core;
using Nop.Core.Domain.Directory;
using Nop.Services.Catalog;
using Nop.Services.Directory;
using Nop.Services.Localization;
using static Nop.Plugin.Payments.MyPayGa.Localization.LocaleResources;

namespace Nop.Plugin.Payments.MyPayGa.Services;

/// <summary>Whole-XAF amounts written for the shopper as the store writes its XAF prices.</summary>
public interface IXafAmountFormatter
{
    /// <summary>
    /// E.g. "6 000 FCFA": nopCommerce's price formatter with the store's XAF currency (its custom formatting, else its
    /// display locale), without a tax suffix. When the store has no usable XAF format, the plugin's "{0} FCFA" with the
    /// page's digit grouping. Display only: the amount is the one MyPayGa is asked for, never rounded again.
    /// </summary>
    Task<string> FormatAsync(long amountXaf);

    /// <summary>
    /// True when the shopper sees prices in another currency than XAF (the store's primary currency, or the currency
    /// the shopper chose): what MyPayGa will take in XAF is then worth saying before the order is placed.
    /// </summary>
    Task<bool> ShopperSeesAnotherCurrencyAsync();
}

/// <inheritdoc />
public class XafAmountFormatter : IXafAmountFormatter
{
    private readonly CurrencySettings _currencySettings;
    private readonly ICurrencyService _currencyService;
    private readonly IPriceFormatter _priceFormatter;
    private readonly IWorkContext _workContext;
    private readonly ILocalizationService _localizationService;

    public XafAmountFormatter(CurrencySettings currencySettings,
        ICurrencyService currencyService,
        IPriceFormatter priceFormatter,
        IWorkContext workContext,
        ILocalizationService localizationService)
    {
        _currencySettings = currencySettings;
        _currencyService = currencyService;
        _priceFormatter = priceFormatter;
        _workContext = workContext;
        _localizationService = localizationService;
    }

    public async Task<string> FormatAsync(long amountXaf)
    {
        var xaf = await GetXafCurrencyAsync();
        // nopCommerce writes "6,000.00 (XAF)" for a currency with neither: the plugin's own text reads better.
        if (xaf is not null && (!string.IsNullOrWhiteSpace(xaf.CustomFormatting) || !string.IsNullOrWhiteSpace(xaf.DisplayLocale)))
        {
            try
            {
                var language = await _workContext.GetWorkingLanguageAsync();
                var text = await _priceFormatter.FormatPriceAsync(amountXaf, true, xaf, language?.Id ?? 0,
                    priceIncludesTax: false, showTax: false);
                if (!string.IsNullOrWhiteSpace(text))
                    return text;
            }
            catch (Exception ex) when (ex is CultureNotFoundException or FormatException or ArgumentException)
            {
                // A display locale or a custom format the store cannot use: the plugin's own text below.
            }
        }

        return string.Format(CultureInfo.CurrentCulture, await _localizationService.GetResourceAsync(WebKeys.CommonAmountXaf),
            amountXaf.ToString("N0", CultureInfo.CurrentCulture));
    }

    public async Task<bool> ShopperSeesAnotherCurrencyAsync()
    {
        var primary = await _currencyService.GetCurrencyByIdAsync(_currencySettings.PrimaryStoreCurrencyId);
        var working = await _workContext.GetWorkingCurrencyAsync();
        return !IsXaf(primary) || (working is not null && !IsXaf(working));
    }

    /// <summary>The primary store currency when it is XAF, else the store's XAF currency; null when there is none.</summary>
    private async Task<Currency?> GetXafCurrencyAsync()
    {
        var primary = await _currencyService.GetCurrencyByIdAsync(_currencySettings.PrimaryStoreCurrencyId);
        if (IsXaf(primary))
            return primary;

        var xaf = await _currencyService.GetCurrencyByCodeAsync(XafAmountService.XafCode);
        return IsXaf(xaf) ? xaf : null;
    }

    private static bool IsXaf(Currency? currency) =>
        string.Equals(currency?.CurrencyCode?.Trim(), XafAmountService.XafCode, StringComparison.OrdinalIgnoreCase);
}
