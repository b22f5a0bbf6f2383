using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.MyPayGa.Domain;
using Nop.Plugin.Payments.MyPayGa.Services.Ledger;
using Nop.Services.Configuration;
using Nop.Services.Logging;
using Nop.Services.Orders;
using Nop.Services.ScheduleTasks;
using static Nop.Plugin.Payments.MyPayGa.Localization.LocaleResources;

namespace Nop.Plugin.Payments.MyPayGa.Services;

/// <summary>
/// Scheduled task (System → Schedule tasks, every 5 minutes): follows every attempt MyPayGa has not called final —
/// least recently read first, a bounded number of orders at a time, each in its own DI scope — settles unknown refunds,
/// gives up attempts past the follow window, and cancels the orders past the store's expiry that nothing can still pay.
/// One run at a time and one per interval across every instance (claims in the database), however many timers fire.
/// nopCommerce creates it from its type name; it is not registered in DI.
/// </summary>
public class PendingPaymentReconciliationTask : IScheduleTask
{
    public const string TaskName = "MyPayGa: settle pending payments";
    public const int PeriodSeconds = 300;

    /// <summary>What nopCommerce stores in ScheduleTask.Type to create the task.</summary>
    public static readonly string TaskType = typeof(PendingPaymentReconciliationTask).FullName!;

    /// <summary>A run started less than this after the previous one does nothing (two timers, or a double "Run now").</summary>
    internal static readonly TimeSpan MinimumSpacing = TimeSpan.FromSeconds(PeriodSeconds / 2);

    /// <summary>No new order is started after this share of the period: the next run goes on where this one stopped.</summary>
    internal static readonly TimeSpan RunBudget = TimeSpan.FromSeconds(PeriodSeconds * 0.8);

    /// <summary>A run lease older than this belongs to a process that died.</summary>
    internal static readonly TimeSpan LeaseLifetime = TimeSpan.FromMinutes(15);

    internal const int MaxAttemptsPerRun = 20_000;
    internal const int PageSize = 500;

    private static readonly List<int> PendingPaymentStatus = [(int)PaymentStatus.Pending];
    private static readonly List<int> OpenOrderStatuses =
        [(int)OrderStatus.Pending, (int)OrderStatus.Processing, (int)OrderStatus.Complete];

    private readonly IServiceScopeFactory _scopeFactory;
    private readonly IMyPayGaClaimStore _claims;
    private readonly IOrderService _orderService;
    private readonly ISettingService _settingService;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public PendingPaymentReconciliationTask(IServiceScopeFactory scopeFactory,
        IMyPayGaClaimStore claims,
        IOrderService orderService,
        ISettingService settingService,
        TimeProvider time,
        ILogger logger)
    {
        _scopeFactory = scopeFactory;
        _claims = claims;
        _orderService = orderService;
        _settingService = settingService;
        _time = time;
        _logger = logger;
    }

    public Task ExecuteAsync() => RunAsync(CancellationToken.None);

    /// <summary>One run, unless another instance runs or ran one moments ago. Null when this call did nothing.</summary>
    internal async Task<ReconciliationSummary?> RunAsync(CancellationToken cancellationToken = default)
    {
        var lease = await AcquireLeaseAsync();
        if (lease is null)
            return null;
        try
        {
            var now = UtcNow;
            var previous = (await _claims.GetByPrefixAsync(ClaimKeys.ReconciliationRunPrefix, 1)).FirstOrDefault();
            if (previous is not null && now - previous.CreatedOnUtc < MinimumSpacing)
            {
                await _logger.InformationAsync($"MyPayGa: settling pending payments skipped, a run started at {previous.CreatedOnUtc:u} ({previous.Owner}).");
                return null;
            }

            var run = await _claims.TryClaimAsync(ClaimKeys.ReconciliationRun(now), 0);
            if (run is null)
                return null;

            var summary = await WorkAsync(now, cancellationToken);
            await _claims.CompleteAsync(run, JsonSerializer.Serialize(summary));
            await _claims.PurgeAsync(ClaimKeys.ReconciliationRunPrefix, now.AddDays(-30));
            await LogAsync(summary);
            return summary;
        }
        finally
        {
            await _claims.ReleaseAsync(lease);
        }
    }

