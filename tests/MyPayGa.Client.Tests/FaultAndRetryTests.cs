using System.Diagnostics;
using MyPayGa.Client.Models;
using MyPayGa.Client.Tests.Infrastructure;

namespace MyPayGa.Client.Tests;

/// <summary>Transport faults become the right error kinds; retries happen only where repeating cannot pay twice.</summary>
public sealed class FaultAndRetryTests
{
    // Only the timeout tests use a short attempt timeout: a busy machine must not turn a good answer into a timeout.
    private static readonly TimeSpan ShortTimeout = TimeSpan.FromMilliseconds(400);
    private static readonly Reply NoAnswer = Reply.Slow(TimeSpan.FromSeconds(30)); // cut when the client gives up
    private FakeMyPayGaServer _server = null!;
    private TestClient _client = null!;
    private TestClient _impatient = null!;
    private IMyPayGaClient Client => _client.Client;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _server = await FakeMyPayGaServer.StartAsync();
        _client = TestClient.Create(_server.BaseUrl, TimeSpan.FromSeconds(5));
        _impatient = TestClient.Create(_server.BaseUrl, ShortTimeout);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _client.DisposeAsync();
        await _impatient.DisposeAsync();
        await _server.DisposeAsync();
    }

    [SetUp]
    public void Reset() => _server.Reset();

    public sealed record Call(string Name, string Path, bool IsRead, Func<IMyPayGaClient, Task> Invoke)
    {
        public override string ToString() => Name;
    }

    public static IEnumerable<Call> Reads() =>
    [
        new("paiement-detail", "payment/paiement-detail", true, c => c.GetPaymentDetailAsync("tok")),
        new("getClientTransfert", "mpayment/getClientTransfert", true, c => c.GetClientTransferAsync("tr")),
        new("getFees", "mpayment/getFees", true, c => c.GetFeesAsync("AM")),
        new("refund/infos", "refund/infos", true, c => c.GetRefundAsync("rfd_1")),
        new("getLink", "payment/getLink/ref1", true, c => c.GetLinkAsync("ref1")),
    ];

    public static IEnumerable<Call> Commands() =>
    [
        new("payment-request", "mpayment/payment-request", false, c => c.RequestMobilePaymentAsync(new MobilePaymentRequest
            { Email = "e@x.com", FirstName = "F", LastName = "L", PaymentToken = "tok", Amount = 100, ClientPhone = "074111111", Description = "D" })),
        new("refund/send", "refund/send", false, c => c.SendRefundAsync("rfd_1")),
        new("sendClientTransfert", "mpayment/sendClientTransfert", false, c => c.SendClientTransferAsync(new ClientTransferRequest { Amount = 100, ReceiverPhone = "074111111" })),
        new("gethash", "payment/gethash", false, c => c.GetHashAsync(new GetHashRequest
            { Email = "e@x.com", FirstName = "F", LastName = "L", UniqueId = "1", Amount = 100, Phone = "074111111", Description = "D" })),
        new("refund/create", "refund/create", false, c => c.CreateRefundAsync(new CreateRefundRequest { PaymentToken = "tok", Amount = 100, Description = "D" })),
        new("generateLink", "payment/generateLink", false, c => c.GenerateLinkAsync(new GenerateLinkRequest
            { FirstName = "F", LastName = "L", Email = "e@x.com", Phone = "074111111", Amount = 100, Description = "D" })),
        new("linkCancel", "payment/linkCancel/ref1", false, c => c.CancelLinkAsync("ref1")),
    ];

    public static IEnumerable<Call> All() => Reads().Concat(Commands());

    /// <summary>The documented answer (getClientTransfert's with its string terminated, so that it parses).</summary>
    private static Reply Good(Call call) => call.Name == "getClientTransfert"
        ? Reply.Json(DocumentedResponses.GetClientTransfer.Replace("\"074654326,", "\"074654326\",", StringComparison.Ordinal))
        : FakeMyPayGaServer.DocumentedReply("/" + call.Path);

    [TestCaseSource(nameof(Reads))]
    public async Task Read_is_retried_after_a_503_and_succeeds(Call call)
    {
        _server.Enqueue(call.Path, Reply.Http(503, "Service Unavailable"), Good(call));

        await call.Invoke(Client);

        Assert.That(_server.Hits(call.Path), Is.EqualTo(2));
    }

    [TestCase(500)]
    [TestCase(502)]
    [TestCase(408)]
    [TestCase(429)]
    public async Task Read_is_retried_on_transient_statuses(int status)
    {
        _server.Enqueue("payment/paiement-detail", Reply.Http(status), Reply.Http(status));

        var r = await Client.GetPaymentDetailAsync("tok");

        Assert.That(r.Code.IsSuccess, Is.True);
        Assert.That(_server.Hits("payment/paiement-detail"), Is.EqualTo(3));
    }

    [TestCase(400)]
    [TestCase(404)]
    public void Read_is_not_retried_on_client_errors(int status)
    {
        _server.Enqueue("payment/paiement-detail", Reply.Http(status, "{\"message\": \"nope\"}"));

        var e = Assert.ThrowsAsync<MyPayGaException>(() => Client.GetPaymentDetailAsync("tok"));

        Assert.That(e!.Kind, Is.EqualTo(MyPayGaErrorKind.HttpError));
        Assert.That(e.HttpStatus, Is.EqualTo(status));
        Assert.That(e.ProviderMessage, Is.EqualTo("nope"));
        Assert.That(_server.Hits("payment/paiement-detail"), Is.EqualTo(1));
    }

    [Test]
    public void Read_gives_up_after_two_retries()
    {
        _server.Enqueue("refund/infos", Reply.Http(503), Reply.Http(503), Reply.Http(503), Reply.Http(503));

        var e = Assert.ThrowsAsync<MyPayGaException>(() => Client.GetRefundAsync("rfd_1"));

        Assert.Multiple(() =>
        {
            Assert.That(e!.Kind, Is.EqualTo(MyPayGaErrorKind.HttpError));
            Assert.That(e.HttpStatus, Is.EqualTo(503));
            Assert.That(e.Attempts, Is.EqualTo(3));
            Assert.That(e.OutcomeUnknown, Is.True);
            Assert.That(_server.Hits("refund/infos"), Is.EqualTo(3));
        });
    }

    [TestCaseSource(nameof(Commands))]
    public void Command_is_sent_exactly_once_after_a_503(Call call)
    {
        _server.Enqueue(call.Path, Reply.Http(503), Good(call));

        var e = Assert.ThrowsAsync<MyPayGaException>(() => call.Invoke(Client));

        Assert.That(e!.Kind, Is.EqualTo(MyPayGaErrorKind.HttpError));
        Assert.That(e.OutcomeUnknown, Is.True);
        Assert.That(_server.Hits(call.Path), Is.EqualTo(1));
    }

    [TestCaseSource(nameof(Commands))]
    public void Command_is_sent_exactly_once_after_a_timeout(Call call)
    {
        _server.Enqueue(call.Path, NoAnswer, Good(call));

        var e = Assert.ThrowsAsync<MyPayGaException>(() => call.Invoke(_impatient.Client));

        Assert.Multiple(() =>
        {
            Assert.That(e!.Kind, Is.EqualTo(MyPayGaErrorKind.Timeout));
            Assert.That(e.OutcomeUnknown, Is.True);
            Assert.That(e.Attempts, Is.EqualTo(1));
            Assert.That(_server.Hits(call.Path), Is.EqualTo(1));
        });
    }

    [TestCaseSource(nameof(Commands))]
    public void Command_whose_connection_breaks_after_sending_is_connection_lost_and_not_repeated(Call call)
    {
        _server.Enqueue(call.Path, Reply.Cut(), Good(call));

        var e = Assert.ThrowsAsync<MyPayGaException>(() => call.Invoke(Client));

        Assert.That(e!.Kind, Is.EqualTo(MyPayGaErrorKind.ConnectionLost));
        Assert.That(e.OutcomeUnknown, Is.True);
        Assert.That(_server.Hits(call.Path), Is.EqualTo(1));
    }

    [Test]
    public async Task Read_is_retried_after_a_timeout_and_succeeds()
    {
        await using var client = TestClient.Create(_server.BaseUrl, TimeSpan.FromSeconds(1));
        _server.Enqueue("mpayment/getFees", NoAnswer);

        var r = await client.Client.GetFeesAsync("AM");

        Assert.That(r.StatusRequest.IsSuccess, Is.True);
        Assert.That(_server.Hits("mpayment/getFees"), Is.EqualTo(2));
    }

    [Test]
    public async Task Read_is_retried_after_a_broken_connection_and_succeeds()
    {
        _server.Enqueue("mpayment/getFees", Reply.Cut());

        var r = await Client.GetFeesAsync("AM");

        Assert.That(r.Fees!.Partner, Is.EqualTo("AM"));
        Assert.That(_server.Hits("mpayment/getFees"), Is.EqualTo(2));
    }

    [Test]
    public void Read_timing_out_every_time_is_a_timeout_after_three_attempts()
    {
        _server.Enqueue("payment/paiement-detail", NoAnswer, NoAnswer, NoAnswer);
        var stopwatch = Stopwatch.StartNew();

        var e = Assert.ThrowsAsync<MyPayGaException>(() => _impatient.Client.GetPaymentDetailAsync("tok"));

        Assert.Multiple(() =>
        {
            Assert.That(e!.Kind, Is.EqualTo(MyPayGaErrorKind.Timeout));
            Assert.That(e.Attempts, Is.EqualTo(3));
            Assert.That(_server.Hits("payment/paiement-detail"), Is.EqualTo(3));
            Assert.That(stopwatch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(4)), "3 × 400 ms, not 3 × 30 s");
        });
    }

    [TestCaseSource(nameof(All))]
    public void Connection_refused_is_retried_for_every_endpoint_then_connection_failed(Call call)
    {
        var refused = TestClient.Create(ClosedPort.Url());
        try
        {
            var e = Assert.ThrowsAsync<MyPayGaException>(() => call.Invoke(refused.Client));

            Assert.Multiple(() =>
            {
                Assert.That(e!.Kind, Is.EqualTo(MyPayGaErrorKind.ConnectionFailed));
                Assert.That(e.Attempts, Is.EqualTo(3), "nothing left, so repeating is safe");
                Assert.That(e.OutcomeUnknown, Is.False);
                Assert.That(e.Message, Does.Contain("Nothing was sent"));
            });
        }
        finally
        {
            refused.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    [Test]
    public void Caller_cancellation_is_an_operation_canceled_exception_not_a_timeout()
    {
        _server.Enqueue("payment/paiement-detail", NoAnswer);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        Assert.That(() => Client.GetPaymentDetailAsync("tok", cts.Token), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(_server.Hits("payment/paiement-detail"), Is.EqualTo(1), "no retry after the caller gave up");
    }

    [Test]
    public async Task Total_timeout_bounds_a_call_whatever_the_attempts()
    {
        await using var client = TestClient.Create(_server.BaseUrl, TimeSpan.FromMilliseconds(400), o => o.TotalTimeout = TimeSpan.FromMilliseconds(500));
        _server.Enqueue("payment/paiement-detail", NoAnswer, NoAnswer, NoAnswer);
        var stopwatch = Stopwatch.StartNew();

        var e = Assert.ThrowsAsync<MyPayGaException>(() => client.Client.GetPaymentDetailAsync("tok"));

        Assert.That(e!.Kind, Is.EqualTo(MyPayGaErrorKind.Timeout));
        Assert.That(e.Attempts, Is.EqualTo(2), "the second attempt was cut by the total budget");
        Assert.That(stopwatch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(3)), "500 ms budget, not 3 × 400 ms plus 30 s answers");
    }

    [Test]
    public async Task Retries_can_be_switched_off()
    {
        await using var client = TestClient.Create(_server.BaseUrl, resilience: o => o.MaxRetries = 0);
        _server.Enqueue("payment/paiement-detail", Reply.Http(503));

        var e = Assert.ThrowsAsync<MyPayGaException>(() => client.Client.GetPaymentDetailAsync("tok"));

        Assert.That(e!.Attempts, Is.EqualTo(1));
        Assert.That(_server.Hits("payment/paiement-detail"), Is.EqualTo(1));
    }

    [Test]
    public async Task Backoff_delay_is_applied_between_attempts_when_configured()
    {
        await using var client = TestClient.Create(_server.BaseUrl, resilience: o => o.RetryBaseDelay = TimeSpan.FromMilliseconds(150));
        _server.Enqueue("payment/paiement-detail", Reply.Http(503), Reply.Http(503));
        var stopwatch = Stopwatch.StartNew();

        await client.Client.GetPaymentDetailAsync("tok");

        Assert.That(stopwatch.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(150 + 300 - 20)), "150 ms then 300 ms");
    }

    [TestCase(401)]
    [TestCase(403)]
    public void Refused_key_says_so_without_the_key(int status)
    {
        _server.Enqueue("mpayment/getFees", Reply.Http(status, "{\"message\": \"Invalid apikey " + TestClient.SecretKey + "\"}"));

        var e = Assert.ThrowsAsync<MyPayGaException>(() => Client.GetFeesAsync("AM"));

        Assert.Multiple(() =>
        {
            Assert.That(e!.Kind, Is.EqualTo(MyPayGaErrorKind.HttpError));
            Assert.That(e.HttpStatus, Is.EqualTo(status));
            Assert.That(e.Message, Does.Contain("refused the API key").And.Contain("test environment"));
            Assert.That(e.OutcomeUnknown, Is.False);
            Assert.That(e.ToString() + e.RawBody + e.ProviderMessage, Does.Not.Contain("sandbox_secret_key"));
        });
    }

    [Test]
    public void Server_error_on_a_read_is_http_error_with_status_and_raw_body()
    {
        _server.Enqueue("payment/paiement-detail", Reply.Http(500, "oops"), Reply.Http(500, "oops"), Reply.Http(500, "oops"));

        var e = Assert.ThrowsAsync<MyPayGaException>(() => Client.GetPaymentDetailAsync("tok"));

        Assert.That(e!.Kind, Is.EqualTo(MyPayGaErrorKind.HttpError));
        Assert.That(e.HttpStatus, Is.EqualTo(500));
        Assert.That(e.RawBody, Is.EqualTo("oops"));
    }
}
