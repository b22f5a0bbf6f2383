using System.Globalization;
using MyPayGa.Client;
using MyPayGa.Client.Models;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.MyPayGa.Domain;
using Nop.Plugin.Payments.MyPayGa.Services.Farm;
using Nop.Plugin.Payments.MyPayGa.Services.Ledger;
using Nop.Services.Configuration;
using Nop.Services.Logging;
using Nop.Services.Orders;
using static Nop.Plugin.Payments.MyPayGa.Localization.LocaleResources;

namespace Nop.Plugin.Payments.MyPayGa.Services;

/// <summary>
/// The one place that moves a MyPayGa order. A check has two phases:
/// <list type="number">
/// <item>read: paiement-detail for every attempt of the order that may still be paid (all open attempts within the
/// follow window, and the attempt a callback names), outside any lock — never a token or status a caller claims;</item>
/// <item>apply: in this process one check per order at a time (<see cref="OrderGuard"/>), and every once-only
/// decision — the order marked paid, an attempt's outcome and its note, a cancellation — taken by inserting a claim in
/// the database (<see cref="IMyPayGaClaimStore"/>), so that it happens once across every instance whatever
/// nopCommerce's ILocker does.</item>
/// </list>
/// A second paid attempt is a double payment: noted, logged as an error, listed for the admin with a refund action.
/// </summary>
public class PaymentStatusProcessor : IPaymentStatusProcessor
{
    /// <summary>
    /// A claim to mark an order paid that was never completed (its holder died) may be taken over after this long;
    /// MarkOrderAsPaidAsync takes milliseconds, so a live holder is never overtaken.
    /// </summary>
    internal static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(5);

    /// <summary>How long, and how often, a check waits for another instance that is marking the same order paid.</summary>
    internal static readonly TimeSpan PeerWait = TimeSpan.FromSeconds(5);
    internal static readonly TimeSpan PeerPoll = TimeSpan.FromMilliseconds(200);

    /// <summary>An attempt read again with the same answer is written back at most this often.</summary>
    internal static readonly TimeSpan ReadRecordInterval = TimeSpan.FromMinutes(1);

    /// <summary>A reserved attempt whose gethash never answered is given up after this long (nothing was pushed).</summary>
    internal static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(10);

    /// <summary>Currency names MyPayGa uses for XAF ("CFA" in its answers, "FCFA" in its messages).</summary>
    internal static readonly IReadOnlySet<string> XafCurrencyNames =
        new HashSet<string>(["XAF", "CFA", "FCFA"], StringComparer.OrdinalIgnoreCase);

    private readonly IPaymentAttemptStore _attemptStore;
    private readonly IMyPayGaClaimStore _claims;
    private readonly IMyPayGaAccountProvider _accountProvider;
    private readonly ISettingService _settingService;
    private readonly IOrderService _orderService;
    private readonly IOrderProcessingService _orderProcessingService;
    private readonly IOrderNoteWriter _notes;
    private readonly OrderGuard _guard;
    private readonly IAttemptReader _reader;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public PaymentStatusProcessor(IPaymentAttemptStore attemptStore,
        IMyPayGaClaimStore claims,
        IMyPayGaAccountProvider accountProvider,
        ISettingService settingService,
        IOrderService orderService,
        IOrderProcessingService orderProcessingService,
        IOrderNoteWriter notes,
        OrderGuard guard,
        IAttemptReader reader,
        TimeProvider time,
        ILogger logger)
    {
        _attemptStore = attemptStore;
        _claims = claims;
        _accountProvider = accountProvider;
        _settingService = settingService;
        _orderService = orderService;
        _orderProcessingService = orderProcessingService;
        _notes = notes;
        _guard = guard;
        _reader = reader;
        _time = time;
        _logger = logger;
    }

    public Task<PaymentStatusSnapshot> ProcessAsync(Order order, StatusTrigger trigger, CancellationToken cancellationToken = default) =>
        ProcessAsync(order, trigger, StatusCheckOptions.Default, cancellationToken);

