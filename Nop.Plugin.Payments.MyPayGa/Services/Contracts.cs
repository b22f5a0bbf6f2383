using MyPayGa.Client;
using MyPayGa.Client.Callbacks;
using MyPayGa.Client.Models;
using MyPayGa.Client.Phones;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.MyPayGa.Domain;

namespace Nop.Plugin.Payments.MyPayGa.Services;

/// <summary>Turns a store's settings into a MyPayGa account and client.</summary>
public interface IMyPayGaAccountProvider
{
    /// <summary>The account for a store (settings loaded for that store, with per-store overrides).</summary>
    Task<MyPayGaAccount> GetAccountAsync(int storeId);

    /// <summary>A client for a store's account; throws MyPayGaException(Configuration) if not configured.</summary>
    Task<IMyPayGaClient> GetClientAsync(int storeId);

    /// <summary>Configuration problems of a store's account (empty when usable); texts safe to show.</summary>
    Task<IReadOnlyList<string>> GetProblemsAsync(int storeId);
}

/// <summary>Amounts in whole XAF, as MyPayGa takes them.</summary>
public interface IXafAmountService
{
    /// <summary>Null when the store can charge XAF (XAF is primary, or an XAF currency exists), else the reason (localised).</summary>
    Task<string?> GetUnavailabilityReasonAsync();

    /// <summary>
    /// The order total (primary store currency) converted to XAF and rounded to whole francs
    /// (midpoint away from zero). Throws InvalidOperationException when XAF is unavailable.
    /// </summary>
    Task<long> ToXafAsync(decimal amountInPrimaryCurrency);
}

/// <summary>The attempts of every order (table MyPayGaAttempt).</summary>
public interface IPaymentAttemptStore
{
    /// <summary>The order's attempts, oldest first, read from the database (never a cached copy).</summary>
    Task<IReadOnlyList<MyPayGaAttempt>> GetAttemptsAsync(Order order);

    Task<MyPayGaAttempt?> GetLatestAsync(Order order);

    Task<MyPayGaAttempt?> GetByIdAsync(int attemptId);

    /// <summary>
    /// Inserts a new attempt (its ReservationKey "{OrderId}-{Number}" is unique): false when attempt n of that order
    /// already exists — another request or instance is starting it.
    /// </summary>
    Task<bool> TryReserveAsync(MyPayGaAttempt attempt);

    Task UpdateAsync(MyPayGaAttempt attempt);

    Task<MyPayGaAttempt?> FindByTokenAsync(string? paymentToken);

    /// <summary>
    /// The order an attempt's token (first) or uniqueID belongs to; when both are given they must name the same attempt.
    /// Null otherwise. Never asks MyPayGa.
    /// </summary>
    Task<Order?> FindOrderAsync(string? merchantReference, string? paymentToken);

    /// <summary>
    /// As <see cref="FindOrderAsync"/>, with what the caller needs next: the attempt named (null when only a payment link or
    /// a 4.90.1 order number matched) and every attempt of the order, oldest first — for a token, in one query.
    /// </summary>
    Task<FoundPayment?> FindPaymentAsync(string? merchantReference, string? paymentToken);

    /// <summary>
    /// The attempts of many orders in a few queries (a few hundred orders each), oldest first per order; an order without
    /// rows is absent. Rows only: a 4.90.1 order whose attempts are still in its attribute is imported by
    /// <see cref="GetAttemptsAsync"/>.
    /// </summary>
    Task<IReadOnlyDictionary<int, IReadOnlyList<MyPayGaAttempt>>> GetAttemptsOfOrdersAsync(IReadOnlyCollection<int> orderIds);

    /// <summary>Attempts without a final answer created since <paramref name="createdAfterUtc"/>, newest first.</summary>
    Task<IReadOnlyList<MyPayGaAttempt>> GetAttemptsToFollowAsync(DateTime createdAfterUtc, int max);

    /// <summary>Attempts without a final answer created before <paramref name="createdBeforeUtc"/> (past the follow window).</summary>
    Task<IReadOnlyList<MyPayGaAttempt>> GetOverdueAsync(DateTime createdBeforeUtc, int max);

