using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MyPayGa.Sandbox.Tests.Infrastructure;

/// <summary>One request the merchant's callback endpoint received.</summary>
public sealed record ReceivedCallback(
    string Method,
    string? ContentType,
    IReadOnlyDictionary<string, string> Query,
    string Body,
    IReadOnlyDictionary<string, string> Fields);

/// <summary>A tiny merchant: Kestrel on 127.0.0.1:0 recording every callback, answering a configurable status.</summary>
public sealed class CallbackListener : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedCallback> _received = new();
    private readonly SemaphoreSlim _signal = new(0);
    private readonly ConcurrentQueue<int> _plannedStatuses = new();

    private CallbackListener(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    /// <summary>Status answered when no planned status is left.</summary>
    public int DefaultStatus { get; set; } = 200;

    public IReadOnlyList<ReceivedCallback> Received => _received.ToArray();

    /// <summary>The next requests answer these statuses, in order (e.g. 500, 500, then DefaultStatus).</summary>
    public void Plan(params int[] statuses)
    {
        foreach (var s in statuses)
        {
            _plannedStatuses.Enqueue(s);
        }
    }

    public static async Task<CallbackListener> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var listener = new CallbackListener(app);
        app.Map("/callback", listener.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        listener.Url = new Uri(address.TrimEnd('/') + "/callback");
        return listener;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var query = context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString());
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var fields = new Dictionary<string, string>(query);
        var contentType = context.Request.ContentType;
        if (contentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.Ordinal) == true)
        {
            foreach (var (k, v) in Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(body))
            {
                fields[k] = v.ToString();
            }
        }
        else if (contentType?.StartsWith("application/json", StringComparison.Ordinal) == true)
        {
            using var doc = JsonDocument.Parse(body);
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                fields[p.Name] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText();
            }
        }
        _received.Enqueue(new ReceivedCallback(context.Request.Method, contentType, query, body, fields));
        context.Response.StatusCode = _plannedStatuses.TryDequeue(out var planned) ? planned : DefaultStatus;
        _signal.Release();
    }

    /// <summary>Waits until at least <paramref name="count"/> callbacks arrived in total.</summary>
    public async Task<IReadOnlyList<ReceivedCallback>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        while (_received.Count < count)
        {
            try
            {
                await _signal.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"Expected {count} callback(s), got {_received.Count}.");
            }
        }
        return Received;
    }

    public void Clear() => _received.Clear();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _signal.Dispose();
    }
}
