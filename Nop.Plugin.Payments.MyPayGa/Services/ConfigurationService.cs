using System.Globalization;
using System.Linq.Expressions;
using MyPayGa.Client;
using Nop.Plugin.Payments.MyPayGa.Models;
using Nop.Services.Configuration;
using Nop.Services.Localization;
using Nop.Services.Logging;
using Nop.Services.ScheduleTasks;
using static Nop.Plugin.Payments.MyPayGa.Localization.LocaleResources;

namespace Nop.Plugin.Payments.MyPayGa.Services;

/// <summary>An error for one field of the configuration page (localised, never holding a key).</summary>
/// <param name="ForgetPostedValue">The posted value must not be sent back to the page (a secret key in a public-key field).</param>
public sealed record ConfigurationError(string Field, string Message, bool ForgetPostedValue = false);

/// <summary>Checks and saves what the configuration page posts.</summary>
public interface IMyPayGaConfigurationService
{
    /// <summary>The errors of a post (empty: it may be saved). Only values edited for the scope are checked.</summary>
    Task<IReadOnlyList<ConfigurationError>> ValidateAsync(ConfigurationModel model, int storeScope);

    /// <summary>
    /// Saves a valid post for the scope: secrets encrypted (an empty secret field keeps the saved value, "clear" removes
    /// it), each setting overridable per store as nopCommerce does, the settings cache cleared once; the reconciliation
    /// task added back if it is missing. When a secret cannot be encrypted nothing is saved and the errors say why.
    /// </summary>
    Task<IReadOnlyList<ConfigurationError>> SaveAsync(ConfigurationModel model, int storeScope);
}

/// <inheritdoc />
public class MyPayGaConfigurationService : IMyPayGaConfigurationService
{
    public const int MinTimeoutSeconds = 5;
    public const int MaxTimeoutSeconds = 120;
    public const int MinStatusCacheSeconds = 0;
    public const int MaxStatusCacheSeconds = 60;
    /// <summary>0 = never cancel unpaid orders; otherwise at least this many minutes (a mobile push takes a few minutes).</summary>
    public const int NeverExpire = 0;
    public const int MinExpiryMinutes = 10;
    public const int MinFollowHours = 1;
    public const int MaxFollowHours = 24 * 30;
    public const int MinPushApprovalMinutes = 1;
    public const int MaxPushApprovalMinutes = 60;
    public const int MinReconciliationConcurrency = 1;
    public const int MaxReconciliationConcurrency = 32;
    public const int MaxExpiryMinutes = 60 * 24 * 7;

    private readonly ISettingService _settingService;
    private readonly ILocalizationService _localizationService;
    private readonly IMyPayGaKeyProtector _keyProtector;
    private readonly IScheduleTaskService _scheduleTaskService;
    private readonly ILogger _logger;

    public MyPayGaConfigurationService(ISettingService settingService,
        ILocalizationService localizationService,
        IMyPayGaKeyProtector keyProtector,
        IScheduleTaskService scheduleTaskService,
        ILogger logger)
    {
        _settingService = settingService;
        _localizationService = localizationService;
        _keyProtector = keyProtector;
        _scheduleTaskService = scheduleTaskService;
        _logger = logger;
    }

