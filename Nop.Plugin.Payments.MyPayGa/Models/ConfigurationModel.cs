using Microsoft.AspNetCore.Mvc.Rendering;
using Nop.Web.Framework.Models;
using Nop.Web.Framework.Mvc.ModelBinding;

namespace Nop.Plugin.Payments.MyPayGa.Models;

/// <summary>
/// The admin configuration page. Secret fields (secret keys, callback secret) are write-only: the page never
/// receives their value, only whether one is saved (and whether it still decrypts); an empty post keeps the saved
/// value, "clear" removes it.
/// </summary>
public record ConfigurationModel : BaseNopModel
{
    public const string FieldPrefix = MyPayGaDefaults.ResourcePrefix + "Fields.";

    public int ActiveStoreScopeConfiguration { get; set; }

    [NopResourceDisplayName(FieldPrefix + "Environment")]
    public int EnvironmentId { get; set; }
    public bool EnvironmentId_OverrideForStore { get; set; }
    public IList<SelectListItem> AvailableEnvironments { get; set; } = [];

    [NopResourceDisplayName(FieldPrefix + "TestSecretKey")]
    public string? TestSecretKey { get; set; }
    public bool TestSecretKey_OverrideForStore { get; set; }
    public bool TestSecretKeySaved { get; set; }
    /// <summary>Saved, but it does not decrypt with the store's encryption key: it must be entered again.</summary>
    public bool TestSecretKeyUnreadable { get; set; }
    public bool ClearTestSecretKey { get; set; }

    [NopResourceDisplayName(FieldPrefix + "TestPublicKey")]
    public string? TestPublicKey { get; set; }
    public bool TestPublicKey_OverrideForStore { get; set; }

    [NopResourceDisplayName(FieldPrefix + "ProductionSecretKey")]
    public string? ProductionSecretKey { get; set; }
    public bool ProductionSecretKey_OverrideForStore { get; set; }
    public bool ProductionSecretKeySaved { get; set; }
    public bool ProductionSecretKeyUnreadable { get; set; }
    public bool ClearProductionSecretKey { get; set; }

    [NopResourceDisplayName(FieldPrefix + "ProductionPublicKey")]
    public string? ProductionPublicKey { get; set; }
    public bool ProductionPublicKey_OverrideForStore { get; set; }

    [NopResourceDisplayName(FieldPrefix + "CallbackSecret")]
    public string? CallbackSecret { get; set; }
    public bool CallbackSecret_OverrideForStore { get; set; }
    public bool CallbackSecretSaved { get; set; }
    public bool CallbackSecretUnreadable { get; set; }
    public bool ClearCallbackSecret { get; set; }

    [NopResourceDisplayName(FieldPrefix + "ApiBaseUrlOverride")]
    public string? ApiBaseUrlOverride { get; set; }
    public bool ApiBaseUrlOverride_OverrideForStore { get; set; }

    [NopResourceDisplayName(FieldPrefix + "CardFormUrlOverride")]
    public string? CardFormUrlOverride { get; set; }
    public bool CardFormUrlOverride_OverrideForStore { get; set; }

    [NopResourceDisplayName(FieldPrefix + "MobileMoneyEnabled")]
    public bool MobileMoneyEnabled { get; set; }
    public bool MobileMoneyEnabled_OverrideForStore { get; set; }

    [NopResourceDisplayName(FieldPrefix + "CardEnabled")]
    public bool CardEnabled { get; set; }
    public bool CardEnabled_OverrideForStore { get; set; }

    [NopResourceDisplayName(FieldPrefix + "RiskyCardPolicy")]
    public int RiskyCardPolicyId { get; set; }
    public bool RiskyCardPolicyId_OverrideForStore { get; set; }
    public IList<SelectListItem> AvailableRiskyCardPolicies { get; set; } = [];

    [NopResourceDisplayName(FieldPrefix + "CancelOrderOnFailure")]
    public bool CancelOrderOnFailure { get; set; }
    public bool CancelOrderOnFailure_OverrideForStore { get; set; }

    [NopResourceDisplayName(FieldPrefix + "RequestTimeoutSeconds")]
    public int RequestTimeoutSeconds { get; set; }
    public bool RequestTimeoutSeconds_OverrideForStore { get; set; }

    [NopResourceDisplayName(FieldPrefix + "StatusCacheSeconds")]
    public int StatusCacheSeconds { get; set; }
    public bool StatusCacheSeconds_OverrideForStore { get; set; }

    [NopResourceDisplayName(FieldPrefix + "PendingPaymentExpiryMinutes")]
    public int PendingPaymentExpiryMinutes { get; set; }
    public bool PendingPaymentExpiryMinutes_OverrideForStore { get; set; }

    [NopResourceDisplayName(FieldPrefix + "AttemptFollowHours")]
    public int AttemptFollowHours { get; set; }
    public bool AttemptFollowHours_OverrideForStore { get; set; }

    [NopResourceDisplayName(FieldPrefix + "PushApprovalMinutes")]
    public int PushApprovalMinutes { get; set; }
    public bool PushApprovalMinutes_OverrideForStore { get; set; }

    [NopResourceDisplayName(FieldPrefix + "ReconciliationConcurrency")]
    public int ReconciliationConcurrency { get; set; }
    public bool ReconciliationConcurrency_OverrideForStore { get; set; }

    [NopResourceDisplayName(FieldPrefix + "AdditionalFee")]
    public decimal AdditionalFee { get; set; }
    public bool AdditionalFee_OverrideForStore { get; set; }

    [NopResourceDisplayName(FieldPrefix + "AdditionalFeePercentage")]
    public bool AdditionalFeePercentage { get; set; }
    public bool AdditionalFeePercentage_OverrideForStore { get; set; }

    [NopResourceDisplayName(FieldPrefix + "PaymentDescriptionTemplate")]
    public string? PaymentDescriptionTemplate { get; set; }
    public bool PaymentDescriptionTemplate_OverrideForStore { get; set; }

    /// <summary>To register in the MyPayGa dashboard (read-only on the page).</summary>
    [NopResourceDisplayName(FieldPrefix + "CallbackUrl")]
    public string? CallbackUrl { get; set; }

    [NopResourceDisplayName(FieldPrefix + "SuccessUrl")]
    public string? SuccessUrl { get; set; }

    [NopResourceDisplayName(FieldPrefix + "FailureUrl")]
    public string? FailureUrl { get; set; }

    /// <summary>Why MyPayGa is hidden at checkout (no XAF), when it is.</summary>
    public string? XafUnavailableReason { get; set; }

    /// <summary>Account problems (missing keys, environment mismatch...), texts safe to show.</summary>
    public IList<string> AccountProblems { get; set; } = [];

    /// <summary>What else stops the store from working with MyPayGa (store URL, scheduled task), texts safe to show.</summary>
    public IList<string> Warnings { get; set; } = [];

    /// <summary>The result of "Test connection", when it was just run.</summary>
    public ConnectionTestModel? ConnectionTest { get; set; }
}

/// <summary>What the page shows after "Test connection" (no key).</summary>
public record ConnectionTestModel : BaseNopModel
{
    public bool Success { get; set; }
    public string Message { get; set; } = string.Empty;
    public string Environment { get; set; } = string.Empty;
    public string ApiBaseUrl { get; set; } = string.Empty;
    /// <summary>"123 ms", or null when nothing was sent.</summary>
    public string? Latency { get; set; }
    /// <summary>The store whose settings were tested ("All stores" for the default ones).</summary>
    public string Store { get; set; } = string.Empty;
}
