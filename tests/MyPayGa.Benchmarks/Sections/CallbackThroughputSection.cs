using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using MyPayGa.Benchmarks.Harness;
using MyPayGa.Benchmarks.Plugin;
using MyPayGa.Client;

namespace MyPayGa.Benchmarks.Sections;

/// <summary>
/// Callbacks per second through the plugin's real callback endpoint (an ASP.NET Core host on loopback with the plugin's
/// route and controller, the plugin's services over in-memory fakes of nopCommerce, the real client), each for a payment
/// the sandbox keeps pending — so each is answered 200 on a fresh paiement-detail read — against the raw rate of
/// paiement-detail reads through the same client at the same concurrency. Blocks of each alternate (A B, B A, …).
/// </summary>
public sealed class CallbackThroughputSection : IBenchSection
{
    public const int Concurrency = 8;

    public string Name => "callbacks";

    public async Task<IReadOnlyList<BenchRow>> RunAsync(BenchContext context)
    {
        var ct = context.CancellationToken;
        var sandbox = await context.SandboxAsync();
        await PluginBench.SetMerchantAsync(sandbox, new { outcomeDelayMs = -1 }, ct);
        try
        {
            await using var bench = await PluginBench.CreateAsync(sandbox);
            var orders = await bench.PendingOrdersAsync(context.Count(200, 16), ct);
            await using var app = await bench.StartWebHostAsync();
            using var http = new HttpClient { BaseAddress = PluginBench.AddressOf(app) };

            var services = new ServiceCollection();
            services.AddLogging();
            services.AddMyPayGaClient();
            await using var provider = services.BuildServiceProvider();
            var raw = provider.GetRequiredService<IMyPayGaClientFactory>().Create(new MyPayGaAccount
            {
                Environment = MyPayGaEnvironment.Test,
                SecretKey = sandbox.SecretKey,
                ApiBaseUrl = sandbox.BaseUrl,
            });

            var refused = 0;
            async Task CallbackAsync(int i)
            {
                using var response = await http.PostAsync("mypayga/callback", PluginBench.Callback(orders[i % orders.Count].Attempt), ct);
                if ((int)response.StatusCode != 200)
                    Interlocked.Increment(ref refused);
            }

            async Task ReadAsync(int i) => await raw.GetPaymentDetailAsync(orders[i % orders.Count].Attempt.PaymentToken!, ct);

            var block = context.Count(400, 16);
            var rounds = context.Count(10, 1);
            var rows = new List<BenchRow>();
            // 0 ms: the loopback sandbox answers at once, so the figure is what a callback costs this process besides
            // the read (CPU, database round trips). 20 ms: a provider with some latency, as MyPayGa is.
            foreach (var latency in context.Smoke ? [0] : new[] { 0, 20 })
            {
                await PluginBench.SetDetailLatencyAsync(sandbox, latency, ct);
                context.Log.WriteLine($"   {latency} ms a read: {orders.Count} pending payments, concurrency {Concurrency}: 1 warm-up + {rounds} interleaved rounds of {block} callbacks / reads");
                await BlockAsync(CallbackAsync, block, ct);
                await BlockAsync(ReadAsync, block, ct);
                bench.Harness.ClearRecords();

                var callbackTime = TimeSpan.Zero;
                var readTime = TimeSpan.Zero;
                var callbackReads = 0;
                refused = 0;
                for (var round = 0; round < rounds; round++)
                {
                    for (var side = 0; side < 2; side++)
                    {
                        if ((side == 0) == (round % 2 == 0))
                        {
                            var before = bench.Reads.Total;
                            callbackTime += await BlockAsync(CallbackAsync, block, ct);
                            callbackReads += bench.Reads.Total - before;
                        }
                        else
                        {
                            readTime += await BlockAsync(ReadAsync, block, ct);
                        }
                    }

                    bench.Harness.ClearRecords();
                }

                var callbacks = rounds * block;
                context.Log.WriteLine($"   {refused} callbacks not answered 200; {callbackReads} reads for {callbacks} callbacks; " +
                    $"{callbackTime.TotalMilliseconds * Concurrency / callbacks:0.0} ms a callback, {readTime.TotalMilliseconds * Concurrency / callbacks:0.0} ms a read");
                rows.Add(new BenchRow($"{latency} ms a read: callbacks per second, concurrency {Concurrency} (vs paiement-detail reads per second)",
                    callbacks / callbackTime.TotalSeconds, callbacks / readTime.TotalSeconds, BenchUnit.PerSecond, 0.80, Better.Higher));
                rows.Add(new BenchRow($"{latency} ms a read: paiement-detail reads per callback (pending: one fresh read each)",
                    (double)callbackReads / callbacks, 1, BenchUnit.Count("reads"), 1.00));
            }

            return rows;
        }
        finally
        {
            await PluginBench.SetDetailLatencyAsync(sandbox, 0, CancellationToken.None);
            await PluginBench.SetMerchantAsync(sandbox, new { outcomeDelayMs = 0 }, CancellationToken.None);
        }
    }

    /// <summary><paramref name="count"/> operations, <see cref="Concurrency"/> at a time; the wall time.</summary>
    internal static async Task<TimeSpan> BlockAsync(Func<int, Task> operation, int count, CancellationToken ct)
    {
        var next = -1;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                ct.ThrowIfCancellationRequested();
                await operation(i);
            }
        }, ct)));
        return watch.Elapsed;
    }
}
