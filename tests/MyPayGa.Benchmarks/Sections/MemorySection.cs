using System.Diagnostics;
using MyPayGa.Benchmarks.Harness;
using MyPayGa.Benchmarks.Plugin;

namespace MyPayGa.Benchmarks.Sections;

/// <summary>
/// Memory after 10,000 callbacks against after 1,000, through the plugin's callback endpoint (as the callbacks section
/// builds it), on 500 payments the sandbox keeps pending: the process's working set and the managed heap after a full,
/// aggressive collection. What the plugin keeps per payment is bounded by the payments, not by the callbacks: no growth beyond noise.
/// </summary>
public sealed class MemorySection : IBenchSection
{
    public string Name => "memory";

    public async Task<IReadOnlyList<BenchRow>> RunAsync(BenchContext context)
    {
        var ct = context.CancellationToken;
        var sandbox = await context.SandboxAsync();
        await PluginBench.SetMerchantAsync(sandbox, new { outcomeDelayMs = -1 }, ct);
        try
        {
            await using var bench = await PluginBench.CreateAsync(sandbox);
            var orders = await bench.PendingOrdersAsync(context.Count(500, 10), ct);
            await using var app = await bench.StartWebHostAsync();
            using var http = new HttpClient { BaseAddress = PluginBench.AddressOf(app) };
            var sent = 0;
            async Task CallbackAsync(int i)
            {
                using var response = await http.PostAsync("mypayga/callback", PluginBench.Callback(orders[(sent + i) % orders.Count].Attempt), ct);
                response.EnsureSuccessStatusCode();
            }

            var first = context.Count(1000, 20);
            var total = context.Count(10_000, 200);
            await CallbackThroughputSection.BlockAsync(CallbackAsync, first, ct);
            sent = first;
            var (heap1, set1) = Measure(bench);
            await CallbackThroughputSection.BlockAsync(CallbackAsync, total - first, ct);
            var (heap2, set2) = Measure(bench);
            context.Log.WriteLine($"   after {first}: heap {heap1 / 1024} KB, working set {set1 / 1024} KB; after {total}: heap {heap2 / 1024} KB, working set {set2 / 1024} KB");
            return
            [
                new BenchRow($"managed heap after {total:N0} callbacks (vs after {first:N0})", heap2, heap1, BenchUnit.Bytes, 1.10),
                new BenchRow($"working set after {total:N0} callbacks (vs after {first:N0})", set2, set1, BenchUnit.Bytes, 1.10),
            ];
        }
        finally
        {
            await PluginBench.SetMerchantAsync(sandbox, new { outcomeDelayMs = 0 }, CancellationToken.None);
        }
    }

    /// <summary>After the test fakes forget what they recorded (a real store's log goes to its database, not to memory).</summary>
    private static (long Heap, long WorkingSet) Measure(PluginBench bench)
    {
        bench.Harness.ClearRecords();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        // Aggressive: the runtime also gives back the free memory it keeps mapped after a burst, so that the working set
        // shows what is still in use rather than the collector's retention policy of the moment.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return (GC.GetTotalMemory(forceFullCollection: true), process.WorkingSet64);
    }
}