    /// <summary>Attempts holding money that a person must decide about, not decided yet, newest first.</summary>
    Task<IReadOnlyList<MyPayGaAttempt>> GetNeedingReviewAsync(int max);

    /// <summary>
    /// Keeps what MyPayGa said about an attempt (a refused push, a signed callback's message), cleaned and cut, to be
    /// SHOWN to the shopper; never used to decide anything. Empty texts and bare status words are not kept.
    /// </summary>
    Task SaveDisplayMessageAsync(MyPayGaAttempt attempt, string? message);

    /// <summary>
    /// Why starting the payment failed where nothing could show it (nopCommerce's checkout only follows the redirect
    /// to the retry page). Replaces an earlier one.
    /// </summary>
    Task SaveStartErrorAsync(Order order, string message, DateTime createdOnUtc);

    /// <summary>The saved start error when younger than <paramref name="maxAge"/>, or null; forgotten once read.</summary>
    Task<string?> TakeStartErrorAsync(Order order, DateTime nowUtc, TimeSpan maxAge);
}

/// <summary>Result of starting a payment for an order.</summary>
public sealed record PaymentStartResult
{
    public required bool Success { get; init; }
    public MyPayGaAttempt? Attempt { get; init; }
    /// <summary>Card only: what the browser must post.</summary>
    public CardFormPost? CardForm { get; init; }
    /// <summary>Shown to the shopper when not successful (localised, no secrets).</summary>
    public string? ErrorMessage { get; init; }
    /// <summary>Why no new payment was started, when the plugin refused to (not an error of MyPayGa).</summary>
    public StartRefusal Refusal { get; init; }
}

/// <summary>Why a new push or card form is not started for an order.</summary>
public enum StartRefusal
{
    None,
    /// <summary>The order is paid, cancelled or otherwise not waiting for a payment.</summary>
    OrderNotPayable,
    /// <summary>An earlier push may still be approved on the shopper's phone.</summary>
    EarlierPushMayStillBeApproved,
    /// <summary>Money was received that a person must look at first (held for review, wrong amount...).</summary>
    AwaitingReview,
    /// <summary>Another request is starting a payment for this order right now.</summary>
    AlreadyStarting,
    /// <summary>A payment link made by the store is open for this order: paid through it, or cancelled first.</summary>
    PaymentLinkOpen,
}

/// <summary>Starts (or restarts, for a retry) the MyPayGa payment of an order.</summary>
public interface IMyPayGaCheckoutService
{
    /// <summary>
    /// gethash with "{CustomOrderNumber}-{attempt}", then for mobile money payment-request to <paramref name="phone"/>;
    /// for card, the card-form description. Records the attempt and an order note. Never throws for provider errors:
    /// they come back as an unsuccessful result, the order untouched apart from its notes.
    /// For a card, <paramref name="phone"/> is the optional receipt phone typed by the shopper (gethash requires a
    /// phone): without it the phone on file is used, and without either the start fails before calling MyPayGa.
    /// </summary>
    Task<PaymentStartResult> StartAsync(Order order, PaymentChannel channel, string? phone, CancellationToken cancellationToken = default);

    /// <summary>The order's billing phone, else its customer's, when one reads as a phone number; null otherwise.</summary>
    Task<PhoneNumber?> GetPhoneOnFileAsync(Order order);

    /// <summary>During checkout (no order yet): the customer's billing address phone, else the customer's phone.</summary>
    Task<PhoneNumber?> GetPhoneOnFileAsync(Customer customer);
}

/// <summary>A payment a callback names: its order, the attempt named (when one is) and all the order's attempts, oldest first.</summary>
public sealed record FoundPayment(Order Order, MyPayGaAttempt? Attempt, IReadOnlyList<MyPayGaAttempt> Attempts);

/// <summary>Options of one status check.</summary>
public sealed record StatusCheckOptions
{
    public static readonly StatusCheckOptions Default = new();

    /// <summary>The attempt a callback names: read first, even when it was thought final (MyPayGa may say otherwise now).</summary>
    public int? HintAttemptId { get; init; }

