using System.Globalization;
using System.Linq.Expressions;
using Nop.Services.Configuration;
using Nop.Services.Logging;
using Nop.Services.Stores;

namespace Nop.Plugin.Payments.MyPayGa.Services;

/// <summary>Encrypts the secret settings that versions before 4.90.2 saved in clear.</summary>
public interface IMyPayGaSecretMigration
{
    /// <summary>
    /// Every clear secret (test and production secret keys, callback secret), for all stores and for each store that
    /// overrides it, is saved again in its protected form. Returns how many values were encrypted. A value that
    /// cannot be encrypted is left as it was and logged (without the value); it never stops the update.
    /// </summary>
    Task<int> ProtectClearSecretsAsync();
}

/// <inheritdoc />
public class MyPayGaSecretMigration : IMyPayGaSecretMigration
{
    /// <summary>The settings that hold secrets.</summary>
    internal static readonly Expression<Func<MyPayGaSettings, string?>>[] SecretSettings =
    [
        s => s.TestSecretKey,
        s => s.ProductionSecretKey,
        s => s.CallbackSecret,
    ];

    private readonly ISettingService _settingService;
    private readonly IStoreService _storeService;
    private readonly IMyPayGaKeyProtector _keyProtector;
    private readonly ILogger _logger;

    public MyPayGaSecretMigration(ISettingService settingService, IStoreService storeService,
        IMyPayGaKeyProtector keyProtector, ILogger logger)
    {
        _settingService = settingService;
        _storeService = storeService;
        _keyProtector = keyProtector;
        _logger = logger;
    }

    public async Task<int> ProtectClearSecretsAsync()
    {
        var template = new MyPayGaSettings();
        var storeIds = (await _storeService.GetAllStoresAsync()).Select(store => store.Id).Prepend(0).Distinct().ToList();
        var encrypted = 0;

        foreach (var selector in SecretSettings)
        {
            var key = _settingService.GetSettingKey(template, selector);
            foreach (var storeId in storeIds)
            {
                // Only what is saved for exactly this store (0 = all stores): a store without its own value uses the shared one.
                var stored = await _settingService.GetSettingByKeyAsync<string>(key, null!, storeId, loadSharedValueIfNotFound: false);
                if (string.IsNullOrWhiteSpace(stored) || _keyProtector.IsProtected(stored))
                    continue;

                try
                {
                    await _settingService.SetSettingAsync(key, _keyProtector.Protect(stored), storeId, clearCache: false);
                    encrypted++;
                }
                catch (MyPayGaKeyProtectionException ex)
                {
                    await _logger.ErrorAsync(string.Format(CultureInfo.InvariantCulture,
                        "MyPayGa: the setting {0} (store {1}) could not be encrypted and stays as it was: {2}", key, storeId, ex.Message));
                }
            }
        }

        if (encrypted > 0)
        {
            await _settingService.ClearCacheAsync();
            await _logger.InformationAsync(string.Format(CultureInfo.InvariantCulture,
                "MyPayGa: {0} secret setting(s) saved in clear by an earlier version are now encrypted with the store's encryption key.", encrypted));
        }

        return encrypted;
    }
}
