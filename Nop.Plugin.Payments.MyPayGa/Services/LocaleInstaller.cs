using Nop.Core.Domain.Localization;
using Nop.Plugin.Payments.MyPayGa.Localization;
using Nop.Services.Localization;

namespace Nop.Plugin.Payments.MyPayGa.Services;

/// <summary>
/// Gives languages the plugin's texts: French for a language whose culture starts with "fr", English otherwise.
/// </summary>
/// <remarks>
/// Always one language at a time: nopCommerce's AddOrUpdateLocaleResourceAsync for all languages at once (languageId
/// null) inserts a text only when no language has it yet, so a language created after the install would keep showing
/// raw resource keys to shoppers.
/// </remarks>
public interface IMyPayGaLocaleInstaller
{
    /// <summary>Every language, hidden ones included (install and update).</summary>
    Task AddToAllLanguagesAsync();

    /// <summary>One language (e.g. just created).</summary>
    Task AddToLanguageAsync(Language language);
}

/// <inheritdoc />
public class MyPayGaLocaleInstaller : IMyPayGaLocaleInstaller
{
    private readonly ILanguageService _languageService;
    private readonly ILocalizationService _localizationService;

    public MyPayGaLocaleInstaller(ILanguageService languageService, ILocalizationService localizationService)
    {
        _languageService = languageService;
        _localizationService = localizationService;
    }

    public async Task AddToAllLanguagesAsync()
    {
        foreach (var language in await _languageService.GetAllLanguagesAsync(showHidden: true))
            await AddToLanguageAsync(language);
    }

    public async Task AddToLanguageAsync(Language language)
    {
        ArgumentNullException.ThrowIfNull(language);
        if (language.Id <= 0)
            return;

        // New keys are added and changed texts updated; the merchant's own edits of the plugin's texts are overwritten.
        await _localizationService.AddOrUpdateLocaleResourceAsync(ResourcesFor(language).ToDictionary(pair => pair.Key, pair => pair.Value), language.Id);
    }

    /// <summary>French for fr, fr-FR, fr-GA...; English for every other culture (also the fallback of a language we do not translate).</summary>
    public static IReadOnlyDictionary<string, string> ResourcesFor(Language language) =>
        IsFrench(language.LanguageCulture) ? LocaleResources.French : LocaleResources.English;

    internal static bool IsFrench(string? culture)
    {
        var trimmed = culture?.Trim();
        return !string.IsNullOrEmpty(trimmed)
            && (trimmed.Equals("fr", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("fr-", StringComparison.OrdinalIgnoreCase));
    }
}
