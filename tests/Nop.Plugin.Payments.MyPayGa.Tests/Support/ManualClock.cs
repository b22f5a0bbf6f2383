namespace Nop.Plugin.Payments.MyPayGa.Tests.Support;

/// <summary>Real time shifted by an offset the test moves forward (timers and delays still run on real time).</summary>
public sealed class ManualClock : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => DateTimeOffset.UtcNow + Offset;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
