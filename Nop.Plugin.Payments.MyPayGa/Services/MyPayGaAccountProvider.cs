using System.Collections.Concurrent;
using System.Globalization;
using MyPayGa.Client;
using Nop.Services.Configuration;
using Nop.Services.Localization;
using Nop.Services.Logging;
using static Nop.Plugin.Payments.MyPayGa.Localization.LocaleResources;

namespace Nop.Plugin.Payments.MyPayGa.Services;

/// <summary>
/// Builds a store's MyPayGa account from its settings (per-store overrides included). The secret settings are stored
/// encrypted (<see cref="IMyPayGaKeyProtector"/>) and decrypted here; one that cannot be decrypted is a problem of the
/// account (shown on the configuration page and in System › Warnings, logged once), never an empty key used silently.
/// </summary>
public class MyPayGaAccountProvider : IMyPayGaAccountProvider
{
    /// <summary>(store, setting, stored value) already logged as undecryptable: once per value and process, not per checkout.</summary>
    private static readonly ConcurrentDictionary<(int StoreId, string Setting, string Stored), byte> LoggedUnreadable = new();

    private readonly ISettingService _settingService;
    private readonly IMyPayGaClientFactory _clientFactory;
    private readonly ILocalizationService _localizationService;
    private readonly IMyPayGaKeyProtector _keyProtector;
    private readonly ILogger _logger;

    public MyPayGaAccountProvider(ISettingService settingService, IMyPayGaClientFactory clientFactory,
        ILocalizationService localizationService, IMyPayGaKeyProtector keyProtector, ILogger logger)
    {
        _settingService = settingService;
        _clientFactory = clientFactory;
        _localizationService = localizationService;
        _keyProtector = keyProtector;
        _logger = logger;
    }

    public async Task<MyPayGaAccount> GetAccountAsync(int storeId) =>
        (await BuildAsync(storeId)).Account;

    public async Task<IMyPayGaClient> GetClientAsync(int storeId)
    {
        var (account, problems) = await BuildAsync(storeId);
        problems = [.. problems, .. account.Validate()];
        if (problems.Count > 0)
            throw new MyPayGaException(MyPayGaErrorKind.Configuration, "configuration",
                "The MyPayGa account is not usable: " + string.Join(" ", problems));

        return _clientFactory.Create(account);
    }

    public async Task<IReadOnlyList<string>> GetProblemsAsync(int storeId)
    {
        var (account, problems) = await BuildAsync(storeId);
        return [.. problems, .. account.Validate()];
    }

    /// <summary>The account for settings, plus the problems only the settings can show (undecryptable secrets, malformed URLs).</summary>
    private async Task<(MyPayGaAccount Account, IReadOnlyList<string> Problems)> BuildAsync(int storeId)
    {
        var settings = await _settingService.LoadSettingAsync<MyPayGaSettings>(storeId);
        var problems = new List<string>();

        var production = settings.Environment == MyPayGaEnvironment.Production;
        var secretKey = production
            ? await ReadSecretAsync(storeId, settings.ProductionSecretKey, nameof(MyPayGaSettings.ProductionSecretKey), WebKeys.FieldProductionSecretKey, problems)
            : await ReadSecretAsync(storeId, settings.TestSecretKey, nameof(MyPayGaSettings.TestSecretKey), WebKeys.FieldTestSecretKey, problems);
        var callbackSecret = await ReadSecretAsync(storeId, settings.CallbackSecret, nameof(MyPayGaSettings.CallbackSecret), WebKeys.FieldCallbackSecret, problems);

        var account = new MyPayGaAccount
        {
            Environment = settings.Environment,
            SecretKey = secretKey ?? string.Empty,
            PublicKey = NullIfBlank(production ? settings.ProductionPublicKey : settings.TestPublicKey),
            CallbackSecret = callbackSecret,
            Timeout = TimeSpan.FromSeconds(settings.RequestTimeoutSeconds is > 0 and <= 300 ? settings.RequestTimeoutSeconds : 20),
        };

        if (!string.IsNullOrWhiteSpace(settings.ApiBaseUrlOverride))
        {
            if (TryAbsoluteHttpUrl(settings.ApiBaseUrlOverride, out var apiBase))
                account = account with { ApiBaseUrl = WithTrailingSlash(apiBase) };
            else
                problems.Add(await _localizationService.GetResourceAsync(ServiceKeys.InvalidApiBaseUrl));
        }

        if (!string.IsNullOrWhiteSpace(settings.CardFormUrlOverride))
        {
            if (TryAbsoluteHttpUrl(settings.CardFormUrlOverride, out var cardForm))
                account = account with { CardFormUrl = cardForm };
            else
                problems.Add(await _localizationService.GetResourceAsync(ServiceKeys.InvalidCardFormUrl));
        }

        return (account, problems);
    }

    /// <summary>The usable value of a secret setting, or null (nothing saved, or undecryptable: then a problem is added).</summary>
    private async Task<string?> ReadSecretAsync(int storeId, string? stored, string setting, string labelKey, List<string> problems)
    {
        var secret = _keyProtector.Read(stored);
        if (secret.IsUsable)
            return secret.Value;
        if (secret.State != StoredSecretState.Unreadable)
            return null;

        var label = await _localizationService.GetResourceAsync(labelKey);
        problems.Add(string.Format(CultureInfo.CurrentCulture, await _localizationService.GetResourceAsync(AdminKeys.SecretUnreadable), label));
        if (LoggedUnreadable.TryAdd((storeId, setting, stored!), 0))
        {
            await _logger.ErrorAsync(string.Format(CultureInfo.InvariantCulture,
                "MyPayGa: the saved {0} (store {1}) cannot be decrypted with this store's encryption key: MyPayGa payments that need it " +
                "are unavailable until it is entered again on the plugin's configuration page. (The database may come from another " +
                "installation, or the store's encryption key was changed.)", setting, storeId));
        }

        return null;
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static bool TryAbsoluteHttpUrl(string text, out Uri uri) =>
        Uri.TryCreate(text.Trim(), UriKind.Absolute, out uri!) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    // Without it, a base such as http://host/mypayga would lose its last segment when endpoints are resolved against it.
    private static Uri WithTrailingSlash(Uri uri) =>
        uri.AbsolutePath.EndsWith('/') ? uri : new Uri(uri.GetLeftPart(UriPartial.Path) + "/");
}
