using System.Globalization;
using Nop.Core.Domain.Directory;
using Nop.Services.Catalog;

namespace Nop.Plugin.Payments.MyPayGa.Tests.Support;

/// <summary>
/// Writes a price the way nopCommerce 4.90's PriceFormatter does for a currency (its rules, not its code): the currency's
/// custom formatting as a .NET numeric format with the current culture, else its display locale's currency format,
/// else "{amount:N} ({code})"; then " ({code})" when the store shows currency labels, and a tax suffix when asked.
/// Prices are whole XAF here, so its rounding changes nothing.
/// </summary>
public sealed class NopLikePriceFormatter : IPriceFormatter
{
    public bool DisplayCurrencyLabel { get; set; }

    /// <summary>Every call, to check what the plugin asked for.</summary>
    public List<(decimal Price, bool ShowCurrency, Currency Currency, int LanguageId, bool ShowTax)> Calls { get; } = [];

    public Task<string> FormatPriceAsync(decimal price, bool showCurrency, Currency targetCurrency, int languageId,
        bool priceIncludesTax, bool showTax)
    {
        ArgumentNullException.ThrowIfNull(targetCurrency);
        Calls.Add((price, showCurrency, targetCurrency, languageId, showTax));

        string text;
        if (!string.IsNullOrEmpty(targetCurrency.CustomFormatting))
            text = price.ToString(targetCurrency.CustomFormatting, CultureInfo.CurrentCulture);
        else if (!string.IsNullOrEmpty(targetCurrency.DisplayLocale))
            text = price.ToString("C", new CultureInfo(targetCurrency.DisplayLocale));
        else
            return Task.FromResult($"{price.ToString("N", CultureInfo.CurrentCulture)} ({targetCurrency.CurrencyCode})");

        if (showCurrency && DisplayCurrencyLabel)
            text = $"{text} ({targetCurrency.CurrencyCode})";
        if (showTax)
            text = $"{text} {(priceIncludesTax ? "incl tax" : "excl tax")}";
        return Task.FromResult(text);
    }
}