    /// <summary>The last runs' summaries (newest first), for the admin.</summary>
    public static async Task<IReadOnlyList<ReconciliationSummary>> GetRecentSummariesAsync(IMyPayGaClaimStore claims, int max)
    {
        var runs = await claims.GetByPrefixAsync(ClaimKeys.ReconciliationRunPrefix, max);
        var summaries = new List<ReconciliationSummary>();
        foreach (var run in runs.Where(r => r.Detail is not null))
        {
            try
            {
                if (JsonSerializer.Deserialize<ReconciliationSummary>(run.Detail!) is { } summary)
                    summaries.Add(summary);
            }
            catch (JsonException)
            {
            }
        }

        return summaries;
    }

    private async Task<MyPayGa.Domain.MyPayGaClaim?> AcquireLeaseAsync()
    {
        var lease = await _claims.TryClaimAsync(ClaimKeys.ReconciliationLease, 0);
        if (lease is not null)
            return lease;

        var holder = await _claims.GetAsync(ClaimKeys.ReconciliationLease);
        // The lease's age on the clock that stamped it (the claim store's DateTime.UtcNow), not this task's TimeProvider.
        if (holder is not null && DateTime.UtcNow - holder.CreatedOnUtc > LeaseLifetime && await _claims.TryTakeOverAsync(holder))
        {
            await _logger.WarningAsync($"MyPayGa: a run of \"{TaskName}\" started at {holder.CreatedOnUtc:u} ({holder.Owner}) never finished; taken over.");
            return await _claims.TryClaimAsync(ClaimKeys.ReconciliationLease, 0);
        }

        return null;
    }

    private async Task<ReconciliationSummary> WorkAsync(DateTime now, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var settings = await _settingService.LoadSettingAsync<MyPayGaSettings>();
        var concurrency = Math.Clamp(settings.ReconciliationConcurrency, 1, 64);
        var counters = new Counters();

        // 1. Orders of 4.90.1 (attempts only in an order attribute) are imported when first read.
        var pendingOrders = await FindPendingOrdersAsync();
        await using (var scope = _scopeFactory.CreateAsyncScope())
        {
            // A few queries tell which orders have rows; only the others are looked at one by one.
            var store = scope.ServiceProvider.GetRequiredService<IPaymentAttemptStore>();
            var withRows = await store.GetAttemptsOfOrdersAsync(pendingOrders.Select(o => o.Id).ToList());
            foreach (var order in pendingOrders.Where(o => !withRows.ContainsKey(o.Id)))
                await store.GetAttemptsAsync(order);
        }

        // 2. Every attempt MyPayGa has not called final, grouped by order, least recently read first.
        IReadOnlyList<MyPayGaAttempt> open;
        await using (var scope = _scopeFactory.CreateAsyncScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<IPaymentAttemptStore>();
            open = await store.GetAttemptsToFollowAsync(PaymentStatusProcessor.FollowFrom(settings, now), MaxAttemptsPerRun);
        }

        var orderIds = open
            .GroupBy(a => a.OrderId)
            .Select(group => (OrderId: group.Key,
                LastRead: group.Min(a => a.LastReadOnUtc ?? DateTime.MinValue),
                Newest: group.Max(a => a.CreatedOnUtc)))
            .OrderBy(o => o.LastRead)
            .ThenByDescending(o => o.Newest)
            .Select(o => o.OrderId)
            .ToList();

        // Each order's attempts come in batches loaded just ahead of the workers (one query per few hundred orders, not
        // one per order), fresh enough to choose what to read: what is learned is applied on the rows as they are then.
        var batches = new AttemptBatches(orderIds, _scopeFactory);
        await Parallel.ForEachAsync(orderIds, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
            async (orderId, token) =>
            {
                if (watch.Elapsed > RunBudget)
                {
                    Interlocked.Increment(ref counters.Deferred);
                    return;
                }

                await CheckOrderAsync(orderId, await batches.GetAsync(orderId), counters, token);
            });

        // 3. Attempts past the follow window: no longer read automatically, said once.
        await using (var scope = _scopeFactory.CreateAsyncScope())
            counters.TimedOut = await GiveUpOverdueAsync(scope.ServiceProvider, settings, now);

        // 4. Refunds whose outcome is unknown.
        await using (var scope = _scopeFactory.CreateAsyncScope())
        {
            try
            {
                counters.RefundsResolved = await scope.ServiceProvider.GetRequiredService<IMyPayGaRefundService>().ResolveUnknownAsync(100, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                await _logger.ErrorAsync($"MyPayGa: unknown refunds could not be checked ({ex.GetType().Name}: {ex.Message}).");
            }
        }

        // 5. Expiry: pending orders past the store's limit that nothing can still pay.
        foreach (var order in pendingOrders)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await using var scope = _scopeFactory.CreateAsyncScope();
            try
            {
                if (await ExpireAsync(scope.ServiceProvider, order, now))
                    counters.Expired++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                await _logger.ErrorAsync($"MyPayGa: order {order.Id} could not be expired ({ex.GetType().Name}: {ex.Message}); the next run tries again.");
            }
        }

        return new ReconciliationSummary
        {
            StartedOnUtc = now,
            DurationMs = (long)watch.Elapsed.TotalMilliseconds,
            OrdersRead = counters.Read,
            Settled = counters.Settled,
            Unreadable = counters.Unreadable,
            Busy = counters.Busy,
            Deferred = counters.Deferred,
            Errors = counters.Errors,
            Expired = counters.Expired,
            TimedOut = counters.TimedOut,
            RefundsResolved = counters.RefundsResolved,
            Owner = MyPayGaClaimStore.Owner,
        };
    }

