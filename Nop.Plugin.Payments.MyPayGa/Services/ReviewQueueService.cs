using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Data;
using Nop.Plugin.Payments.MyPayGa.Domain;
using Nop.Plugin.Payments.MyPayGa.Services.Ledger;
using Nop.Services.Configuration;
using Nop.Services.Orders;

namespace Nop.Plugin.Payments.MyPayGa.Services;

/// <summary>Why an item is in the review queue.</summary>
public enum ReviewQueueKind
{
    HeldForReview,
    AmountMismatch,
    DoublePayment,
    PaidOrderClosed,
    RefundOutcomeUnknown,
    TimedOut,
    PendingUnread,
}

/// <summary>One thing a person should look at: an attempt, a refund or a pending order.</summary>
public sealed record ReviewQueueItem(ReviewQueueKind Kind, Order Order, MyPayGaAttempt? Attempt, MyPayGaRefund? Refund, DateTime SinceUtc);

/// <summary>What the review queue lists: MyPayGa money and orders that automation leaves to a person.</summary>
public interface IMyPayGaReviewQueueService
{
    Task<IReadOnlyList<ReviewQueueItem>> GetItemsAsync(int max = 200);

    /// <summary>The last reconciliation runs (when, how many read, settled, expired, failed to read), newest first.</summary>
    Task<IReadOnlyList<ReconciliationSummary>> GetRecentRunsAsync(int max = 5);
}

public class MyPayGaReviewQueueService : IMyPayGaReviewQueueService
{
    private readonly IPaymentAttemptStore _attemptStore;
    private readonly IRepository<MyPayGaAttempt> _attempts;
    private readonly IRepository<MyPayGaRefund> _refunds;
    private readonly IMyPayGaClaimStore _claims;
    private readonly IOrderService _orderService;
    private readonly ISettingService _settingService;
    private readonly TimeProvider _time;

    public MyPayGaReviewQueueService(IPaymentAttemptStore attemptStore,
        IRepository<MyPayGaAttempt> attempts,
        IRepository<MyPayGaRefund> refunds,
        IMyPayGaClaimStore claims,
        IOrderService orderService,
        ISettingService settingService,
        TimeProvider time)
    {
        _attemptStore = attemptStore;
        _attempts = attempts;
        _refunds = refunds;
        _claims = claims;
        _orderService = orderService;
        _settingService = settingService;
        _time = time;
    }

    public async Task<IReadOnlyList<ReviewQueueItem>> GetItemsAsync(int max = 200)
    {
        var items = new List<ReviewQueueItem>();
        var orders = new Dictionary<int, Order?>();
        async Task<Order?> OrderAsync(int id)
        {
            if (!orders.TryGetValue(id, out var order))
                orders[id] = order = await _orderService.GetOrderByIdAsync(id);
            return order is { Deleted: false } ? order : null;
        }

        foreach (var attempt in await _attemptStore.GetNeedingReviewAsync(max))
        {
            if (await OrderAsync(attempt.OrderId) is { } order)
                items.Add(new ReviewQueueItem(KindOf(attempt.Status), order, attempt, null, attempt.FinalOnUtc ?? attempt.CreatedOnUtc));
        }

        var unknown = (int)RefundStatus.Unknown;
        foreach (var refund in await _refunds.GetAllAsync(q => q.Where(r => r.StatusId == unknown).OrderByDescending(r => r.Id).Take(max), getCacheKey: null))
        {
            if (await OrderAsync(refund.OrderId) is { } order)
                items.Add(new ReviewQueueItem(ReviewQueueKind.RefundOutcomeUnknown, order, null, refund, refund.UpdatedOnUtc));
        }

        var timedOut = (int)AttemptStatus.TimedOut;
        foreach (var attempt in await _attempts.GetAllAsync(q => q.Where(a => a.StatusId == timedOut && a.ReviewedOnUtc == null)
                     .OrderByDescending(a => a.Id).Take(max), getCacheKey: null))
        {
            if (await OrderAsync(attempt.OrderId) is { } order)
                items.Add(new ReviewQueueItem(ReviewQueueKind.TimedOut, order, attempt, null, attempt.FinalOnUtc ?? attempt.CreatedOnUtc));
        }

        await AddPendingUnreadAsync(items, OrderAsync, max);
        return items;
    }

    public Task<IReadOnlyList<ReconciliationSummary>> GetRecentRunsAsync(int max = 5) =>
        PendingPaymentReconciliationTask.GetRecentSummariesAsync(_claims, max);

    /// <summary>
    /// Pending MyPayGa orders older than the expiry that the reconciliation could not settle because MyPayGa could not
    /// tell: an attempt still open whose status was never read, or not read for two reconciliation periods.
    /// </summary>
    private async Task AddPendingUnreadAsync(List<ReviewQueueItem> items, Func<int, Task<Order?>> orderAsync, int max)
    {
        var settings = await _settingService.LoadSettingAsync<MyPayGaSettings>();
        var now = _time.GetUtcNow().UtcDateTime;
        var createdBefore = now - TimeSpan.FromMinutes(Math.Max(1, settings.PendingPaymentExpiryMinutes));
        var staleRead = now - TimeSpan.FromSeconds(2 * PendingPaymentReconciliationTask.PeriodSeconds);
        var pending = await _orderService.SearchOrdersAsync(paymentMethodSystemName: MyPayGaDefaults.SystemName,
            createdToUtc: createdBefore, psIds: [(int)PaymentStatus.Pending], pageIndex: 0, pageSize: max);
        foreach (var order in pending)
        {
            if (order.OrderStatus == OrderStatus.Cancelled || await orderAsync(order.Id) is null)
                continue;
            var unread = (await _attemptStore.GetAttemptsAsync(order))
                .Where(a => a.Status == AttemptStatus.Open && (a.LastReadOnUtc is null || a.LastReadOnUtc < staleRead))
                .MaxBy(a => a.Number);
            if (unread is not null)
                items.Add(new ReviewQueueItem(ReviewQueueKind.PendingUnread, order, unread, null, order.CreatedOnUtc));
        }
    }

    internal static ReviewQueueKind KindOf(AttemptStatus status) => status switch
    {
        AttemptStatus.HeldForReview => ReviewQueueKind.HeldForReview,
        AttemptStatus.AmountMismatch => ReviewQueueKind.AmountMismatch,
        AttemptStatus.DoublePayment => ReviewQueueKind.DoublePayment,
        _ => ReviewQueueKind.PaidOrderClosed,
    };
}
