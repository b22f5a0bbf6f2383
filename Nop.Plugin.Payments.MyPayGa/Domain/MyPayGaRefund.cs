using Nop.Core;

namespace Nop.Plugin.Payments.MyPayGa.Domain;

/// <summary>
/// One refund sent (or being sent) through MyPayGa: refund/create then refund/send (table MyPayGaRefund). Written before
/// refund/create, so a refund is never sent twice and never exceeds what the attempt received.
/// </summary>
public class MyPayGaRefund : BaseEntity
{
    public int OrderId { get; set; }

    /// <summary>The attempt whose money is given back (its token is what refund/create names).</summary>
    public int AttemptId { get; set; }

    public string PaymentToken { get; set; } = string.Empty;

    public long AmountXaf { get; set; }

    /// <summary>MyPayGa's refundId, once refund/create answered.</summary>
    public string? RefundId { get; set; }

    public int StatusId { get; set; }

    /// <summary>
    /// Unique in the table: "order-{OrderId}" while the refund is running or its outcome is unknown, "done-{Guid}" after.
    /// Inserting a refund therefore fails while another refund of the same order is not settled: one at a time, on
    /// every instance.
    /// </summary>
    public string LockKey { get; set; } = string.Empty;

    public int ReasonId { get; set; }

    /// <summary>Who asked (the admin's e-mail or name), for the order note and the panel.</summary>
    public string? RequestedBy { get; set; }

    /// <summary>MyPayGa's last words about this refund, or why it failed (no keys).</summary>
    public string? Message { get; set; }

    public DateTime CreatedOnUtc { get; set; }

    public DateTime UpdatedOnUtc { get; set; }

    public RefundStatus Status
    {
        get => (RefundStatus)StatusId;
        set => StatusId = (int)value;
    }

    public RefundReason Reason
    {
        get => (RefundReason)ReasonId;
        set => ReasonId = (int)value;
    }

    /// <summary>The lock key of a refund that is not settled yet.</summary>
    public static string ActiveLockKey(int orderId) => "order-" + orderId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Values are stored: never renumber.</summary>
public enum RefundStatus
{
    /// <summary>Recorded; refund/create not answered yet.</summary>
    Creating = 0,

    /// <summary>refund/create answered with a refundId; refund/send not answered yet.</summary>
    Sending = 10,

    /// <summary>MyPayGa confirmed the refund (refund/send, or refund/infos afterwards).</summary>
    Sent = 20,

    /// <summary>Known not to have moved money (refused, or never reached MyPayGa).</summary>
    Failed = 30,

    /// <summary>refund/send may have gone out and no answer says whether it did: checked with refund/infos before anything else.</summary>
    Unknown = 40,
}

/// <summary>Why a refund was made. Values are stored: never renumber.</summary>
public enum RefundReason
{
    /// <summary>From nopCommerce's Refund / Partial refund buttons.</summary>
    OrderRefund = 0,

    /// <summary>A second payment of an already paid order.</summary>
    DoublePayment = 10,

    /// <summary>A payment a person refused (held for review, wrong amount, order closed).</summary>
    ReviewDecision = 20,
}
