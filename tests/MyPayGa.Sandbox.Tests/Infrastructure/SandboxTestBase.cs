using System.Net;
using System.Text.Json;

namespace MyPayGa.Sandbox.Tests.Infrastructure;

/// <summary>
/// One sandbox per fixture on a free loopback port, reset before every test; raw HttpClient only.
/// Delays are zero so outcomes are decided during payment-request and callbacks leave at once.
/// </summary>
public abstract class SandboxTestBase
{
    public const string SecretKey = "stest_sandbox_secret_key";
    public const string PublicKey = "ptest_sandbox_public_key";

    protected SandboxServer Sandbox { get; private set; } = null!;
    protected HttpClient Http { get; private set; } = null!;

    protected virtual SandboxOptions CreateOptions() => new()
    {
        SecretKey = SecretKey,
        PublicKey = PublicKey,
        MerchantName = "Test Shop",
        OutcomeDelayMs = 0,
        CallbackDelayMs = 0,
        CallbackRetries = 3,
        CallbackRetryBackoffMs = 0,
        CallbackTimeoutMs = 5_000,
    };

    [OneTimeSetUp]
    public async Task StartSandbox()
    {
        Sandbox = await SandboxServer.StartAsync(CreateOptions());
        Http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false })
        {
            BaseAddress = Sandbox.BaseUrl,
            Timeout = TimeSpan.FromSeconds(20),
        };
    }

    [OneTimeTearDown]
    public async Task StopSandbox()
    {
        Http?.Dispose();
        if (Sandbox is not null)
        {
            await Sandbox.DisposeAsync();
        }
    }

    [SetUp]
    public void ResetSandbox() => Sandbox.Reset();

    // ---- requests ----

    /// <summary>POST with the parameters in a form body (the PHP examples).</summary>
    protected Task<HttpResponseMessage> PostFormAsync(string path, IDictionary<string, string> fields) =>
        Http.PostAsync(path, new FormUrlEncodedContent(fields));

    /// <summary>POST with the parameters in the query string and no body (the JS/Python examples).</summary>
    protected Task<HttpResponseMessage> PostQueryAsync(string path, IDictionary<string, string> fields) =>
        Http.PostAsync(WithQuery(path, fields), null);

    protected Task<HttpResponseMessage> GetAsync(string path, IDictionary<string, string> fields) =>
        Http.GetAsync(WithQuery(path, fields));

    protected static string WithQuery(string path, IDictionary<string, string> fields) =>
        fields.Count == 0
            ? path
            : path + (path.Contains('?') ? "&" : "?") +
              string.Join("&", fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));

    protected static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(expected), text);
        using var doc = JsonDocument.Parse(text);
        return doc.RootElement.Clone();
    }

    protected async Task<JsonElement> PostFormJsonAsync(string path, IDictionary<string, string> fields) =>
        await JsonAsync(await PostFormAsync(path, fields));

    protected async Task<JsonElement> PostQueryJsonAsync(string path, IDictionary<string, string> fields) =>
        await JsonAsync(await PostQueryAsync(path, fields));

    protected async Task<JsonElement> GetJsonAsync(string path, IDictionary<string, string> fields) =>
        await JsonAsync(await GetAsync(path, fields));

    protected static Dictionary<string, string> Params(params (string Name, string Value)[] values)
    {
        var d = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            d[name] = value;
        }
        return d;
    }

    // ---- flows ----

    protected static Dictionary<string, string> HashParams(long amount = 1500, string uniqueId = "ORDER-1",
        string phone = "074111111") => Params(
        ("email", "client@example.com"),
        ("firstname", "Jacob"),
        ("lastname", "Larry"),
        ("uniqueID", uniqueId),
        ("amount", amount.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("phone", phone),
        ("description", "Order ORDER-1"),
        ("apikey", SecretKey));

    /// <summary>gethash → payment_token.</summary>
    protected async Task<string> CreatePaymentAsync(long amount = 1500, string uniqueId = "ORDER-1")
    {
        var json = await PostFormJsonAsync("/payment/gethash", HashParams(amount, uniqueId));
        Assert.That(S(json, "code"), Is.EqualTo("200"), json.ToString());
        return S(json, "payment_token");
    }

    protected async Task<JsonElement> RequestMobileAsync(string token, string phone, long amount = 1500) =>
        await PostFormJsonAsync("/mpayment/payment-request", Params(
            ("payment_token", token), ("amount", amount.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("client_phone", phone), ("description", "Order"), ("apikey", SecretKey)));

    /// <summary>A mobile-money payment paid with 074111111 (success).</summary>
    protected async Task<string> CreatePaidPaymentAsync(long amount = 1500, string uniqueId = "ORDER-1")
    {
        var token = await CreatePaymentAsync(amount, uniqueId);
        var json = await RequestMobileAsync(token, "074111111", amount);
        Assert.That(S(json, "statusRequest"), Is.EqualTo("200"), json.ToString());
        return token;
    }

    protected async Task<JsonElement> DetailAsync(string token) =>
        await GetJsonAsync("/payment/paiement-detail", Params(("payment_ref", token), ("apikey", SecretKey)));

    // ---- JSON reading ----

    /// <summary>A property that must be a JSON string.</summary>
    protected static string S(JsonElement e, string name)
    {
        Assert.That(e.TryGetProperty(name, out var p), Is.True, $"missing '{name}' in {e}");
        Assert.That(p.ValueKind, Is.EqualTo(JsonValueKind.String), $"'{name}' should be a string in {e}");
        return p.GetString()!;
    }

    /// <summary>A property that must be a JSON number.</summary>
    protected static decimal N(JsonElement e, string name)
    {
        Assert.That(e.TryGetProperty(name, out var p), Is.True, $"missing '{name}' in {e}");
        Assert.That(p.ValueKind, Is.EqualTo(JsonValueKind.Number), $"'{name}' should be a number in {e}");
        return p.GetDecimal();
    }

    protected static string[] Names(JsonElement e) => e.EnumerateObject().Select(p => p.Name).ToArray();
}
