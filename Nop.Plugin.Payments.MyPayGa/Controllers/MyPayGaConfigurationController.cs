using System.Globalization;
using System.Linq.Expressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using MyPayGa.Client;
using Nop.Core;
using Nop.Plugin.Payments.MyPayGa.Models;
using Nop.Plugin.Payments.MyPayGa.Services;
using Nop.Services.Configuration;
using Nop.Services.Localization;
using Nop.Services.Messages;
using Nop.Services.Security;
using Nop.Services.Stores;
using Nop.Web.Framework;
using Nop.Web.Framework.Controllers;
using Nop.Web.Framework.Mvc.Filters;
using static Nop.Plugin.Payments.MyPayGa.Localization.LocaleResources;

namespace Nop.Plugin.Payments.MyPayGa.Controllers;

/// <summary>
/// Admin configuration (Admin/MyPayGa/Configure), overridable per store like nopCommerce's own payment plugins.
/// Secret keys and the callback secret are write-only: never sent back to the page, kept when the field is left
/// empty, removed only through their "clear" box.
/// </summary>
[AuthorizeAdmin]
[Area(AreaNames.ADMIN)]
[AutoValidateAntiforgeryToken]
public class MyPayGaConfigurationController : BasePaymentController
{
    internal const int MinTimeoutSeconds = 5;
    internal const int MaxTimeoutSeconds = 120;
    internal const int MinStatusCacheSeconds = 0;
    internal const int MaxStatusCacheSeconds = 60;
    internal const int MinExpiryMinutes = 10;
    internal const int MaxExpiryMinutes = 60 * 24 * 7;
    internal const int MinFollowHours = 1;
    internal const int MaxFollowHours = 24 * 30;
    internal const int MinPushApprovalMinutes = 1;
    internal const int MaxPushApprovalMinutes = 60;
    internal const int MinReconciliationConcurrency = 1;
    internal const int MaxReconciliationConcurrency = 32;

    /// <summary>The write-only fields: their posted value never goes back to the page.</summary>
    internal static readonly string[] SecretFields =
    [
        nameof(ConfigurationModel.TestSecretKey),
        nameof(ConfigurationModel.ProductionSecretKey),
        nameof(ConfigurationModel.CallbackSecret),
    ];

    private readonly ILocalizationService _localizationService;
    private readonly INotificationService _notificationService;
    private readonly ISettingService _settingService;
    private readonly IStoreContext _storeContext;
    private readonly IStoreService _storeService;
    private readonly IXafAmountService _xafAmountService;
    private readonly IMyPayGaAccountProvider _accountProvider;

    public MyPayGaConfigurationController(ILocalizationService localizationService,
        INotificationService notificationService,
        ISettingService settingService,
        IStoreContext storeContext,
        IStoreService storeService,
        IXafAmountService xafAmountService,
        IMyPayGaAccountProvider accountProvider)
    {
        _localizationService = localizationService;
        _notificationService = notificationService;
        _settingService = settingService;
        _storeContext = storeContext;
        _storeService = storeService;
        _xafAmountService = xafAmountService;
        _accountProvider = accountProvider;
    }

