using System.Collections.Concurrent;
using System.Linq.Expressions;
using Nop.Core;
using Nop.Core.Configuration;
using Nop.Core.Domain.Localization;
using Nop.Plugin.Payments.MyPayGa.Localization;
using Nop.Services.Localization;
using Nop.Services.Plugins;

namespace MyPayGa.Browser.Tests.Host;

/// <summary>
/// The plugin's English resources, as installed by the plugin. Like nopCommerce, an unknown key comes back as the key
/// itself (so it would show on the page); the keys asked for and not found are recorded for the tests.
/// </summary>
public sealed class EnglishLocalizationService : ILocalizationService
{
    private readonly ConcurrentDictionary<string, byte> _missing = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<string> MissingKeys => _missing.Keys.ToArray();

    public void ClearMissingKeys() => _missing.Clear();

    public Task<string> GetResourceAsync(string resourceKey) => Task.FromResult(Lookup(resourceKey, resourceKey));

    public Task<string> GetResourceAsync(string resourceKey, int languageId, bool logIfNotFound = true,
        string defaultValue = "", bool returnEmptyIfNotFound = false) =>
        Task.FromResult(Lookup(resourceKey, returnEmptyIfNotFound ? string.Empty
            : string.IsNullOrEmpty(defaultValue) ? resourceKey : defaultValue));

    private string Lookup(string key, string fallback)
    {
        if (LocaleResources.English.TryGetValue(key.Trim(), out var text))
            return text;
        _missing.TryAdd(key, 0);
        return fallback;
    }

    private static NotSupportedException NotUsed() => new("Not used by the plugin's public pages.");

    public Task<TPropType> GetLocalizedAsync<TEntity, TPropType>(TEntity entity, Expression<Func<TEntity, TPropType>> keySelector,
        int? languageId = null, bool returnDefaultValue = true, bool ensureTwoPublishedLanguages = true)
        where TEntity : BaseEntity, ILocalizedEntity => throw NotUsed();

    public Task<string> GetLocalizedSettingAsync<TSettings>(TSettings settings, Expression<Func<TSettings, string>> keySelector,
        int languageId, int storeId, bool returnDefaultValue = true, bool ensureTwoPublishedLanguages = true)
        where TSettings : ISettings, new() => throw NotUsed();

    public Task SaveLocalizedSettingAsync<TSettings>(TSettings settings, Expression<Func<TSettings, string>> keySelector,
        int languageId, string value) where TSettings : ISettings, new() => throw NotUsed();

    public Task<string> GetLocalizedEnumAsync<TEnum>(TEnum enumValue, int? languageId = null) where TEnum : struct => throw NotUsed();

    public Task AddOrUpdateLocaleResourceAsync(string resourceName, string resourceValue, string? languageCulture = null) => throw NotUsed();

    public Task AddOrUpdateLocaleResourceAsync(IDictionary<string, string> resources, int? languageId = null) => throw NotUsed();

    public Task DeleteLocaleResourceAsync(string resourceName) => throw NotUsed();

    public Task DeleteLocaleResourcesAsync(IList<string> resourceNames, int? languageId = null) => throw NotUsed();

    public Task DeleteLocaleResourcesAsync(string resourceNamePrefix, int? languageId = null) => throw NotUsed();

    public Task<string> GetLocalizedFriendlyNameAsync<TPlugin>(TPlugin plugin, int languageId, bool returnDefaultValue = true)
        where TPlugin : IPlugin => throw NotUsed();

    public Task SaveLocalizedFriendlyNameAsync<TPlugin>(TPlugin plugin, int languageId, string localizedFriendlyName)
        where TPlugin : IPlugin => throw NotUsed();
}
