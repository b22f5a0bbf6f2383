using System.Globalization;
using MyPayGa.Client;
using MyPayGa.Client.Models;
using Nop.Core.Domain.Orders;
using Nop.Data;
using Nop.Plugin.Payments.MyPayGa.Domain;
using Nop.Plugin.Payments.MyPayGa.Services.Ledger;
using Nop.Services.Logging;
using Nop.Services.Orders;
using static Nop.Plugin.Payments.MyPayGa.Localization.LocaleResources;

namespace Nop.Plugin.Payments.MyPayGa.Services;

/// <summary>
/// What a person (or nopCommerce's refund button) asks: give back part of what an attempt received, in XAF; null gives
/// back everything not refunded yet.
/// </summary>
public sealed record RefundCommand(Order Order, MyPayGaAttempt Attempt, long? AmountXaf, RefundReason Reason, string? RequestedBy);

public enum RefundOutcomeKind
{
    /// <summary>MyPayGa confirmed the refund.</summary>
    Sent,
    /// <summary>Nothing new was sent: an earlier refund of exactly this, whose outcome was unknown, turned out sent.</summary>
    EarlierRefundConfirmed,
    /// <summary>Refused by the plugin before anything reached MyPayGa (in progress, too much, nothing paid...).</summary>
    Refused,
    /// <summary>MyPayGa refused, or could not be reached, before any money moved.</summary>
    Failed,
    /// <summary>refund/send may have gone out: the next refund of the order first finds out (refund/infos).</summary>
    Unknown,
}

/// <summary>The result of a refund, with a text for the admin (no keys).</summary>
public sealed record RefundOutcome(RefundOutcomeKind Kind, string Message, MyPayGaRefund? Refund = null)
{
    public bool MoneySent => Kind is RefundOutcomeKind.Sent or RefundOutcomeKind.EarlierRefundConfirmed;
}

/// <summary>
/// Refunds through MyPayGa (refund/create then refund/send) that can be neither sent twice nor exceed what was received:
/// each refund is a row written before refund/create whose unique lock key allows one unsettled refund per order, on
/// every instance; a refund whose outcome is unknown blocks the next one until refund/infos tells what happened.
/// </summary>
public interface IMyPayGaRefundService
{
    Task<RefundOutcome> RefundAsync(RefundCommand command, CancellationToken cancellationToken = default);

    /// <summary>The order's refunds, oldest first.</summary>
    Task<IReadOnlyList<MyPayGaRefund>> GetRefundsAsync(int orderId);

    /// <summary>XAF of the attempt not yet given back (sent, running and unknown refunds count as given).</summary>
    Task<long> GetRefundableAsync(MyPayGaAttempt attempt);

    /// <summary>Asks refund/infos about refunds whose outcome is unknown (reconciliation); returns how many were settled.</summary>
    Task<int> ResolveUnknownAsync(int max, CancellationToken cancellationToken = default);
}

public class MyPayGaRefundService : IMyPayGaRefundService
{
    /// <summary>Francs a partial refund may round above what is left (each earlier partial refund rounds by at most one).</summary>
    internal const long RoundingAllowance = 5;

    /// <summary>A refund row still "creating" or "sending" after this long lost its process: it is treated as unknown.</summary>
    internal static readonly TimeSpan RunningLease = TimeSpan.FromMinutes(2);

    private readonly IRepository<MyPayGaRefund> _repository;
    private readonly IMyPayGaAccountProvider _accountProvider;
    private readonly IMyPayGaClaimStore _claims;
    private readonly IOrderService _orderService;
    private readonly IOrderNoteWriter _notes;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public MyPayGaRefundService(IRepository<MyPayGaRefund> repository,
        IMyPayGaAccountProvider accountProvider,
        IMyPayGaClaimStore claims,
        IOrderService orderService,
        IOrderNoteWriter notes,
        TimeProvider time,
        ILogger logger)
    {
        _repository = repository;
        _accountProvider = accountProvider;
        _claims = claims;
        _orderService = orderService;
        _notes = notes;
        _time = time;
        _logger = logger;
    }

    public async Task<IReadOnlyList<MyPayGaRefund>> GetRefundsAsync(int orderId) =>
        (await _repository.GetAllAsync(query => query.Where(r => r.OrderId == orderId).OrderBy(r => r.Id), getCacheKey: null)).ToList();

    public async Task<long> GetRefundableAsync(MyPayGaAttempt attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        var received = Received(attempt);
        var refunds = await GetRefundsAsync(attempt.OrderId);
        return Math.Max(0, received - Consumed(refunds, attempt.Id));
    }

