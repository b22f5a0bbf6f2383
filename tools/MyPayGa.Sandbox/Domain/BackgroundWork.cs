using System.Collections.Concurrent;

namespace MyPayGa.Sandbox.Domain;

/// <summary>
/// Delayed work (payment outcomes, callbacks). Tracked so tests can wait for quiet, cancelled on reset and shutdown.
/// </summary>
internal sealed class BackgroundWork(TimeProvider time, ILogger<BackgroundWork> logger) : IDisposable
{
    private readonly ConcurrentDictionary<long, Task> _running = new();
    private CancellationTokenSource _cts = new();
    private long _next;

    public TimeProvider Time => time;

    /// <summary>Runs <paramref name="work"/> after <paramref name="delay"/>; errors are logged, never thrown.</summary>
    public void Run(TimeSpan delay, Func<CancellationToken, Task> work)
    {
        var token = Volatile.Read(ref _cts).Token;
        var id = Interlocked.Increment(ref _next);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var task = Task.Run(async () =>
        {
            await gate.Task.ConfigureAwait(false);
            try
            {
                if (delay > TimeSpan.Zero)
                {
                    await Task.Delay(delay, time, token).ConfigureAwait(false);
                }
                token.ThrowIfCancellationRequested();
                await work(token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
            }
            catch (Exception ex)
            {
                logger.LogError("Sandbox background work failed: {Type}: {Message}", ex.GetType().Name, ex.Message);
            }
            finally
            {
                _running.TryRemove(id, out _);
            }
        }, CancellationToken.None);
        _running[id] = task;
        gate.SetResult();
    }

    /// <summary>Completes when no delayed work is left (including work started meanwhile).</summary>
    public async Task WhenIdleAsync(CancellationToken ct)
    {
        while (!_running.IsEmpty)
        {
            await Task.WhenAll(_running.Values.ToArray()).WaitAsync(ct).ConfigureAwait(false);
        }
    }

    /// <summary>Cancels everything scheduled so far.</summary>
    public void CancelAll()
    {
        var old = Interlocked.Exchange(ref _cts, new CancellationTokenSource());
        // Not disposed: work that is starting may still read its token.
        old.Cancel();
    }

    public void Dispose()
    {
        _cts.Cancel();
        _cts.Dispose();
    }
}