    public async Task<PaymentStatusSnapshot> ProcessAsync(Order order, StatusTrigger trigger, StatusCheckOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(options);

        // What to read is chosen from the attempts the caller has just read, when it has (a callback, the reconciliation).
        var attempts = options.KnownAttempts is { Count: > 0 } known && known.All(a => a.OrderId == order.Id)
            ? known
            : await _attemptStore.GetAttemptsAsync(order);
        if (attempts.Count == 0)
            return Snapshot(order, PaymentState.NotStarted, null);

        var settings = await _settingService.LoadSettingAsync<MyPayGaSettings>(order.StoreId);
        var now = UtcNow;
        var toRead = ChooseAttemptsToRead(order, attempts, trigger, options, FollowFrom(settings, now));

        // Phase 1: read, outside any lock (network).
        var reads = new List<AttemptRead>(toRead.Count);
        if (toRead.Count > 0)
        {
            IMyPayGaClient? client = null;
            MyPayGaException? configurationError = null;
            try
            {
                client = await _accountProvider.GetClientAsync(order.StoreId);
            }
            catch (MyPayGaException ex)
            {
                configurationError = ex;
            }

            foreach (var attempt in toRead)
                reads.Add(client is null
                    ? new AttemptRead(attempt, null, configurationError)
                    : await ReadAsync(client, attempt, AttemptReader.FreshnessFor(trigger, options, attempt), cancellationToken));
        }

        // Nothing learned (every attempt read is still pending at MyPayGa, as recorded): nothing to decide, no second look.
        if (await TryRecordPendingAsync(order, attempts, reads, now, cancellationToken) is { } quiet)
            return quiet;

        // Phase 2: apply, one check per order in this process.
        await using var held = await _guard.TryEnterAsync(order.Id, _guard.Wait, cancellationToken);
        if (held is null)
            return Snapshot(order, PaymentState.Busy, attempts[^1]);

        var fresh = await ReloadAsync(order);
        var current = (await _attemptStore.GetAttemptsAsync(fresh)).ToDictionary(a => a.Id);
        var changed = false;
        var busy = false;
        foreach (var read in reads)
        {
            if (!current.TryGetValue(read.Attempt.Id, out var attempt))
                continue;
            if (read.Error is not null)
                continue; // nothing learned: the attempt stays as it is

            var before = (attempt.Status, attempt.LastProviderStatus, attempt.LastProviderMessage, attempt.ReceivedAmountXaf, attempt.LastReadOnUtc);
            attempt.LastReadOnUtc = now;
            attempt.LastProviderStatus = read.Outcome.ToString();
            attempt.LastProviderMessage = ProviderMessages.Clean(read.Detail?.MessageData);

            switch (read.Outcome)
            {
                case PaymentOutcome.Failed when attempt.Status is AttemptStatus.Open or AttemptStatus.TimedOut:
                    await SettleFailureAsync(fresh, attempt, read.Detail);
                    break;
                case PaymentOutcome.Paid or PaymentOutcome.PaidWithRisk:
                    var result = await ApplyPaidAsync(fresh, attempt, read, settings, trigger, cancellationToken);
                    changed |= result == PaidResult.MarkedPaid;
                    busy |= result == PaidResult.Busy;
                    fresh = await ReloadAsync(fresh);
                    break;
            }

            // The same answer read again is not written each time (polling reads every few seconds): the row keeps
            // when it was last read to the minute, enough for the admin and for the reconciliation's order.
            var unchanged = before.Status == attempt.Status && before.ReceivedAmountXaf == attempt.ReceivedAmountXaf
                && IsRecorded(before.LastProviderStatus, before.LastProviderMessage, before.LastReadOnUtc,
                    attempt.LastProviderStatus, attempt.LastProviderMessage, now);
            if (!unchanged)
                await SaveAsync(attempt);
        }

        await GiveUpStaleStartsAsync(current.Values, now);

        if (!busy)
            changed |= await CancelOnFailureAsync(fresh, current.Values.ToList(), settings);

        CopyState(fresh, order);
        var snapshot = Summarise(fresh, current.Values.OrderBy(a => a.Number).ToList(), reads, changed);
        if (busy && snapshot.State != PaymentState.Paid)
            snapshot = snapshot with { State = PaymentState.Busy, Unconfirmed = true };

        if (snapshot.Unconfirmed && !busy && trigger != StatusTrigger.Reconciliation)
        {
            // The reconciliation task writes one line per run instead of one per order.
            var error = reads.First(r => r.Error is not null).Error!;
            await _logger.WarningAsync($"MyPayGa: the status of order {order.Id} could not be read ({trigger}); nothing was changed. {ProviderErrors.Describe(error)}");
        }

        return snapshot;
    }

