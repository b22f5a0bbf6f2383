using MyPayGa.Client;
using Nop.Services.Configuration;
using Nop.Services.Localization;
using static Nop.Plugin.Payments.MyPayGa.Localization.LocaleResources;

namespace Nop.Plugin.Payments.MyPayGa.Services;

/// <summary>Builds a store's MyPayGa account from its settings (per-store overrides included).</summary>
public class MyPayGaAccountProvider : IMyPayGaAccountProvider
{
    private readonly ISettingService _settingService;
    private readonly IMyPayGaClientFactory _clientFactory;
    private readonly ILocalizationService _localizationService;

    public MyPayGaAccountProvider(ISettingService settingService, IMyPayGaClientFactory clientFactory,
        ILocalizationService localizationService)
    {
        _settingService = settingService;
        _clientFactory = clientFactory;
        _localizationService = localizationService;
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

    /// <summary>The account for settings, plus the problems only the settings can show (malformed URLs).</summary>
    private async Task<(MyPayGaAccount Account, IReadOnlyList<string> Problems)> BuildAsync(int storeId)
    {
        var settings = await _settingService.LoadSettingAsync<MyPayGaSettings>(storeId);
        var problems = new List<string>();

        var production = settings.Environment == MyPayGaEnvironment.Production;
        var account = new MyPayGaAccount
        {
            Environment = settings.Environment,
            SecretKey = (production ? settings.ProductionSecretKey : settings.TestSecretKey)?.Trim() ?? string.Empty,
            PublicKey = NullIfBlank(production ? settings.ProductionPublicKey : settings.TestPublicKey),
            CallbackSecret = NullIfBlank(settings.CallbackSecret),
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

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static bool TryAbsoluteHttpUrl(string text, out Uri uri) =>
        Uri.TryCreate(text.Trim(), UriKind.Absolute, out uri!) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    // Without it, a base such as http://host/mypayga would lose its last segment when endpoints are resolved against it.
    private static Uri WithTrailingSlash(Uri uri) =>
        uri.AbsolutePath.EndsWith('/') ? uri : new Uri(uri.GetLeftPart(UriPartial.Path) + "/");
}
