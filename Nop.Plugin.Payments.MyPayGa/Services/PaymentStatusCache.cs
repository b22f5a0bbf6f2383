using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.MyPayGa.Domain;
using Nop.Plugin.Payments.MyPayGa.Services.Farm;
using Nop.Services.Configuration;

namespace Nop.Plugin.Payments.MyPayGa.Services;

/// <summary>
/// Singleton in front of the status processor. Checks of one order asked at the same moment share one check in flight
/// (single flight: 200 copies of a callback, 10 tabs polling); the pending page reuses the last snapshot for
/// MyPayGaSettings.StatusCacheSeconds, final states longer. Each check runs in a DI scope of its own, since
/// nopCommerce's scoped services are not thread-safe and the request that started it may end first.
/// </summary>
/// <remarks>
/// The snapshots live in <see cref="IPaymentStateStore"/>: on a web farm nopCommerce's distributed cache (Redis), so
/// that polling on any instance reuses what any other one read, and <see cref="InvalidateAsync"/> on one instance is
/// seen by all at once. Each order has a generation, renewed by <see cref="InvalidateAsync"/>: a snapshot is used only
/// under the generation it was computed in, so a check in flight while a new attempt starts cannot put back a stale one.
/// </remarks>
public sealed class PaymentStatusCache : IPaymentStatusCache
{
    /// <summary>How long a final state (paid, failed, held, mismatch) is reused; a new attempt invalidates it.</summary>
    internal static readonly TimeSpan FinalStateLifetime = TimeSpan.FromSeconds(60);

    private readonly IServiceScopeFactory _scopeFactory;
    private readonly IPaymentStateStore _store;
    private readonly ConcurrentDictionary<CheckKey, Lazy<Task<PaymentStatusSnapshot>>> _inFlight = new();

    public PaymentStatusCache(IServiceScopeFactory scopeFactory, TimeProvider time, IPaymentStateStore store)
    {
        ArgumentNullException.ThrowIfNull(time);
        _scopeFactory = scopeFactory;
        _store = store;
    }

    /// <summary>A cache of its own, in this process (tests).</summary>
    public PaymentStatusCache(IServiceScopeFactory scopeFactory, TimeProvider time)
        : this(scopeFactory, time, new InProcessPaymentStateStore(time))
    {
    }

    /// <summary>Snapshots kept in this process (tests; 0 when the store is shared).</summary>
    internal int Count => _store is InProcessPaymentStateStore local ? local.StatusCount : 0;

    public async Task<PaymentStatusSnapshot> GetAsync(Order order, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        // Both at once: two round trips to a distributed cache cost one.
        var generationLookup = _store.GetGenerationAsync(order.Id).AsTask();
        var stored = await _store.GetStatusAsync(order.Id);
        var generation = await generationLookup;
        if (stored is not null && string.Equals(stored.Generation, generation, StringComparison.Ordinal))
            return await WithAttemptAsync(stored);

        return await CheckAsync(order, StatusTrigger.PendingPage, null, generation, cancellationToken);
    }

    public async Task<PaymentStatusSnapshot> CheckAsync(Order order, StatusTrigger trigger, StatusCheckOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        return await CheckAsync(order, trigger, options, await _store.GetGenerationAsync(order.Id), cancellationToken);
    }

    public void Invalidate(int orderId) => _store.RenewGeneration(orderId);

    public async Task InvalidateAsync(int orderId) => await _store.RenewGenerationAsync(orderId);

    private async Task<PaymentStatusSnapshot> CheckAsync(Order order, StatusTrigger trigger, StatusCheckOptions? options, string generation,
        CancellationToken cancellationToken)
    {
        options ??= StatusCheckOptions.Default;
        var key = new CheckKey(order.Id, options.HintAttemptId ?? 0, options.IncludeOverdue, options.Claim, generation);
        var shared = _inFlight.GetOrAdd(key, k => new Lazy<Task<PaymentStatusSnapshot>>(() => RunAsync(k, order, trigger, options)));
        // Not the caller's token inside: others share this check, and one leaving must not cancel it for all.
        return await shared.Value.WaitAsync(cancellationToken);
    }

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
                await _store.RemoveStatusAsync(order.Id);
            }
            else
            {
                var lifetime = IsFinal(snapshot.State)
                    ? FinalStateLifetime
                    : TimeSpan.FromSeconds(Math.Clamp(settings.StatusCacheSeconds, 0, 300));
                if (lifetime > TimeSpan.Zero)
                    await _store.SetStatusAsync(order.Id, new StoredStatus(key.Generation, snapshot, snapshot.Attempt?.Id), lifetime);
            }

            return snapshot;
        }
        finally
        {
            _inFlight.TryRemove(key, out _);
        }
    }

    /// <summary>
    /// A snapshot from a shared cache carries the attempt's id, not the attempt (no token or phone leaves the
    /// database): the row is read again, which also brings what a callback on another instance saved for it.
    /// </summary>
    private async Task<PaymentStatusSnapshot> WithAttemptAsync(StoredStatus stored)
    {
        if (stored.Snapshot.Attempt is not null || stored.AttemptId is not { } attemptId)
            return stored.Snapshot;

        await using var scope = _scopeFactory.CreateAsyncScope();
        var attempt = await scope.ServiceProvider.GetRequiredService<IPaymentAttemptStore>().GetByIdAsync(attemptId);
        return stored.Snapshot with { Attempt = attempt };
    }

    internal static bool IsFinal(PaymentState state) =>
        state is PaymentState.Paid or PaymentState.Failed or PaymentState.HeldForReview or PaymentState.AmountMismatch;

    private readonly record struct CheckKey(int OrderId, int HintAttemptId, bool IncludeOverdue, CallbackClaim Claim, string Generation);
}