    public async Task<IReadOnlyList<ConfigurationError>> ValidateAsync(ConfigurationModel model, int storeScope)
    {
        ArgumentNullException.ThrowIfNull(model);
        var errors = new List<ConfigurationError>();

        // A value is edited (hence checked) for all stores, or for the store in scope when its box is ticked.
        bool Edited(bool overrideForStore) => storeScope == 0 || overrideForStore;

        await CheckKeyAsync(errors, model.TestSecretKey, nameof(model.TestSecretKey), MyPayGaEnvironment.Test, secretField: true);
        await CheckKeyAsync(errors, model.TestPublicKey, nameof(model.TestPublicKey), MyPayGaEnvironment.Test, secretField: false);
        await CheckKeyAsync(errors, model.ProductionSecretKey, nameof(model.ProductionSecretKey), MyPayGaEnvironment.Production, secretField: true);
        await CheckKeyAsync(errors, model.ProductionPublicKey, nameof(model.ProductionPublicKey), MyPayGaEnvironment.Production, secretField: false);

        if (Edited(model.EnvironmentId_OverrideForStore) && !Enum.IsDefined(typeof(MyPayGaEnvironment), model.EnvironmentId))
            errors.Add(await ErrorAsync(nameof(model.EnvironmentId), WebKeys.ConfigureErrorInvalidChoice));
        if (Edited(model.RiskyCardPolicyId_OverrideForStore) && !Enum.IsDefined(typeof(RiskyCardPolicy), model.RiskyCardPolicyId))
            errors.Add(await ErrorAsync(nameof(model.RiskyCardPolicyId), WebKeys.ConfigureErrorInvalidChoice));
        if (Edited(model.ApiBaseUrlOverride_OverrideForStore) && !IsBlankOrHttpUrl(model.ApiBaseUrlOverride))
            errors.Add(await ErrorAsync(nameof(model.ApiBaseUrlOverride), WebKeys.ConfigureErrorInvalidUrl));
        if (Edited(model.CardFormUrlOverride_OverrideForStore) && !IsBlankOrHttpUrl(model.CardFormUrlOverride))
            errors.Add(await ErrorAsync(nameof(model.CardFormUrlOverride), WebKeys.ConfigureErrorInvalidUrl));
        if (Edited(model.RequestTimeoutSeconds_OverrideForStore) && model.RequestTimeoutSeconds is < MinTimeoutSeconds or > MaxTimeoutSeconds)
            errors.Add(await RangeErrorAsync(nameof(model.RequestTimeoutSeconds), WebKeys.ConfigureErrorRange, MinTimeoutSeconds, MaxTimeoutSeconds));
        if (Edited(model.StatusCacheSeconds_OverrideForStore) && model.StatusCacheSeconds is < MinStatusCacheSeconds or > MaxStatusCacheSeconds)
            errors.Add(await RangeErrorAsync(nameof(model.StatusCacheSeconds), WebKeys.ConfigureErrorRange, MinStatusCacheSeconds, MaxStatusCacheSeconds));
        if (Edited(model.PendingPaymentExpiryMinutes_OverrideForStore) && !IsValidExpiry(model.PendingPaymentExpiryMinutes))
            errors.Add(await RangeErrorAsync(nameof(model.PendingPaymentExpiryMinutes), AdminKeys.ExpiryRange, MinExpiryMinutes, MaxExpiryMinutes));
        if (Edited(model.AttemptFollowHours_OverrideForStore) && model.AttemptFollowHours is < MinFollowHours or > MaxFollowHours)
            errors.Add(await RangeErrorAsync(nameof(model.AttemptFollowHours), WebKeys.ConfigureErrorRange, MinFollowHours, MaxFollowHours));
        if (Edited(model.PushApprovalMinutes_OverrideForStore) && model.PushApprovalMinutes is < MinPushApprovalMinutes or > MaxPushApprovalMinutes)
            errors.Add(await RangeErrorAsync(nameof(model.PushApprovalMinutes), WebKeys.ConfigureErrorRange, MinPushApprovalMinutes, MaxPushApprovalMinutes));
        if (Edited(model.ReconciliationConcurrency_OverrideForStore) && model.ReconciliationConcurrency is < MinReconciliationConcurrency or > MaxReconciliationConcurrency)
            errors.Add(await RangeErrorAsync(nameof(model.ReconciliationConcurrency), WebKeys.ConfigureErrorRange, MinReconciliationConcurrency, MaxReconciliationConcurrency));
        if (Edited(model.AdditionalFee_OverrideForStore) && model.AdditionalFee < 0)
            errors.Add(await ErrorAsync(nameof(model.AdditionalFee), WebKeys.ConfigureErrorNegative));
        if (Edited(model.PaymentDescriptionTemplate_OverrideForStore) && !IsValidDescriptionTemplate(model.PaymentDescriptionTemplate))
            errors.Add(await ErrorAsync(nameof(model.PaymentDescriptionTemplate), WebKeys.ConfigureErrorDescriptionTemplate));
        if (Edited(model.MobileMoneyEnabled_OverrideForStore) && Edited(model.CardEnabled_OverrideForStore)
            && !model.MobileMoneyEnabled && !model.CardEnabled)
            errors.Add(new(nameof(model.MobileMoneyEnabled), await _localizationService.GetResourceAsync(WebKeys.ConfigureErrorNoChannel)));

        return errors;
    }

