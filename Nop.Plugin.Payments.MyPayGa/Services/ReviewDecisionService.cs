using System.Globalization;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.MyPayGa.Domain;
using Nop.Plugin.Payments.MyPayGa.Services.Ledger;
using Nop.Services.Localization;
using Nop.Services.Logging;
using Nop.Services.Orders;
using static Nop.Plugin.Payments.MyPayGa.Localization.LocaleResources;

namespace Nop.Plugin.Payments.MyPayGa.Services;

/// <summary>What a person decides about money MyPayGa received that automation left to them. Values appear in URLs.</summary>
public enum ReviewDecision
{
    /// <summary>Held for review: the payment is good, mark the order paid with it.</summary>
    Accept = 1,
    /// <summary>Held for review: give the money back and cancel the order.</summary>
    RefundAndCancel = 2,
    /// <summary>Amount mismatch: give back what MyPayGa received.</summary>
    RefundReceived = 3,
    /// <summary>Double payment, or paid while the order was closed: give this attempt's money back.</summary>
    RefundAttempt = 4,
}

public sealed record DecisionCommand(int OrderId, int AttemptId, ReviewDecision Decision, string? AdminName);

/// <summary>The result of a decision, with a text for the admin (no keys).</summary>
public sealed record DecisionOutcome(bool Done, string Message);

/// <summary>
/// Carries out a person's decision about an attempt that needed one, exactly once whatever else happens at the same
/// moment (callbacks, the reconciliation, another admin, another instance): the decision is the claim
/// <see cref="ClaimKeys.AttemptReviewed"/>; marking the order paid is the claim <see cref="ClaimKeys.OrderPaid"/> that
/// the status processor also takes; cancelling is <see cref="ClaimKeys.OrderCancelled"/>; money goes back only through
/// <see cref="IMyPayGaRefundService"/> (one refund at a time, never more than received, unknown outcomes settled first).
/// A decision whose action did not happen gives its claim back, so that it can be asked again.
/// </summary>
public interface IMyPayGaReviewDecisionService
{
    /// <summary>The decisions open to a person for an attempt now (empty when none, or already decided).</summary>
    IReadOnlyList<ReviewDecision> AvailableDecisions(MyPayGaAttempt attempt);

    Task<DecisionOutcome> DecideAsync(DecisionCommand command, CancellationToken cancellationToken = default);
}

public class MyPayGaReviewDecisionService : IMyPayGaReviewDecisionService
{
    /// <summary>A decision claim never completed (its process died) may be taken over after this long.</summary>
    internal static readonly TimeSpan DecisionLease = TimeSpan.FromMinutes(5);

    private readonly IPaymentAttemptStore _attemptStore;
    private readonly IMyPayGaClaimStore _claims;
    private readonly IMyPayGaRefundService _refundService;
    private readonly IOrderService _orderService;
    private readonly IOrderProcessingService _orderProcessingService;
    private readonly IOrderNoteWriter _notes;
    private readonly IPaymentStatusCache _statusCache;
    private readonly ILocalizationService _localizationService;
    private readonly OrderGuard _guard;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public MyPayGaReviewDecisionService(IPaymentAttemptStore attemptStore,
        IMyPayGaClaimStore claims,
        IMyPayGaRefundService refundService,
        IOrderService orderService,
        IOrderProcessingService orderProcessingService,
        IOrderNoteWriter notes,
        IPaymentStatusCache statusCache,
        ILocalizationService localizationService,
        OrderGuard guard,
        TimeProvider time,
        ILogger logger)
    {
        _attemptStore = attemptStore;
        _claims = claims;
        _refundService = refundService;
        _orderService = orderService;
        _orderProcessingService = orderProcessingService;
        _notes = notes;
        _statusCache = statusCache;
        _localizationService = localizationService;
        _guard = guard;
        _time = time;
        _logger = logger;
    }

    public IReadOnlyList<ReviewDecision> AvailableDecisions(MyPayGaAttempt attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        if (attempt.ReviewedOnUtc is not null)
            return [];
        return attempt.Status switch
        {
            AttemptStatus.HeldForReview => [ReviewDecision.Accept, ReviewDecision.RefundAndCancel],
            AttemptStatus.AmountMismatch => [ReviewDecision.RefundReceived],
            AttemptStatus.DoublePayment or AttemptStatus.PaidOrderClosed => [ReviewDecision.RefundAttempt],
            _ => [],
        };
    }

