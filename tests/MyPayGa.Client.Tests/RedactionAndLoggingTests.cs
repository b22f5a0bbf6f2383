using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MyPayGa.Client.Models;
using MyPayGa.Client.Tests.Infrastructure;

namespace MyPayGa.Client.Tests;

/// <summary>No key in any log line, exception message or ToString; one log line per call.</summary>
public sealed class RedactionAndLoggingTests
{
    private const string SecretPart = "sandbox_secret_key";
    private const string PublicPart = "sandbox_public_key";

    [TestCase("GET /payment/paiement-detail?payment_ref=x&apikey=stest_abc123", "GET /payment/paiement-detail?payment_ref=x&apikey=***")]
    [TestCase("apikey=sprod_Zx9&amount=100", "apikey=***&amount=100")]
    [TestCase("email=a%40b.c&apikey=stest_s%3Bdbl&x=1", "email=a%40b.c&apikey=***&x=1")]
    [TestCase("url?APIKEY=whatever-key", "url?APIKEY=***")]
    [TestCase("encoded apikey%3Dstest_abc%26x", "encoded apikey%3D***")]
    [TestCase("{\"apikey\": \"pprod_lsdzmbzfezt\", \"a\": 1}", "{\"apikey\": \"***\", \"a\": 1}")]
    [TestCase("{\"apikey\":\"not-prefixed\"}", "{\"apikey\":\"***\"}")]
    [TestCase("key stest_sandbox_secret_key in prose", "key stest_*** in prose")]
    [TestCase("keys ptest_a, pprod_b spub_xjbz (sprod_c)", "keys ptest_***, pprod_*** spub_*** (sprod_***)")]
    [TestCase("apikey=stest_s;dbluvuzeegolvuqigofvurog&x", "apikey=***&x")]
    [TestCase("a documented key: stest_s;dbluvuzeegolvuqigofvurog", "a documented key: stest_***")]
    [TestCase("STEST_UPPER", "STEST_***")]
    [TestCase("stest_9klqnpbeùzprozepn done", "stest_*** done")]
    [TestCase("nothing secret here: payment_token=abc", "nothing secret here: payment_token=abc")]
    [TestCase("", "")]
    public void Redactor_removes_every_key(string input, string expected)
    {
        Assert.That(KeyRedactor.Redact(input), Is.EqualTo(expected));
    }

    [TestCase(null, "(none)")]
    [TestCase("", "(empty)")]
    [TestCase("stest_sandbox_secret_key", "stest_***")]
    [TestCase("pprod_abc", "pprod_***")]
    [TestCase("whatever", "***")]
    public void Describe_never_shows_a_key(string? key, string expected)
    {
        Assert.That(KeyRedactor.Describe(key), Is.EqualTo(expected));
    }

    [Test]
    public void Account_and_options_ToString_hide_the_keys()
    {
        var account = TestClient.Account(new Uri("http://127.0.0.1:1/"));
        var options = new MyPayGaClientOptions { SecretKey = TestClient.SecretKey, PublicKey = TestClient.PublicKey };

        Assert.That(account.ToString() + options, Does.Not.Contain(SecretPart).And.Not.Contain(PublicPart));
        Assert.That(account.ToString(), Does.Contain("stest_***"));
    }

    [Test]
    public void Exception_message_provider_message_raw_body_and_ToString_are_redacted_including_inner_exceptions()
    {
        var inner = new HttpRequestException("GET http://h/x?apikey=" + TestClient.SecretKey + " failed");
        var e = new MyPayGaException(MyPayGaErrorKind.HttpError, "getFees", "bad key " + TestClient.SecretKey, 500, "500",
            "provider says " + TestClient.PublicKey, "{\"apikey\": \"" + TestClient.SecretKey + "\"}", inner);

        Assert.That(e.Message + e.ProviderMessage + e.RawBody + e, Does.Not.Contain(SecretPart).And.Not.Contain(PublicPart));
        Assert.That(e.ToString(), Does.Contain("apikey=***"));
    }

    [Test]
    public async Task No_key_reaches_any_log_line_of_any_call_through_the_di_built_client()
    {
        await using var server = await FakeMyPayGaServer.StartAsync();
        await using var client = TestClient.Create(server.BaseUrl, TimeSpan.FromSeconds(1));
        var c = client.Client;
        var echo = "{\"message\": \"apikey=" + TestClient.SecretKey + " is wrong\", ";
        server.Enqueue("mpayment/getFees", Reply.Http(503, echo), Reply.Http(500, echo));
        server.Enqueue("refund/send", Reply.Json("{\"RefundStatus\": \"400\", \"message\": \"" + TestClient.SecretKey + "\"}"));
        server.Enqueue("mpayment/getClientTransfert", Reply.Json(echo));
        server.Enqueue("mpayment/payment-request", Reply.Slow(TimeSpan.FromSeconds(30)));

        await c.GetHashAsync(new GetHashRequest { Email = "e@x.com", FirstName = "F", LastName = "L", UniqueId = "1", Amount = 5, Phone = "074111111", Description = "D" });
        await c.GetPaymentDetailAsync("tok");
        await c.GetFeesAsync("AM");
        await c.GetLinkAsync("ref1");
        await Ignore(c.SendRefundAsync("rfd"));
        await Ignore(c.GetClientTransferAsync("tr"));
        await Ignore(c.RequestMobilePaymentAsync(new MobilePaymentRequest
        { Email = "e@x.com", FirstName = "F", LastName = "L", PaymentToken = "t", Amount = 5, ClientPhone = "074111111", Description = "D" }));
        await using (var refused = TestClient.Create(ClosedPort.Url()))
        {
            await Ignore(refused.Client.GetFeesAsync("AM"));
            Assert.That(refused.Logs.AllText, Does.Not.Contain(SecretPart));
            Assert.That(refused.Logs.Lines, Has.Some.Matches<CapturedLog>(l => l.Message.Contains("ConnectionFailed")));
        }

        var logs = client.Logs;
        Assert.Multiple(() =>
        {
            Assert.That(logs.AllText, Does.Not.Contain(SecretPart));
            Assert.That(logs.AllText, Does.Not.Contain(PublicPart));

            // The capture works: the calls were logged, at every level, with the URL redacted.
            Assert.That(logs.Lines.Where(l => l.Level == LogLevel.Information && l.Category == typeof(MyPayGaClient).FullName).Select(l => l.Message),
                Has.Some.Contains("gethash: HTTP 200, status 200").And.Some.Contains("getFees: HTTP 200, status 200").And.Some.Contains("attempt 3"));
            Assert.That(logs.Lines.Where(l => l.Level == LogLevel.Warning).Select(l => l.Message),
                Has.Some.Contains("refund/send failed (Rejected)").And.Some.Contains("getClientTransfert failed (InvalidResponse)")
                    .And.Some.Contains("payment-request failed (Timeout)"));
            Assert.That(logs.Lines.Where(l => l.Level == LogLevel.Debug).Select(l => l.Message), Has.Some.Contains("apikey=***"));
            Assert.That(logs.Lines.Where(l => l.Level == LogLevel.Trace).Select(l => l.Message), Has.Some.Contains("body"));

            // IHttpClientFactory's own handlers (which log request URIs) are gone from the named client.
            Assert.That(logs.Lines.Select(l => l.Category), Has.None.StartsWith("System.Net.Http.HttpClient." + MyPayGaClientFactory.HttpClientName));
        });
    }