    /// <summary>
    /// The common case of a check — every attempt read is open and MyPayGa still says pending — done without phase 2's
    /// second look at the order and its attempts: no decision can follow from it, and no stale start or cancellation is
    /// due (an open attempt stops both). The read is recorded as phase 2 would (at most once a minute per attempt), on
    /// the row as stored now and under the order's guard; a row another check has moved meanwhile sends the check back
    /// to phase 2. Null when phase 2 must run.
    /// </summary>
    private async Task<PaymentStatusSnapshot?> TryRecordPendingAsync(Order order, IReadOnlyList<MyPayGaAttempt> attempts,
        IReadOnlyList<AttemptRead> reads, DateTime now, CancellationToken cancellationToken)
    {
        if (reads.Count == 0
            || reads.Any(r => r.Error is not null || r.Outcome != PaymentOutcome.Pending || r.Attempt.Status != AttemptStatus.Open)
            || attempts.Any(a => IsStaleStart(a, now)))
            return null;

        var stale = reads
            .Select(r => (r.Attempt, Message: ProviderMessages.Clean(r.Detail?.MessageData)))
            .Where(r => !IsRecorded(r.Attempt.LastProviderStatus, r.Attempt.LastProviderMessage, r.Attempt.LastReadOnUtc,
                nameof(PaymentOutcome.Pending), r.Message, now))
            .ToList();
        if (stale.Count > 0)
        {
            // Bookkeeping only: when another check holds the order, it is writing this attempt anyway.
            await using var held = await _guard.TryEnterAsync(order.Id, TimeSpan.Zero, cancellationToken);
            if (held is not null)
            {
                foreach (var (attempt, message) in stale)
                {
                    var stored = await _attemptStore.GetByIdAsync(attempt.Id);
                    if (stored is null || stored.Status != AttemptStatus.Open)
                        return null;
                    foreach (var row in new[] { stored, attempt })
                    {
                        row.LastReadOnUtc = now;
                        row.LastProviderStatus = nameof(PaymentOutcome.Pending);
                        row.LastProviderMessage = message;
                    }

                    await _attemptStore.UpdateAsync(stored);
                }
            }
        }

        return Summarise(order, attempts, reads, changed: false);
    }

    /// <summary>
    /// Whether a row recording (status, message, when) already says what was read now, written less than
    /// <see cref="ReadRecordInterval"/> ago: the same answer read again is not written each time.
    /// </summary>
    private static bool IsRecorded(string? recordedStatus, string? recordedMessage, DateTime? recordedOnUtc,
        string? providerStatus, string? providerMessage, DateTime now) =>
        recordedStatus == providerStatus && recordedMessage == providerMessage
        && recordedOnUtc is { } lastWritten && now - lastWritten < ReadRecordInterval;

    private static bool IsStaleStart(MyPayGaAttempt attempt, DateTime now) =>
        attempt.Status == AttemptStatus.Starting && attempt.PaymentToken is null && now - attempt.CreatedOnUtc > StartTimeout;

    /// <summary>
    /// The attempts whose status is worth asking MyPayGa now: the one a callback names (unless it already paid the
    /// order), then every open attempt, newest first. A paid order viewed by the shopper needs no read at all; a callback
    /// or the reconciliation still reads its other open attempts, to notice a second payment.
    /// </summary>
    internal static List<MyPayGaAttempt> ChooseAttemptsToRead(Order order, IReadOnlyList<MyPayGaAttempt> attempts,
        StatusTrigger trigger, StatusCheckOptions options, DateTime followFromUtc)
    {
        var result = new List<MyPayGaAttempt>();
        if (options.HintAttemptId is { } hintId
            && attempts.FirstOrDefault(a => a.Id == hintId) is { PaymentToken: not null } hinted
            && hinted.Status is AttemptStatus.Open or AttemptStatus.Failed or AttemptStatus.TimedOut)
            result.Add(hinted);

        if (IsPaid(order) && trigger is StatusTrigger.PendingPage or StatusTrigger.ReturnPage)
            return result;

        foreach (var attempt in attempts.OrderByDescending(a => a.Number))
        {
            if (attempt.PaymentToken is null || result.Contains(attempt))
                continue;
            var followed = attempt.Status == AttemptStatus.Open && (attempt.CreatedOnUtc >= followFromUtc || options.IncludeOverdue);
            var overdue = attempt.Status == AttemptStatus.TimedOut && options.IncludeOverdue;
            if (followed || overdue)
                result.Add(attempt);
        }

        return result;
    }