    /// <summary>One order, in a scope of its own (nopCommerce's scoped services are not thread-safe).</summary>
    private async Task CheckOrderAsync(int orderId, IReadOnlyList<MyPayGaAttempt>? attempts, Counters counters, CancellationToken cancellationToken)
    {
        await using var scope = _scopeFactory.CreateAsyncScope();
        try
        {
            var order = await scope.ServiceProvider.GetRequiredService<IOrderService>().GetOrderByIdAsync(orderId);
            if (order is null)
                return;
            var snapshot = await scope.ServiceProvider.GetRequiredService<IPaymentStatusProcessor>()
                .ProcessAsync(order, StatusTrigger.Reconciliation, new StatusCheckOptions { KnownAttempts = attempts }, cancellationToken);
            Interlocked.Increment(ref counters.Read);
            if (snapshot.OrderChanged)
                Interlocked.Increment(ref counters.Settled);
            if (snapshot.Unconfirmed && snapshot.State != PaymentState.Busy)
                Interlocked.Increment(ref counters.Unreadable);
            if (snapshot.State == PaymentState.Busy)
                Interlocked.Increment(ref counters.Busy);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Interlocked.Increment(ref counters.Errors);
            // Type and message only: the processor's and client's messages carry no keys.
            await _logger.ErrorAsync($"MyPayGa: the payment of order {orderId} could not be checked ({ex.GetType().Name}: {ex.Message}); the next run tries again.");
        }
    }

    private static async Task<int> GiveUpOverdueAsync(IServiceProvider services, MyPayGaSettings settings, DateTime now)
    {
        var store = services.GetRequiredService<IPaymentAttemptStore>();
        var claims = services.GetRequiredService<IMyPayGaClaimStore>();
        var notes = services.GetRequiredService<IOrderNoteWriter>();
        var orders = services.GetRequiredService<IOrderService>();
        var count = 0;
        foreach (var attempt in await store.GetOverdueAsync(PaymentStatusProcessor.FollowFrom(settings, now), 1000))
        {
            if (attempt.PaymentToken is null)
            {
                attempt.Status = AttemptStatus.NotStarted;
                attempt.FinalOnUtc = now;
                await store.UpdateAsync(attempt);
                continue;
            }

            attempt.Status = AttemptStatus.TimedOut;
            await store.UpdateAsync(attempt);
            count++;
            if (await claims.TryClaimAsync(ClaimKeys.AttemptTimedOut(attempt.Id), attempt.OrderId) is { } claim
                && await orders.GetOrderByIdAsync(attempt.OrderId) is { } order)
            {
                await notes.AddAsync(order, LedgerKeys.NoteAttemptTimedOut, attempt.UniqueId, settings.AttemptFollowHours);
                await claims.CompleteAsync(claim);
            }
        }

        return count;
    }