    public async Task<IReadOnlyList<ConfigurationError>> SaveAsync(ConfigurationModel model, int storeScope)
    {
        ArgumentNullException.ThrowIfNull(model);
        var settings = await _settingService.LoadSettingAsync<MyPayGaSettings>(storeScope);
        var errors = new List<ConfigurationError>();

        // Secrets first: if one cannot be encrypted, nothing at all is saved.
        var testSecret = await SecretToStoreAsync(errors, settings.TestSecretKey, model.TestSecretKey, model.ClearTestSecretKey, nameof(model.TestSecretKey));
        var productionSecret = await SecretToStoreAsync(errors, settings.ProductionSecretKey, model.ProductionSecretKey, model.ClearProductionSecretKey, nameof(model.ProductionSecretKey));
        var callbackSecret = await SecretToStoreAsync(errors, settings.CallbackSecret, model.CallbackSecret, model.ClearCallbackSecret, nameof(model.CallbackSecret));
        if (errors.Count > 0)
            return errors;

        settings.Environment = (MyPayGaEnvironment)model.EnvironmentId;
        settings.TestSecretKey = testSecret;
        settings.TestPublicKey = Trimmed(model.TestPublicKey);
        settings.ProductionSecretKey = productionSecret;
        settings.ProductionPublicKey = Trimmed(model.ProductionPublicKey);
        settings.CallbackSecret = callbackSecret;
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

        if (await ReconciliationTaskRegistration.EnsureAsync(_scheduleTaskService))
            await _logger.InformationAsync($"MyPayGa: the missing scheduled task \"{PendingPaymentReconciliationTask.TaskName}\" was added again.");

        return errors;
    }

    /// <summary>0 (never) or a number of minutes in range.</summary>
    public static bool IsValidExpiry(int minutes) =>
        minutes == NeverExpire || minutes is >= MinExpiryMinutes and <= MaxExpiryMinutes;

    /// <summary>The template is formatted with the order number and the store name; it must not throw.</summary>
    public static bool IsValidDescriptionTemplate(string? template)
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

    /// <summary>
    /// What to store for a secret field: "clear" removes; a typed value replaces (encrypted); an empty field keeps the
    /// saved value, encrypted if an earlier version saved it in clear.
    /// </summary>
    private async Task<string?> SecretToStoreAsync(List<ConfigurationError> errors, string? stored, string? posted, bool clear, string field)
    {
        if (clear)
            return null;

        var replacing = !string.IsNullOrWhiteSpace(posted);
        var value = replacing ? posted : stored;
        if (string.IsNullOrWhiteSpace(value) || _keyProtector.IsProtected(value))
            return string.IsNullOrWhiteSpace(value) ? null : value.Trim();

        try
        {
            return _keyProtector.Protect(value);
        }
        catch (MyPayGaKeyProtectionException ex)
        {
            await _logger.ErrorAsync($"MyPayGa: the {field} could not be encrypted: {ex.Message}");
            if (!replacing)
                return stored; // the clear value of an earlier version keeps working; only a new one must be refused
            errors.Add(await ErrorAsync(field, AdminKeys.SecretCannotBeEncrypted));
            return null;
        }
    }

    private Task SaveAsync<TProp>(MyPayGaSettings settings, Expression<Func<MyPayGaSettings, TProp>> property,
        bool overrideForStore, int storeScope) =>
        _settingService.SaveSettingOverridablePerStoreAsync(settings, property, overrideForStore, storeScope, false);

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static bool IsBlankOrHttpUrl(string? url) =>
        string.IsNullOrWhiteSpace(url)
        || (Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps));

    /// <summary>
    /// A key whose prefix names the other environment is refused, and so is a secret key in a public-key field
    /// (the public key is written into the shopper's page) or a public key in a secret-key field.
    /// </summary>
    private async Task CheckKeyAsync(List<ConfigurationError> errors, string? key, string field, MyPayGaEnvironment fieldEnvironment, bool secretField)
    {
        if (string.IsNullOrWhiteSpace(key))
            return;

        var errorKey = KeyRules.Check(key, fieldEnvironment, secretField);
        if (errorKey is null)
            return;

        // A secret key pasted in a public-key field must not come back in that (visible) field either.
        errors.Add(await ErrorAsync(field, errorKey) with { ForgetPostedValue = errorKey == WebKeys.ConfigureErrorSecretKeyInPublicField });
    }

    /// <summary>"{field label}: {message}".</summary>
    private async Task<ConfigurationError> ErrorAsync(string field, string messageKey)
    {
        var label = await _localizationService.GetResourceAsync(ConfigurationModel.FieldPrefix + FieldResourceName(field));
        return new(field, string.Format(CultureInfo.CurrentCulture, await _localizationService.GetResourceAsync(messageKey), label));
    }

    private async Task<ConfigurationError> RangeErrorAsync(string field, string messageKey, int min, int max)
    {
        var label = await _localizationService.GetResourceAsync(ConfigurationModel.FieldPrefix + FieldResourceName(field));
        return new(field, string.Format(CultureInfo.CurrentCulture, await _localizationService.GetResourceAsync(messageKey), label, min, max));
    }

    /// <summary>"EnvironmentId" is labelled by "...Fields.Environment" (same for RiskyCardPolicyId).</summary>
    private static string FieldResourceName(string field) =>
        field.EndsWith("Id", StringComparison.Ordinal) ? field[..^2] : field;
}