    /// <summary>paiement-detail through the reader: shared with any request or instance reading the same attempt.</summary>
    private async Task<AttemptRead> ReadAsync(IMyPayGaClient client, MyPayGaAttempt attempt, ReadFreshness freshness,
        CancellationToken cancellationToken)
    {
        // A payment link is read with getLink (PaymentLinkReader), then decided like any attempt.
        if (attempt.Channel == PaymentChannel.Link)
        {
            var (linkDetail, linkError) = await PaymentLinkReader.ReadAsync(client, attempt, cancellationToken);
            return new AttemptRead(attempt, linkDetail, linkError);
        }

        var (detail, error) = await _reader.ReadAsync(client, attempt, freshness, cancellationToken);
        return new AttemptRead(attempt, detail, error);
    }

    private async Task SettleFailureAsync(Order order, MyPayGaAttempt attempt, PaymentDetail? detail)
    {
        attempt.Status = AttemptStatus.Failed;
        attempt.FinalOnUtc ??= UtcNow;
        // Once per attempt, on every instance: whoever inserts the claim writes the note.
        var claim = await _claims.TryClaimAsync(ClaimKeys.AttemptFailed(attempt.Id), order.Id, nameof(AttemptStatus.Failed));
        if (claim is null)
            return;

        // The operator's words (kept from the refused push or a signed callback) say more than MyPayGa's "Failed".
        var reason = attempt.DisplayMessage ?? detail?.MessageData ?? string.Empty;
        await _notes.AddAsync(order, ServiceKeys.NoteFailed, attempt.UniqueId, reason);
        await _claims.CompleteAsync(claim);
    }

