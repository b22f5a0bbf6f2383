using Nop.Core;

namespace Nop.Plugin.Payments.MyPayGa.Domain;

/// <summary>
/// One try at paying an order: one gethash, then a mobile-money push or a card form (table MyPayGaAttempt). Every
/// attempt is followed until MyPayGa calls it final: a push approved late, or a card form completed after the shopper
/// tried again, is still money for this order.
/// </summary>
public class MyPayGaAttempt : BaseEntity
{
    public int OrderId { get; set; }

    public int StoreId { get; set; }

    /// <summary>1, 2, 3 ... per order.</summary>
    public int Number { get; set; }

    /// <summary>
    /// "{OrderId}-{Number}", unique in the table: inserting it before gethash reserves attempt n of the order, once,
    /// whatever the number of requests or instances trying at the same moment.
    /// </summary>
    public string ReservationKey { get; set; } = string.Empty;

    /// <summary>The uniqueID sent to gethash: "{CustomOrderNumber}-{Number}".</summary>
    public string UniqueId { get; set; } = string.Empty;

    /// <summary>
    /// MyPayGa's payment_token; null while gethash has not answered (or never did). For a payment link, "link:" + its
    /// reference: MyPayGa gives no payment token for a link, and this keeps one identity per attempt (the order's
    /// CaptureTransactionId, double-payment detection).
    /// </summary>
    public string? PaymentToken { get; set; }

    public int ChannelId { get; set; }

    /// <summary>Whole XAF asked of MyPayGa for this attempt (what the amount check compares with).</summary>
    public long AmountXaf { get; set; }

    /// <summary>The order total in the primary store currency when the attempt started: refunds convert with this ratio.</summary>
    public decimal OrderTotal { get; set; }

    /// <summary>Phone digits as sent to MyPayGa (mobile money only). Shown only masked.</summary>
    public string? Phone { get; set; }

    public DateTime CreatedOnUtc { get; set; }

    public int StatusId { get; set; }

    /// <summary>When MyPayGa's answer became final for this attempt (paid, failed...).</summary>
    public DateTime? FinalOnUtc { get; set; }

    /// <summary>What MyPayGa says it received (totalAmount) once it reports the attempt paid.</summary>
    public long? ReceivedAmountXaf { get; set; }

    /// <summary>MyPayGa's last answer for this attempt (outcome name), for the admin.</summary>
    public string? LastProviderStatus { get; set; }

    /// <summary>MyPayGa's last message_data for this attempt, cleaned and cut, for the admin.</summary>
    public string? LastProviderMessage { get; set; }

    public DateTime? LastReadOnUtc { get; set; }

    /// <summary>
    /// What MyPayGa said to the shopper about this attempt (a refused push, a signed callback's message), cleaned and
    /// cut: shown to the shopper when MyPayGa confirms a failure, never used to decide anything.
    /// </summary>
    public string? DisplayMessage { get; set; }

    /// <summary>When a person decided about an attempt that needed one (held, mismatch, double payment...).</summary>
    public DateTime? ReviewedOnUtc { get; set; }

    /// <summary>Who decided, and what (e.g. "admin@shop.ga: refunded").</summary>
    public string? ReviewNote { get; set; }

    /// <summary>Payment link only: the reference getLink and linkCancel take (the link's token_url, else its order_ref).</summary>
    public string? LinkReference { get; set; }

    /// <summary>Payment link only: MyPayGa's order_ref of the link (the merchant reference of the payment made through it).</summary>
    public string? LinkOrderRef { get; set; }

    /// <summary>Payment link only: the address the shopper opens to pay.</summary>
    public string? LinkUrl { get; set; }

    /// <summary>Who asked for this attempt when it was not the shopper (a payment link: the admin's e-mail or name).</summary>
    public string? CreatedBy { get; set; }

    public PaymentChannel Channel
    {
        get => (PaymentChannel)ChannelId;
        set => ChannelId = (int)value;
    }

    public AttemptStatus Status
    {
        get => (AttemptStatus)StatusId;
        set => StatusId = (int)value;
    }
}

/// <summary>Where one attempt stands. Values are stored: never renumber.</summary>
public enum AttemptStatus
{
    /// <summary>Reserved; gethash not answered yet.</summary>
    Starting = 0,

    /// <summary>gethash failed: MyPayGa gave no token, so nothing can be paid on this attempt.</summary>
    NotStarted = 5,

    /// <summary>Token known, MyPayGa has no final answer yet: followed until it has.</summary>
    Open = 10,

    /// <summary>MyPayGa says the payment failed (final).</summary>
    Failed = 20,

    /// <summary>Paid for the right amount, and this attempt paid the order.</summary>
    Paid = 30,

    /// <summary>Card accepted "with risk" and the store holds such payments: money received, a person decides.</summary>
    HeldForReview = 40,

    /// <summary>MyPayGa reports a payment whose amount is not the one asked: money received, a person decides.</summary>
    AmountMismatch = 50,

    /// <summary>Paid while the order was already paid by another attempt: money received twice, a person refunds.</summary>
    DoublePayment = 60,

    /// <summary>Paid while the order could no longer take a payment (cancelled...): a person decides.</summary>
    PaidOrderClosed = 70,

    /// <summary>No final answer from MyPayGa within the follow window: no longer read automatically.</summary>
    TimedOut = 80,
}