    [Test]
    public async Task One_information_line_per_successful_call_with_endpoint_status_time_and_attempt()
    {
        await using var server = await FakeMyPayGaServer.StartAsync();
        await using var client = TestClient.Create(server.BaseUrl);

        await client.Client.GetPaymentDetailAsync("tok");
        await client.Client.GetRefundAsync("rfd");

        var info = client.Logs.Lines.Where(l => l.Level == LogLevel.Information && l.Category == typeof(MyPayGaClient).FullName).ToList();
        Assert.That(info, Has.Count.EqualTo(2));
        Assert.That(info[0].Message, Does.Match(@"^MyPayGa paiement-detail: HTTP 200, status 200, \d+ ms, attempt 1$"));
        Assert.That(info[1].StateValues, Does.Contain("Endpoint=refund/infos").And.Contain("Attempts=1").And.Contain("ElapsedMs="));
    }

    private static async Task Ignore(Task task)
    {
        try
        {
            await task;
        }
        catch (MyPayGaException)
        {
        }
    }
}

/// <summary>The registration a host relies on.</summary>
public sealed class RegistrationTests
{
    [Test]
    public void AddMyPayGaClient_registers_the_named_client_and_a_singleton_factory_and_returns_its_builder()
    {
        var services = new ServiceCollection();

        var builder = services.AddMyPayGaClient();

        Assert.That(builder.Name, Is.EqualTo(MyPayGaClientFactory.HttpClientName).And.EqualTo("MyPayGa"));
        using var provider = services.BuildServiceProvider();
        var first = provider.GetRequiredService<IMyPayGaClientFactory>();
        var second = provider.GetRequiredService<IMyPayGaClientFactory>();
        Assert.That(first, Is.SameAs(second).And.InstanceOf<MyPayGaClientFactory>());
    }

    [Test]
    public async Task A_primary_handler_chained_by_the_host_is_used()
    {
        var primary = new RecordingHandler();
        var services = new ServiceCollection();
        services.Configure<MyPayGaResilienceOptions>(o => o.RetryBaseDelay = TimeSpan.Zero);
        services.AddMyPayGaClient().ConfigurePrimaryHttpMessageHandler(() => primary);
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IMyPayGaClientFactory>().Create(TestClient.Account(new Uri("http://127.0.0.1:9/")));

        var r = await client.GetFeesAsync("AM");

        Assert.That(r.Fees!.Currency, Is.EqualTo("CFA"));
        Assert.That(primary.Uris.Single().AbsolutePath, Is.EqualTo("/mpayment/getFees"));
    }

    [Test]
    public async Task Standalone_registration_with_one_account()
    {
        await using var server = await FakeMyPayGaServer.StartAsync();
        var services = new ServiceCollection();
        services.AddMyPayGaClient(o =>
        {
            o.SecretKey = TestClient.SecretKey;
            o.ApiBaseUrl = server.BaseUrl;
        });
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<IMyPayGaClient>();
        var fees = await client.GetFeesAsync("AM");

        Assert.That(client.Account.Environment, Is.EqualTo(MyPayGaEnvironment.Test));
        Assert.That(fees.StatusRequest.IsSuccess, Is.True);
    }

    [Test]
    public void Standalone_registration_with_a_bad_account_fails_when_resolved_with_a_configuration_error()
    {
        var services = new ServiceCollection();
        services.AddMyPayGaClient(new MyPayGaAccount { SecretKey = "sprod_live_key", Environment = MyPayGaEnvironment.Test });
        using var provider = services.BuildServiceProvider();

        var e = Assert.Throws<MyPayGaException>(() => provider.GetRequiredService<IMyPayGaClient>());
        Assert.That(e!.Kind, Is.EqualTo(MyPayGaErrorKind.Configuration));
        Assert.That(e.Message, Does.Not.Contain("live_key"));
    }

    private sealed class RecordingHandler : HttpMessageHandler
    {
        public List<Uri> Uris { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Uris.Add(request.RequestUri!);
            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK)
            {
                Content = new StringContent(DocumentedResponses.GetFees),
            });
        }
    }
}