    public async Task<RefundOutcome> RefundAsync(RefundCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var (order, attempt) = (command.Order, command.Attempt);

        if (attempt.OrderId != order.Id || attempt.PaymentToken is null || Received(attempt) <= 0)
            return await RefusedAsync(order, ServiceKeys.RefundNoPaidPayment, Number(order));
        if (command.AmountXaf is <= 0)
            return await RefusedAsync(order, ServiceKeys.RefundAmountTooSmall);
        // refund/create names a payment token, and MyPayGa gives none for a payment made through a link.
        if (attempt.Channel == PaymentChannel.Link)
            return await RefusedAsync(order, PanelKeys.RefundLinkNotPossible, attempt.UniqueId);

        IMyPayGaClient client;
        try
        {
            client = await _accountProvider.GetClientAsync(order.StoreId);
        }
        catch (MyPayGaException ex)
        {
            return new RefundOutcome(RefundOutcomeKind.Failed, await TextAsync(order, ServiceKeys.RefundUnavailable, ProviderErrors.Describe(ex)));
        }

        // An earlier refund of this order that is not settled decides first.
        foreach (var earlier in (await GetRefundsAsync(order.Id)).Where(r => r.LockKey == MyPayGaRefund.ActiveLockKey(order.Id)))
        {
            var settled = await SettleEarlierAsync(order, earlier, client, cancellationToken);
            if (settled is not null)
            {
                // Exactly what is asked again went through before: record it now, send nothing.
                var askedAgain = command.AmountXaf
                    ?? Received(attempt) - Consumed(await GetRefundsAsync(order.Id), attempt.Id, except: settled.Id);
                if (settled.Status == RefundStatus.Sent && settled.AttemptId == attempt.Id && settled.AmountXaf == askedAgain)
                    return new RefundOutcome(RefundOutcomeKind.EarlierRefundConfirmed,
                        await TextAsync(order, LedgerKeys.RefundEarlierConfirmed, settled.RefundId, Amount(settled.AmountXaf)), settled);
                if (settled.Status == RefundStatus.Sent)
                    return new RefundOutcome(RefundOutcomeKind.Refused,
                        await TextAsync(order, LedgerKeys.RefundEarlierWentThrough, settled.RefundId, Amount(settled.AmountXaf)), settled);
                continue; // failed: nothing moved, the new refund may go
            }

            var running = earlier.Status is RefundStatus.Creating or RefundStatus.Sending && !IsStale(earlier);
            return new RefundOutcome(RefundOutcomeKind.Refused, running
                ? await TextAsync(order, LedgerKeys.RefundInProgress, earlier.RequestedBy ?? "-", earlier.CreatedOnUtc.ToString("u", CultureInfo.InvariantCulture))
                : await TextAsync(order, LedgerKeys.RefundEarlierStillUnknown, earlier.RefundId ?? "-", Amount(earlier.AmountXaf)), earlier);
        }

        var available = await GetRefundableAsync(attempt);
        var amount = command.AmountXaf ?? available;
        // A partial refund converted at the payment's rate may round a few francs above what is left: those are capped.
        if (amount > available && amount - available <= RoundingAllowance)
            amount = available;
        if (amount <= 0)
            return await RefusedAsync(order, available <= 0 ? LedgerKeys.RefundNothingLeft : ServiceKeys.RefundAmountTooSmall, attempt.UniqueId);
        if (amount > available)
            return await RefusedAsync(order, LedgerKeys.RefundExceedsReceived, Amount(amount), Amount(available), attempt.UniqueId);

        var now = UtcNow;
        var refund = new MyPayGaRefund
        {
            OrderId = order.Id,
            AttemptId = attempt.Id,
            PaymentToken = attempt.PaymentToken,
            AmountXaf = amount,
            Status = RefundStatus.Creating,
            LockKey = MyPayGaRefund.ActiveLockKey(order.Id),
            Reason = command.Reason,
            RequestedBy = Cut(command.RequestedBy, 200),
            CreatedOnUtc = now,
            UpdatedOnUtc = now,
        };
        // One unsettled refund per order, on every instance: the lock key is unique in the table.
        var lockKey = refund.LockKey;
        if (!await UniqueInsert.TryInsertAsync(_repository, refund,
                async () => (await _repository.GetAllAsync(q => q.Where(r => r.LockKey == lockKey), getCacheKey: null)).Count > 0))
            return await RefusedAsync(order, LedgerKeys.RefundInProgress, "-", now.ToString("u", CultureInfo.InvariantCulture));

        // Counted again now that this refund holds the order: nothing can have slipped in between.
        available = Received(attempt) - Consumed(await GetRefundsAsync(order.Id), attempt.Id, except: refund.Id);
        if (amount > available)
        {
            await FinishAsync(refund, RefundStatus.Failed, "exceeds what is left to refund");
            return await RefusedAsync(order, LedgerKeys.RefundExceedsReceived, Amount(amount), Amount(Math.Max(0, available)), attempt.UniqueId);
        }

        CreateRefundResponse created;
        try
        {
            created = await client.CreateRefundAsync(new CreateRefundRequest
            {
                PaymentToken = attempt.PaymentToken,
                Amount = amount,
                Description = await _notes.TextAsync(order.StoreId, ServiceKeys.RefundDescription, Number(order)),
            }, cancellationToken);
        }
        catch (MyPayGaException ex)
        {
            // refund/create only prepares a refund: without its id nothing can be sent, so nothing moved either way.
            await FinishAsync(refund, RefundStatus.Failed, ProviderErrors.Describe(ex));
            var key = ex.OutcomeUnknown ? ServiceKeys.RefundCreateOutcomeUnknown : ServiceKeys.RefundCreateFailed;
            return new RefundOutcome(RefundOutcomeKind.Failed, await TextAsync(order, key, ProviderErrors.Describe(ex)), refund);
        }

        refund.RefundId = Cut(created.RefundId, 100);
        refund.Status = RefundStatus.Sending;
        refund.UpdatedOnUtc = UtcNow;
        await _repository.UpdateAsync(refund, publishEvent: false);

        SendRefundResponse sent;
        try
        {
            sent = await client.SendRefundAsync(created.RefundId, cancellationToken);
        }
        catch (MyPayGaException ex) when (ex.OutcomeUnknown)
        {
            refund.Status = RefundStatus.Unknown;
            refund.Message = Cut(ProviderErrors.Describe(ex), 400);
            refund.UpdatedOnUtc = UtcNow;
            await _repository.UpdateAsync(refund, publishEvent: false);
            var text = await TextAsync(order, ServiceKeys.RefundSendOutcomeUnknown, refund.RefundId, Amount(amount), ProviderErrors.Describe(ex));
            await _orderService.AddMyPayGaNoteAsync(order, text);
            await _logger.ErrorAsync($"MyPayGa: refund {refund.RefundId} of order {order.Id} ({Amount(amount)}): MyPayGa's answer to refund/send was lost; the next refund of this order and the reconciliation will ask refund/infos.");
            return new RefundOutcome(RefundOutcomeKind.Unknown, text, refund);
        }
        catch (MyPayGaException ex)
        {
            await FinishAsync(refund, RefundStatus.Failed, ProviderErrors.Describe(ex));
            var text = await TextAsync(order, ServiceKeys.RefundSendFailed, refund.RefundId, Amount(amount), ProviderErrors.Describe(ex));
            await _orderService.AddMyPayGaNoteAsync(order, text);
            return new RefundOutcome(RefundOutcomeKind.Failed, text, refund);
        }

        await FinishAsync(refund, RefundStatus.Sent, sent.Message);
        await _notes.AddAsync(order, LedgerKeys.NoteRefundSent, refund.RefundId, Amount(amount), attempt.UniqueId,
            attempt.PaymentToken, (sent.Message ?? string.Empty).TrimEnd('.', ' '), refund.RequestedBy ?? "-");
        return new RefundOutcome(RefundOutcomeKind.Sent, await TextAsync(order, LedgerKeys.RefundSentMessage, refund.RefundId, Amount(amount)), refund);
    }