    private async Task<PaidResult> ApplyPaidAsync(Order order, MyPayGaAttempt attempt, AttemptRead read, MyPayGaSettings settings,
        StatusTrigger trigger, CancellationToken cancellationToken)
    {
        var detail = read.Detail!;
        attempt.ReceivedAmountXaf = detail.TotalAmount is { } total && total == decimal.Truncate(total) && total is >= long.MinValue and <= long.MaxValue
            ? (long)total
            : attempt.ReceivedAmountXaf;
        attempt.FinalOnUtc ??= UtcNow;

        // Already decided for this attempt (here or on another instance): the row follows the claim.
        if (await _claims.GetAsync(ClaimKeys.AttemptPaid(attempt.Id)) is { } decided
            && Enum.TryParse<AttemptStatus>(decided.Detail, out var decidedStatus))
        {
            attempt.Status = decidedStatus;
            if (decidedStatus != AttemptStatus.Paid || IsPaid(order))
                return PaidResult.Known;
            // Paid by this attempt, but the order is not (yet) marked: the claim below finishes the job.
        }

        if (!AmountMatches(attempt, detail.TotalAmount, currency: null, out var mismatch))
        {
            if (await DecideAsync(order, attempt, AttemptStatus.AmountMismatch, ServiceKeys.NoteAmountMismatch, attempt.UniqueId, mismatch))
                await _logger.ErrorAsync($"MyPayGa: order {order.Id}, attempt {attempt.UniqueId}: MyPayGa reports a payment that does not match ({mismatch}); the order is not marked as paid. A person must decide (refund or accept).");
            return PaidResult.Known;
        }

        var risky = read.Outcome == PaymentOutcome.PaidWithRisk;
        if (risky && settings.RiskyCardPolicy == RiskyCardPolicy.HoldForReview && !IsPaid(order))
        {
            await DecideAsync(order, attempt, AttemptStatus.HeldForReview, ServiceKeys.NoteHeldForReview,
                attempt.UniqueId, Amount(attempt.AmountXaf), detail.MessageData ?? string.Empty);
            return PaidResult.Known;
        }

        for (var round = 0; ; round++)
        {
            if (IsPaid(order))
            {
                if (string.Equals(order.CaptureTransactionId, attempt.PaymentToken, StringComparison.Ordinal))
                {
                    await DecideAsync(order, attempt, AttemptStatus.Paid, noteKey: null);
                    return PaidResult.Known;
                }

                // The order was already paid by another attempt: this money came twice.
                if (await DecideAsync(order, attempt, AttemptStatus.DoublePayment, LedgerKeys.NoteDoublePayment,
                        attempt.UniqueId, Amount(attempt.ReceivedAmountXaf ?? attempt.AmountXaf), attempt.PaymentToken ?? string.Empty))
                    await _logger.ErrorAsync($"MyPayGa: order {order.Id} was paid twice: attempt {attempt.UniqueId} ({Amount(attempt.ReceivedAmountXaf ?? attempt.AmountXaf)}) arrived after the order was already paid. Refund it from the order's MyPayGa panel.");
                return PaidResult.Known;
            }

            if (!_orderProcessingService.CanMarkOrderAsPaid(order))
            {
                // e.g. cancelled by the expiry before the shopper paid: money received for an order that cannot take it.
                if (await DecideAsync(order, attempt, AttemptStatus.PaidOrderClosed, ServiceKeys.NotePaidButNotPayable,
                        attempt.UniqueId, Amount(attempt.AmountXaf), order.OrderStatus.ToString()))
                    await _logger.ErrorAsync($"MyPayGa: order {order.Id} ({order.OrderStatus}) received a payment ({attempt.UniqueId}, {Amount(attempt.AmountXaf)}) it can no longer take. A person must decide (refund or reopen).");
                return PaidResult.Known;
            }

            var claim = await _claims.TryClaimAsync(ClaimKeys.OrderPaid(order.Id), order.Id, AttemptIdText(attempt));
            if (claim is not null)
            {
                order = await ReloadAsync(order);
                if (IsPaid(order))
                {
                    // Paid between our last look and the claim (the previous holder finished): decide again.
                    await _claims.CompleteAsync(claim);
                    continue;
                }

                order.CaptureTransactionId = attempt.PaymentToken;
                order.CaptureTransactionResult = Truncate(detail.MessageData, 400);
                await _orderProcessingService.MarkOrderAsPaidAsync(order);
                await _notes.AddAsync(order, risky ? ServiceKeys.NotePaidWithRisk : ServiceKeys.NotePaid,
                    attempt.UniqueId, Amount(attempt.AmountXaf), detail.PaymentMethod ?? string.Empty, detail.MessageData ?? string.Empty, trigger.ToString());
                await _claims.CompleteAsync(claim);
                await DecideAsync(order, attempt, AttemptStatus.Paid, noteKey: null);
                return PaidResult.MarkedPaid;
            }

            // Another request (on another instance: this one serialises its own) is marking the order paid.
            var peer = await _claims.GetAsync(ClaimKeys.OrderPaid(order.Id));
            // Claims are stamped by the claim store with the system clock (DateTime.UtcNow of the instance that inserted
            // them): their age is told with the same clock, never with this check's TimeProvider, which a host (or a test)
            // may run differently. Instances of a farm are assumed to agree to well within the lease (NTP).
            if (peer is { CompletedOnUtc: null } && DateTime.UtcNow - peer.CreatedOnUtc > ClaimLease && round == 0)
            {
                // Its holder died before finishing: exactly one taker removes the stale claim, then claims again.
                if (await _claims.TryTakeOverAsync(peer))
                    await _logger.WarningAsync($"MyPayGa: order {order.Id}: a claim to mark it paid was never completed (owner {peer.Owner}); taken over.");
                order = await ReloadAsync(order);
                continue;
            }

            order = await WaitForPeerAsync(order, cancellationToken);
            if (IsPaid(order) || round < 2)
                continue;
            return PaidResult.Busy;
        }
    }

