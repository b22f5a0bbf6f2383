using System.Globalization;
using System.Text.Json;
using MyPayGa.Client;
using MyPayGa.Client.Models;
using Nop.Core.Caching;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.MyPayGa.Domain;
using Nop.Services.Common;
using Nop.Services.Configuration;
using Nop.Services.Localization;
using Nop.Services.Logging;
using Nop.Services.Orders;
using static Nop.Plugin.Payments.MyPayGa.Localization.LocaleResources;

namespace Nop.Plugin.Payments.MyPayGa.Services;

/// <summary>
/// The one place that moves a MyPayGa order. It reads paiement-detail for the order's own attempts (never a token
/// or status a caller claims), checks the amount, and applies the outcome through IOrderProcessingService under the
/// order's ILocker key, on a freshly loaded order. Outcome notes are written once per attempt.
/// </summary>
public class PaymentStatusProcessor : IPaymentStatusProcessor
{
    /// <summary>At most this many attempts are read per check (newest first).</summary>
    internal const int MaxAttemptsRead = 3;

    /// <summary>Order generic attribute: JSON list of "{outcome}:{uniqueId}" already written as notes.</summary>
    internal const string NotedOutcomesAttribute = "MyPayGa.NotedOutcomes";

    internal static readonly TimeSpan SettleLockTime = TimeSpan.FromMinutes(1);

    /// <summary>How often, and how far apart, a busy order lock is tried again before reporting the order as it is.</summary>
    internal const int BusyLockRounds = 6;
    internal static readonly TimeSpan BusyLockPause = TimeSpan.FromMilliseconds(250);

    /// <summary>Currency names MyPayGa uses for XAF ("CFA" in its answers, "FCFA" in its messages).</summary>
    internal static readonly IReadOnlySet<string> XafCurrencyNames =
        new HashSet<string>(["XAF", "CFA", "FCFA"], StringComparer.OrdinalIgnoreCase);

    private readonly IPaymentAttemptStore _attemptStore;
    private readonly IMyPayGaAccountProvider _accountProvider;
    private readonly ISettingService _settingService;
    private readonly IOrderService _orderService;
    private readonly IOrderProcessingService _orderProcessingService;
    private readonly IGenericAttributeService _genericAttributeService;
    private readonly ILocalizationService _localizationService;
    private readonly ILocker _locker;
    private readonly ILogger _logger;

    public PaymentStatusProcessor(IPaymentAttemptStore attemptStore,
        IMyPayGaAccountProvider accountProvider,
        ISettingService settingService,
        IOrderService orderService,
        IOrderProcessingService orderProcessingService,
        IGenericAttributeService genericAttributeService,
        ILocalizationService localizationService,
        ILocker locker,
        ILogger logger)
    {
        _attemptStore = attemptStore;
        _accountProvider = accountProvider;
        _settingService = settingService;
        _orderService = orderService;
        _orderProcessingService = orderProcessingService;
        _genericAttributeService = genericAttributeService;
        _localizationService = localizationService;
        _locker = locker;
        _logger = logger;
    }

    public async Task<PaymentStatusSnapshot> ProcessAsync(Order order, StatusTrigger trigger, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);

        var attempts = await _attemptStore.GetAttemptsAsync(order);
        if (attempts.Count == 0)
            return Snapshot(order, PaymentState.NotStarted, null);

        if (IsPaid(order))
            return Snapshot(order, PaymentState.Paid, attempts.LastOrDefault(a => a.PaymentToken == order.CaptureTransactionId) ?? attempts[^1]);

        IMyPayGaClient client;
        try
        {
            client = await _accountProvider.GetClientAsync(order.StoreId);
        }
        catch (MyPayGaException ex)
        {
            return await UnavailableAsync(order, attempts[^1], trigger, ex);
        }

        // Newest first; older attempts already known as failed are final and not read again.
        var noted = await GetNotedAsync(order);
        var toRead = attempts.Reverse()
            .Where((a, index) => index == 0 || !noted.Contains(NotedKey(NotedOutcome.Failed, a)))
            .Take(MaxAttemptsRead)
            .ToList();

