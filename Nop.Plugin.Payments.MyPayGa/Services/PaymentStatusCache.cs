using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.MyPayGa.Domain;
using Nop.Services.Configuration;

namespace Nop.Plugin.Payments.MyPayGa.Services;

/// <summary>
/// Singleton in front of the status processor. Checks of one order asked at the same moment share one check in flight
/// (single flight: 200 copies of a callback, 10 tabs polling); the pending page reuses the last snapshot for
/// MyPayGaSettings.StatusCacheSeconds, final states longer. Each check runs in a DI scope of its own, since
/// nopCommerce's scoped services are not thread-safe and the request that started it may end first.
/// </summary>
public sealed class PaymentStatusCache : IPaymentStatusCache
{
    /// <summary>How long a final state (paid, failed, held, mismatch) is reused; a new attempt invalidates it.</summary>
    internal static readonly TimeSpan FinalStateLifetime = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    private readonly IServiceScopeFactory _scopeFactory;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<int, Cached> _cached = new();
    private readonly ConcurrentDictionary<CheckKey, Lazy<Task<PaymentStatusSnapshot>>> _inFlight = new();
    private long _lastSweepTicks;

    public PaymentStatusCache(IServiceScopeFactory scopeFactory, TimeProvider time)
    {
        _scopeFactory = scopeFactory;
        _time = time;
        _lastSweepTicks = time.GetUtcNow().UtcTicks;
    }

    internal int Count => _cached.Count;

    public async Task<PaymentStatusSnapshot> GetAsync(Order order, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        Sweep();
        if (_cached.TryGetValue(order.Id, out var cached) && cached.ExpiresUtc > _time.GetUtcNow())
            return cached.Snapshot;

        return await CheckAsync(order, StatusTrigger.PendingPage, null, cancellationToken);
    }

    public async Task<PaymentStatusSnapshot> CheckAsync(Order order, StatusTrigger trigger, StatusCheckOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        options ??= StatusCheckOptions.Default;
        var key = new CheckKey(order.Id, options.HintAttemptId ?? 0, options.IncludeOverdue);
        var shared = _inFlight.GetOrAdd(key, k => new Lazy<Task<PaymentStatusSnapshot>>(() => RunAsync(k, order, trigger, options)));
        // Not the caller's token inside: others share this check, and one leaving must not cancel it for all.
        return await shared.Value.WaitAsync(cancellationToken);
    }

    public void Invalidate(int orderId) => _cached.TryRemove(orderId, out _);

    private async Task<PaymentStatusSnapshot> RunAsync(CheckKey key, Order order, StatusTrigger trigger, StatusCheckOptions options)
    {
        try
        {
            await using var scope = _scopeFactory.CreateAsyncScope();
            var settings = await scope.ServiceProvider.GetRequiredService<ISettingService>().LoadSettingAsync<MyPayGaSettings>(order.StoreId);
            var processor = scope.ServiceProvider.GetRequiredService<IPaymentStatusProcessor>();
            var snapshot = await processor.ProcessAsync(order, trigger, options, CancellationToken.None);

            if (snapshot.State == PaymentState.Busy)
            {
                // Nothing was decided: the next poll asks again.
                _cached.TryRemove(order.Id, out _);
            }
            else
            {
                var lifetime = IsFinal(snapshot.State)
                    ? FinalStateLifetime
                    : TimeSpan.FromSeconds(Math.Clamp(settings.StatusCacheSeconds, 0, 300));
                _cached[order.Id] = new Cached(snapshot, _time.GetUtcNow() + lifetime);
            }

            return snapshot;
        }
        finally
        {
            _inFlight.TryRemove(key, out _);
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

        foreach (var (orderId, cached) in _cached)
        {
            if (cached.ExpiresUtc <= now)
                _cached.TryRemove(new KeyValuePair<int, Cached>(orderId, cached));
        }
    }

    private readonly record struct CheckKey(int OrderId, int HintAttemptId, bool IncludeOverdue);

    private sealed record Cached(PaymentStatusSnapshot Snapshot, DateTimeOffset ExpiresUtc);
}
