using MyPayGa.Client.Callbacks;
using MyPayGa.Client.Models;
using MyPayGa.Client.Phones;
using MyPayGa.Client.Tests.Infrastructure;
using MyPayGa.Sandbox;
using MyPayGa.Sandbox.Callbacks;
using MyPayGa.Sandbox.Control;

namespace MyPayGa.Client.Tests;

/// <summary>The client against tools/MyPayGa.Sandbox, in-process over real HTTP on 127.0.0.1.</summary>
public sealed class SandboxTests
{
    private const string CallbackSecret = "sandbox_callback_secret";
    private SandboxServer _sandbox = null!;
    private FakeMyPayGaServer _merchant = null!; // receives the sandbox's callbacks
    private TestClient _client = null!;
    private IMyPayGaClient Client => _client.Client;
    private int _orderNumber;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _sandbox = await SandboxServer.StartAsync(new SandboxOptions { OutcomeDelayMs = 0, CallbackDelayMs = 0, CallbackRetries = 0 });
        _merchant = await FakeMyPayGaServer.StartAsync();
        _client = TestClient.Create(_sandbox.BaseUrl, TimeSpan.FromSeconds(5));
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _client.DisposeAsync();
        await _merchant.DisposeAsync();
        await _sandbox.DisposeAsync();
    }

    [SetUp]
    public void Reset()
    {
        _sandbox.Reset();
        _merchant.Reset();
        _merchant.Always("cb", Reply.Json("{\"ok\": true}"));
    }

    private int RequestsTo(string path) => _sandbox.Events().Count(e => e.Kind == "request" && e.Path == path);

    private async Task<GetHashResponse> HashAsync(long amount = 2400, string phone = "074111111")
    {
        var uniqueId = "ORD-" + Interlocked.Increment(ref _orderNumber);
        var hash = await Client.GetHashAsync(new GetHashRequest
        {
            Email = "client@gmail.com",
            FirstName = "Jacob",
            LastName = "Larry",
            UniqueId = uniqueId,
            Amount = amount,
            Phone = phone,
            Description = "Order " + uniqueId,
        });
        Assert.That(hash.UniqueId, Is.EqualTo(uniqueId));
        return hash;
    }

    private Task<MobilePaymentResponse> PushAsync(GetHashResponse hash, string phone, long amount = 2400) =>
        Client.RequestMobilePaymentAsync(new MobilePaymentRequest
        {
            Email = "client@gmail.com",
            FirstName = "Jacob",
            LastName = "Larry",
            PaymentToken = hash.PaymentToken,
            Amount = amount,
            ClientPhone = PhoneNumber.Parse(phone).ForMyPayGa,
            Description = "Order",
        });

    // Mobile-money test numbers of API.md, written in various ways, with their documented outcome.
    [TestCase("074111111", PaymentOutcome.Paid)]
    [TestCase("+241 74 12 12 12", PaymentOutcome.Paid)]
    [TestCase("074 13 13 13", PaymentOutcome.Failed)]
    [TestCase("650121212", PaymentOutcome.Paid)]
    [TestCase("650131313", PaymentOutcome.Failed)]
    [TestCase("242056549200", PaymentOutcome.Paid)]
    [TestCase("242056549400", PaymentOutcome.Failed)]
    [TestCase("09306315", PaymentOutcome.Failed)]
    [TestCase("09306316", PaymentOutcome.Paid)]
    [TestCase("07306316", PaymentOutcome.Paid)]
    [TestCase("00241 74 15 15 22", PaymentOutcome.Paid)]
    [TestCase("077-50-84-12", PaymentOutcome.Paid)]
    public async Task Mobile_money_test_numbers(string phone, PaymentOutcome expected)
    {
        var hash = await HashAsync();

        var push = await PushAsync(hash, phone);
        Assert.That(push.StatusRequest.IsSuccess, Is.True, "the push itself is accepted");

        await _sandbox.WhenIdleAsync();
        var detail = await Client.GetPaymentDetailAsync(hash.PaymentToken);
        var payment = detail.Find(hash.PaymentToken)!;

        Assert.Multiple(() =>
        {
            Assert.That(payment.Outcome, Is.EqualTo(expected));
            Assert.That(payment.TotalAmount, Is.EqualTo(2400m));
            Assert.That(payment.MerchantRef, Is.EqualTo(hash.UniqueId));
            Assert.That(payment.ClientNumber, Is.EqualTo(PhoneNumber.Parse(phone).Digits));
        });
    }

    [Test]
    public async Task A_payment_not_yet_final_is_pending()
    {
        _sandbox.ConfigureMerchant(m => m with { OutcomeDelayMs = -1 });
        var hash = await HashAsync();
        await PushAsync(hash, "074111111");

        var detail = await Client.GetPaymentDetailAsync(hash.PaymentToken);

        Assert.That(detail.Find(hash.PaymentToken)!.Outcome, Is.EqualTo(PaymentOutcome.Pending));
    }

    [TestCase("4285220922286457", PaymentOutcome.Paid)]
    [TestCase("4242937137682335", PaymentOutcome.Failed)]
    [TestCase("4005075690593537", PaymentOutcome.Failed)]
    [TestCase("4102972145002274", PaymentOutcome.Failed)]
    [TestCase("5335406367416736", PaymentOutcome.PaidWithRisk)]
    public async Task Card_test_cards_are_decided_by_their_text(string card, PaymentOutcome expected)
    {
        var hash = await HashAsync();
        var form = Client.DescribeCardForm(hash.PaymentToken);

        // What the shopper's browser does: post the described form to the card form URL.
        using (var http = new HttpClient())
        {
            using var page = await http.PostAsync(form.Url, new FormUrlEncodedContent(form.Fields));
            Assert.That((int)page.StatusCode, Is.EqualTo(200), "the sandbox card form accepts payment_token + public key");
        }

        _sandbox.PayByCard(hash.PaymentToken, card);
        var payment = (await Client.GetPaymentDetailAsync(hash.PaymentToken)).Find(hash.PaymentToken)!;

        Assert.That(payment.OrderStatus.IsSuccess, Is.True, "every card outcome is code 200");
        Assert.That(payment.Outcome, Is.EqualTo(expected));
    }

    [Test]
    public async Task Refund_flow_create_read_send_read()
    {
        var hash = await HashAsync();
        await PushAsync(hash, "074111111");
        await _sandbox.WhenIdleAsync();

        var created = await Client.CreateRefundAsync(new CreateRefundRequest { PaymentToken = hash.PaymentToken, Amount = 1000, Description = "partial" });
        var before = await Client.GetRefundAsync(created.RefundId);
        var sent = await Client.SendRefundAsync(created.RefundId); // the sandbox answers with the documented trailing comma
        var after = await Client.GetRefundAsync(created.RefundId);

        Assert.Multiple(() =>
        {
            Assert.That(created.StatusRequest.IsSuccess, Is.True);
            Assert.That(created.RefundId, Does.StartWith("rfd_"));
            Assert.That(before.Exists, Is.True);
            Assert.That(before.Refund!.Amount, Is.EqualTo(1000m));
            Assert.That(before.Refund.Status.IsSuccess, Is.False, "not validated yet");
            Assert.That(sent.RefundStatus.IsSuccess, Is.True);
            Assert.That(after.Refund!.Status.IsSuccess, Is.True);
        });
    }

    [Test]
    public async Task Refund_of_an_unpaid_payment_is_rejected()
    {
        var hash = await HashAsync();

        var e = Assert.ThrowsAsync<MyPayGaException>(() => Client.CreateRefundAsync(new CreateRefundRequest { PaymentToken = hash.PaymentToken, Amount = 100, Description = "x" }));

        Assert.That(e!.Kind, Is.EqualTo(MyPayGaErrorKind.Rejected));
        Assert.That(e.ProviderMessage, Is.Not.Empty);
    }

    [TestCase("074111111", false)]
    [TestCase("074131313", true)]
    public async Task Payout_and_its_status(string phone, bool fails)
    {
        var sent = await Client.SendClientTransferAsync(new ClientTransferRequest { Amount = 500, ReceiverPhone = phone });
        var status = await Client.GetClientTransferAsync(sent.Transfer!.TransferId!);

        Assert.That(sent.Transfer.Amount, Is.EqualTo(500m));
        Assert.That(status.Data.Single().RequestedAmount, Is.EqualTo(500m));
        Assert.That(status.Data.Single().Status, fails ? Does.StartWith("Echec") : Does.Not.StartWith("Echec"));
    }

    [Test]
    public async Task Fees()
    {
        var fees = await Client.GetFeesAsync(MobileOperator.AirtelMoney.MyPayGaCode()!);

        Assert.That(fees.StatusRequest.IsSuccess, Is.True);
        Assert.That(fees.Fees!.StandardFees, Is.EqualTo(0.0175m));
        Assert.That(fees.Fees.Partner, Is.EqualTo("AM"));
    }

    [Test]
    public async Task Payment_link_generate_read_cancel()
    {
        var link = await Client.GenerateLinkAsync(new GenerateLinkRequest
        {
            FirstName = "Fname",
            LastName = "Lname",
            Email = "contact@gmail.com",
            Phone = "074111111",
            Amount = 1000,
            Description = "Test",
        });
        var read = await Client.GetLinkAsync(link.Link!.Reference!);
        var cancelled = await Client.CancelLinkAsync(link.Link.Reference!);
        var after = await Client.GetLinkAsync(link.Link.Reference!);

        Assert.Multiple(() =>
        {
            Assert.That(link.Code.IsSuccess, Is.True);
            Assert.That(link.Link.Url, Is.Not.Null);
            Assert.That(link.Link.Expired, Is.False);
            Assert.That(read.Link!.Reference, Is.Not.Null);
            Assert.That(read.CreatedAt, Is.Not.Null);
            Assert.That(cancelled.Code.IsSuccess, Is.True);
            Assert.That(after.Link!.Expired, Is.True);
        });
    }

    [Test]
    public async Task Unknown_payment_is_data_not_an_exception()
    {
        var detail = await Client.GetPaymentDetailAsync("no-such-token");

        Assert.That(detail.Code.IsSuccess, Is.False);
        Assert.That(detail.Find("no-such-token"), Is.Null);
    }

    [Test]
    public async Task Unknown_phone_number_push_is_rejected()
    {
        var hash = await HashAsync();

        var e = Assert.ThrowsAsync<MyPayGaException>(() => PushAsync(hash, "074999999"));

        Assert.That(e!.Kind, Is.EqualTo(MyPayGaErrorKind.Rejected));
        Assert.That(e.ProviderStatus, Is.EqualTo("400"));
    }

    [Test]
    public async Task Wrong_key_is_http_401_said_without_the_key()
    {
        var factory = new MyPayGaClientFactory(new SingleFactory());
        var client = factory.Create(TestClient.Account(_sandbox.BaseUrl) with { SecretKey = "stest_not_the_sandbox_key" });

        var e = Assert.ThrowsAsync<MyPayGaException>(() => client.GetFeesAsync("AM"));

        Assert.That(e!.Kind, Is.EqualTo(MyPayGaErrorKind.HttpError));
        Assert.That(e.HttpStatus, Is.EqualTo(401));
        Assert.That(e.Message, Does.Contain("refused the API key"));
        Assert.That(e.ToString() + e.RawBody, Does.Not.Contain("not_the_sandbox_key"));
    }

    // ---- faults injected by the sandbox ----

    [Test]
    public async Task Lost_answer_of_a_payment_request_is_not_repeated_and_the_status_tells_what_happened()
    {
        var hash = await HashAsync();
        _sandbox.AddFault(new FaultRule { Endpoint = "/mpayment/payment-request", Kind = FaultKind.Drop, AfterHandler = true });

        var e = Assert.ThrowsAsync<MyPayGaException>(() => PushAsync(hash, "074111111"));
        Assert.That(e!.Kind, Is.EqualTo(MyPayGaErrorKind.ConnectionLost));
        Assert.That(e.OutcomeUnknown, Is.True);
        await JournaledAsync("/mpayment/payment-request");
        Assert.That(RequestsTo("/mpayment/payment-request"), Is.EqualTo(1), "never sent twice");

        await _sandbox.WhenIdleAsync();
        var payment = (await Client.GetPaymentDetailAsync(hash.PaymentToken)).Find(hash.PaymentToken)!;
        Assert.That(payment.Outcome, Is.EqualTo(PaymentOutcome.Paid), "the push had gone through: reading the status avoids a second charge");
    }

    [TestCase(FaultKind.HttpError)]
    [TestCase(FaultKind.Drop)]
    [TestCase(FaultKind.Malformed)]
    [TestCase(FaultKind.Empty)]
    public async Task Refund_send_is_never_repeated(FaultKind kind)
    {
        var hash = await HashAsync();
        await PushAsync(hash, "074111111");
        await _sandbox.WhenIdleAsync();
        var refund = await Client.CreateRefundAsync(new CreateRefundRequest { PaymentToken = hash.PaymentToken, Amount = 2400, Description = "full" });
        _sandbox.AddFault(new FaultRule { Endpoint = "/refund/send", Kind = kind });

        var e = Assert.ThrowsAsync<MyPayGaException>(() => Client.SendRefundAsync(refund.RefundId));

        Assert.That(e!.OutcomeUnknown, Is.True);
        await JournaledAsync("/refund/send");
        Assert.That(RequestsTo("/refund/send"), Is.EqualTo(1));
    }

    [Test]
    public async Task Timeout_of_a_payout_is_not_repeated()
    {
        await using var impatient = TestClient.Create(_sandbox.BaseUrl, TimeSpan.FromMilliseconds(400));
        _sandbox.AddFault(new FaultRule { Endpoint = "/mpayment/sendClientTransfert", Kind = FaultKind.Timeout, DelayMs = 10_000 });

        var e = Assert.ThrowsAsync<MyPayGaException>(() => impatient.Client.SendClientTransferAsync(new ClientTransferRequest { Amount = 100, ReceiverPhone = "074111111" }));

        Assert.That(e!.Kind, Is.EqualTo(MyPayGaErrorKind.Timeout));
        Assert.That(e.Attempts, Is.EqualTo(1));
        // The sandbox journals a held request once it notices the client went away.
        await JournaledAsync("/mpayment/sendClientTransfert");
        Assert.That(RequestsTo("/mpayment/sendClientTransfert"), Is.EqualTo(1));
    }

    /// <summary>The sandbox journals a request after its answer is written: wait until it has (at least) <paramref name="count"/>.</summary>
    private async Task JournaledAsync(string path, int count = 1)
    {
        for (var i = 0; i < 50 && RequestsTo(path) < count; i++)
        {
            await Task.Delay(100);
        }

        await Task.Delay(200); // and nothing more comes
    }

    [TestCase(FaultKind.HttpError)]
    [TestCase(FaultKind.Drop)]
    [TestCase(FaultKind.Malformed)]
    [TestCase(FaultKind.Empty)]
    public async Task Reads_recover_from_one_fault_only_where_it_is_transient(FaultKind kind)
    {
        var hash = await HashAsync();
        _sandbox.AddFault(new FaultRule { Endpoint = "/payment/paiement-detail", Kind = kind });

        if (kind is FaultKind.HttpError or FaultKind.Drop)
        {
            var detail = await Client.GetPaymentDetailAsync(hash.PaymentToken);
            Assert.That(detail.Find(hash.PaymentToken), Is.Not.Null);
            await JournaledAsync("/payment/paiement-detail", 2);
            Assert.That(RequestsTo("/payment/paiement-detail"), Is.EqualTo(2));
        }
        else
        {
            // An unreadable 200 is not retried: it is reported, never guessed.
            var e = Assert.ThrowsAsync<MyPayGaException>(() => Client.GetPaymentDetailAsync(hash.PaymentToken));
            Assert.That(e!.Kind, Is.EqualTo(MyPayGaErrorKind.InvalidResponse));
            await JournaledAsync("/payment/paiement-detail");
            Assert.That(RequestsTo("/payment/paiement-detail"), Is.EqualTo(1));
        }
    }

    // ---- the sandbox's callbacks read by the parser ----

    [TestCase(CallbackFormat.Form)]
    [TestCase(CallbackFormat.Json)]
    [TestCase(CallbackFormat.Query)]
    public async Task Signed_callbacks_of_every_format_are_read_and_verified(CallbackFormat format)
    {
        _sandbox.ConfigureMerchant(m => m with { CallbackUrl = new Uri(_merchant.BaseUrl, "cb").ToString(), CallbackFormat = format, CallbackSecret = CallbackSecret });
        var hash = await HashAsync(amount: 3100);
        await PushAsync(hash, "074131313", amount: 3100);
        await _sandbox.WhenIdleAsync();

        var received = _merchant.Requests.Single(r => r.Path == "/cb");
        var result = MyPayGaCallbackParser.Parse(ToRaw(received), CallbackSecret);

        Assert.That(result.Rejection, Is.Null, () => result.Rejection!.Reason);
        var hint = result.Hint!;
        Assert.Multiple(() =>
        {
            Assert.That(received.Method, Is.EqualTo(format == CallbackFormat.Query ? "GET" : "POST"));
            Assert.That(hint.Signature, Is.EqualTo(SignatureCheck.Valid));
            Assert.That(hint.PaymentToken, Is.EqualTo(hash.PaymentToken));
            Assert.That(hint.MerchantReference, Is.EqualTo(hash.UniqueId));
            Assert.That(hint.ClaimedStatus.IsFailure, Is.True);
            Assert.That(hint.ClaimedAmount, Is.EqualTo(3100m));
            Assert.That(hint.ClaimedCurrency, Is.EqualTo("XAF"));
            Assert.That(hint.ClientPhone, Is.EqualTo("074131313"));
        });
    }

    [Test]
    public async Task Forged_callbacks_are_rejected_and_unsigned_ones_are_only_hints()
    {
        _sandbox.ConfigureMerchant(m => m with { CallbackUrl = new Uri(_merchant.BaseUrl, "cb").ToString(), CallbackSecret = CallbackSecret });
        var hash = await HashAsync();
        _sandbox.ConfigureMerchant(m => m with { OutcomeDelayMs = -1 });
        await PushAsync(hash, "074111111");
        _merchant.Reset();
        _merchant.Always("cb", Reply.Json("{}"));

        await _sandbox.DeliverCallbackAsync(hash.PaymentToken, new CallbackRequest { Status = "200", TamperHash = true });
        await _sandbox.DeliverCallbackAsync(hash.PaymentToken, new CallbackRequest { Status = "200", Amount = 1, WithHash = false });

        var tampered = MyPayGaCallbackParser.Parse(ToRaw(_merchant.Requests[0]), CallbackSecret);
        var unsigned = MyPayGaCallbackParser.Parse(ToRaw(_merchant.Requests[1]), CallbackSecret);
        Assert.That(tampered.Rejection!.Reason, Is.EqualTo("signature mismatch"));
        Assert.That(unsigned.Hint!.Signature, Is.EqualTo(SignatureCheck.NotChecked));
        Assert.That(unsigned.Hint.ClaimedAmount, Is.EqualTo(1m), "it claims what it claims; the order is re-read, not trusted");
        var payment = (await Client.GetPaymentDetailAsync(hash.PaymentToken)).Find(hash.PaymentToken)!;
        Assert.That(payment.Outcome, Is.EqualTo(PaymentOutcome.Pending), "the authoritative status did not move");
    }

    [Test]
    public async Task A_whole_flow_logs_no_key()
    {
        var hash = await HashAsync();
        await PushAsync(hash, "074111111");
        await _sandbox.WhenIdleAsync();
        await Client.GetPaymentDetailAsync(hash.PaymentToken);
        _sandbox.AddFault(new FaultRule { Endpoint = "/mpayment/getFees", Kind = FaultKind.Malformed });
        Assert.ThrowsAsync<MyPayGaException>(() => Client.GetFeesAsync("AM"));

        Assert.That(_client.Logs.Lines, Is.Not.Empty);
        Assert.That(_client.Logs.AllText, Does.Not.Contain("sandbox_secret_key").And.Not.Contain("sandbox_public_key"));
    }

    private static RawCallbackRequest ToRaw(RecordedRequest r) => new()
    {
        Method = r.Method,
        QueryString = r.RawQuery,
        ContentType = r.ContentType,
        Body = r.Body,
    };

    private sealed class SingleFactory : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new();
    }
}
