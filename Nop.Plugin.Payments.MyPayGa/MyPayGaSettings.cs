using MyPayGa.Client;
using Nop.Core.Configuration;

namespace Nop.Plugin.Payments.MyPayGa;

/// <summary>What a card accepted "with risk" does to the order.</summary>
public enum RiskyCardPolicy
{
    /// <summary>Mark the order paid, with a note saying MyPayGa flagged a risk.</summary>
    MarkPaid = 0,
    /// <summary>Leave the order pending for a person to review (note + admin can mark paid).</summary>
    HoldForReview = 1,
}

/// <summary>Plugin settings; every property can be overridden per store.</summary>
public class MyPayGaSettings : ISettings
{
    public MyPayGaEnvironment Environment { get; set; } = MyPayGaEnvironment.Test;

    public string? TestSecretKey { get; set; }
    public string? TestPublicKey { get; set; }
    public string? ProductionSecretKey { get; set; }
    public string? ProductionPublicKey { get; set; }

    /// <summary>Secret for the optional HMAC-SHA512 hash of callbacks (empty: not verified).</summary>
    public string? CallbackSecret { get; set; }

    /// <summary>Empty: MyPayGa's own URL. Set to a sandbox URL (e.g. http://127.0.0.1:5099/) to try a store without an account.</summary>
    public string? ApiBaseUrlOverride { get; set; }

    /// <summary>Empty: MyPayGa's hosted card form. Set with the sandbox.</summary>
    public string? CardFormUrlOverride { get; set; }

    public bool MobileMoneyEnabled { get; set; } = true;
    public bool CardEnabled { get; set; } = true;

    public RiskyCardPolicy RiskyCardPolicy { get; set; } = RiskyCardPolicy.HoldForReview;

    /// <summary>Cancel the order when MyPayGa reports a failed payment (otherwise it stays pending for a retry).</summary>
    public bool CancelOrderOnFailure { get; set; }

    /// <summary>Timeout of one call to MyPayGa.</summary>
    public int RequestTimeoutSeconds { get; set; } = 20;

    /// <summary>How long the pending page may reuse the last status read from MyPayGa.</summary>
    public int StatusCacheSeconds { get; set; } = 5;

    /// <summary>Pending orders older than this are expired by the reconciliation task.</summary>
    public int PendingPaymentExpiryMinutes { get; set; } = 60;

    public decimal AdditionalFee { get; set; }
    public bool AdditionalFeePercentage { get; set; }

    /// <summary>Description sent to MyPayGa; {0} = the order number, {1} = the store name.</summary>
    public string PaymentDescriptionTemplate { get; set; } = "Order {0} - {1}";

    // ---- Following payments (4.90.2) ----

    /// <summary>
    /// How long an attempt without a final answer from MyPayGa is followed (read by the reconciliation, blocks the
    /// expiry of its order). After it, the attempt is "timed out": listed for the admin, read again only when a callback
    /// names it or the admin asks.
    /// </summary>
    public int AttemptFollowHours { get; set; } = 48;

    /// <summary>
    /// How long a mobile-money push may still be approved on the shopper's phone: a new push for the same order is
    /// refused meanwhile (the earlier one could still take the money).
    /// </summary>
    public int PushApprovalMinutes { get; set; } = 5;

    /// <summary>How many orders the reconciliation task checks at the same time (each in its own scope).</summary>
    public int ReconciliationConcurrency { get; set; } = 8;
}
