using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using MyPayGa.Client;
using Nop.Core;
using Nop.Plugin.Payments.MyPayGa.Models;
using Nop.Plugin.Payments.MyPayGa.Services;
using Nop.Services.Configuration;
using Nop.Services.Localization;
using Nop.Services.Stores;
using static Nop.Plugin.Payments.MyPayGa.Localization.LocaleResources;

namespace Nop.Plugin.Payments.MyPayGa.Factories;

/// <summary>Prepares the view models of the admin configuration page.</summary>
public interface IMyPayGaConfigurationModelFactory
{
    /// <summary>
    /// The page for a store scope (0: all stores): the settings as saved for that scope with their override boxes,
    /// the three addresses to register at MyPayGa, the warnings. A saved secret is never put in the model: only
    /// whether one is saved and whether it still decrypts.
    /// </summary>
    Task<ConfigurationModel> PrepareConfigurationModelAsync(int storeScope);

    /// <summary>What the page shows of a connection test.</summary>
    Task<ConnectionTestModel> PrepareConnectionTestModelAsync(ConnectionTestResult result, int storeScope);
}

/// <inheritdoc />
public class MyPayGaConfigurationModelFactory : IMyPayGaConfigurationModelFactory
{
    private readonly ILocalizationService _localizationService;
    private readonly ISettingService _settingService;
    private readonly IStoreContext _storeContext;
    private readonly IStoreService _storeService;
    private readonly IXafAmountService _xafAmountService;
    private readonly IMyPayGaAccountProvider _accountProvider;
    private readonly IMyPayGaKeyProtector _keyProtector;
    private readonly IMyPayGaWarningService _warningService;

    public MyPayGaConfigurationModelFactory(ILocalizationService localizationService,
        ISettingService settingService,
        IStoreContext storeContext,
        IStoreService storeService,
        IXafAmountService xafAmountService,
        IMyPayGaAccountProvider accountProvider,
        IMyPayGaKeyProtector keyProtector,
        IMyPayGaWarningService warningService)
    {
        _localizationService = localizationService;
        _settingService = settingService;
        _storeContext = storeContext;
        _storeService = storeService;
        _xafAmountService = xafAmountService;
        _accountProvider = accountProvider;
        _keyProtector = keyProtector;
        _warningService = warningService;
    }

