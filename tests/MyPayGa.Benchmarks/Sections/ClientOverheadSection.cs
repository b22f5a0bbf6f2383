using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MyPayGa.Benchmarks.Harness;
using MyPayGa.Client;
using MyPayGa.Client.Models;

namespace MyPayGa.Benchmarks.Sections;

/// <summary>
/// What the client costs per call over a bare HttpClient: the same request (method, URL, body bytes, Accept and
/// User-Agent headers — checked in the sandbox's journal before measuring) to the same sandbox endpoint, the bare side
/// reading the answer with <see cref="JsonDocument"/> and looking at its status field. The client is built as a host
/// builds it (DI, AddMyPayGaClient, the factory, its resilience handler with the default options, logging registered
/// but nothing enabled).
/// </summary>
public sealed class ClientOverheadSection : IBenchSection
{
    private const string FormContentType = "application/x-www-form-urlencoded";
    private const string Phone = "074111111"; // a test number that pays at once (OutcomeDelayMs 0)
    private const long Amount = 2400;
    private static readonly JsonDocumentOptions DocumentOptions = new() { AllowTrailingCommas = true };
    private static object? _sink;

    public string Name => "client";

    public async Task<IReadOnlyList<BenchRow>> RunAsync(BenchContext context)
    {
        var ct = context.CancellationToken;
        var sandbox = await context.SandboxAsync();
        var key = sandbox.SecretKey;
        var baseUrl = sandbox.BaseUrl.ToString();

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMyPayGaClient();
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IMyPayGaClientFactory>().Create(new MyPayGaAccount
        {
            Environment = MyPayGaEnvironment.Test,
            SecretKey = key,
            ApiBaseUrl = sandbox.BaseUrl,
        });

        using var bare = new HttpClient();
        bare.DefaultRequestHeaders.Accept.ParseAdd("application/json");
        bare.DefaultRequestHeaders.UserAgent.ParseAdd("MyPayGa.Client/1.0");

        // Data the reads need: a paid payment and a refund of part of it.
        var hash = new GetHashRequest
        {
            Email = "client@gmail.com",
            FirstName = "Jacob",
            LastName = "Larry",
            UniqueId = "BENCH-1",
            Amount = Amount,
            Phone = Phone,
            Description = "Bench order",
        };
        var paid = await client.GetHashAsync(hash, ct);
        await client.RequestMobilePaymentAsync(Push(paid.PaymentToken), ct);
        var refund = await client.CreateRefundAsync(new CreateRefundRequest { PaymentToken = paid.PaymentToken, Amount = 100, Description = "Bench refund" }, ct);

        var warmup = context.Count(300, 3);
        var rounds = context.Count(3000, 15);
        var rows = new List<BenchRow>();

        // 1. paiement-detail (GET, query)
        var detailUrl = $"{baseUrl}payment/paiement-detail?payment_ref={Esc(paid.PaymentToken)}&apikey={Esc(key)}";
        await MeasureAsync("paiement-detail",
            async _ => _sink = await client.GetPaymentDetailAsync(paid.PaymentToken, ct),
            _ => BareAsync(bare, HttpMethod.Get, detailUrl, null, "code", ct), ignored: []);

        // 2. payment-request (POST, form): a fresh payment_token each call, created beforehand for both sides.
        var tokens = await HashesAsync(bare, baseUrl, key, 2 * (warmup + rounds + 1), ct);
        var pushBodies = tokens.Select(t => FormBytes(PushFields(t, key))).ToArray();
        await MeasureAsync("payment-request",
            async i => _sink = await client.RequestMobilePaymentAsync(Push(tokens[2 * (i + warmup + 1)]), ct),
            i => BareAsync(bare, HttpMethod.Post, $"{baseUrl}mpayment/payment-request", pushBodies[2 * (i + warmup + 1) + 1], "statusRequest", ct),
            ignored: ["payment_token"]);

        // 3. refund/infos (GET, query)
        var infosUrl = $"{baseUrl}refund/infos?apikey={Esc(key)}&refId={Esc(refund.RefundId)}";
        await MeasureAsync("refund/infos",
            async _ => _sink = await client.GetRefundAsync(refund.RefundId, ct),
            _ => BareAsync(bare, HttpMethod.Get, infosUrl, null, "statusRequest", ct), ignored: []);

        // 4. gethash (POST, form)
        var hashBody = FormBytes(HashFields(hash, key));
        await MeasureAsync("gethash",
            async _ => _sink = await client.GetHashAsync(hash, ct),
            _ => BareAsync(bare, HttpMethod.Post, $"{baseUrl}payment/gethash", hashBody, "code", ct), ignored: []);

        return rows;

        async Task MeasureAsync(string name, Func<int, Task> viaClient, Func<int, Task> viaBare, string[] ignored)
        {
            // Round -(warmup + 1), before the warm-up rounds: payment-request's tokens 0 and 1.
            await SameRequestAsync(bare, baseUrl, name, () => viaClient(-(warmup + 1)), () => viaBare(-(warmup + 1)), ignored, ct);
            context.Log.WriteLine($"   {name}: {warmup} warm-up + {rounds} interleaved rounds");
            var (c, b) = await Interleaved.RunAsync(viaClient, viaBare, warmup, rounds, ct);
            rows.Add(new BenchRow($"{name}: median time per call", c.MedianMicroseconds, b.MedianMicroseconds, BenchUnit.Microseconds, 1.10));
            rows.Add(new BenchRow($"{name}: p95 time per call", c.P95Microseconds, b.P95Microseconds, BenchUnit.Microseconds));
            rows.Add(new BenchRow($"{name}: allocated per call", c.MedianBytes, b.MedianBytes, BenchUnit.Bytes, 1.50));
        }

        MobilePaymentRequest Push(string token) => new()
        {
            Email = hash.Email,
            FirstName = hash.FirstName,
            LastName = hash.LastName,
            PaymentToken = token,
            Amount = Amount,
            ClientPhone = Phone,
            Description = hash.Description,
        };
    }

