using System.Text;
using MyPayGa.Client.Models;
using MyPayGa.Client.Tests.Infrastructure;

namespace MyPayGa.Client.Tests;

/// <summary>
/// Bodies a PHP server or a proxy may really send: charsets .NET does not know, escapes that decode to invalid text,
/// a status field twice, huge bodies. Each becomes a typed <see cref="MyPayGaException"/> (or a correct read), never
/// an untyped exception and never a guessed success; after a call that moves money, it says the outcome is unknown.
/// </summary>
public sealed class ResponseHardeningTests
{
    private FakeMyPayGaServer _server = null!;
    private TestClient _client = null!;
    private IMyPayGaClient Client => _client.Client;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _server = await FakeMyPayGaServer.StartAsync();
        _client = TestClient.Create(_server.BaseUrl);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _client.DisposeAsync();
        await _server.DisposeAsync();
    }

    [SetUp]
    public void Reset() => _server.Reset();

    /// <summary>One HTTP endpoint of the client: how to call it, its answer when all is well, whether it moves money.</summary>
    public sealed record Call(string Name, string Path, bool MovesMoney, Func<IMyPayGaClient, Task> Invoke, string Good)
    {
        public override string ToString() => Name;
    }

    private static readonly string GoodClientTransfer =
        DocumentedResponses.GetClientTransfer.Replace("\"074654326,", "\"074654326\",", StringComparison.Ordinal);

    public static IEnumerable<Call> All() =>
    [
        new("gethash", "payment/gethash", false, c => c.GetHashAsync(new GetHashRequest
            { Email = "e@x.com", FirstName = "F", LastName = "L", UniqueId = "1", Amount = 100, Phone = "074111111", Description = "D" }), DocumentedResponses.GetHash),
        new("payment-request", "mpayment/payment-request", true, c => c.RequestMobilePaymentAsync(new MobilePaymentRequest
            { Email = "e@x.com", FirstName = "F", LastName = "L", PaymentToken = "tok", Amount = 100, ClientPhone = "074111111", Description = "D" }), DocumentedResponses.PaymentRequest),
        new("paiement-detail", "payment/paiement-detail", false, c => c.GetPaymentDetailAsync("tok"), DocumentedResponses.PaymentDetail),
        new("sendClientTransfert", "mpayment/sendClientTransfert", true, c => c.SendClientTransferAsync(new ClientTransferRequest { Amount = 100, ReceiverPhone = "074111111" }), DocumentedResponses.SendClientTransfer),
        new("getClientTransfert", "mpayment/getClientTransfert", false, c => c.GetClientTransferAsync("tr"), GoodClientTransfer),
        new("getFees", "mpayment/getFees", false, c => c.GetFeesAsync("AM"), DocumentedResponses.GetFees),
        new("refund/create", "refund/create", true, c => c.CreateRefundAsync(new CreateRefundRequest { PaymentToken = "tok", Amount = 100, Description = "D" }), DocumentedResponses.CreateRefund),
        new("refund/send", "refund/send", true, c => c.SendRefundAsync("rfd_1"), DocumentedResponses.SendRefund),
        new("refund/infos", "refund/infos", false, c => c.GetRefundAsync("rfd_1"), DocumentedResponses.RefundInfo),
        new("generateLink", "payment/generateLink", false, c => c.GenerateLinkAsync(new GenerateLinkRequest
            { FirstName = "F", LastName = "L", Email = "e@x.com", Phone = "074111111", Amount = 100, Description = "D" }), DocumentedResponses.GenerateLink),
        new("getLink", "payment/getLink/ref1", false, c => c.GetLinkAsync("ref1"), DocumentedResponses.GetLink),
        new("linkCancel", "payment/linkCancel/ref1", false, c => c.CancelLinkAsync("ref1"), DocumentedResponses.CancelLink),
    ];

    /// <summary>payment-request, sendClientTransfert, refund/create (reserves a refund), refund/send.</summary>
    public static IEnumerable<Call> MoneyCalls() => All().Where(c => c.MovesMoney);

    private static Call Named(string name) => All().Single(c => c.Name == name);

    private static MyPayGaException Fails(Func<Task> call)
    {
        // Anything but MyPayGaException fails the test: that is the point of this class.
        var e = Assert.ThrowsAsync<MyPayGaException>(() => call());
        return e!;
    }

    // ---- charsets ----

    [TestCaseSource(nameof(All))]
    public void A_charset_named_utf8_as_php_servers_write_it_is_read_as_utf8(Call call)
    {
        _server.Enqueue(call.Path, Reply.Json(call.Good) with { ContentType = "application/json; charset=utf8" });

        Assert.DoesNotThrowAsync(() => call.Invoke(Client));
    }

    [TestCase("application/json; charset=utf8")]
    [TestCase("application/json; charset=UTF8MB4")]
    [TestCase("application/json; charset=utf8mb3")]
    [TestCase("application/json; charset=\"utf-8\"")]
    [TestCase("application/json;charset=x-no-such-charset")]
    [TestCase("text/html; charset=")]
    [TestCase("application/json")]
    public async Task Accents_survive_any_charset_label_on_a_utf8_body(string contentType)
    {
        _server.Enqueue("mpayment/sendClientTransfert", Reply.Json(DocumentedResponses.SendClientTransfer) with { ContentType = contentType });

        var r = await Client.SendClientTransferAsync(new ClientTransferRequest { Amount = 100, ReceiverPhone = "074111111" });

        Assert.That(r.Message, Is.EqualTo("Vous avez envoye 100 FCFA à 074XXXXX."));
    }

    [Test]
    public async Task A_body_declared_iso_8859_1_is_decoded_as_such()
    {
        var bytes = Encoding.Latin1.GetBytes(DocumentedResponses.SendClientTransfer);
        _server.Enqueue("mpayment/sendClientTransfert", Reply.Raw(bytes, "application/json; charset=ISO-8859-1"));

        var r = await Client.SendClientTransferAsync(new ClientTransferRequest { Amount = 100, ReceiverPhone = "074111111" });

        Assert.That(r.Message, Is.EqualTo("Vous avez envoye 100 FCFA à 074XXXXX."));
    }

    [Test]
    public async Task A_utf8_byte_order_mark_is_skipped()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(DocumentedResponses.PaymentDetail)).ToArray();
        _server.Enqueue("payment/paiement-detail", Reply.Raw(bytes, "application/json; charset=utf8"));

        var r = await Client.GetPaymentDetailAsync("tok");

        Assert.That(r.Code.IsSuccess, Is.True);
    }

    [TestCaseSource(nameof(All))]
    public void A_2xx_body_that_is_not_valid_utf8_is_an_invalid_response(Call call)
    {
        // A valid answer whose message holds a byte sequence that is not UTF-8 (0xC3 0x28).
        var text = Encoding.UTF8.GetBytes(call.Good);
        var bytes = text.Take(1).Concat(Encoding.ASCII.GetBytes("\"x\": \"")).Concat(new byte[] { 0xC3, 0x28 })
            .Concat(Encoding.ASCII.GetBytes("\",")).Concat(text.Skip(1)).ToArray();
        _server.Enqueue(call.Path, Reply.Raw(bytes, "application/json; charset=utf-8"));

        var e = Fails(() => call.Invoke(Client));

        Assert.Multiple(() =>
        {
            Assert.That(e.Kind, Is.EqualTo(MyPayGaErrorKind.InvalidResponse));
            Assert.That(e.Message, Does.Contain("UTF-8"));
            Assert.That(e.OutcomeUnknown, Is.True);
        });
    }

    // ---- escapes that decode to invalid text ----

    [TestCase(400)]
    [TestCase(404)]
    [TestCase(500)]
    [TestCase(503)]
    public void An_error_body_whose_message_is_a_lone_surrogate_is_a_typed_http_error(int status)
    {
        _server.Always("payment/paiement-detail", Reply.Http(status, """{"statusRequest": "400", "message": "\ud800 refused \udc00"}"""));

        var e = Fails(() => Client.GetPaymentDetailAsync("tok"));

        Assert.Multiple(() =>
        {
            Assert.That(e.Kind, Is.EqualTo(MyPayGaErrorKind.HttpError));
            Assert.That(e.HttpStatus, Is.EqualTo(status));
            Assert.That(e.ProviderStatus, Is.EqualTo("400"));
            Assert.That(e.ProviderMessage, Is.EqualTo("\uFFFD refused \uFFFD"), "shown, with the invalid halves replaced");
            Assert.That(() => e.ToString(), Throws.Nothing);
        });
    }

    [TestCaseSource(nameof(All))]
    public void A_2xx_body_with_a_lone_surrogate_in_a_value_read_is_an_invalid_response(Call call)
    {
        var status = StatusField(call.Name);
        _server.Enqueue(call.Path, Reply.Json($$"""{"{{status}}": "400", "message": "Solde \ud83d insuffisant"}"""));

        var e = Fails(() => call.Invoke(Client));

        Assert.That(e.Kind, Is.EqualTo(MyPayGaErrorKind.InvalidResponse));
        Assert.That(e.OutcomeUnknown, Is.True);
    }

    [Test]
    public void A_lone_surrogate_in_a_status_value_is_an_invalid_response()
    {
        _server.Enqueue("refund/send", Reply.Json("""{"RefundStatus": "20\udfff", "message": "x"}"""));

        var e = Fails(() => Client.SendRefundAsync("rfd_1"));

        Assert.That(e.Kind, Is.EqualTo(MyPayGaErrorKind.InvalidResponse));
        Assert.That(e.OutcomeUnknown, Is.True);
    }

    [Test]
    public void A_lone_surrogate_in_a_field_name_is_an_invalid_response()
    {
        _server.Enqueue("refund/infos", Reply.Json("""{"statusRequest": "200", "exists": 1, "message\udc00": "x"}"""));
        _server.Enqueue("refund/infos", Reply.Json("""{"statusRequest": "200", "exi\ud800sts": 1}"""));

        Assert.That(Fails(() => Client.GetRefundAsync("rfd_1")).Kind, Is.EqualTo(MyPayGaErrorKind.InvalidResponse));
        Assert.That(Fails(() => Client.GetRefundAsync("rfd_1")).Kind, Is.EqualTo(MyPayGaErrorKind.InvalidResponse));
    }

    // ---- ambiguity: a field twice ----

    private static string StatusField(string endpoint) => endpoint switch
    {
        "gethash" or "paiement-detail" or "generateLink" or "getLink" or "linkCancel" => "code",
        "getClientTransfert" => "status",
        "refund/send" => "RefundStatus",
        _ => "statusRequest",
    };

    /// <summary>The good answer, with a top-level status 200 added where the documented one has none (getLink).</summary>
    private static string WithStatus200(Call call, string status)
    {
        var good = call.Good.Trim();
        return good.Contains('"' + status + '"', StringComparison.Ordinal) ? good : "{\"" + status + "\": 200, " + good[1..];
    }

    [TestCaseSource(nameof(All))]
    public void A_status_field_twice_is_an_invalid_response_never_a_success(Call call)
    {
        var status = StatusField(call.Name);
        var body = WithStatus200(call, status);
        // The good answer (status 200) with a failure status written before it: a JSON reader keeps the last one.
        body = "{\"" + status + "\": \"400\", " + body[1..];
        _server.Enqueue(call.Path, Reply.Json(body));

        var e = Fails(() => call.Invoke(Client));

        Assert.Multiple(() =>
        {
            Assert.That(e.Kind, Is.EqualTo(MyPayGaErrorKind.InvalidResponse));
            Assert.That(e.Message, Does.Contain("twice").And.Contain(status));
            Assert.That(e.OutcomeUnknown, Is.True);
        });
    }

    [TestCaseSource(nameof(All))]
    public void A_status_field_twice_differing_only_in_case_is_an_invalid_response(Call call)
    {
        var status = StatusField(call.Name);
        var other = char.IsUpper(status[0]) ? char.ToLowerInvariant(status[0]) + status[1..] : char.ToUpperInvariant(status[0]) + status[1..];
        var body = WithStatus200(call, status);
        body = "{\"" + other + "\": 400, " + body[1..];
        _server.Enqueue(call.Path, Reply.Json(body));

        var e = Fails(() => call.Invoke(Client));

        Assert.That(e.Kind, Is.EqualTo(MyPayGaErrorKind.InvalidResponse));
        Assert.That(e.OutcomeUnknown, Is.True);
    }

    // Nested status-bearing fields and the other fields that decide something.
    [TestCase("paiement-detail", """{"payment": [{"payment_token": "tok", "OrderStatus": "400", "message_data": "Success", "OrderStatus": "200", "totalAmount": 144}], "code": "200"}""")]
    [TestCase("paiement-detail", """{"payment": [{"payment_token": "tok", "final_status": "400", "FINAL_STATUS": "200", "totalAmount": 144}], "code": "200"}""")]
    [TestCase("paiement-detail", """{"payment": [{"payment_token": "tok", "OrderStatus": "200", "totalAmount": 144, "totalAmount": 14400}], "code": "200"}""")]
    [TestCase("paiement-detail", """{"payment": [{"payment_token": "tok", "OrderStatus": "200", "message_data": "Refus Risk", "Message_Data": "Success"}], "code": "200"}""")]
    [TestCase("paiement-detail", """{"payment": [{"payment_token": "a", "OrderStatus": "200"}], "payment": [], "code": "200"}""")]
    [TestCase("paiement-detail", """{"payment": [], "code": "200", "final_status": "400", "final_status": "200"}""")]
    [TestCase("refund/infos", """{"statusRequest": "200", "exists": 0, "exists": 1, "refund": {"status": "200"}}""")]
    [TestCase("refund/infos", """{"statusRequest": "200", "exists": 1, "refund": {"status": "201", "Status": "200"}}""")]
    [TestCase("refund/infos", """{"statusRequest": "200", "exists": 1, "refund": {"amount": 100, "amount": 1000}}""")]
    [TestCase("sendClientTransfert", """{"statusRequest": "200", "transfert": {"transfert_status": "400", "transfert_status": "200"}}""")]
    [TestCase("getLink", """{"code": 200, "link": {"ref": "r", "final_status": "400", "final_status": 200, "paid": 0}}""")]
    [TestCase("getLink", """{"code": 200, "link": {"ref": "r", "paid": 0, "Paid": 1}}""")]
    [TestCase("gethash", """{"code": "200", "payment_token": "a", "payment_token": "b"}""")]
    [TestCase("refund/create", """{"statusRequest": 200, "refundId": "rfd_1", "refundid": "rfd_2"}""")]
    [TestCase("getClientTransfert", """{"status": "200", "data": [{"statut_demande": "Echec", "statut_demande": "OK"}]}""")]
    public void Any_field_the_client_reads_twice_in_one_object_is_an_invalid_response(string endpoint, string body)
    {
        var call = Named(endpoint);
        _server.Enqueue(call.Path, Reply.Json(body));

        var e = Fails(() => call.Invoke(Client));

        Assert.That(e.Kind, Is.EqualTo(MyPayGaErrorKind.InvalidResponse));
        Assert.That(e.Message, Does.Contain("twice"));
    }

    [Test]
    public async Task Unknown_fields_twice_and_the_same_names_in_other_objects_are_fine()
    {
        _server.Enqueue("payment/paiement-detail", Reply.Json("""
            {"payment": [{"payment_token": "a", "OrderStatus": "200", "extra": 1, "extra": 2},
                         {"payment_token": "b", "OrderStatus": "400"}],
             "code": "200", "final_status": "200", "debug": [1], "debug": {}}
            """));

        var r = await Client.GetPaymentDetailAsync("a");

        Assert.That(r.Payments.Select(p => p.OrderStatus.Raw), Is.EqualTo(new[] { "200", "400" }));
    }

    // ---- size ----

    [Test]
    public void A_10_MB_success_body_is_refused_not_read_whole()
    {
        var body = "{\"statusRequest\": \"200\", \"message\": \"Refund created\", \"refundId\": \"rfd_1\", \"pad\": \"" + new string('x', 10 * 1024 * 1024) + "\"}";
        _server.Enqueue("refund/create", Reply.Json(body));

        var e = Fails(() => Named("refund/create").Invoke(Client));

        Assert.Multiple(() =>
        {
            Assert.That(e.Kind, Is.EqualTo(MyPayGaErrorKind.InvalidResponse));
            Assert.That(e.Message, Does.Contain("256 KiB"));
            Assert.That(e.OutcomeUnknown, Is.True);
            Assert.That(e.RawBody!.Length, Is.LessThanOrEqualTo(1025));
            Assert.That(e.ToString().Length, Is.LessThan(4000));
        });
    }

    [Test]
    public void A_huge_body_without_a_content_length_is_refused_too()
    {
        // Kestrel sends chunked when no length is set; the bytes arrive in pieces.
        var body = "{\"code\": \"200\", \"payment\": [], \"pad\": \"" + new string('y', 3 * 1024 * 1024) + "\"}";
        _server.Enqueue("payment/paiement-detail", Reply.Json(body) with { ContentType = "application/json" });

        var e = Fails(() => Client.GetPaymentDetailAsync("tok"));

        Assert.That(e.Kind, Is.EqualTo(MyPayGaErrorKind.InvalidResponse));
        Assert.That(_server.Hits("payment/paiement-detail"), Is.EqualTo(1), "an oversized answer is not retried");
    }

    [Test]
    public async Task A_body_just_under_the_cap_is_read()
    {
        var body = "{\"statusRequest\": 200, \"fees\": {\"currency\": \"CFA\"}, \"pad\": \"" + new string('z', 250 * 1024) + "\"}";
        _server.Enqueue("mpayment/getFees", Reply.Json(body));

        var r = await Client.GetFeesAsync("AM");

        Assert.That(r.Fees!.Currency, Is.EqualTo("CFA"));
    }

    [Test]
    public void A_huge_error_body_keeps_the_http_error_and_a_short_excerpt()
    {
        var body = "<html><body>" + string.Concat(Enumerable.Repeat("Bad gateway apikey=" + TestClient.SecretKey + " ", 50_000)) + "</body></html>";
        _server.Always("payment/paiement-detail", Reply.Http(502, body) with { ContentType = "text/html" });

        var e = Fails(() => Client.GetPaymentDetailAsync("tok"));

        Assert.Multiple(() =>
        {
            Assert.That(e.Kind, Is.EqualTo(MyPayGaErrorKind.HttpError));
            Assert.That(e.HttpStatus, Is.EqualTo(502));
            Assert.That(e.RawBody, Does.StartWith("<html><body>Bad gateway apikey=***"));
            Assert.That(e.RawBody!.Length, Is.LessThanOrEqualTo(1025));
            Assert.That(e.RawBody, Does.EndWith("…"));
            Assert.That(e.ToString(), Does.Not.Contain("sandbox_secret_key"));
        });
    }

    [Test]
    public void A_long_error_text_is_cut_and_still_redacted()
    {
        var message = string.Concat(Enumerable.Repeat("wrong key stest_sandbox_secret_key ", 300));
        _server.Enqueue("mpayment/getFees", Reply.Http(400, "{\"statusRequest\": \"400\", \"message\": \"" + message + "\"}"));

        var e = Fails(() => Client.GetFeesAsync("AM"));

        Assert.Multiple(() =>
        {
            Assert.That(e.ProviderMessage!.Length, Is.LessThanOrEqualTo(501));
            Assert.That(e.ProviderMessage, Does.StartWith("wrong key stest_***"));
            Assert.That(e.RawBody!.Length, Is.LessThanOrEqualTo(1025));
            Assert.That(e.Message.Length, Is.LessThan(1000));
            Assert.That(e.ToString() + e.RawBody + e.ProviderMessage, Does.Not.Contain("sandbox_secret_key"));
        });
    }

    [Test]
    public void A_body_of_exactly_the_excerpt_size_is_kept_whole()
    {
        var body = "<p>" + new string('e', 1024 - 7) + "</p>";
        Assert.That(body, Has.Length.EqualTo(1024));
        _server.Enqueue("payment/gethash", new Reply(500, body, "text/html"));

        var e = Fails(() => Named("gethash").Invoke(Client));

        Assert.That(e.RawBody, Is.EqualTo(body));
    }

    // ---- the money rule: once the request may have reached MyPayGa, a failure says "outcome unknown" ----

    public static IEnumerable<TestCaseData> MoneyFailures()
    {
        foreach (var call in MoneyCalls())
        {
            var status = StatusField(call.Name);
            var good = call.Good.Trim();
            yield return Case(call, "HTTP 500", Reply.Http(500, "oops"));
            yield return Case(call, "HTTP 502 HTML", new Reply(502, "<html>Bad Gateway</html>", "text/html"));
            yield return Case(call, "HTTP 504 empty", Reply.Http(504));
            yield return Case(call, "oversized 200", Reply.Json("{\"pad\": \"" + new string('p', 300 * 1024) + "\", " + good[1..]));
            yield return Case(call, "ambiguous 200", Reply.Json("{\"" + status + "\": \"400\", " + good[1..]));
            yield return Case(call, "undecodable 200", Reply.Raw([.. Encoding.ASCII.GetBytes("{\"" + status + "\": \"200\", \"message\": \""), 0xFF, 0xFE, (byte)'"', (byte)'}']));
            yield return Case(call, "lone surrogate 200", Reply.Json("{\"" + status + "\": \"200\", \"message\": \"\\udead\"}"));
            yield return Case(call, "empty 200", Reply.Json(""));
            yield return Case(call, "HTML 200", new Reply(200, "<html>maintenance</html>", "text/html"));
            yield return Case(call, "truncated JSON 200", Reply.Json(good[..(good.Length / 2)]));
            yield return Case(call, "HTTP 204", new Reply(204, ""));
            yield return Case(call, "status 202 in the body", Reply.Json("{\"" + status + "\": \"202\", \"message\": \"processing\"}"));
            yield return Case(call, "status 500 in the body", Reply.Json("{\"" + status + "\": 500, \"message\": \"internal error\"}"));
            yield return Case(call, "status true in the body", Reply.Json("{\"" + status + "\": true}"));
            yield return Case(call, "connection cut in the body", Reply.Json(good) with { CutAfter = 20 });
            yield return Case(call, "connection cut before an answer", Reply.Cut());
        }

        static TestCaseData Case(Call call, string what, Reply reply) =>
            new TestCaseData(call, reply).SetName($"Money_rule({call.Name}, {what})");
    }

    [TestCaseSource(nameof(MoneyFailures))]
    public void After_a_call_that_moves_money_may_have_arrived_every_failure_says_outcome_unknown(Call call, Reply reply)
    {
        _server.Enqueue(call.Path, reply);

        var e = Fails(() => call.Invoke(Client));

        Assert.Multiple(() =>
        {
            Assert.That(e.OutcomeUnknown, Is.True, $"{e.Kind}: {e.Message}");
            Assert.That(e.Kind, Is.Not.EqualTo(MyPayGaErrorKind.ConnectionFailed));
            Assert.That(_server.Hits(call.Path), Is.EqualTo(1), "never sent twice");
        });
    }

    [TestCaseSource(nameof(MoneyCalls))]
    public void After_a_call_that_moves_money_timed_out_the_outcome_is_unknown(Call call)
    {
        _server.Enqueue(call.Path, Reply.Slow(TimeSpan.FromSeconds(30)));
        var impatient = TestClient.Create(_server.BaseUrl, TimeSpan.FromMilliseconds(300));
        try
        {
            var e = Fails(() => call.Invoke(impatient.Client));

            Assert.That(e.Kind, Is.EqualTo(MyPayGaErrorKind.Timeout));
            Assert.That(e.OutcomeUnknown, Is.True);
            Assert.That(_server.Hits(call.Path), Is.EqualTo(1));
        }
        finally
        {
            impatient.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    public static IEnumerable<TestCaseData> MoneyRefusals()
    {
        foreach (var call in MoneyCalls())
        {
            var status = StatusField(call.Name);
            yield return Case(call, "status 400 in the body", Reply.Json("{\"" + status + "\": \"400\", \"message\": \"Solde insuffisant\"}"), MyPayGaErrorKind.Rejected);
            yield return Case(call, "status 401 in the body", Reply.Json("{\"" + status + "\": 401, \"message\": \"apikey\"}"), MyPayGaErrorKind.Rejected);
            yield return Case(call, "HTTP 400", Reply.Http(400, "{\"message\": \"Missing parameter\"}"), MyPayGaErrorKind.HttpError);
            yield return Case(call, "HTTP 401", Reply.Http(401, "{\"message\": \"bad key\"}"), MyPayGaErrorKind.HttpError);
            yield return Case(call, "HTTP 404", Reply.Http(404, "<html>Not found</html>"), MyPayGaErrorKind.HttpError);
            yield return Case(call, "HTTP 429", Reply.Http(429), MyPayGaErrorKind.HttpError);
        }

        static TestCaseData Case(Call call, string what, Reply reply, MyPayGaErrorKind kind) =>
            new TestCaseData(call, reply, kind).SetName($"Money_refusal({call.Name}, {what})");
    }

    [TestCaseSource(nameof(MoneyRefusals))]
    public void A_clear_refusal_of_a_call_that_moves_money_is_a_plain_failure(Call call, Reply reply, MyPayGaErrorKind kind)
    {
        _server.Enqueue(call.Path, reply);

        var e = Fails(() => call.Invoke(Client));

        Assert.That(e.Kind, Is.EqualTo(kind));
        Assert.That(e.OutcomeUnknown, Is.False);
    }

    [TestCaseSource(nameof(MoneyCalls))]
    public void A_call_that_moves_money_and_never_connected_is_a_plain_failure(Call call)
    {
        var refused = TestClient.Create(ClosedPort.Url());
        try
        {
            var e = Fails(() => call.Invoke(refused.Client));

            Assert.That(e.Kind, Is.EqualTo(MyPayGaErrorKind.ConnectionFailed));
            Assert.That(e.OutcomeUnknown, Is.False);
        }
        finally
        {
            refused.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    // ---- bytes Kestrel would never send ----

    public static IEnumerable<TestCaseData> RawAnswers()
    {
        const string Json = "{\"statusRequest\": \"200\", \"message\": \"Refund created\", \"refundId\": \"rfd_1\"}";
        yield return new TestCaseData("HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=utf8mb4\r\nContent-Length: 500\r\n\r\n" + Json)
            .SetName("Raw(body shorter than its Content-Length)");
        yield return new TestCaseData("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\n" + Json + "\r\n0\r\n\r\n")
            .SetName("Raw(malformed chunk size)");
        yield return new TestCaseData("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n10\r\n{\"statusRequest\"")
            .SetName("Raw(chunked body cut)");
        yield return new TestCaseData("I am not HTTP\r\n\r\n").SetName("Raw(no status line)");
        yield return new TestCaseData("HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=\u00ff\u00fe\r\n\r\n" + Json)
            .SetName("Raw(charset of Latin-1 bytes, body until close)");
        yield return new TestCaseData("HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=utf-16\r\nContent-Length: " + Json.Length + "\r\n\r\n" + Json)
            .SetName("Raw(charset utf-16 on a utf-8 body)");
        yield return new TestCaseData("HTTP/1.1 200 OK\r\nContent-Type: \r\nContent-Encoding: gzip\r\nContent-Length: 4\r\n\r\nabcd")
            .SetName("Raw(gzip label on plain bytes)");
    }

    [TestCaseSource(nameof(RawAnswers))]
    public async Task Any_answer_at_all_to_a_call_that_moves_money_is_typed(string answer)
    {
        await using var raw = RawHttpServer.Start();
        raw.Enqueue(answer);
        await using var client = TestClient.Create(raw.BaseUrl, TimeSpan.FromSeconds(3));

        try
        {
            var r = await client.Client.CreateRefundAsync(new CreateRefundRequest { PaymentToken = "tok", Amount = 100, Description = "D" });
            Assert.That(r.RefundId, Is.EqualTo("rfd_1"), "read correctly when it can be read");
        }
        catch (MyPayGaException e)
        {
            Assert.That(e.OutcomeUnknown, Is.True, $"{e.Kind}: {e.Message}");
            Assert.That(raw.Connections, Is.EqualTo(1), "never sent twice");
        }
    }
}