    /// <summary>
    /// Cancels an order past the store's expiry, without mailing the shopper, only when none of its attempts may still be
    /// paid (open within the follow window) and none holds money — those wait for MyPayGa or for a person.
    /// </summary>
    private async Task<bool> ExpireAsync(IServiceProvider services, Order listed, DateTime now)
    {
        // Its age first, on the order as listed (it does not change): most pending orders are young, and cost no query.
        var settings = await _settingService.LoadSettingAsync<MyPayGaSettings>(listed.StoreId);
        var expiry = settings.PendingPaymentExpiryMinutes;
        if (expiry <= 0 || now - listed.CreatedOnUtc < TimeSpan.FromMinutes(expiry))
            return false;

        var orderService = services.GetRequiredService<IOrderService>();
        var order = await orderService.GetOrderByIdAsync(listed.Id);
        if (order is null || order.Deleted || order.PaymentStatus != PaymentStatus.Pending || order.OrderStatus == OrderStatus.Cancelled)
            return false;

        var attempts = await services.GetRequiredService<IPaymentAttemptStore>().GetAttemptsAsync(order);
        var followFrom = PaymentStatusProcessor.FollowFrom(settings, now);
        if (attempts.Any(a => (a.Status is AttemptStatus.Open or AttemptStatus.Starting && a.CreatedOnUtc >= followFrom)
                              || MyPayGaRefundService.Received(a) > 0))
            return false;

        var guard = services.GetRequiredService<OrderGuard>();
        await using var held = await guard.TryEnterAsync(order.Id, guard.Wait);
        if (held is null)
            return false;

        // On what the database holds now: a callback may have marked it paid a moment ago.
        var fresh = await orderService.GetOrderByGuidAsync(order.OrderGuid) ?? order;
        var processing = services.GetRequiredService<IOrderProcessingService>();
        if (fresh.Deleted || fresh.PaymentStatus != PaymentStatus.Pending || !processing.CanCancelOrder(fresh))
            return false;

        var claims = services.GetRequiredService<IMyPayGaClaimStore>();
        var claim = await claims.TryClaimAsync(ClaimKeys.OrderCancelled(fresh.Id), fresh.Id, "expiry");
        if (claim is null)
            return false;

        await processing.CancelOrderAsync(fresh, notifyCustomer: false);
        await services.GetRequiredService<IOrderNoteWriter>().AddAsync(fresh, ServiceKeys.NoteExpired, expiry);
        await claims.CompleteAsync(claim);
        return true;
    }

    /// <summary>Every pending MyPayGa order (for the expiry and the import of 4.90.1's attempts), newest first.</summary>
    private async Task<List<Order>> FindPendingOrdersAsync()
    {
        var orders = new List<Order>();
        for (var pageIndex = 0; ; pageIndex++)
        {
            var page = await _orderService.SearchOrdersAsync(storeId: 0, paymentMethodSystemName: MyPayGaDefaults.SystemName,
                osIds: OpenOrderStatuses, psIds: PendingPaymentStatus, pageIndex: pageIndex, pageSize: PageSize);
            orders.AddRange(page.Where(o => !o.Deleted && o.OrderStatus != OrderStatus.Cancelled && o.PaymentStatus == PaymentStatus.Pending));
            if (!page.HasNextPage || page.Count == 0)
                break;
        }

        return orders;
    }