    /// <summary>The bare side: the request as given, the answer read into a JsonDocument and one field looked at.</summary>
    private static async Task BareAsync(HttpClient http, HttpMethod method, string url, byte[]? form, string statusField, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, url);
        if (form is not null)
        {
            request.Content = new ByteArrayContent(form);
            request.Content.Headers.TryAddWithoutValidation("Content-Type", FormContentType);
        }

        using var response = await http.SendAsync(request, ct);
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        using var document = await JsonDocument.ParseAsync(stream, DocumentOptions, ct);
        _sink = document.RootElement.TryGetProperty(statusField, out var status) ? status.ToString() : null;
    }

    /// <summary>
    /// Before measuring: one call each way, then the sandbox's journal must show the same method, path, query and form
    /// (keys redacted alike; <paramref name="ignored"/> fields may differ, e.g. a fresh payment_token).
    /// </summary>
    private static async Task SameRequestAsync(HttpClient http, string baseUrl, string name, Func<Task> viaClient, Func<Task> viaBare,
        string[] ignored, CancellationToken ct)
    {
        var before = (await EventsAsync(http, baseUrl, 0, ct)).Select(e => e.Sequence).DefaultIfEmpty(0).Max();
        await viaClient();
        await viaBare();
        var seen = (await EventsAsync(http, baseUrl, before, ct)).Where(e => e.Kind == "request").ToList();
        if (seen.Count != 2 || Describe(seen[0], ignored) != Describe(seen[1], ignored))
        {
            throw new InvalidOperationException($"{name}: the client and the bare HttpClient did not send the same request:\n  "
                + string.Join("\n  ", seen.Select(e => Describe(e, ignored))));
        }
    }

    private static string Describe(Event e, string[] ignored) =>
        $"{e.Method} {e.Path} ?{Pairs(e.Query, ignored)} form:{Pairs(e.Form, ignored)}";

    private static string Pairs(Dictionary<string, string>? pairs, string[] ignored) =>
        pairs is null ? "" : string.Join("&", pairs.Select(p => p.Key + "=" + (ignored.Contains(p.Key) ? "…" : p.Value)));

    private static async Task<List<Event>> EventsAsync(HttpClient http, string baseUrl, long after, CancellationToken ct) =>
        await http.GetFromJsonAsync<List<Event>>($"{baseUrl}_sandbox/events?after={after}", new JsonSerializerOptions(JsonSerializerDefaults.Web), ct) ?? [];

    private sealed record Event(long Sequence, string Kind, string? Method, string? Path, Dictionary<string, string>? Query,
        Dictionary<string, string>? Form);

    /// <summary>Payment tokens for the payment-request rounds, from gethash calls made by the bare client.</summary>
    private static async Task<string[]> HashesAsync(HttpClient http, string baseUrl, string key, int count, CancellationToken ct)
    {
        var tokens = new string[count];
        for (var i = 0; i < count; i++)
        {
            using var content = new FormUrlEncodedContent(
            [
                new("email", "client@gmail.com"), new("firstname", "Jacob"), new("lastname", "Larry"), new("uniqueID", "BENCH-P" + i),
                new("amount", Amount.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("phone", Phone),
                new("description", "Bench order"), new("apikey", key),
            ]);
            using var response = await http.PostAsync($"{baseUrl}payment/gethash", content, ct);
            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
            tokens[i] = document.RootElement.GetProperty("payment_token").GetString()!;
        }

        return tokens;
    }

    private static KeyValuePair<string, string>[] HashFields(GetHashRequest r, string key) =>
    [
        new("email", r.Email), new("firstname", r.FirstName), new("lastname", r.LastName), new("uniqueID", r.UniqueId),
        new("amount", r.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("phone", r.Phone),
        new("description", r.Description), new("apikey", key),
    ];

    private static KeyValuePair<string, string>[] PushFields(string token, string key) =>
    [
        new("email", "client@gmail.com"), new("firstname", "Jacob"), new("lastname", "Larry"), new("payment_token", token),
        new("amount", Amount.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("client_phone", Phone),
        new("description", "Bench order"), new("apikey", key),
    ];

    private static byte[] FormBytes(KeyValuePair<string, string>[] fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        return content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
    }

    private static string Esc(string value) => Uri.EscapeDataString(value);
}