    public async Task<int> ResolveUnknownAsync(int max, CancellationToken cancellationToken = default)
    {
        var unknown = (int)RefundStatus.Unknown;
        var creating = (int)RefundStatus.Creating;
        var sending = (int)RefundStatus.Sending;
        var staleBefore = UtcNow - RunningLease;
        var rows = await _repository.GetAllAsync(query => query
            .Where(r => r.StatusId == unknown || ((r.StatusId == creating || r.StatusId == sending) && r.UpdatedOnUtc < staleBefore))
            .OrderBy(r => r.Id)
            .Take(max), getCacheKey: null);

        var resolved = 0;
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var order = await _orderService.GetOrderByIdAsync(row.OrderId);
            if (order is null)
                continue;
            IMyPayGaClient client;
            try
            {
                client = await _accountProvider.GetClientAsync(order.StoreId);
            }
            catch (MyPayGaException)
            {
                continue;
            }

            if (await SettleEarlierAsync(order, row, client, cancellationToken) is not null)
                resolved++;
        }

        return resolved;
    }

    /// <summary>
    /// Settles a refund that is not finished: the refund itself when it turns out sent or failed, null while it is
    /// running (another request) or MyPayGa cannot tell yet.
    /// </summary>
    private async Task<MyPayGaRefund?> SettleEarlierAsync(Order order, MyPayGaRefund refund, IMyPayGaClient client, CancellationToken cancellationToken)
    {
        if (refund.Status is RefundStatus.Creating or RefundStatus.Sending && !IsStale(refund))
            return null;

        if (refund.RefundId is null)
        {
            // refund/create never answered: a refund that was never created, or created and never sent.
            await FinishResolvedAsync(order, refund, RefundStatus.Failed, "refund/create never answered; nothing was sent");
            return refund;
        }

        RefundInfoResponse info;
        try
        {
            info = await client.GetRefundAsync(refund.RefundId, cancellationToken);
        }
        catch (MyPayGaException ex)
        {
            if (ex.Kind == MyPayGaErrorKind.Rejected && !ex.OutcomeUnknown)
            {
                // MyPayGa does not know this refund id: it was never sent.
                await FinishResolvedAsync(order, refund, RefundStatus.Failed, "MyPayGa does not know this refund: " + ProviderErrors.Describe(ex));
                return refund;
            }

            await _logger.WarningAsync($"MyPayGa: the outcome of refund {refund.RefundId} of order {order.Id} is still unknown (refund/infos: {ProviderErrors.Describe(ex)}).");
            return null;
        }

        if (!info.Exists || info.Refund is null)
        {
            await FinishResolvedAsync(order, refund, RefundStatus.Failed, "MyPayGa has no such refund; nothing was sent");
            return refund;
        }

        if (info.Refund.Status.IsSuccess)
        {
            await FinishResolvedAsync(order, refund, RefundStatus.Sent, info.Refund.Message);
            return refund;
        }

        if (info.Refund.Status.IsFailure)
        {
            await FinishResolvedAsync(order, refund, RefundStatus.Failed, info.Refund.Message);
            return refund;
        }

        // Created and not confirmed: it may still be going out. Nothing new until MyPayGa says.
        if (refund.Status != RefundStatus.Unknown)
        {
            refund.Status = RefundStatus.Unknown;
            refund.UpdatedOnUtc = UtcNow;
            await _repository.UpdateAsync(refund, publishEvent: false);
        }

        return null;
    }

    private async Task FinishResolvedAsync(Order order, MyPayGaRefund refund, RefundStatus status, string? message)
    {
        // Once, whoever finds out first (an admin's refund, the reconciliation, another instance).
        var claim = await _claims.TryClaimAsync(ClaimKeys.RefundResolved(refund.Id), order.Id, status.ToString());
        if (claim is null)
        {
            var stored = (await _repository.GetAllAsync(q => q.Where(r => r.Id == refund.Id), getCacheKey: null)).FirstOrDefault();
            if (stored is not null)
            {
                refund.Status = stored.Status;
                refund.LockKey = stored.LockKey;
            }

            return;
        }

        await FinishAsync(refund, status, message);
        await _notes.AddAsync(order, status == RefundStatus.Sent ? LedgerKeys.NoteRefundResolvedSent : LedgerKeys.NoteRefundResolvedFailed,
            refund.RefundId ?? "-", Amount(refund.AmountXaf), message ?? string.Empty);
        await _claims.CompleteAsync(claim);
    }

    /// <summary>A settled refund gives the order's lock key back (a unique value of its own).</summary>
    private async Task FinishAsync(MyPayGaRefund refund, RefundStatus status, string? message)
    {
        refund.Status = status;
        refund.Message = Cut(ProviderMessages.Clean(message), 400);
        refund.LockKey = "done-" + Guid.NewGuid().ToString("N");
        refund.UpdatedOnUtc = UtcNow;
        await _repository.UpdateAsync(refund, publishEvent: false);
    }

    private bool IsStale(MyPayGaRefund refund) => UtcNow - refund.UpdatedOnUtc > RunningLease;

    /// <summary>What the attempt received from the shopper, as MyPayGa reported it when it was paid.</summary>
    internal static long Received(MyPayGaAttempt attempt) =>
        attempt.Status is AttemptStatus.Paid or AttemptStatus.DoublePayment or AttemptStatus.HeldForReview
            or AttemptStatus.AmountMismatch or AttemptStatus.PaidOrderClosed
            ? attempt.ReceivedAmountXaf ?? attempt.AmountXaf
            : 0;

    /// <summary>XAF already given back, or possibly given back, from this attempt.</summary>
    private static long Consumed(IEnumerable<MyPayGaRefund> refunds, int attemptId, int except = 0) =>
        refunds.Where(r => r.AttemptId == attemptId && r.Id != except && r.Status != RefundStatus.Failed).Sum(r => r.AmountXaf);

    private async Task<RefundOutcome> RefusedAsync(Order order, string key, params object?[] args) =>
        new(RefundOutcomeKind.Refused, await TextAsync(order, key, args));

    private Task<string> TextAsync(Order order, string key, params object?[] args) => _notes.TextAsync(order.StoreId, key, args);

    private DateTime UtcNow => _time.GetUtcNow().UtcDateTime;

    private static string Number(Order order) => MyPayGaCheckoutService.OrderNumber(order);

    private static string Amount(long xaf) => PaymentStatusProcessor.Amount(xaf);

    private static string? Cut(string? text, int length) => text is { } t && t.Length > length ? t[..length] : text;
}