    /// <summary>Read every attempt without a final answer, also those past the follow window ("check status now").</summary>
    public bool IncludeOverdue { get; init; }

    /// <summary>
    /// What the callback naming <see cref="HintAttemptId"/> claims: a recent read (any instance's) that already says so
    /// may answer it; otherwise its attempt is read afresh (see Services/Farm/AttemptReader).
    /// </summary>
    public CallbackClaim Claim { get; init; }

    /// <summary>
    /// The order's attempts as the caller has just read them (a callback's lookup, the reconciliation's batch): the check
    /// chooses what to read from them instead of reading the table again. Ignored unless every one is the order's.
    /// Decisions never rest on them: anything learned is applied on the rows as they are under the order's guard.
    /// </summary>
    public IReadOnlyList<MyPayGaAttempt>? KnownAttempts { get; init; }
}

/// <summary>What a callback says happened to the payment it names (a hint, never a decision).</summary>
public enum CallbackClaim
{
    /// <summary>Nothing usable (or not a callback).</summary>
    None,
    Paid,
    Failed,
}

/// <summary>
/// The one place that moves a MyPayGa order. Reads paiement-detail for every attempt of the order that may still be paid
/// (never trusts the caller), checks the amount, and applies each outcome once: through IOrderProcessingService, under a
/// per-order guard in this process and a claim in the database shared by every instance, with an order note for each
/// change.
/// </summary>
public interface IPaymentStatusProcessor
{
    Task<PaymentStatusSnapshot> ProcessAsync(Order order, StatusTrigger trigger, CancellationToken cancellationToken = default);

    Task<PaymentStatusSnapshot> ProcessAsync(Order order, StatusTrigger trigger, StatusCheckOptions options,
        CancellationToken cancellationToken = default);
}

/// <summary>
/// Singleton in front of the processor. <see cref="GetAsync"/> serves the pending page's polling: the last snapshot
/// per order, reused for MyPayGaSettings.StatusCacheSeconds — by every instance of a web farm (nopCommerce's
/// distributed cache). <see cref="CheckAsync"/> runs a fresh check; callers asking for the same order at the same
/// moment (200 copies of one callback) share one check in flight.
/// </summary>
public interface IPaymentStatusCache
{
    Task<PaymentStatusSnapshot> GetAsync(Order order, CancellationToken cancellationToken = default);

    Task<PaymentStatusSnapshot> CheckAsync(Order order, StatusTrigger trigger, StatusCheckOptions? options = null,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Every instance's next poll of the order checks again (a new attempt started). Blocking on a farm (one write to
    /// the distributed cache): prefer <see cref="InvalidateAsync"/>.
    /// </summary>
    void Invalidate(int orderId);

    /// <summary>Every instance's next poll of the order checks again (a new attempt started).</summary>
    Task InvalidateAsync(int orderId)
    {
        Invalidate(orderId);
        return Task.CompletedTask;
    }
}

/// <summary>The outcome of a callback, as the callback endpoint answers it.</summary>
/// <remarks>
/// The answer is one of four fixed results: an unauthenticated caller learns nothing about any payment's state from
/// it. 200: the payment was looked at (whatever MyPayGa says); 400: malformed, unsigned or forged; 404: no such
/// payment here; 503: not looked at (MyPayGa unreachable, the order busy, too many callbacks at once) — deliver again.
/// </remarks>
public sealed record CallbackResult(int HttpStatusCode, string Message)
{
    public static readonly CallbackResult Ok = new(200, "OK");
    public static readonly CallbackResult BadRequest = new(400, "Bad request");
    public static readonly CallbackResult UnknownPayment = new(404, "Unknown payment");
    public static readonly CallbackResult RetryLater = new(503, "Retry later");
}

/// <summary>Callback endpoint logic: parse, find the order, run the processor. Never trusts the body.</summary>
public interface IMyPayGaCallbackHandler
{
    Task<CallbackResult> HandleAsync(RawCallbackRequest request, CancellationToken cancellationToken = default);
}
