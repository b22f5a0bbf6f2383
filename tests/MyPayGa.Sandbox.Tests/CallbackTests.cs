using System.Net;
using System.Security.Cryptography;
using System.Text;
using MyPayGa.Sandbox.Callbacks;
using MyPayGa.Sandbox.Tests.Infrastructure;

namespace MyPayGa.Sandbox.Tests;

public sealed class CallbackTests : SandboxTestBase
{
    private const string Secret = "merchant-callback-secret";
    private CallbackListener _listener = null!;

    [OneTimeSetUp]
    public async Task StartListener() => _listener = await CallbackListener.StartAsync();

    [OneTimeTearDown]
    public async Task StopListener() => await _listener.DisposeAsync();

    [SetUp]
    public void PointTheMerchantAtTheListener()
    {
        _listener.Clear();
        _listener.DefaultStatus = 200;
        Sandbox.ConfigureMerchant(m => m with { CallbackUrl = _listener.Url.ToString(), CallbackSecret = Secret });
    }

    /// <summary>Computed here from the documented recipe, not with the sandbox's signer.</summary>
    private static string ExpectedHash(IReadOnlyDictionary<string, string> f, string secret = Secret) =>
        Convert.ToHexStringLower(HMACSHA512.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(
            f["order_status"] + f["unique_id"] + f["amount"] + f["payment_token"] + f["payment_method"] + f["message"] +
            f["client_phone"])));

    private static readonly string[] FieldNames =
        ["unique_id", "order_status", "payment_token", "amount", "payment_method", "message", "client_phone", "currency", "hash"];

    [Test]
    public async Task Form_callback_carries_the_fields_and_a_valid_hmac()
    {
        var token = await CreatePaidPaymentAsync(amount: 1500, uniqueId: "ORDER-42");
        var cb = (await _listener.WaitForAsync(1)).Single();

        Assert.That(cb.Method, Is.EqualTo("POST"));
        Assert.That(cb.ContentType, Does.StartWith("application/x-www-form-urlencoded"));
        var f = cb.Fields;
        Assert.That(f.Keys, Is.EquivalentTo(FieldNames));
        Assert.That(f["unique_id"], Is.EqualTo("ORDER-42"));
        Assert.That(f["order_status"], Is.EqualTo("200"));
        Assert.That(f["payment_token"], Is.EqualTo(token));
        Assert.That(f["amount"], Is.EqualTo("1500"));
        Assert.That(f["payment_method"], Is.EqualTo("Mobile Money"));
        Assert.That(f["message"], Is.EqualTo(ExpectedTestData.Long));
        Assert.That(f["client_phone"], Is.EqualTo("074111111"));
        Assert.That(f["currency"], Is.EqualTo("XAF"));
        Assert.That(f["hash"], Is.EqualTo(ExpectedHash(f)));
        Assert.That(f["hash"], Does.Match("^[0-9a-f]{128}$"));
    }

    [Test]
    public async Task Json_callback_is_posted_as_json()
    {
        Sandbox.ConfigureMerchant(m => m with { CallbackFormat = CallbackFormat.Json });
        var token = await CreatePaymentAsync();
        await RequestMobileAsync(token, "074131313");
        var cb = (await _listener.WaitForAsync(1)).Single();
        Assert.That(cb.Method, Is.EqualTo("POST"));
        Assert.That(cb.ContentType, Does.StartWith("application/json"));
        Assert.That(cb.Fields["order_status"], Is.EqualTo("400"));
        Assert.That(cb.Fields["message"], Is.EqualTo(ExpectedTestData.Insufficient));
        Assert.That(cb.Fields["hash"], Is.EqualTo(ExpectedHash(cb.Fields)));
    }

    [Test]
    public async Task Query_callback_is_a_GET_with_the_fields_in_the_query_string()
    {
        Sandbox.ConfigureMerchant(m => m with { CallbackFormat = CallbackFormat.Query });
        var token = await CreatePaidPaymentAsync();
        var cb = (await _listener.WaitForAsync(1)).Single();
        Assert.That(cb.Method, Is.EqualTo("GET"));
        Assert.That(cb.Body, Is.Empty);
        Assert.That(cb.Query["payment_token"], Is.EqualTo(token));
        Assert.That(cb.Query["message"], Is.EqualTo(ExpectedTestData.Long), "spaces and punctuation survive encoding");
        Assert.That(cb.Query["hash"], Is.EqualTo(ExpectedHash(cb.Query)));
    }

    [Test]
    public async Task Without_a_secret_there_is_no_hash()
    {
        Sandbox.ConfigureMerchant(m => m with { CallbackSecret = null });
        await CreatePaidPaymentAsync();
        var cb = (await _listener.WaitForAsync(1)).Single();
        Assert.That(cb.Fields.ContainsKey("hash"), Is.False);
        Assert.That(cb.Fields["order_status"], Is.EqualTo("200"));
    }

    [TestCase("4242937137682335", "Refus solde ins")]
    [TestCase("5335406367416736", "Acceptée avec Risk")]
    public async Task Card_callback_says_200_with_the_status_text_in_message(string card, string text)
    {
        var token = await CreatePaymentAsync(amount: 3000);
        Sandbox.PayByCard(token, card);
        var cb = (await _listener.WaitForAsync(1)).Single();
        Assert.That(cb.Fields["order_status"], Is.EqualTo("200"));
        Assert.That(cb.Fields["message"], Is.EqualTo(text));
        Assert.That(cb.Fields["payment_method"], Is.EqualTo("Carte Bancaire"));
        Assert.That(cb.Fields["hash"], Is.EqualTo(ExpectedHash(cb.Fields)));
    }

    [Test]
    public async Task Callback_waits_for_the_callback_delay()
    {
        Sandbox.ConfigureMerchant(m => m with { CallbackDelayMs = 600 });
        await CreatePaidPaymentAsync();
        Assert.That(_listener.Received, Is.Empty);
        await _listener.WaitForAsync(1);
    }

    [Test]
    public async Task Failed_delivery_is_retried_and_every_attempt_is_journaled()
    {
        _listener.Plan(500, 503);
        var token = await CreatePaidPaymentAsync();
        await _listener.WaitForAsync(3);
        await Sandbox.WhenIdleAsync();

        var attempts = Sandbox.Events().Where(e => e.Kind == "callback" && e.PaymentToken == token).ToList();
        Assert.That(attempts.Select(a => a.HttpStatus), Is.EqualTo(new int?[] { 500, 503, 200 }));
        Assert.That(attempts.Select(a => a.Attempt), Is.EqualTo(new int?[] { 1, 2, 3 }));
        Assert.That(attempts.All(a => a.Target == _listener.Url.ToString() && a.DurationMs >= 0 && a.Format == "form"), Is.True);
        Assert.That(_listener.Received, Has.Count.EqualTo(3));
    }

    [Test]
    public async Task Retries_stop_after_three_more_attempts()
    {
        _listener.DefaultStatus = 500;
        var token = await CreatePaidPaymentAsync();
        await Sandbox.WhenIdleAsync();
        Assert.That(_listener.Received, Has.Count.EqualTo(4));
        // This payment's deliveries only: a delivery of an earlier test's payment may still be journaled meanwhile.
        Assert.That(Sandbox.Events().Count(e => e.Kind == "callback" && e.PaymentToken == token), Is.EqualTo(4));
    }

    [Test]
    public async Task Unreachable_merchant_is_recorded_not_thrown()
    {
        // A port nobody listens on: take a free one and release it.
        var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Sandbox.ConfigureMerchant(m => m with { CallbackUrl = $"http://127.0.0.1:{port}/cb", CallbackRetries = 1 });

        var token = await CreatePaidPaymentAsync();
        await Sandbox.WhenIdleAsync();
        var attempts = Sandbox.Events().Where(e => e.Kind == "callback").ToList();
        Assert.That(attempts, Has.Count.EqualTo(2));
        Assert.That(attempts.All(a => a.HttpStatus is null && !string.IsNullOrEmpty(a.Error)), Is.True);

        // The sandbox keeps working.
        Assert.That(S((await DetailAsync(token)).GetProperty("payment")[0], "OrderStatus"), Is.EqualTo("200"));
    }

    [TestCase("http://example.com/callback")]
    [TestCase("http://10.1.2.3:8080/callback")]
    [TestCase("http://0.0.0.0:5000/callback")]
    [TestCase("http://127.0.0.1.example.com/callback")]
    public async Task Non_loopback_callback_url_is_refused_and_journaled(string url)
    {
        Sandbox.ConfigureMerchant(m => m with { CallbackUrl = url });
        var token = await CreatePaidPaymentAsync();
        await Sandbox.WhenIdleAsync();

        var refused = Sandbox.Events().Where(e => e.Kind == "callback-refused" && e.PaymentToken == token).ToList();
        Assert.That(refused, Has.Count.EqualTo(1));
        Assert.That(refused[0].Error, Does.Contain("not a loopback address"));
        Assert.That(Sandbox.Events().Any(e => e.Kind == "callback"), Is.False, "no attempt was made");

        var manual = await Sandbox.DeliverCallbackAsync(token);
        Assert.That(manual.Single().Refused, Is.True);
    }

    [Test]
    public async Task Localhost_and_ipv6_loopback_are_allowed_targets()
    {
        Assert.That(CallbackDispatcher.IsLoopbackHost(new Uri("http://localhost:5000/cb")), Is.True);
        Assert.That(CallbackDispatcher.IsLoopbackHost(new Uri("http://[::1]:5000/cb")), Is.True);
        Assert.That(CallbackDispatcher.IsLoopbackHost(new Uri("http://127.0.0.2/cb")), Is.True);
        Assert.That(CallbackDispatcher.IsLoopbackHost(new Uri("http://192.168.1.1/cb")), Is.False);

        Sandbox.ConfigureMerchant(m => m with { CallbackUrl = $"http://localhost:{_listener.Url.Port}/callback" });
        await CreatePaidPaymentAsync();
        await _listener.WaitForAsync(1);
    }

    [Test]
    public async Task Duplicates_are_delivered_concurrently_and_identically()
    {
        var token = await CreatePaidPaymentAsync();
        await _listener.WaitForAsync(1);
        await Sandbox.WhenIdleAsync();
        _listener.Clear();

        var deliveries = await Sandbox.DeliverCallbackAsync(token, new CallbackRequest { Times = 5 });
        Assert.That(deliveries, Has.Count.EqualTo(5));
        Assert.That(deliveries.All(d => d.StatusCode == 200), Is.True);
        var received = _listener.Received;
        Assert.That(received, Has.Count.EqualTo(5));
        Assert.That(received.Select(r => r.Body).Distinct().Count(), Is.EqualTo(1));
    }

    [Test]
    public async Task Out_of_order_failure_for_a_paid_payment_is_signed_like_a_real_one()
    {
        var token = await CreatePaidPaymentAsync();
        await _listener.WaitForAsync(1);
        _listener.Clear();

        await Sandbox.DeliverCallbackAsync(token, new CallbackRequest { Status = "400", Message = "Failed" });
        var cb = _listener.Received.Single();
        Assert.That(cb.Fields["order_status"], Is.EqualTo("400"));
        Assert.That(cb.Fields["message"], Is.EqualTo("Failed"));
        Assert.That(cb.Fields["hash"], Is.EqualTo(ExpectedHash(cb.Fields)));
        Assert.That(Sandbox.GetPayment(token)!.State, Is.EqualTo(Domain.PaymentState.Succeeded), "the truth is unchanged");
    }

    [Test]
    public async Task Tampered_or_missing_hash_on_request()
    {
        var token = await CreatePaymentAsync();
        await Sandbox.WhenIdleAsync();

        await Sandbox.DeliverCallbackAsync(token, new CallbackRequest { Status = "200", Amount = 1, TamperHash = true });
        var tampered = (await _listener.WaitForAsync(1)).Single();
        Assert.That(tampered.Fields["amount"], Is.EqualTo("1"));
        Assert.That(tampered.Fields["hash"], Has.Length.EqualTo(128).And.Not.EqualTo(ExpectedHash(tampered.Fields)));

        _listener.Clear();
        await Sandbox.DeliverCallbackAsync(token, new CallbackRequest { WithHash = false });
        var unsigned = (await _listener.WaitForAsync(1)).Single();
        Assert.That(unsigned.Fields.ContainsKey("hash"), Is.False);
        Assert.That(unsigned.Fields["order_status"], Is.EqualTo("201"), "a pending payment");
    }

    [Test]
    public async Task Control_api_delivers_on_request_in_another_format()
    {
        var token = await CreatePaidPaymentAsync();
        await _listener.WaitForAsync(1);
        await Sandbox.WhenIdleAsync();
        _listener.Clear();

        var response = await Http.PostAsync($"/_sandbox/callbacks/{token}", new StringContent(
            """{"times": 2, "format": "json", "status": "400", "message": "late failure"}""", Encoding.UTF8, "application/json"));
        var json = await JsonAsync(response);
        var deliveries = json.GetProperty("deliveries");
        Assert.That(deliveries.GetArrayLength(), Is.EqualTo(2));
        Assert.That(deliveries[0].GetProperty("statusCode").GetInt32(), Is.EqualTo(200));
        Assert.That(_listener.Received.All(r => r.ContentType!.StartsWith("application/json", StringComparison.Ordinal) &&
                                                r.Fields["order_status"] == "400"), Is.True);

        var unknown = await Http.PostAsync("/_sandbox/callbacks/nope", null);
        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Delivery_is_journaled_with_target_status_and_duration_but_no_query()
    {
        Sandbox.ConfigureMerchant(m => m with { CallbackUrl = _listener.Url + "?merchant_token=stest_in_merchant_url" });
        await CreatePaidPaymentAsync();
        await _listener.WaitForAsync(1);
        await Sandbox.WhenIdleAsync();
        var entry = Sandbox.Events().Single(e => e.Kind == "callback");
        Assert.That(entry.Target, Is.EqualTo(_listener.Url.ToString()));
        Assert.That(entry.HttpStatus, Is.EqualTo(200));
        Assert.That(entry.DurationMs, Is.GreaterThanOrEqualTo(0));
        Assert.That(entry.ProviderStatus, Is.EqualTo("200"));
        Assert.That(_listener.Received.Single().Query["merchant_token"], Is.EqualTo("stest_in_merchant_url"),
            "the merchant's own query is kept when sending");
    }
}