    /// <summary>
    /// Gives the attempt its final status once: whoever inserts the attempt's "paid" claim writes the note; a caller
    /// that finds it taken adopts the recorded decision. True when this caller decided.
    /// </summary>
    private async Task<bool> DecideAsync(Order order, MyPayGaAttempt attempt, AttemptStatus status, string? noteKey, params object[] args)
    {
        var claim = await _claims.TryClaimAsync(ClaimKeys.AttemptPaid(attempt.Id), order.Id, status.ToString());
        if (claim is null)
        {
            if (await _claims.GetAsync(ClaimKeys.AttemptPaid(attempt.Id)) is { } existing && Enum.TryParse<AttemptStatus>(existing.Detail, out var recorded))
                attempt.Status = recorded;
            return false;
        }

        attempt.Status = status;
        if (noteKey is not null)
            await _notes.AddAsync(order, noteKey, args);
        await _claims.CompleteAsync(claim);
        return true;
    }

    /// <summary>Until the peer's claim completes (the order turns paid) or <see cref="PeerWait"/> passes.</summary>
    private async Task<Order> WaitForPeerAsync(Order order, CancellationToken cancellationToken)
    {
        var deadline = UtcNow + PeerWait;
        while (UtcNow < deadline)
        {
            await Task.Delay(PeerPoll, _time, cancellationToken);
            order = await ReloadAsync(order);
            if (IsPaid(order))
                break;
        }

        return order;
    }

    /// <summary>Cancels the order when the store asks for it and nothing of it may still be paid.</summary>
    private async Task<bool> CancelOnFailureAsync(Order order, IReadOnlyList<MyPayGaAttempt> attempts, MyPayGaSettings settings)
    {
        if (!settings.CancelOrderOnFailure || IsPaid(order) || order.OrderStatus == OrderStatus.Cancelled)
            return false;
        var latest = attempts.MaxBy(a => a.Number);
        // A payment link expired or cancelled (by the admin, or by MyPayGa) is not the shopper's payment failing.
        if (latest is not { Status: AttemptStatus.Failed } || latest.Channel == PaymentChannel.Link
            || !attempts.All(a => a.Status is AttemptStatus.Failed or AttemptStatus.NotStarted))
            return false;
        if (order.PaymentStatus != PaymentStatus.Pending || !_orderProcessingService.CanCancelOrder(order))
            return false;

        var claim = await _claims.TryClaimAsync(ClaimKeys.OrderCancelled(order.Id), order.Id, "failure");
        if (claim is null)
            return false;

        await _orderProcessingService.CancelOrderAsync(order, notifyCustomer: true);
        await _notes.AddAsync(order, ServiceKeys.NoteCancelledOnFailure, latest.UniqueId);
        await _claims.CompleteAsync(claim);
        return true;
    }

    /// <summary>Reserved attempts whose gethash never answered: nothing was pushed, nothing can be paid.</summary>
    private async Task GiveUpStaleStartsAsync(IEnumerable<MyPayGaAttempt> attempts, DateTime now)
    {
        foreach (var attempt in attempts.Where(a => IsStaleStart(a, now)))
        {
            attempt.Status = AttemptStatus.NotStarted;
            attempt.FinalOnUtc = now;
            await SaveAsync(attempt);
        }
    }

    /// <summary>Writes the attempt over a fresh copy, never moving a final status back to an open one.</summary>
    private async Task SaveAsync(MyPayGaAttempt attempt)
    {
        var stored = await _attemptStore.GetByIdAsync(attempt.Id);
        if (stored is not null && IsFinal(stored.Status) && !IsFinal(attempt.Status))
            attempt.Status = stored.Status;
        await _attemptStore.UpdateAsync(attempt);
    }

