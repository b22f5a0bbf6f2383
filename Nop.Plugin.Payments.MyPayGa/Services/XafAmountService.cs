using Nop.Core.Domain.Directory;
using Nop.Services.Directory;
using Nop.Services.Localization;
using static Nop.Plugin.Payments.MyPayGa.Localization.LocaleResources;

namespace Nop.Plugin.Payments.MyPayGa.Services;

/// <summary>
/// Whole-XAF amounts. MyPayGa takes CFA francs (ISO 4217 "XAF") only: when the primary store currency is XAF the
/// amounts are used as they are; otherwise they are converted to the store's XAF currency at its rate.
/// </summary>
public class XafAmountService : IXafAmountService
{
    public const string XafCode = "XAF";

    private readonly CurrencySettings _currencySettings;
    private readonly ICurrencyService _currencyService;
    private readonly ILocalizationService _localizationService;

    public XafAmountService(CurrencySettings currencySettings, ICurrencyService currencyService,
        ILocalizationService localizationService)
    {
        _currencySettings = currencySettings;
        _currencyService = currencyService;
        _localizationService = localizationService;
    }

    public async Task<string?> GetUnavailabilityReasonAsync()
    {
        var (_, reasonKey) = await ResolveAsync();
        return reasonKey is null ? null : await _localizationService.GetResourceAsync(reasonKey);
    }

    public async Task<long> ToXafAsync(decimal amountInPrimaryCurrency)
    {
        var (target, reasonKey) = await ResolveAsync();
        if (reasonKey is not null)
            throw new InvalidOperationException("XAF is not available in this store: " + reasonKey);

        var xaf = target is null
            ? amountInPrimaryCurrency
            : await _currencyService.ConvertFromPrimaryStoreCurrencyAsync(amountInPrimaryCurrency, target);

        return RoundToFrancs(xaf);
    }

    /// <summary>Whole francs, half a franc and above rounded up (away from zero).</summary>
    public static long RoundToFrancs(decimal amount) =>
        (long)decimal.Round(amount, 0, MidpointRounding.AwayFromZero);

    /// <summary>(null, null) when XAF is primary; (XAF currency, null) when converting; (null, reason key) when unavailable.</summary>
    private async Task<(Currency? Target, string? ReasonKey)> ResolveAsync()
    {
        var primary = await _currencyService.GetCurrencyByIdAsync(_currencySettings.PrimaryStoreCurrencyId);
        if (primary is null)
            return (null, ServiceKeys.XafNoPrimaryCurrency);
        if (IsXaf(primary))
            return (null, null);

        var xaf = await _currencyService.GetCurrencyByCodeAsync(XafCode);
        if (xaf is null || !IsXaf(xaf))
            return (null, ServiceKeys.XafCurrencyMissing);
        if (xaf.Rate <= 0)
            return (null, ServiceKeys.XafRateMissing);

        return (xaf, null);
    }

    private static bool IsXaf(Currency currency) =>
        string.Equals(currency.CurrencyCode?.Trim(), XafCode, StringComparison.OrdinalIgnoreCase);
}
