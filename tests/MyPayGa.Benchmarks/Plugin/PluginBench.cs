using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MyPayGa.Benchmarks.Harness;
using MyPayGa.Client;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.MyPayGa.Domain;
using Nop.Plugin.Payments.MyPayGa.Infrastructure;
using Nop.Plugin.Payments.MyPayGa.Services;
using Nop.Plugin.Payments.MyPayGa.Tests.Support;
using Nop.Plugin.Payments.MyPayGa.Tests.Support.Database;

namespace MyPayGa.Benchmarks.Plugin;

/// <summary>
/// The plugin as a store runs it, over the tests' fakes of nopCommerce (orders, settings, tables in memory:
/// <see cref="PluginHarness"/>) with the real MyPayGa client against the bench's sandbox, whose paiement-detail calls
/// are counted (total and at once) by a handler on the client's HttpClient.
/// </summary>
public sealed class PluginBench : IAsyncDisposable
{
    private PluginBench(PluginHarness harness, ReadCounter reads, SandboxProcess sandbox)
    {
        Harness = harness;
        Reads = reads;
        Sandbox = sandbox;
    }

    public PluginHarness Harness { get; }

    public ReadCounter Reads { get; }

    public SandboxProcess Sandbox { get; }

    /// <summary>
    /// The plugin's tables in a new database of a real PostgreSQL (the tests' Support/Database: started on a loopback port,
    /// stopped when the bench ends), reached through linq2db as nopCommerce does: an in-memory fake would measure its own
    /// LINQ compilation rather than the plugin.
    /// </summary>
    public static async Task<PluginBench> CreateAsync(SandboxProcess sandbox)
    {
        var reads = new ReadCounter();
        var ledger = await PostgresLedger.CreateAsync();
        var tables = new PluginHarness.SharedStore(new OrderBook(), ledger.Attempts, ledger.Refunds, ledger.Claims,
            new System.Collections.Concurrent.ConcurrentDictionary<string, MyPayGa.Client.Models.PaymentDetail>());
        var harness = PluginHarness.CreateWithRealClient(sandbox.BaseUrl,
            services => services.AddHttpClient(MyPayGaClientFactory.HttpClientName).AddHttpMessageHandler(() => new CountingHandler(reads)),
            tables);
        return new PluginBench(harness, reads, sandbox);
    }

    /// <summary>Orders placed and started (gethash + payment-request on the sandbox), left pending there.</summary>
    public async Task<List<(Order Order, MyPayGaAttempt Attempt)>> PendingOrdersAsync(int count, CancellationToken ct)
    {
        var orders = new List<(Order, MyPayGaAttempt)>(count);
        for (var i = 0; i < count; i++)
        {
            ct.ThrowIfCancellationRequested();
            orders.Add(await Harness.AddStartedOrderAsync());
        }

        Harness.ClearRecords();
        return orders;
    }

    /// <summary>The sandbox's merchant settings (control API); e.g. outcomeDelayMs -1: payments stay pending.</summary>
    public static async Task SetMerchantAsync(SandboxProcess sandbox, object settings, CancellationToken ct)
    {
        using var http = new HttpClient();
        using var response = await http.PutAsJsonAsync(new Uri(sandbox.BaseUrl, "_sandbox/merchant"), settings, ct);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Every paiement-detail answered after <paramref name="delayMs"/> (a latency fault until cleared).</summary>
    public static async Task SetDetailLatencyAsync(SandboxProcess sandbox, int delayMs, CancellationToken ct)
    {
        using var http = new HttpClient();
        (await http.DeleteAsync(new Uri(sandbox.BaseUrl, "_sandbox/faults"), ct)).Dispose();
        if (delayMs <= 0)
            return;
        using var response = await http.PostAsJsonAsync(new Uri(sandbox.BaseUrl, "_sandbox/faults"),
            new { endpoint = "/payment/paiement-detail", kind = "latency", delayMs, count = -1 }, ct);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>
    /// An ASP.NET Core host on 127.0.0.1 with the plugin's routes and controllers (as RouteProviderTests builds it); each
    /// request resolves the plugin's services from a scope of the harness, disposed with the request.
    /// </summary>
    public async Task<WebApplication> StartWebHostAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddControllersWithViews().AddApplicationPart(typeof(RouteProvider).Assembly);
        builder.Services.AddScoped(_ => new HarnessScope(Harness.CreateScope()));
        builder.Services.AddScoped(sp => sp.GetRequiredService<HarnessScope>().Services.GetRequiredService<IMyPayGaCallbackHandler>());
        builder.Services.AddScoped(sp => sp.GetRequiredService<HarnessScope>().Services.GetRequiredService<Nop.Services.Logging.ILogger>());
        var app = builder.Build();
        app.UseRouting();
        new RouteProvider().RegisterRoutes(app);
        await app.StartAsync();
        return app;
    }

    public static Uri AddressOf(WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    /// <summary>A MyPayGa-style form callback claiming success for an attempt.</summary>
    public static StringContent Callback(MyPayGaAttempt attempt) => new(
        $"unique_id={Uri.EscapeDataString(attempt.UniqueId)}&payment_token={Uri.EscapeDataString(attempt.PaymentToken!)}&order_status=200&amount={attempt.AmountXaf}&message=Success",
        Encoding.UTF8, "application/x-www-form-urlencoded");

    public async ValueTask DisposeAsync() => await Harness.DisposeAsync();

    private sealed class HarnessScope(AsyncServiceScope scope) : IAsyncDisposable
    {
        public IServiceProvider Services => scope.ServiceProvider;

        public ValueTask DisposeAsync() => scope.DisposeAsync();
    }
}

/// <summary>paiement-detail requests sent: in all, and the most at once.</summary>
public sealed class ReadCounter
{
    private int _total;
    private int _current;
    private int _peak;

    public int Total => Volatile.Read(ref _total);

    public int Peak => Volatile.Read(ref _peak);

    public void ResetPeak() => Volatile.Write(ref _peak, Volatile.Read(ref _current));

    internal void Enter()
    {
        Interlocked.Increment(ref _total);
        var now = Interlocked.Increment(ref _current);
        var peak = Volatile.Read(ref _peak);
        while (now > peak)
        {
            var seen = Interlocked.CompareExchange(ref _peak, now, peak);
            if (seen == peak)
                break;
            peak = seen;
        }
    }

    internal void Leave() => Interlocked.Decrement(ref _current);
}

internal sealed class CountingHandler(ReadCounter counter) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var isRead = request.RequestUri?.AbsolutePath.EndsWith("/paiement-detail", StringComparison.Ordinal) == true;
        if (!isRead)
            return await base.SendAsync(request, cancellationToken);
        counter.Enter();
        try
        {
            return await base.SendAsync(request, cancellationToken);
        }
        finally
        {
            counter.Leave();
        }
    }
}
