using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MyPayGa.Client.Tests.Infrastructure;

/// <summary>One request as the fake server saw it, parameters in the order they were sent.</summary>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string RawQuery,
    IReadOnlyList<KeyValuePair<string, string>> Query,
    string? ContentType,
    string Body,
    IReadOnlyList<KeyValuePair<string, string>> Form)
{
    public string? QueryValue(string name) => Query.FirstOrDefault(p => p.Key == name).Value;

    public string? FormValue(string name) => Form.FirstOrDefault(p => p.Key == name).Value;
}

/// <summary>
/// What the fake server answers: a status and a body, maybe late, maybe by cutting the connection.
/// <see cref="Bytes"/> replaces <see cref="Body"/> when set (bytes that are not UTF-8, or too many to keep as text);
/// <see cref="CutAfter"/> sends that many body bytes of a longer declared Content-Length, then cuts the connection.
/// </summary>
public sealed record Reply(int Status = 200, string Body = "", string ContentType = "application/json; charset=utf-8",
    TimeSpan Delay = default, bool Abort = false, byte[]? Bytes = null, int? CutAfter = null)
{
    public static Reply Raw(byte[] bytes, string contentType = "application/json") => new(200, "", contentType, Bytes: bytes);

    public static Reply Json(string body) => new(200, body);

    public static Reply Http(int status, string body = "") => new(status, body);

    public static Reply Slow(TimeSpan delay, string body = "{}") => new(200, body, Delay: delay);

    public static Reply Cut() => new(Abort: true);
}

/// <summary>
/// A tiny stand-in for api.mypayga.com on http://127.0.0.1:{random port}: answers each path with the documented
/// example response, or with what a test queued, and records every request.
/// </summary>
public sealed class FakeMyPayGaServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Reply>> _queued = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentDictionary<string, Reply> _always = new();

    private FakeMyPayGaServer(WebApplication app)
    {
        _app = app;
    }

    public Uri BaseUrl { get; private set; } = null!;

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    public int Hits(string path) => _requests.Count(r => r.Path == "/" + path.TrimStart('/'));

    /// <summary>The documented answer of each path (getLink and linkCancel by prefix).</summary>
    public static Reply DocumentedReply(string path) => path switch
    {
        "/payment/gethash" => Reply.Json(DocumentedResponses.GetHash),
        "/mpayment/payment-request" => Reply.Json(DocumentedResponses.PaymentRequest),
        "/payment/paiement-detail" => Reply.Json(DocumentedResponses.PaymentDetail),
        "/mpayment/sendClientTransfert" => Reply.Json(DocumentedResponses.SendClientTransfer),
        "/mpayment/getClientTransfert" => Reply.Json(DocumentedResponses.GetClientTransfer),
        "/mpayment/getFees" => Reply.Json(DocumentedResponses.GetFees),
        "/refund/create" => Reply.Json(DocumentedResponses.CreateRefund),
        "/refund/send" => Reply.Json(DocumentedResponses.SendRefund),
        "/refund/infos" => Reply.Json(DocumentedResponses.RefundInfo),
        "/payment/generateLink" => Reply.Json(DocumentedResponses.GenerateLink),
        _ when path.StartsWith("/payment/getLink/", StringComparison.Ordinal) => Reply.Json(DocumentedResponses.GetLink),
        _ when path.StartsWith("/payment/linkCancel/", StringComparison.Ordinal) => Reply.Json(DocumentedResponses.CancelLink),
        _ => Reply.Http(404, "<html><body>Not Found</body></html>") with { ContentType = "text/html" },
    };

    public static async Task<FakeMyPayGaServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FakeMyPayGaServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    /// <summary>Answers the next request to <paramref name="path"/> (e.g. "payment/gethash") with these replies, in order.</summary>
    public void Enqueue(string path, params Reply[] replies)
    {
        var queue = _queued.GetOrAdd("/" + path.TrimStart('/'), _ => new ConcurrentQueue<Reply>());
        foreach (var reply in replies)
        {
            queue.Enqueue(reply);
        }
    }

    /// <summary>Answers every request to <paramref name="path"/> with this reply once the queue is empty.</summary>
    public void Always(string path, Reply reply) => _always["/" + path.TrimStart('/')] = reply;

    public void Reset()
    {
        _queued.Clear();
        _always.Clear();
        _requests.Clear();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var rawQuery = request.QueryString.HasValue ? request.QueryString.Value![1..] : "";
        var isForm = request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true;
        var path = request.Path.Value ?? "/";
        _requests.Enqueue(new RecordedRequest(request.Method, path, rawQuery, ParsePairs(rawQuery), request.ContentType, body,
            isForm ? ParsePairs(body) : []));

        var reply = _queued.TryGetValue(path, out var queue) && queue.TryDequeue(out var next) ? next
            : _always.TryGetValue(path, out var always) ? always
            : DocumentedReply(path);

        if (reply.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(reply.Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        if (reply.Abort)
        {
            context.Abort();
            return;
        }

        context.Response.StatusCode = reply.Status;
        context.Response.ContentType = reply.ContentType;
        var bytes = reply.Bytes ?? System.Text.Encoding.UTF8.GetBytes(reply.Body);
        if (reply.CutAfter is { } cut)
        {
            context.Response.ContentLength = bytes.Length;
            await context.Response.Body.WriteAsync(bytes.AsMemory(0, Math.Min(cut, bytes.Length)), context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await Task.Delay(50, context.RequestAborted);
            context.Abort();
            return;
        }

        await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
    }

    /// <summary>name=value pairs in order, decoded as a form/query string is.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> ParsePairs(string text) =>
        string.IsNullOrEmpty(text)
            ? []
            : text.Split('&').Where(p => p.Length > 0).Select(p =>
            {
                var i = p.IndexOf('=');
                static string Decode(string s) => Uri.UnescapeDataString(s.Replace('+', ' '));
                return i < 0 ? new KeyValuePair<string, string>(Decode(p), "") : new(Decode(p[..i]), Decode(p[(i + 1)..]));
            }).ToList();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
