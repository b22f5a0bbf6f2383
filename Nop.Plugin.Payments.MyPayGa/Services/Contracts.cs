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

/// <summary>The attempts of an order (generic attribute) and its current token.</summary>
public interface IPaymentAttemptStore
{
    Task<IReadOnlyList<PaymentAttempt>> GetAttemptsAsync(Order order);
    Task<PaymentAttempt?> GetLatestAsync(Order order);
    /// <summary>Appends an attempt and sets order.AuthorizationTransactionId to its token (saves the order).</summary>
    Task AddAsync(Order order, PaymentAttempt attempt);
    /// <summary>The order an attempt's uniqueID or token belongs to, when it can be found; null otherwise.</summary>
    Task<Order?> FindOrderAsync(string? merchantReference, string? paymentToken);

    /// <summary>
    /// Keeps what MyPayGa said about an attempt (e.g. the operator's refusal), cleaned and cut, to be SHOWN to the
    /// shopper; never used to decide anything. Empty texts and bare status words ("Failed") are not kept.
    /// </summary>
    Task SaveProviderMessageAsync(Order order, string uniqueId, string? message);

    /// <summary>The message kept for an attempt, or null.</summary>
    Task<string?> GetProviderMessageAsync(Order order, string uniqueId);

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
    public PaymentAttempt? Attempt { get; init; }
    /// <summary>Card only: what the browser must post.</summary>
    public CardFormPost? CardForm { get; init; }
    /// <summary>Shown to the shopper when not successful (localised, no secrets).</summary>
    public string? ErrorMessage { get; init; }
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

/// <summary>
/// The one place that moves a MyPayGa order. Reads paiement-detail (never trusts the caller), checks amount and
/// currency, then marks paid / records failure through IOrderProcessingService, under ILocker per order, idempotently,
/// with an order note for each change.
/// </summary>
public interface IPaymentStatusProcessor
{
    Task<PaymentStatusSnapshot> ProcessAsync(Order order, StatusTrigger trigger, CancellationToken cancellationToken = default);
}

/// <summary>
/// For the pending page's polling: the last authoritative snapshot per order, kept a few seconds
/// (MyPayGaSettings.StatusCacheSeconds), one MyPayGa read at a time per order whatever the number of tabs.
/// </summary>
public interface IPaymentStatusCache
{
    Task<PaymentStatusSnapshot> GetAsync(Order order, CancellationToken cancellationToken = default);
    void Invalidate(int orderId);
}

/// <summary>The outcome of a callback, as the callback endpoint answers it.</summary>
public sealed record CallbackResult(int HttpStatusCode, string Message, PaymentStatusSnapshot? Snapshot = null);

/// <summary>Callback endpoint logic: parse, find the order, run the processor. Never trusts the body.</summary>
public interface IMyPayGaCallbackHandler
{
    Task<CallbackResult> HandleAsync(RawCallbackRequest request, CancellationToken cancellationToken = default);
}