        var reads = new List<AttemptRead>();
        foreach (var attempt in toRead)
        {
            PaymentDetailResponse response;
            try
            {
                response = await client.GetPaymentDetailAsync(attempt.PaymentToken, cancellationToken);
            }
            catch (MyPayGaException ex)
            {
                return await UnavailableAsync(order, attempt, trigger, ex);
            }

            var read = new AttemptRead(attempt, FindDetail(response, attempt));
            reads.Add(read);
            if (read.Outcome is PaymentOutcome.Paid or PaymentOutcome.PaidWithRisk)
                break;
        }

        var settings = await _settingService.LoadSettingAsync<MyPayGaSettings>(order.StoreId);
        var paid = reads.FirstOrDefault(r => r.Outcome is PaymentOutcome.Paid or PaymentOutcome.PaidWithRisk);
        if (paid is not null)
            return await ApplyPaidAsync(order, paid, settings, trigger, cancellationToken);

        return await ApplyNotPaidAsync(order, reads, settings);
    }

    private async Task<PaymentStatusSnapshot> ApplyPaidAsync(Order order, AttemptRead paid, MyPayGaSettings settings,
        StatusTrigger trigger, CancellationToken cancellationToken)
    {
        var detail = paid.Detail!;
        var attempt = paid.Attempt;
        var message = detail.MessageData;

        if (!AmountMatches(attempt, detail.TotalAmount, currency: null, out var mismatch))
        {
            // Logged with the note, once per attempt: the pending page checks again every few seconds.
            if (await NoteOnceAsync(order, NotedOutcome.Mismatch, attempt, ServiceKeys.NoteAmountMismatch, attempt.UniqueId, mismatch))
                await _logger.ErrorAsync($"MyPayGa: order {order.Id}, attempt {attempt.UniqueId}: MyPayGa reports a payment that does not match ({mismatch}); the order is not marked as paid.");
            return Snapshot(order, PaymentState.AmountMismatch, attempt, message);
        }

        var risky = paid.Outcome == PaymentOutcome.PaidWithRisk;
        if (risky && settings.RiskyCardPolicy == RiskyCardPolicy.HoldForReview)
        {
            await NoteOnceAsync(order, NotedOutcome.Risk, attempt, ServiceKeys.NoteHeldForReview, attempt.UniqueId, Amount(attempt), message ?? string.Empty);
            return Snapshot(order, PaymentState.HeldForReview, attempt, message);
        }

        var outcome = SettleOutcome.Busy;
        var acquired = false;
        // nopCommerce's locker does not wait. The holder is usually another check of the same payment (done in a
        // moment) or StartAsync still waiting for payment-request's answer: try again briefly before giving up.
        for (var round = 0; round < BusyLockRounds && !acquired; round++)
        {
            if (round > 0)
            {
                await Task.Delay(BusyLockPause, cancellationToken);
                if (IsPaid(await ReloadAsync(order)))
                    break;
            }

            acquired = await _locker.PerformActionWithLockAsync(LockKey(order), SettleLockTime, SettleAsync);
        }

        async Task SettleAsync()
        {
            var fresh = await ReloadAsync(order);
            if (IsPaid(fresh))
            {
                outcome = SettleOutcome.AlreadyPaid;
                return;
            }

            if (!_orderProcessingService.CanMarkOrderAsPaid(fresh))
            {
                // e.g. cancelled by the expiry task before the shopper paid: money received for an order that cannot take it.
                outcome = SettleOutcome.Conflict;
                await NoteOnceLockedAsync(fresh, NotedOutcome.Conflict, attempt, ServiceKeys.NotePaidButNotPayable, attempt.UniqueId, Amount(attempt), fresh.OrderStatus.ToString());
                return;
            }

            fresh.CaptureTransactionId = attempt.PaymentToken;
            fresh.CaptureTransactionResult = Truncate(message, 400);
            await _orderProcessingService.MarkOrderAsPaidAsync(fresh);
            await NoteAsync(fresh, risky ? ServiceKeys.NotePaidWithRisk : ServiceKeys.NotePaid,
                attempt.UniqueId, Amount(attempt), detail.PaymentMethod ?? string.Empty, message ?? string.Empty, trigger.ToString());
            CopyState(fresh, order);
            outcome = SettleOutcome.MarkedPaid;
        }

        if (!acquired)
        {
            // Someone else is settling this order right now: report what the order says, it is not an error.
            var current = await ReloadAsync(order);
            CopyState(current, order);
            return Snapshot(order, IsPaid(current) ? PaymentState.Paid : PaymentState.Pending, attempt, message);
        }

        return outcome switch
        {
            SettleOutcome.MarkedPaid => Snapshot(order, PaymentState.Paid, attempt, message, changed: true),
            SettleOutcome.AlreadyPaid => Snapshot(order, PaymentState.Paid, attempt, message),
            _ => Snapshot(order, PaymentState.HeldForReview, attempt, message),
        };
    }

    private async Task<PaymentStatusSnapshot> ApplyNotPaidAsync(Order order, IReadOnlyList<AttemptRead> reads, MyPayGaSettings settings)
    {
        var newest = reads[0];
        var state = newest.Outcome == PaymentOutcome.Failed ? PaymentState.Failed : PaymentState.Pending;
        var noted = await GetNotedAsync(order);
        var newFailures = reads.Where(r => r.Outcome == PaymentOutcome.Failed && !noted.Contains(NotedKey(NotedOutcome.Failed, r.Attempt))).ToList();
        // Cancel only when nothing read may still be paid: an older push can be approved after a newer one failed.
        var cancel = state == PaymentState.Failed && settings.CancelOrderOnFailure
            && reads.All(r => r.Outcome == PaymentOutcome.Failed)
            && order.OrderStatus != OrderStatus.Cancelled;

        if (newFailures.Count == 0 && !cancel)
            return Snapshot(order, state, newest.Attempt, newest.Detail?.MessageData);

        var changed = false;
        await _locker.PerformActionWithLockAsync(LockKey(order), SettleLockTime, async () =>
        {
            var fresh = await ReloadAsync(order);
            foreach (var failure in newFailures)
                await NoteOnceLockedAsync(fresh, NotedOutcome.Failed, failure.Attempt, ServiceKeys.NoteFailed,
                    failure.Attempt.UniqueId, failure.Detail?.MessageData ?? string.Empty);

            if (cancel && fresh.PaymentStatus == PaymentStatus.Pending && _orderProcessingService.CanCancelOrder(fresh))
            {
                await _orderProcessingService.CancelOrderAsync(fresh, notifyCustomer: true);
                await NoteAsync(fresh, ServiceKeys.NoteCancelledOnFailure, newest.Attempt.UniqueId);
                changed = true;
            }

            CopyState(fresh, order);
        });
        // A busy lock means another check is writing the same notes: nothing is lost, the next check sees them.

        return Snapshot(order, state, newest.Attempt, newest.Detail?.MessageData, changed);
    }

    /// <summary>
    /// The amount must be exactly the whole francs asked for this attempt and the currency, when MyPayGa gives one,
    /// XAF. paiement-detail documents no currency field (PaymentDetail has none), so the processor passes null;
    /// if the client ever exposes one, pass it here.
    /// </summary>
    internal static bool AmountMatches(PaymentAttempt attempt, decimal? totalAmount, string? currency, out string mismatch)
    {
        if (totalAmount is not { } total || total != attempt.AmountXaf)
        {
            mismatch = string.Format(CultureInfo.InvariantCulture, "amount {0} instead of {1} XAF",
                totalAmount?.ToString(CultureInfo.InvariantCulture) ?? "missing", attempt.AmountXaf);
            return false;
        }

        if (!string.IsNullOrWhiteSpace(currency) && !XafCurrencyNames.Contains(currency.Trim()))
        {
            mismatch = $"currency {currency.Trim()} instead of XAF";
            return false;
        }

        mismatch = string.Empty;
        return true;
    }

    private static PaymentDetail? FindDetail(PaymentDetailResponse response, PaymentAttempt attempt)
    {
        var detail = response.Find(attempt.PaymentToken);
        // An entry naming another payment is not this attempt's status, whatever it says.
        if (detail is not null && !string.IsNullOrEmpty(detail.PaymentToken)
            && !string.Equals(detail.PaymentToken, attempt.PaymentToken, StringComparison.Ordinal))
            return null;
        return detail;
    }

    private async Task<PaymentStatusSnapshot> UnavailableAsync(Order order, PaymentAttempt attempt, StatusTrigger trigger, MyPayGaException ex)
    {
        await _logger.WarningAsync($"MyPayGa: the status of order {order.Id} could not be read ({trigger}); nothing was changed. {ProviderErrors.Describe(ex)}");
        return Snapshot(order, PaymentState.ProviderUnavailable, attempt);
    }

    /// <summary>True when the note was written now (false: written before, or the order is busy and a later check will).</summary>
    private async Task<bool> NoteOnceAsync(Order order, NotedOutcome outcome, PaymentAttempt attempt, string key, params object[] args)
    {
        if ((await GetNotedAsync(order)).Contains(NotedKey(outcome, attempt)))
            return false;

        var written = false;
        await _locker.PerformActionWithLockAsync(LockKey(order), SettleLockTime,
            async () => written = await NoteOnceLockedAsync(order, outcome, attempt, key, args));
        return written;
    }

    private async Task<bool> NoteOnceLockedAsync(Order order, NotedOutcome outcome, PaymentAttempt attempt, string key, params object[] args)
    {
        var noted = await GetNotedAsync(order);
        if (!noted.Add(NotedKey(outcome, attempt)))
            return false;

        await NoteAsync(order, key, args);
        await _genericAttributeService.SaveAttributeAsync(order, NotedOutcomesAttribute,
            JsonSerializer.Serialize(noted.Order(StringComparer.Ordinal)));
        return true;
    }

    private async Task<HashSet<string>> GetNotedAsync(Order order)
    {
        var json = await _genericAttributeService.GetAttributeAsync<string>(order, NotedOutcomesAttribute);
        if (string.IsNullOrWhiteSpace(json))
            return new HashSet<string>(StringComparer.Ordinal);
        try
        {
            return new HashSet<string>(JsonSerializer.Deserialize<List<string>>(json) ?? [], StringComparer.Ordinal);
        }
        catch (JsonException)
        {
            return new HashSet<string>(StringComparer.Ordinal);
        }
    }

    private async Task NoteAsync(Order order, string key, params object[] args) =>
        await _orderService.AddMyPayGaNoteAsync(order,
            string.Format(CultureInfo.InvariantCulture, await _localizationService.GetResourceAsync(key), args));

    /// <summary>Without nopCommerce's per-request cache (GetOrderByIdAsync uses it): the state may have just changed.</summary>
    private async Task<Order> ReloadAsync(Order order) =>
        await _orderService.GetOrderByGuidAsync(order.OrderGuid) ?? order;

    private static void CopyState(Order from, Order to)
    {
        if (ReferenceEquals(from, to))
            return;
        to.PaymentStatusId = from.PaymentStatusId;
        to.OrderStatusId = from.OrderStatusId;
        to.PaidDateUtc = from.PaidDateUtc;
        to.CaptureTransactionId = from.CaptureTransactionId;
        to.CaptureTransactionResult = from.CaptureTransactionResult;
    }

    internal static bool IsPaid(Order order) =>
        order.PaymentStatus is PaymentStatus.Paid or PaymentStatus.PartiallyRefunded or PaymentStatus.Refunded;

    internal static string LockKey(Order order) => MyPayGaDefaults.OrderLockPrefix + order.Id.ToString(CultureInfo.InvariantCulture);

    private static string NotedKey(NotedOutcome outcome, PaymentAttempt attempt) => $"{outcome}:{attempt.UniqueId}";

    private static string Amount(PaymentAttempt attempt) => attempt.AmountXaf.ToString("N0", CultureInfo.InvariantCulture) + " XAF";

    private static string? Truncate(string? text, int length) =>
        text is null || text.Length <= length ? text : text[..length];

    private static PaymentStatusSnapshot Snapshot(Order order, PaymentState state, PaymentAttempt? attempt,
        string? providerMessage = null, bool changed = false) => new()
        {
            OrderId = order.Id,
            State = state,
            Attempt = attempt,
            ProviderMessage = providerMessage,
            OrderChanged = changed,
            ReadOnUtc = DateTime.UtcNow,
        };

    private sealed record AttemptRead(PaymentAttempt Attempt, PaymentDetail? Detail)
    {
        public PaymentOutcome Outcome => Detail?.Outcome ?? PaymentOutcome.Pending;
    }

    private enum NotedOutcome { Failed, Risk, Mismatch, Conflict }

    private enum SettleOutcome { Busy, MarkedPaid, AlreadyPaid, Conflict }
}