    public async Task<DecisionOutcome> DecideAsync(DecisionCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var order = await _orderService.GetOrderByIdAsync(command.OrderId);
        var attempt = order is null ? null : (await _attemptStore.GetAttemptsAsync(order)).FirstOrDefault(a => a.Id == command.AttemptId);
        if (order is null || attempt is null)
            return await FailAsync(PanelKeys.DecisionNotFound);
        if (!AvailableDecisions(attempt).Contains(command.Decision))
            return await FailAsync(PanelKeys.DecisionNotAvailable, attempt.UniqueId);

        var who = string.IsNullOrWhiteSpace(command.AdminName) ? "?" : command.AdminName.Trim();
        var claim = await ClaimDecisionAsync(order, attempt, command.Decision, who);
        if (claim is null)
        {
            var existing = await _claims.GetAsync(ClaimKeys.AttemptReviewed(attempt.Id));
            return await FailAsync(PanelKeys.DecisionAlreadyTaken, attempt.UniqueId, Who(existing?.Detail));
        }

        // From here on, not the request's token: a closed tab must not stop a decision half-way.
        DecisionOutcome outcome;
        try
        {
            outcome = command.Decision switch
            {
                ReviewDecision.Accept => await AcceptAsync(order, attempt, who),
                ReviewDecision.RefundAndCancel => await RefundAsync(order, attempt, RefundReason.ReviewDecision, who, cancelAfter: true),
                ReviewDecision.RefundReceived => await RefundAsync(order, attempt, RefundReason.ReviewDecision, who, cancelAfter: false),
                ReviewDecision.RefundAttempt => await RefundAsync(order, attempt,
                    attempt.Status == AttemptStatus.DoublePayment ? RefundReason.DoublePayment : RefundReason.ReviewDecision, who, cancelAfter: false),
                _ => throw new InvalidOperationException("decision"),
            };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await _claims.ReleaseAsync(claim);
            await _logger.ErrorAsync($"MyPayGa: order {order.Id}: the decision {command.Decision} about {attempt.UniqueId} failed unexpectedly ({ex.GetType().Name}); nothing was recorded, it can be asked again.");
            return await FailAsync(PanelKeys.DecisionFailed, ex.GetType().Name);
        }

        if (!outcome.Done)
        {
            await _claims.ReleaseAsync(claim);
            return outcome;
        }

        await RecordAsync(attempt, command.Decision, who, accepted: command.Decision == ReviewDecision.Accept);
        await _claims.CompleteAsync(claim, Detail(command.Decision, who));
        _statusCache.Invalidate(order.Id);
        return outcome;
    }

    /// <summary>
    /// The once-only claim of this decision; a claim never completed by a process that died is taken over after
    /// <see cref="DecisionLease"/> by exactly one caller.
    /// </summary>
    private async Task<Nop.Plugin.Payments.MyPayGa.Domain.MyPayGaClaim?> ClaimDecisionAsync(Order order, MyPayGaAttempt attempt, ReviewDecision decision, string who)
    {
        var key = ClaimKeys.AttemptReviewed(attempt.Id);
        var claim = await _claims.TryClaimAsync(key, order.Id, Detail(decision, who));
        if (claim is not null)
            return claim;

        var existing = await _claims.GetAsync(key);
        // Claims are stamped with the system clock (DateTime.UtcNow in the claim store): compared with the same.
        if (existing is { CompletedOnUtc: null } && DateTime.UtcNow - existing.CreatedOnUtc > DecisionLease && await _claims.TryTakeOverAsync(existing))
        {
            await _logger.WarningAsync($"MyPayGa: order {order.Id}: a decision about {attempt.UniqueId} was never completed ({existing.Detail}); taken over by {who}.");
            return await _claims.TryClaimAsync(key, order.Id, Detail(decision, who));
        }

        return null;
    }

    /// <summary>
    /// Held for review, accepted: the order is marked paid with this attempt through the same claim the status
    /// processor takes, so a payment settled at the same moment by a callback makes this one a double payment instead.
    /// </summary>
    private async Task<DecisionOutcome> AcceptAsync(Order staleOrder, MyPayGaAttempt attempt, string who)
    {
        await using var held = await _guard.TryEnterAsync(staleOrder.Id, _guard.Wait);
        if (held is null)
            return await FailAsync(PanelKeys.OrderBusy);

        var order = await ReloadAsync(staleOrder);
        if (PaymentStatusProcessor.IsPaid(order) || !_orderProcessingService.CanMarkOrderAsPaid(order))
            return await FailAsync(PanelKeys.DecisionOrderNoLongerPayable, attempt.UniqueId);

        var paid = await _claims.TryClaimAsync(ClaimKeys.OrderPaid(order.Id), order.Id, attempt.Id.ToString(CultureInfo.InvariantCulture));
        if (paid is null)
            return await FailAsync(PanelKeys.DecisionOrderNoLongerPayable, attempt.UniqueId);

        order = await ReloadAsync(order);
        if (PaymentStatusProcessor.IsPaid(order))
        {
            await _claims.CompleteAsync(paid);
            return await FailAsync(PanelKeys.DecisionOrderNoLongerPayable, attempt.UniqueId);
        }

        order.CaptureTransactionId = attempt.PaymentToken;
        await _orderProcessingService.MarkOrderAsPaidAsync(order);
        await _notes.AddAsync(order, PanelKeys.NoteAccepted, attempt.UniqueId,
            PaymentStatusProcessor.Amount(attempt.ReceivedAmountXaf ?? attempt.AmountXaf), who);
        await _claims.CompleteAsync(paid);
        return new DecisionOutcome(true, await TextAsync(PanelKeys.DecisionAcceptedMessage, attempt.UniqueId));
    }

