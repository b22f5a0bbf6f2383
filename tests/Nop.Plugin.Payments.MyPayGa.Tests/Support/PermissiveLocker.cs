using Nop.Core.Caching;

namespace Nop.Plugin.Payments.MyPayGa.Tests.Support;

/// <summary>
/// The worst ILocker a host can have: it admits every caller at once (nopCommerce's MemoryCacheLocker does so in a few
/// percent of trials, DistributedCacheLocker on a farm far more often). Exactly-once must not depend on the locker.
/// </summary>
public sealed class PermissiveLocker : ILocker
{
    private int _admitted;

    public int Admitted => Volatile.Read(ref _admitted);

    public async Task<bool> PerformActionWithLockAsync(string resource, TimeSpan expirationTime, Func<Task> action)
    {
        Interlocked.Increment(ref _admitted);
        await action();
        return true;
    }

    public Task RunWithHeartbeatAsync(string key, TimeSpan expirationTime, TimeSpan heartbeatInterval, Func<CancellationToken, Task> action,
        CancellationTokenSource? cancellationTokenSource = null) => action(cancellationTokenSource?.Token ?? CancellationToken.None);

    public Task CancelTaskAsync(string key, TimeSpan expirationTime) => Task.CompletedTask;

    public Task<bool> IsTaskRunningAsync(string key) => Task.FromResult(false);
}
