using System.Collections.Concurrent;

namespace Nop.Plugin.Payments.MyPayGa.Services.Ledger;

/// <summary>
/// Singleton: one holder per order in this process. nopCommerce's ILocker is not a mutual exclusion (MemoryCacheLocker's
/// GetOrCreate can run its factory twice; DistributedCacheLocker is a get then a set), so the plugin serialises the
/// work on an order itself. Across instances, the database claims (<see cref="IMyPayGaClaimStore"/>) decide.
/// </summary>
public sealed class OrderGuard
{
    private readonly ConcurrentDictionary<int, Gate> _gates = new();

    /// <summary>How long a check waits for the order's holder before reporting the order busy.</summary>
    public TimeSpan Wait { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Number of orders with a holder or a waiter (for tests: must fall back to 0).</summary>
    internal int ActiveCount => _gates.Count;

    /// <summary>Enters the order's section, waiting at most <paramref name="wait"/>; null when it stayed busy.</summary>
    public async Task<IAsyncDisposable?> TryEnterAsync(int orderId, TimeSpan wait, CancellationToken cancellationToken = default)
    {
        var gate = Acquire(orderId);
        bool entered;
        try
        {
            entered = await gate.Semaphore.WaitAsync(wait, cancellationToken);
        }
        catch
        {
            Release(orderId, gate);
            throw;
        }

        if (!entered)
        {
            Release(orderId, gate);
            return null;
        }

        return new Holder(this, orderId, gate);
    }

    private Gate Acquire(int orderId)
    {
        while (true)
        {
            var gate = _gates.GetOrAdd(orderId, static _ => new Gate());
            lock (gate)
            {
                // A gate being removed (count 0 and gone from the map) must not be joined.
                if (gate.Users >= 0 && _gates.TryGetValue(orderId, out var current) && ReferenceEquals(current, gate))
                {
                    gate.Users++;
                    return gate;
                }
            }
        }
    }

    private void Release(int orderId, Gate gate)
    {
        lock (gate)
        {
            gate.Users--;
            if (gate.Users == 0)
            {
                gate.Users = -1;
                _gates.TryRemove(new KeyValuePair<int, Gate>(orderId, gate));
            }
        }
    }

    private sealed class Gate
    {
        public readonly SemaphoreSlim Semaphore = new(1, 1);
        public int Users;
    }

    private sealed class Holder(OrderGuard guard, int orderId, Gate gate) : IAsyncDisposable
    {
        private int _disposed;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                gate.Semaphore.Release();
                guard.Release(orderId, gate);
            }

            return ValueTask.CompletedTask;
        }
    }
}