    /// <summary>Everything the attempt received and that was not given back yet, through the refund service; then, if asked, the order cancelled once.</summary>
    private async Task<DecisionOutcome> RefundAsync(Order order, MyPayGaAttempt attempt, RefundReason reason, string who, bool cancelAfter)
    {
        var refund = await _refundService.RefundAsync(new RefundCommand(order, attempt, AmountXaf: null, reason, who), CancellationToken.None);
        if (!refund.MoneySent)
            return new DecisionOutcome(false, refund.Message);

        await _notes.AddAsync(order, PanelKeys.NoteRefundDecided, attempt.UniqueId, refund.Refund?.RefundId ?? string.Empty,
            PaymentStatusProcessor.Amount(refund.Refund?.AmountXaf ?? 0), who);
        if (!cancelAfter)
            return new DecisionOutcome(true, refund.Message);

        var fresh = await ReloadAsync(order);
        if (fresh.OrderStatus == OrderStatus.Cancelled || PaymentStatusProcessor.IsPaid(fresh) || !_orderProcessingService.CanCancelOrder(fresh))
            return new DecisionOutcome(true, refund.Message + " " + await TextAsync(PanelKeys.DecisionNotCancelled));

        var cancel = await _claims.TryClaimAsync(ClaimKeys.OrderCancelled(fresh.Id), fresh.Id, "review: " + Cut(who, 150));
        if (cancel is null)
            return new DecisionOutcome(true, refund.Message);
        await _orderProcessingService.CancelOrderAsync(fresh, notifyCustomer: true);
        await _notes.AddAsync(fresh, PanelKeys.NoteCancelledByDecision, attempt.UniqueId, who);
        await _claims.CompleteAsync(cancel);
        return new DecisionOutcome(true, refund.Message + " " + await TextAsync(PanelKeys.DecisionCancelled));
    }

    /// <summary>The row keeps who decided what and when; an accepted attempt is the one that paid the order.</summary>
    private async Task RecordAsync(MyPayGaAttempt attempt, ReviewDecision decision, string who, bool accepted)
    {
        var stored = await _attemptStore.GetByIdAsync(attempt.Id) ?? attempt;
        stored.ReviewedOnUtc = UtcNow;
        stored.ReviewNote = Cut($"{who}: {decision}", 400);
        if (accepted)
            stored.Status = AttemptStatus.Paid;
        await _attemptStore.UpdateAsync(stored);
        attempt.ReviewedOnUtc = stored.ReviewedOnUtc;
        attempt.ReviewNote = stored.ReviewNote;
        attempt.Status = stored.Status;
    }

    private async Task<Order> ReloadAsync(Order order) => await _orderService.GetOrderByGuidAsync(order.OrderGuid) ?? order;

    private async Task<DecisionOutcome> FailAsync(string key, params object?[] args) => new(false, await TextAsync(key, args));

    private async Task<string> TextAsync(string key, params object?[] args)
    {
        var text = await _localizationService.GetResourceAsync(key);
        return args.Length == 0 ? text : string.Format(CultureInfo.CurrentCulture, text, args);
    }

    private static string Detail(ReviewDecision decision, string who) => Cut($"{decision} by {who}", 1000)!;

    /// <summary>"Accept by admin@shop.ga" → "admin@shop.ga".</summary>
    private static string Who(string? detail)
    {
        if (string.IsNullOrEmpty(detail))
            return "?";
        var by = detail.IndexOf(" by ", StringComparison.Ordinal);
        return by < 0 ? detail : detail[(by + 4)..];
    }

    private DateTime UtcNow => _time.GetUtcNow().UtcDateTime;

    private static string? Cut(string? text, int length) => text is null || text.Length <= length ? text : text[..length];
}
