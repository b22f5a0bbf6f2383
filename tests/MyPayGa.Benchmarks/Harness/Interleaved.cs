using System.Diagnostics;

namespace MyPayGa.Benchmarks.Harness;

/// <summary>Per-call durations and allocations of one side of a comparison.</summary>
public sealed class Samples(int capacity)
{
    private readonly List<long> _ticks = new(capacity);
    private readonly List<long> _bytes = new(capacity);

    public int Count => _ticks.Count;

    public void Add(long ticks, long bytes)
    {
        _ticks.Add(ticks);
        _bytes.Add(bytes);
    }

    public double MedianMicroseconds => Percentile(_ticks, 0.50) * 1_000_000.0 / Stopwatch.Frequency;

    public double P95Microseconds => Percentile(_ticks, 0.95) * 1_000_000.0 / Stopwatch.Frequency;

    /// <summary>Median bytes allocated per call (the median ignores a call that happened to see another thread allocate).</summary>
    public double MedianBytes => Percentile(_bytes, 0.50);

    public double MeanBytes => _bytes.Count == 0 ? 0 : _bytes.Average();

    private static double Percentile(List<long> values, double p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.ToArray();
        Array.Sort(sorted);
        var rank = p * (sorted.Length - 1);
        var low = (int)Math.Floor(rank);
        var high = (int)Math.Ceiling(rank);
        return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
    }
}

/// <summary>
/// Measures two operations in alternating rounds (A B, B A, A B …) so that drift — another process taking a core, a
/// GC, the CPU clock — falls on both sides alike. Each call is timed with <see cref="Stopwatch"/> and its allocations
/// are read with <see cref="GC.GetTotalAllocatedBytes(bool)"/> (precise, all threads: async continuations run on pool
/// threads), so nothing else may run in this process meanwhile — the sandbox runs in a child process for that reason.
/// </summary>
public static class Interleaved
{
    /// <param name="a">The measured side; receives the round number (0-based, warm-up rounds negative).</param>
    /// <param name="b">The baseline; receives the round number.</param>
    public static async Task<(Samples A, Samples B)> RunAsync(Func<int, Task> a, Func<int, Task> b, int warmupRounds, int rounds,
        CancellationToken cancellationToken = default)
    {
        for (var i = -warmupRounds; i < 0; i++)
        {
            await a(i);
            await b(i);
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        var sa = new Samples(rounds);
        var sb = new Samples(rounds);
        for (var i = 0; i < rounds; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var aFirst = i % 2 == 0;
            for (var side = 0; side < 2; side++)
            {
                var runA = (side == 0) == aFirst;
                var op = runA ? a : b;
                var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
                var started = Stopwatch.GetTimestamp();
                await op(i);
                var ended = Stopwatch.GetTimestamp();
                var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
                (runA ? sa : sb).Add(ended - started, allocated);
            }
        }

        return (sa, sb);
    }
}