    [HttpGet]
    [CheckPermission(StandardPermission.Configuration.MANAGE_PAYMENT_METHODS)]
    public async Task<IActionResult> Configure()
    {
        var storeScope = await _storeContext.GetActiveStoreScopeConfigurationAsync();
        var settings = await _settingService.LoadSettingAsync<MyPayGaSettings>(storeScope);

        var model = new ConfigurationModel
        {
            ActiveStoreScopeConfiguration = storeScope,
            EnvironmentId = (int)settings.Environment,
            TestSecretKeySaved = !string.IsNullOrWhiteSpace(settings.TestSecretKey),
            TestPublicKey = settings.TestPublicKey,
            ProductionSecretKeySaved = !string.IsNullOrWhiteSpace(settings.ProductionSecretKey),
            ProductionPublicKey = settings.ProductionPublicKey,
            CallbackSecretSaved = !string.IsNullOrWhiteSpace(settings.CallbackSecret),
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

        ScrubSecretsFromModelState();
        return View(MyPayGaViewPaths.Configure, model);
    }

    [HttpPost]
    [CheckPermission(StandardPermission.Configuration.MANAGE_PAYMENT_METHODS)]
    public async Task<IActionResult> Configure(ConfigurationModel model)
    {
        var storeScope = await _storeContext.GetActiveStoreScopeConfigurationAsync();
        var settings = await _settingService.LoadSettingAsync<MyPayGaSettings>(storeScope);

        // A value is edited (hence checked) for all stores, or for the store in scope when its box is ticked.
        bool Edited(bool overrideForStore) => storeScope == 0 || overrideForStore;

        await ValidateKeyAsync(model.TestSecretKey, nameof(model.TestSecretKey), MyPayGaEnvironment.Test, secretField: true);
        await ValidateKeyAsync(model.TestPublicKey, nameof(model.TestPublicKey), MyPayGaEnvironment.Test, secretField: false);
        await ValidateKeyAsync(model.ProductionSecretKey, nameof(model.ProductionSecretKey), MyPayGaEnvironment.Production, secretField: true);
        await ValidateKeyAsync(model.ProductionPublicKey, nameof(model.ProductionPublicKey), MyPayGaEnvironment.Production, secretField: false);

        if (Edited(model.EnvironmentId_OverrideForStore) && !Enum.IsDefined(typeof(MyPayGaEnvironment), model.EnvironmentId))
            await AddErrorAsync(nameof(model.EnvironmentId), WebKeys.ConfigureErrorInvalidChoice, nameof(model.EnvironmentId));
        if (Edited(model.RiskyCardPolicyId_OverrideForStore) && !Enum.IsDefined(typeof(RiskyCardPolicy), model.RiskyCardPolicyId))
            await AddErrorAsync(nameof(model.RiskyCardPolicyId), WebKeys.ConfigureErrorInvalidChoice, nameof(model.RiskyCardPolicyId));
        if (Edited(model.ApiBaseUrlOverride_OverrideForStore))
            await ValidateUrlAsync(model.ApiBaseUrlOverride, nameof(model.ApiBaseUrlOverride));
        if (Edited(model.CardFormUrlOverride_OverrideForStore))
            await ValidateUrlAsync(model.CardFormUrlOverride, nameof(model.CardFormUrlOverride));
        if (Edited(model.RequestTimeoutSeconds_OverrideForStore))
            await ValidateRangeAsync(model.RequestTimeoutSeconds, nameof(model.RequestTimeoutSeconds), MinTimeoutSeconds, MaxTimeoutSeconds);
        if (Edited(model.StatusCacheSeconds_OverrideForStore))
            await ValidateRangeAsync(model.StatusCacheSeconds, nameof(model.StatusCacheSeconds), MinStatusCacheSeconds, MaxStatusCacheSeconds);
        if (Edited(model.PendingPaymentExpiryMinutes_OverrideForStore))
            await ValidateRangeAsync(model.PendingPaymentExpiryMinutes, nameof(model.PendingPaymentExpiryMinutes), MinExpiryMinutes, MaxExpiryMinutes);
        if (Edited(model.AttemptFollowHours_OverrideForStore))
            await ValidateRangeAsync(model.AttemptFollowHours, nameof(model.AttemptFollowHours), MinFollowHours, MaxFollowHours);
        if (Edited(model.PushApprovalMinutes_OverrideForStore))
            await ValidateRangeAsync(model.PushApprovalMinutes, nameof(model.PushApprovalMinutes), MinPushApprovalMinutes, MaxPushApprovalMinutes);
        if (Edited(model.ReconciliationConcurrency_OverrideForStore))
            await ValidateRangeAsync(model.ReconciliationConcurrency, nameof(model.ReconciliationConcurrency), MinReconciliationConcurrency, MaxReconciliationConcurrency);
        if (Edited(model.AdditionalFee_OverrideForStore) && model.AdditionalFee < 0)
            await AddErrorAsync(nameof(model.AdditionalFee), WebKeys.ConfigureErrorNegative, nameof(model.AdditionalFee));
        if (Edited(model.PaymentDescriptionTemplate_OverrideForStore) && !IsValidDescriptionTemplate(model.PaymentDescriptionTemplate))
            await AddErrorAsync(nameof(model.PaymentDescriptionTemplate), WebKeys.ConfigureErrorDescriptionTemplate, nameof(model.PaymentDescriptionTemplate));
        if (Edited(model.MobileMoneyEnabled_OverrideForStore) && Edited(model.CardEnabled_OverrideForStore)
            && !model.MobileMoneyEnabled && !model.CardEnabled)
            ModelState.AddModelError(nameof(model.MobileMoneyEnabled), await _localizationService.GetResourceAsync(WebKeys.ConfigureErrorNoChannel));

        if (!ModelState.IsValid)
            return await Configure();

        settings.Environment = (MyPayGaEnvironment)model.EnvironmentId;
        settings.TestSecretKey = KeepOrReplace(settings.TestSecretKey, model.TestSecretKey, model.ClearTestSecretKey);
        settings.TestPublicKey = Trimmed(model.TestPublicKey);
        settings.ProductionSecretKey = KeepOrReplace(settings.ProductionSecretKey, model.ProductionSecretKey, model.ClearProductionSecretKey);
        settings.ProductionPublicKey = Trimmed(model.ProductionPublicKey);
        settings.CallbackSecret = KeepOrReplace(settings.CallbackSecret, model.CallbackSecret, model.ClearCallbackSecret);
        settings.ApiBaseUrlOverride = Trimmed(model.ApiBaseUrlOverride);
        settings.CardFormUrlOverride = Trimmed(model.CardFormUrlOverride);
        settings.MobileMoneyEnabled = model.MobileMoneyEnabled;
        settings.CardEnabled = model.CardEnabled;
        settings.RiskyCardPolicy = (RiskyCardPolicy)model.RiskyCardPolicyId;
        settings.CancelOrderOnFailure = model.CancelOrderOnFailure;
        settings.RequestTimeoutSeconds = model.RequestTimeoutSeconds;
        settings.StatusCacheSeconds = model.StatusCacheSeconds;
        settings.PendingPaymentExpiryMinutes = model.PendingPaymentExpiryMinutes;
        settings.AttemptFollowHours = model.AttemptFollowHours;
        settings.PushApprovalMinutes = model.PushApprovalMinutes;
        settings.ReconciliationConcurrency = model.ReconciliationConcurrency;
        settings.AdditionalFee = model.AdditionalFee;
        settings.AdditionalFeePercentage = model.AdditionalFeePercentage;
        settings.PaymentDescriptionTemplate = model.PaymentDescriptionTemplate?.Trim() ?? string.Empty;

        // Setting by setting, without clearing the cache each time (nopCommerce's pattern), then once at the end.
        await SaveAsync(settings, x => x.Environment, model.EnvironmentId_OverrideForStore, storeScope);
        await SaveAsync(settings, x => x.TestSecretKey, model.TestSecretKey_OverrideForStore, storeScope);
        await SaveAsync(settings, x => x.TestPublicKey, model.TestPublicKey_OverrideForStore, storeScope);
        await SaveAsync(settings, x => x.ProductionSecretKey, model.ProductionSecretKey_OverrideForStore, storeScope);
        await SaveAsync(settings, x => x.ProductionPublicKey, model.ProductionPublicKey_OverrideForStore, storeScope);
        await SaveAsync(settings, x => x.CallbackSecret, model.CallbackSecret_OverrideForStore, storeScope);
        await SaveAsync(settings, x => x.ApiBaseUrlOverride, model.ApiBaseUrlOverride_OverrideForStore, storeScope);
        await SaveAsync(settings, x => x.CardFormUrlOverride, model.CardFormUrlOverride_OverrideForStore, storeScope);
        await SaveAsync(settings, x => x.MobileMoneyEnabled, model.MobileMoneyEnabled_OverrideForStore, storeScope);
        await SaveAsync(settings, x => x.CardEnabled, model.CardEnabled_OverrideForStore, storeScope);
        await SaveAsync(settings, x => x.RiskyCardPolicy, model.RiskyCardPolicyId_OverrideForStore, storeScope);
        await SaveAsync(settings, x => x.CancelOrderOnFailure, model.CancelOrderOnFailure_OverrideForStore, storeScope);
        await SaveAsync(settings, x => x.RequestTimeoutSeconds, model.RequestTimeoutSeconds_OverrideForStore, storeScope);
        await SaveAsync(settings, x => x.StatusCacheSeconds, model.StatusCacheSeconds_OverrideForStore, storeScope);
        await SaveAsync(settings, x => x.PendingPaymentExpiryMinutes, model.PendingPaymentExpiryMinutes_OverrideForStore, storeScope);
        await SaveAsync(settings, x => x.AttemptFollowHours, model.AttemptFollowHours_OverrideForStore, storeScope);
        await SaveAsync(settings, x => x.PushApprovalMinutes, model.PushApprovalMinutes_OverrideForStore, storeScope);
        await SaveAsync(settings, x => x.ReconciliationConcurrency, model.ReconciliationConcurrency_OverrideForStore, storeScope);
        await SaveAsync(settings, x => x.AdditionalFee, model.AdditionalFee_OverrideForStore, storeScope);
        await SaveAsync(settings, x => x.AdditionalFeePercentage, model.AdditionalFeePercentage_OverrideForStore, storeScope);
        await SaveAsync(settings, x => x.PaymentDescriptionTemplate, model.PaymentDescriptionTemplate_OverrideForStore, storeScope);
        await _settingService.ClearCacheAsync();

        _notificationService.SuccessNotification(await _localizationService.GetResourceAsync("Admin.Plugins.Saved"));

        return await Configure();
    }

    #region Utilities

    private Task SaveAsync<TProp>(MyPayGaSettings settings, Expression<Func<MyPayGaSettings, TProp>> property,
        bool overrideForStore, int storeScope) =>
        _settingService.SaveSettingOverridablePerStoreAsync(settings, property, overrideForStore, storeScope, false);

    /// <summary>Clear removes; an empty field keeps what is saved; anything else replaces it.</summary>
    internal static string? KeepOrReplace(string? stored, string? posted, bool clear) =>
        clear ? null : string.IsNullOrWhiteSpace(posted) ? stored : posted.Trim();

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>The posted secrets stay out of what the view can read back (ModelState keeps errors, not values).</summary>
    private void ScrubSecretsFromModelState()
    {
        foreach (var field in SecretFields)
        {
            if (ModelState.ContainsKey(field))
                ModelState.SetModelValue(field, rawValue: null, attemptedValue: null);
        }
    }

    /// <summary>
    /// A key whose prefix names the other environment is refused, and so is a secret key in a public-key field
    /// (the public key is written into the shopper's page) or a public key in a secret-key field.
    /// </summary>
    private async Task ValidateKeyAsync(string? key, string field, MyPayGaEnvironment fieldEnvironment, bool secretField)
    {
        if (string.IsNullOrWhiteSpace(key))
            return;

        var errorKey = KeyRules.Check(key, fieldEnvironment, secretField);
        if (errorKey is null)
            return;

        await AddErrorAsync(field, errorKey, field);
        // A secret key pasted in a public-key field must not come back in that (visible) field either.
        if (errorKey == WebKeys.ConfigureErrorSecretKeyInPublicField)
            ModelState.SetModelValue(field, rawValue: null, attemptedValue: null);
    }

    private async Task ValidateUrlAsync(string? url, string field)
    {
        if (string.IsNullOrWhiteSpace(url))
            return;

        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            await AddErrorAsync(field, WebKeys.ConfigureErrorInvalidUrl, field);
    }

    private async Task ValidateRangeAsync(int value, string field, int min, int max)
    {
        if (value < min || value > max)
        {
            var label = await _localizationService.GetResourceAsync(ConfigurationModel.FieldPrefix + FieldResourceName(field));
            ModelState.AddModelError(field, string.Format(CultureInfo.CurrentCulture,
                await _localizationService.GetResourceAsync(WebKeys.ConfigureErrorRange), label, min, max));
        }
    }

    /// <summary>The template is formatted with the order number and the store name; it must not throw.</summary>
    internal static bool IsValidDescriptionTemplate(string? template)
    {
        if (string.IsNullOrWhiteSpace(template))
            return false;

        try
        {
            _ = string.Format(CultureInfo.InvariantCulture, template, "1", "store");
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Adds "{field label}: {message}" to the field.</summary>
    private async Task AddErrorAsync(string field, string messageKey, string labelField)
    {
        var label = await _localizationService.GetResourceAsync(ConfigurationModel.FieldPrefix + FieldResourceName(labelField));
        var message = string.Format(CultureInfo.CurrentCulture, await _localizationService.GetResourceAsync(messageKey), label);
        ModelState.AddModelError(field, message);
    }

    /// <summary>"EnvironmentId" is labelled by "...Fields.Environment" (same for RiskyCardPolicyId).</summary>
    private static string FieldResourceName(string field) =>
        field.EndsWith("Id", StringComparison.Ordinal) ? field[..^2] : field;

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

    #endregion
}