    private async Task LogAsync(ReconciliationSummary summary)
    {
        var line = string.Create(CultureInfo.InvariantCulture,
            $"MyPayGa: settled pending payments in {summary.DurationMs} ms: {summary.OrdersRead} orders read, {summary.Settled} settled, " +
            $"{summary.Expired} expired, {summary.Unreadable} could not be read, {summary.Busy} busy, {summary.Deferred} left for the next run, " +
            $"{summary.TimedOut} attempts given up, {summary.RefundsResolved} unknown refunds settled, {summary.Errors} errors.");
        // One line per run, a warning when MyPayGa could not be read: never one per order during an outage.
        if (summary.Unreadable > 0 || summary.Errors > 0)
            await _logger.WarningAsync(line);
        else
            await _logger.InformationAsync(line);
    }

    private DateTime UtcNow => _time.GetUtcNow().UtcDateTime;

    private sealed class Counters
    {
        public int Read;
        public int Settled;
        public int Unreadable;
        public int Busy;
        public int Deferred;
        public int Errors;
        public int Expired;
        public int TimedOut;
        public int RefundsResolved;
    }
}

/// <summary>What one reconciliation run did (kept with its run claim, shown to the admin).</summary>
public sealed record ReconciliationSummary
{
    public DateTime StartedOnUtc { get; init; }
    public long DurationMs { get; init; }
    public int OrdersRead { get; init; }
    public int Settled { get; init; }
    public int Unreadable { get; init; }
    public int Busy { get; init; }
    public int Deferred { get; init; }
    public int Errors { get; init; }
    public int Expired { get; init; }
    public int TimedOut { get; init; }
    public int RefundsResolved { get; init; }
    public string? Owner { get; init; }
}

/// <summary>
/// The attempts of the orders a run reads, loaded a batch at a time as the workers reach it (orders are taken in list
/// order): one query per <see cref="BatchSize"/> orders, each batch read seconds before its orders are checked rather
/// than all at the start of a run that may last minutes. A batch that cannot be loaded leaves its orders to read their
/// own attempts.
/// </summary>
internal sealed class AttemptBatches
{
    internal const int BatchSize = 200;

    private readonly Dictionary<int, int> _batchOf;
    private readonly IReadOnlyList<int>[] _batches;
    private readonly Lazy<Task<IReadOnlyDictionary<int, IReadOnlyList<MyPayGaAttempt>>?>>[] _loads;
    private readonly IServiceScopeFactory _scopeFactory;

    public AttemptBatches(IReadOnlyList<int> orderIds, IServiceScopeFactory scopeFactory)
    {
        _scopeFactory = scopeFactory;
        _batches = orderIds.Chunk(BatchSize).Select(chunk => (IReadOnlyList<int>)chunk).ToArray();
        _batchOf = new Dictionary<int, int>(orderIds.Count);
        for (var batch = 0; batch < _batches.Length; batch++)
            foreach (var orderId in _batches[batch])
                _batchOf.TryAdd(orderId, batch);
        _loads = _batches.Select((ids, _) => new Lazy<Task<IReadOnlyDictionary<int, IReadOnlyList<MyPayGaAttempt>>?>>(() => LoadAsync(ids))).ToArray();
    }

    /// <summary>The order's attempts from its batch, or null (not in the run, or its batch failed to load).</summary>
    public async Task<IReadOnlyList<MyPayGaAttempt>?> GetAsync(int orderId)
    {
        if (!_batchOf.TryGetValue(orderId, out var batch))
            return null;
        var attempts = await _loads[batch].Value;
        return attempts is not null && attempts.TryGetValue(orderId, out var found) ? found : null;
    }

    private async Task<IReadOnlyDictionary<int, IReadOnlyList<MyPayGaAttempt>>?> LoadAsync(IReadOnlyList<int> orderIds)
    {
        try
        {
            await using var scope = _scopeFactory.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<IPaymentAttemptStore>().GetAttemptsOfOrdersAsync(orderIds.ToList());
        }
        catch (Exception)
        {
            // Each order of the batch reads its own attempts instead (and reports its own error if the database is down).
            return null;
        }
    }
}
