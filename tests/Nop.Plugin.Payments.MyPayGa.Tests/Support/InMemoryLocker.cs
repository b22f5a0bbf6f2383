using System.Collections.Concurrent;
using Nop.Core.Caching;

namespace Nop.Plugin.Payments.MyPayGa.Tests.Support;

/// <summary>
/// An ILocker that behaves like nopCommerce's MemoryCacheLocker: it never waits — when the key is held by someone
/// else it returns false at once without running the action; the key is released when the action ends.
/// </summary>
public sealed class InMemoryLocker : ILocker
{
    private readonly ConcurrentDictionary<string, byte> _held = new(StringComparer.Ordinal);
    private int _acquired;
    private int _refused;

    public int Acquired => Volatile.Read(ref _acquired);
    public int Refused => Volatile.Read(ref _refused);

    public bool IsHeld(string key) => _held.ContainsKey(key);

    /// <summary>Holds a key as another request would, until the returned handle is disposed.</summary>
    public IDisposable Hold(string key)
    {
        if (!_held.TryAdd(key, 0))
            throw new InvalidOperationException($"{key} is already held.");
        return new Release(() => _held.TryRemove(key, out _));
    }

    public async Task<bool> PerformActionWithLockAsync(string resource, TimeSpan expirationTime, Func<Task> action)
    {
        if (!_held.TryAdd(resource, 0))
        {
            Interlocked.Increment(ref _refused);
            return false;
        }

        Interlocked.Increment(ref _acquired);
        try
        {
            await action();
        }
        finally
        {
            _held.TryRemove(resource, out _);
        }

        return true;
    }

    public async Task RunWithHeartbeatAsync(string key, TimeSpan expirationTime, TimeSpan heartbeatInterval,
        Func<CancellationToken, Task> action, CancellationTokenSource cancellationTokenSource = default!)
    {
        var source = cancellationTokenSource ?? new CancellationTokenSource();
        await PerformActionWithLockAsync(key, expirationTime, () => action(source.Token));
    }

    public Task CancelTaskAsync(string key, TimeSpan expirationTime) => Task.CompletedTask;

    public Task<bool> IsTaskRunningAsync(string key) => Task.FromResult(IsHeld(key));

    private sealed class Release(Action release) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
                release();
        }
    }
}
