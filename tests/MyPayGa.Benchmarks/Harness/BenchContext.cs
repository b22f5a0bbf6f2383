namespace MyPayGa.Benchmarks.Harness;

/// <summary>What a section gets: the mode, the shared sandbox, a place to say what it is doing.</summary>
public sealed class BenchContext(bool smoke, TextWriter log, CancellationToken cancellationToken) : IAsyncDisposable
{
    private SandboxProcess? _sandbox;

    /// <summary>Tiny counts, a few seconds in all; the figures mean nothing and nothing about timing is asserted.</summary>
    public bool Smoke { get; } = smoke;

    public TextWriter Log { get; } = log;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary><paramref name="full"/> in a real run, <paramref name="smoke"/> with -Smoke.</summary>
    public int Count(int full, int smoke) => Smoke ? smoke : full;

    /// <summary>
    /// The sandbox every section may share (started on first use, in a child process; OutcomeDelayMs 0, no callback
    /// URL). A section that needs its own settings changes them through the control API and puts them back, or
    /// starts its own (SandboxServer.StartAsync in-process, or another <see cref="SandboxProcess"/>).
    /// </summary>
    public async Task<SandboxProcess> SandboxAsync() => _sandbox ??= await SandboxProcess.StartAsync(CancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_sandbox is not null)
        {
            await _sandbox.DisposeAsync();
        }

        // The PostgreSQL server the plugin sections started (if any).
        await Nop.Plugin.Payments.MyPayGa.Tests.Support.Database.PostgresServer.StopSharedAsync();
    }
}
