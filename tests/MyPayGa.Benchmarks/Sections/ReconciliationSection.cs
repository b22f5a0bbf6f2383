using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using MyPayGa.Benchmarks.Harness;
using MyPayGa.Benchmarks.Plugin;
using Nop.Plugin.Payments.MyPayGa.Services;

namespace MyPayGa.Benchmarks.Sections;

/// <summary>
/// The reconciliation task over 2,000 orders whose payments the sandbox keeps pending, each paiement-detail answered
/// after an injected latency (20 ms, then 200 ms), with ReconciliationConcurrency 8: its wall time against the ideal
/// 2,000 × latency ÷ 8, and the most paiement-detail requests seen at once (never above the setting). One untimed run
/// without injected latency comes first (warm-up).
/// </summary>
public sealed class ReconciliationSection : IBenchSection
{
    public string Name => "reconciliation";

    public async Task<IReadOnlyList<BenchRow>> RunAsync(BenchContext context)
    {
        var ct = context.CancellationToken;
        var sandbox = await context.SandboxAsync();
        await PluginBench.SetMerchantAsync(sandbox, new { outcomeDelayMs = -1 }, ct);
        try
        {
            await using var bench = await PluginBench.CreateAsync(sandbox);
            var concurrency = bench.Harness.StoreSettings.ReconciliationConcurrency;
            var orders = await bench.PendingOrdersAsync(context.Count(2000, 24), ct);
            var rows = new List<BenchRow>();

            // One untimed run first (no injected latency), as the callbacks section warms up: the figures are a store's
            // steady state, not the JIT compiling the task's code path during the first measured run.
            await PluginBench.SetDetailLatencyAsync(sandbox, 0, ct);
            bench.Harness.Clock.Advance(TimeSpan.FromMinutes(10));
            await using (var scope = bench.Harness.CreateScope())
                await ActivatorUtilities.CreateInstance<PendingPaymentReconciliationTask>(scope.ServiceProvider).ExecuteAsync();
            bench.Harness.ClearRecords();

            foreach (var latency in context.Smoke ? [20] : new[] { 20, 200 })
            {
                await PluginBench.SetDetailLatencyAsync(sandbox, latency, ct);
                // A run within half a period of the previous one does nothing (two timers): the clock moves past it.
                bench.Harness.Clock.Advance(TimeSpan.FromMinutes(10));
                bench.Reads.ResetPeak();
                var before = bench.Reads.Total;
                var watch = Stopwatch.StartNew();
                await using (var scope = bench.Harness.CreateScope())
                    await ActivatorUtilities.CreateInstance<PendingPaymentReconciliationTask>(scope.ServiceProvider).ExecuteAsync();
                var elapsed = watch.Elapsed;
                var reads = bench.Reads.Total - before;
                bench.Harness.ClearRecords();
                var ideal = TimeSpan.FromMilliseconds((double)orders.Count * latency / concurrency);
                context.Log.WriteLine($"   {latency} ms: {orders.Count} orders, {reads} reads in {elapsed.TotalSeconds:0.00} s (ideal {ideal.TotalSeconds:0.00} s), at most {bench.Reads.Peak} at once");
                if (reads != orders.Count)
                    throw new InvalidOperationException($"the run read {reads} payments, not {orders.Count}");
                rows.Add(new BenchRow($"{orders.Count} pending orders, {latency} ms a read, concurrency {concurrency}: wall time (vs {orders.Count} × {latency} ms ÷ {concurrency})",
                    elapsed.TotalSeconds, ideal.TotalSeconds, BenchUnit.Seconds, 1.20));
                rows.Add(new BenchRow($"{orders.Count} pending orders, {latency} ms a read: most reads at once (vs the setting)",
                    bench.Reads.Peak, concurrency, BenchUnit.Count("reads"), 1.00));
            }

            return rows;
        }
        finally
        {
            await PluginBench.SetDetailLatencyAsync(sandbox, 0, CancellationToken.None);
            await PluginBench.SetMerchantAsync(sandbox, new { outcomeDelayMs = 0 }, CancellationToken.None);
        }
    }
}