    public async Task<ConfigurationModel> PrepareConfigurationModelAsync(int storeScope)
    {
        var settings = await _settingService.LoadSettingAsync<MyPayGaSettings>(storeScope);
        var testSecret = _keyProtector.Read(settings.TestSecretKey);
        var productionSecret = _keyProtector.Read(settings.ProductionSecretKey);
        var callbackSecret = _keyProtector.Read(settings.CallbackSecret);

        var model = new ConfigurationModel
        {
            ActiveStoreScopeConfiguration = storeScope,
            EnvironmentId = (int)settings.Environment,
            TestSecretKeySaved = testSecret.State != StoredSecretState.Empty,
            TestSecretKeyUnreadable = testSecret.State == StoredSecretState.Unreadable,
            TestPublicKey = settings.TestPublicKey,
            ProductionSecretKeySaved = productionSecret.State != StoredSecretState.Empty,
            ProductionSecretKeyUnreadable = productionSecret.State == StoredSecretState.Unreadable,
            ProductionPublicKey = settings.ProductionPublicKey,
            CallbackSecretSaved = callbackSecret.State != StoredSecretState.Empty,
            CallbackSecretUnreadable = callbackSecret.State == StoredSecretState.Unreadable,
            ApiBaseUrlOverride = settings.ApiBaseUrlOverride,
            CardFormUrlOverride = settings.CardFormUrlOverride,
            MobileMoneyEnabled = settings.MobileMoneyEnabled,
            CardEnabled = settings.CardEnabled,
            RiskyCardPolicyId = (int)settings.RiskyCardPolicy,
            CancelOrderOnFailure = settings.CancelOrderOnFailure,
            RequestTimeoutSeconds = settings.RequestTimeoutSeconds,
            StatusCacheSeconds = settings.StatusCacheSeconds,
            PendingPaymentExpiryMinutes = settings.PendingPaymentExpiryMinutes,
            AttemptFollowHours = settings.AttemptFollowHours,
            PushApprovalMinutes = settings.PushApprovalMinutes,
            ReconciliationConcurrency = settings.ReconciliationConcurrency,
            AdditionalFee = settings.AdditionalFee,
            AdditionalFeePercentage = settings.AdditionalFeePercentage,
            PaymentDescriptionTemplate = settings.PaymentDescriptionTemplate,
        };

        if (storeScope > 0)
        {
            model.EnvironmentId_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.Environment, storeScope);
            model.TestSecretKey_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.TestSecretKey, storeScope);
            model.TestPublicKey_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.TestPublicKey, storeScope);
            model.ProductionSecretKey_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.ProductionSecretKey, storeScope);
            model.ProductionPublicKey_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.ProductionPublicKey, storeScope);
            model.CallbackSecret_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.CallbackSecret, storeScope);
            model.ApiBaseUrlOverride_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.ApiBaseUrlOverride, storeScope);
            model.CardFormUrlOverride_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.CardFormUrlOverride, storeScope);
            model.MobileMoneyEnabled_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.MobileMoneyEnabled, storeScope);
            model.CardEnabled_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.CardEnabled, storeScope);
            model.RiskyCardPolicyId_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.RiskyCardPolicy, storeScope);
            model.CancelOrderOnFailure_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.CancelOrderOnFailure, storeScope);
            model.RequestTimeoutSeconds_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.RequestTimeoutSeconds, storeScope);
            model.StatusCacheSeconds_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.StatusCacheSeconds, storeScope);
            model.PendingPaymentExpiryMinutes_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.PendingPaymentExpiryMinutes, storeScope);
            model.AttemptFollowHours_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.AttemptFollowHours, storeScope);
            model.PushApprovalMinutes_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.PushApprovalMinutes, storeScope);
            model.ReconciliationConcurrency_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.ReconciliationConcurrency, storeScope);
            model.AdditionalFee_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.AdditionalFee, storeScope);
            model.AdditionalFeePercentage_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.AdditionalFeePercentage, storeScope);
            model.PaymentDescriptionTemplate_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.PaymentDescriptionTemplate, storeScope);
        }

        model.AvailableEnvironments =
        [
            new SelectListItem(await _localizationService.GetResourceAsync(WebKeys.EnvironmentTest), ((int)MyPayGaEnvironment.Test).ToString(CultureInfo.InvariantCulture)),
            new SelectListItem(await _localizationService.GetResourceAsync(WebKeys.EnvironmentProduction), ((int)MyPayGaEnvironment.Production).ToString(CultureInfo.InvariantCulture)),
        ];
        model.AvailableRiskyCardPolicies =
        [
            new SelectListItem(await _localizationService.GetResourceAsync(WebKeys.RiskyCardPolicyHoldForReview), ((int)RiskyCardPolicy.HoldForReview).ToString(CultureInfo.InvariantCulture)),
            new SelectListItem(await _localizationService.GetResourceAsync(WebKeys.RiskyCardPolicyMarkPaid), ((int)RiskyCardPolicy.MarkPaid).ToString(CultureInfo.InvariantCulture)),
        ];

        var storeUrl = await StoreUrlAsync(storeScope);
        if (storeUrl is not null)
        {
            model.CallbackUrl = storeUrl + MyPayGaDefaults.Routes.CallbackPath;
            model.SuccessUrl = storeUrl + MyPayGaDefaults.Routes.ReturnSuccessPath;
            model.FailureUrl = storeUrl + MyPayGaDefaults.Routes.ReturnFailurePath;
        }

        model.XafUnavailableReason = await _xafAmountService.GetUnavailabilityReasonAsync();
        model.AccountProblems = [.. await _accountProvider.GetProblemsAsync(storeScope)];
        // The page already says when the store has no URL (in place of the addresses).
        model.Warnings = [.. (await _warningService.GetStoreWarningsAsync(storeScope))
            .Where(w => w.Kind != MyPayGaWarningKind.StoreUrlMissing)
            .Select(w => w.Text)];

        return model;
    }

    public async Task<ConnectionTestModel> PrepareConnectionTestModelAsync(ConnectionTestResult result, int storeScope)
    {
        ArgumentNullException.ThrowIfNull(result);
        var store = storeScope > 0 ? await _storeService.GetStoreByIdAsync(storeScope) : null;
        return new ConnectionTestModel
        {
            Success = result.Success,
            Message = result.Message,
            Environment = await _localizationService.GetResourceAsync(
                result.Environment == MyPayGaEnvironment.Production ? WebKeys.EnvironmentProduction : WebKeys.EnvironmentTest),
            ApiBaseUrl = result.ApiBaseUrl,
            Latency = result.ElapsedMs is { } ms
                ? string.Format(CultureInfo.CurrentCulture, await _localizationService.GetResourceAsync(AdminKeys.TestConnectionMilliseconds), ms)
                : null,
            Store = store?.Name ?? await _localizationService.GetResourceAsync(AdminKeys.TestConnectionAllStores),
        };
    }

    /// <summary>The URL of the store in scope (or the current store), ending with '/'.</summary>
    private async Task<string?> StoreUrlAsync(int storeScope)
    {
        var store = storeScope > 0 ? await _storeService.GetStoreByIdAsync(storeScope) : null;
        store ??= await _storeContext.GetCurrentStoreAsync();
        var url = store?.Url?.Trim();
        if (string.IsNullOrEmpty(url))
            return null;

        return url.EndsWith('/') ? url : url + "/";
    }
}
