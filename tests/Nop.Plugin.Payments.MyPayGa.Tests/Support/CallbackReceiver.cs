using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MyPayGa.Client.Callbacks;
using Nop.Plugin.Payments.MyPayGa.Services;

namespace Nop.Plugin.Payments.MyPayGa.Tests.Support;

/// <summary>
/// The store's callback endpoint for end-to-end tests: Kestrel on 127.0.0.1, each request turned into a
/// RawCallbackRequest and handed to the plugin's IMyPayGaCallbackHandler in its own scope (as the web helper's
/// controller does), answering its status code.
/// </summary>
public sealed class CallbackReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _received;

    private CallbackReceiver(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;
    public int Received => Volatile.Read(ref _received);

    public static async Task<CallbackReceiver> StartAsync(PluginHarness harness)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new CallbackReceiver(app);
        app.MapMethods("/mypayga/callback", ["GET", "POST"], async (HttpContext context) =>
        {
            Interlocked.Increment(ref receiver._received);
            using var reader = new StreamReader(context.Request.Body);
            var raw = new RawCallbackRequest
            {
                Method = context.Request.Method,
                QueryString = context.Request.QueryString.Value,
                ContentType = context.Request.ContentType,
                Body = await reader.ReadToEndAsync(context.RequestAborted),
            };
            await using var scope = harness.CreateScope();
            var result = await scope.ServiceProvider.GetRequiredService<IMyPayGaCallbackHandler>().HandleAsync(raw, context.RequestAborted);
            return Results.Text(result.Message, statusCode: result.HttpStatusCode);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = new Uri(address.TrimEnd('/') + "/mypayga/callback");
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
