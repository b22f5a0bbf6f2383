using MyPayGa.Benchmarks.Harness;
using MyPayGa.Benchmarks.Plugin;
using Nop.Plugin.Payments.MyPayGa.Services;

namespace MyPayGa.Benchmarks.Sections;

/// <summary>
/// The pending page's polling (every 3 s a tab, as mypayga-pending.js does) through the status cache, on the harness's
/// clock moved by steps (ten simulated minutes take a few seconds): paiement-detail reads per order per minute with
/// 1 tab and with 10 tabs per order, on orders polled side by side in the same run, against the bound the setting
/// gives (60 ÷ StatusCacheSeconds).
/// </summary>
public sealed class PendingPageSection : IBenchSection
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(250);

    public string Name => "pending page";

    public async Task<IReadOnlyList<BenchRow>> RunAsync(BenchContext context)
    {
        var ct = context.CancellationToken;
        var sandbox = await context.SandboxAsync();
        await PluginBench.SetMerchantAsync(sandbox, new { outcomeDelayMs = -1 }, ct);
        try
        {
            await using var bench = await PluginBench.CreateAsync(sandbox);
            var cacheSeconds = bench.Harness.StoreSettings.StatusCacheSeconds;
            var perGroup = context.Count(10, 2);
            var orders = await bench.PendingOrdersAsync(2 * perGroup, ct);
            var cache = bench.Harness.GetSingleton<IPaymentStatusCache>();

            // Tabs: (order index, group, next poll). Group 0: one tab an order; group 1: ten tabs, opened at random moments.
            var random = new Random(42);
            var tabs = new List<Tab>();
            for (var o = 0; o < orders.Count; o++)
            {
                var group = o < perGroup ? 0 : 1;
                for (var t = 0; t < (group == 0 ? 1 : 10); t++)
                    tabs.Add(new Tab(o, group, TimeSpan.FromMilliseconds(random.Next(0, (int)PollEvery.TotalMilliseconds))));
            }

            var minutes = context.Count(10, 1);
            var reads = new int[2];
            var elapsed = TimeSpan.Zero;
            context.Log.WriteLine($"   {perGroup} orders with 1 tab, {perGroup} with 10 tabs, polled every {PollEvery.TotalSeconds:0} s for {minutes} simulated minutes; StatusCacheSeconds {cacheSeconds}");
            while (elapsed < TimeSpan.FromMinutes(minutes))
            {
                foreach (var tab in tabs.Where(t => t.Next <= elapsed))
                {
                    var before = bench.Reads.Total;
                    await cache.GetAsync(bench.Harness.Orders.Stored(orders[tab.Order].Order.Id), ct);
                    reads[tab.Group] += bench.Reads.Total - before;
                    tab.Next += PollEvery;
                }

                bench.Harness.Clock.Advance(Step);
                elapsed += Step;
            }

            bench.Harness.ClearRecords();
            var bound = 60.0 / cacheSeconds;
            double PerOrderPerMinute(int group) => reads[group] / (double)perGroup / minutes;
            context.Log.WriteLine($"   reads: {reads[0]} (1 tab), {reads[1]} (10 tabs)");
            return
            [
                new BenchRow($"reads per order per minute, 1 tab (vs 60 ÷ StatusCacheSeconds {cacheSeconds})", PerOrderPerMinute(0), bound, BenchUnit.Count("/min"), 1.00),
                new BenchRow($"reads per order per minute, 10 tabs (vs 60 ÷ StatusCacheSeconds {cacheSeconds})", PerOrderPerMinute(1), bound, BenchUnit.Count("/min"), 1.00),
                new BenchRow("reads per order per minute, 10 tabs (vs 1 tab)", PerOrderPerMinute(1), PerOrderPerMinute(0), BenchUnit.Count("/min")),
            ];
        }
        finally
        {
            await PluginBench.SetMerchantAsync(sandbox, new { outcomeDelayMs = 0 }, CancellationToken.None);
        }
    }

    private sealed class Tab(int order, int group, TimeSpan next)
    {
        public int Order { get; } = order;
        public int Group { get; } = group;
        public TimeSpan Next { get; set; } = next;
    }
}
