using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.MyPayGa.Domain;
using Nop.Services.Configuration;

namespace Nop.Plugin.Payments.MyPayGa.Services;

/// <summary>
/// Singleton: the last snapshot per order, shared by every tab polling the pending page. Concurrent callers for
/// one order share one in-flight check (single flight); a snapshot is reused for MyPayGaSettings.StatusCacheSeconds,
/// final states longer. Scoped nopCommerce services are resolved in a scope of their own for each check.
/// </summary>
public sealed class PaymentStatusCache : IPaymentStatusCache
{
    /// <summary>How long a final state (paid, failed, held, mismatch) is reused; a new attempt invalidates it.</summary>
    internal static readonly TimeSpan FinalStateLifetime = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    private readonly IServiceScopeFactory _scopeFactory;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<int, Entry> _entries = new();
    private long _lastSweepTicks;

    public PaymentStatusCache(IServiceScopeFactory scopeFactory) : this(scopeFactory, TimeProvider.System)
    {
    }

    internal PaymentStatusCache(IServiceScopeFactory scopeFactory, TimeProvider time)
    {
        _scopeFactory = scopeFactory;
        _time = time;
        _lastSweepTicks = time.GetUtcNow().UtcTicks;
    }

    internal int Count => _entries.Count;

    public async Task<PaymentStatusSnapshot> GetAsync(Order order, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        Sweep();

        while (true)
        {
            var now = _time.GetUtcNow();
            if (_entries.TryGetValue(order.Id, out var current) && current.IsUsable(now))
                return await current.Task.WaitAsync(cancellationToken);

            var fresh = new Entry();
            var won = current is null ? _entries.TryAdd(order.Id, fresh) : _entries.TryUpdate(order.Id, fresh, current);
            if (!won)
                continue; // another caller started a check first: share it

            _ = RunAsync(order, fresh);
            return await fresh.Task.WaitAsync(cancellationToken);
        }
    }

    public void Invalidate(int orderId) => _entries.TryRemove(orderId, out _);

    private async Task RunAsync(Order order, Entry entry)
    {
        try
        {
            // Not the caller's token: other callers share this check, and one leaving must not cancel it for all.
            await using var scope = _scopeFactory.CreateAsyncScope();
            var settings = await scope.ServiceProvider.GetRequiredService<ISettingService>().LoadSettingAsync<MyPayGaSettings>(order.StoreId);
            var processor = scope.ServiceProvider.GetRequiredService<IPaymentStatusProcessor>();
            var snapshot = await processor.ProcessAsync(order, StatusTrigger.PendingPage, CancellationToken.None);

            var lifetime = IsFinal(snapshot.State)
                ? FinalStateLifetime
                : TimeSpan.FromSeconds(Math.Clamp(settings.StatusCacheSeconds, 0, 300));
            entry.Complete(snapshot, _time.GetUtcNow() + lifetime);
        }
        catch (Exception ex)
        {
            // Not cached: the next caller tries again.
            _entries.TryRemove(new KeyValuePair<int, Entry>(order.Id, entry));
            entry.Fail(ex);
        }
    }

    internal static bool IsFinal(PaymentState state) =>
        state is PaymentState.Paid or PaymentState.Failed or PaymentState.HeldForReview or PaymentState.AmountMismatch;

    private void Sweep()
    {
        var now = _time.GetUtcNow();
        var last = Interlocked.Read(ref _lastSweepTicks);
        if (now.UtcTicks - last < SweepInterval.Ticks || Interlocked.CompareExchange(ref _lastSweepTicks, now.UtcTicks, last) != last)
            return;

        foreach (var (orderId, entry) in _entries)
        {
            if (entry.IsExpired(now))
                _entries.TryRemove(new KeyValuePair<int, Entry>(orderId, entry));
        }
    }

    private sealed class Entry
    {
        private readonly TaskCompletionSource<PaymentStatusSnapshot> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private long _expiresTicks = long.MaxValue;

        public Task<PaymentStatusSnapshot> Task => _completion.Task;

        /// <summary>In flight, or completed and not expired.</summary>
        public bool IsUsable(DateTimeOffset now) =>
            !Task.IsCompleted || (Task.IsCompletedSuccessfully && now.UtcTicks < Interlocked.Read(ref _expiresTicks));

        public bool IsExpired(DateTimeOffset now) => Task.IsCompleted && !IsUsable(now);

        public void Complete(PaymentStatusSnapshot snapshot, DateTimeOffset expires)
        {
            Interlocked.Exchange(ref _expiresTicks, expires.UtcTicks);
            _completion.TrySetResult(snapshot);
        }

        public void Fail(Exception exception) => _completion.TrySetException(exception);
    }
}