    /// <summary>
    /// The order's state for the shopper and the callers: paid, money waiting for a person, else what the newest attempt
    /// says (an older push still open is followed, but the shopper may already try again).
    /// </summary>
    private static PaymentStatusSnapshot Summarise(Order order, IReadOnlyList<MyPayGaAttempt> attempts, IReadOnlyList<AttemptRead> reads, bool changed)
    {
        var unread = reads.Where(r => r.Error is not null).Select(r => r.Attempt.Id).ToHashSet();
        var unconfirmed = unread.Count > 0;
        var latest = attempts[^1];

        if (IsPaid(order))
        {
            var paying = attempts.FirstOrDefault(a => string.Equals(a.PaymentToken, order.CaptureTransactionId, StringComparison.Ordinal))
                ?? attempts.LastOrDefault(a => a.Status == AttemptStatus.Paid) ?? latest;
            return Snapshot(order, PaymentState.Paid, paying, paying.LastProviderMessage, changed, unconfirmed);
        }

        // A decision taken by a person (accepted, refunded) ends the review: the order's state follows its attempts again.
        var review = attempts.LastOrDefault(a => (a.Status is AttemptStatus.HeldForReview or AttemptStatus.PaidOrderClosed or AttemptStatus.DoublePayment)
            && a.ReviewedOnUtc is null);
        if (review is not null)
            return Snapshot(order, PaymentState.HeldForReview, review, review.LastProviderMessage, changed, unconfirmed);

        var mismatch = attempts.LastOrDefault(a => a.Status == AttemptStatus.AmountMismatch && a.ReviewedOnUtc is null);
        if (mismatch is not null)
            return Snapshot(order, PaymentState.AmountMismatch, mismatch, mismatch.LastProviderMessage, changed, unconfirmed);

        if (latest.Status is AttemptStatus.Open or AttemptStatus.Starting)
            return Snapshot(order, unread.Contains(latest.Id) ? PaymentState.ProviderUnavailable : PaymentState.Pending,
                latest, latest.LastProviderMessage, changed, unconfirmed);

        return Snapshot(order, PaymentState.Failed, latest, latest.LastProviderMessage, changed, unconfirmed);
    }

    /// <summary>
    /// The amount must be exactly the whole francs asked for this attempt and the currency, when MyPayGa gives one,
    /// XAF. paiement-detail documents no currency field (PaymentDetail has none), so the processor passes null;
    /// if the client ever exposes one, pass it here.
    /// </summary>
    internal static bool AmountMatches(MyPayGaAttempt attempt, decimal? totalAmount, string? currency, out string mismatch)
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

    private DateTime UtcNow => _time.GetUtcNow().UtcDateTime;

    /// <summary>Attempts created before this are no longer read automatically (MyPayGaSettings.AttemptFollowHours).</summary>
    internal static DateTime FollowFrom(MyPayGaSettings settings, DateTime nowUtc) =>
        nowUtc - FollowWindow(settings);

    /// <summary>How long an attempt is read automatically after its creation (MyPayGaSettings.AttemptFollowHours, 1 hour to 30 days).</summary>
    internal static TimeSpan FollowWindow(MyPayGaSettings settings) =>
        TimeSpan.FromHours(Math.Clamp(settings.AttemptFollowHours, 1, 24 * 30));

    internal static bool IsPaid(Order order) =>
        order.PaymentStatus is PaymentStatus.Paid or PaymentStatus.PartiallyRefunded or PaymentStatus.Refunded;

    internal static bool IsFinal(AttemptStatus status) =>
        status is not (AttemptStatus.Starting or AttemptStatus.Open or AttemptStatus.TimedOut);

    internal static string Amount(long xaf) => xaf.ToString("N0", CultureInfo.InvariantCulture) + " XAF";

    private static string AttemptIdText(MyPayGaAttempt attempt) => attempt.Id.ToString(CultureInfo.InvariantCulture);

    private static string? Truncate(string? text, int length) =>
        text is null || text.Length <= length ? text : text[..length];

    private static PaymentStatusSnapshot Snapshot(Order order, PaymentState state, MyPayGaAttempt? attempt,
        string? providerMessage = null, bool changed = false, bool unconfirmed = false) => new()
        {
            OrderId = order.Id,
            State = state,
            Attempt = attempt,
            ProviderMessage = providerMessage,
            OrderChanged = changed,
            Unconfirmed = unconfirmed || state is PaymentState.ProviderUnavailable or PaymentState.Busy,
            ReadOnUtc = DateTime.UtcNow,
        };

    private sealed record AttemptRead(MyPayGaAttempt Attempt, PaymentDetail? Detail, MyPayGaException? Error)
    {
        public PaymentOutcome Outcome => Detail?.Outcome ?? PaymentOutcome.Pending;
    }

    private enum PaidResult { Known, MarkedPaid, Busy }
}
