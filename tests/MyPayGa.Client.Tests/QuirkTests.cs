using MyPayGa.Client.Models;
using MyPayGa.Client.Tests.Infrastructure;

namespace MyPayGa.Client.Tests;

/// <summary>The provider's quirks (API.md "Quirks the client must survive") and the status rules of commands.</summary>
public sealed class QuirkTests
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

    public sealed record Command(string Name, string Path, string StatusField, Func<IMyPayGaClient, Task> Call)
    {
        public override string ToString() => Name;
    }

    public static IEnumerable<Command> Commands() =>
    [
        new("gethash", "payment/gethash", "code", c => c.GetHashAsync(new GetHashRequest
            { Email = "e@x.com", FirstName = "F", LastName = "L", UniqueId = "1", Amount = 100, Phone = "074111111", Description = "D" })),
        new("payment-request", "mpayment/payment-request", "statusRequest", c => c.RequestMobilePaymentAsync(new MobilePaymentRequest
            { Email = "e@x.com", FirstName = "F", LastName = "L", PaymentToken = "tok", Amount = 100, ClientPhone = "074131313", Description = "D" })),
        new("refund/create", "refund/create", "statusRequest", c => c.CreateRefundAsync(new CreateRefundRequest { PaymentToken = "tok", Amount = 100, Description = "D" })),
        new("refund/send", "refund/send", "RefundStatus", c => c.SendRefundAsync("rfd_1")),
        new("sendClientTransfert", "mpayment/sendClientTransfert", "statusRequest", c => c.SendClientTransferAsync(new ClientTransferRequest { Amount = 100, ReceiverPhone = "074111111" })),
        new("generateLink", "payment/generateLink", "code", c => c.GenerateLinkAsync(new GenerateLinkRequest
            { FirstName = "F", LastName = "L", Email = "e@x.com", Phone = "074111111", Amount = 100, Description = "D" })),
        new("linkCancel", "payment/linkCancel/ref1", "code", c => c.CancelLinkAsync("ref1")),
    ];

    [TestCaseSource(nameof(Commands))]
    public void Command_with_failure_status_inside_http_200_is_rejected(Command command)
    {
        _server.Enqueue(command.Path, Reply.Json($$"""{"{{command.StatusField}}": "400", "message": "Dear customer,you have insuffient funds. Thank you."}"""));

        var e = Assert.ThrowsAsync<MyPayGaException>(() => command.Call(Client));

        Assert.Multiple(() =>
        {
            Assert.That(e!.Kind, Is.EqualTo(MyPayGaErrorKind.Rejected));
            Assert.That(e.Endpoint, Is.EqualTo(command.Name));
            Assert.That(e.HttpStatus, Is.EqualTo(200));
            Assert.That(e.ProviderStatus, Is.EqualTo("400"));
            Assert.That(e.ProviderMessage, Is.EqualTo("Dear customer,you have insuffient funds. Thank you."));
            Assert.That(e.OutcomeUnknown, Is.False);
            Assert.That(_server.Hits(command.Path), Is.EqualTo(1));
        });
    }

    [TestCaseSource(nameof(Commands))]
    public void Command_with_an_unknown_status_is_rejected_too(Command command)
    {
        _server.Enqueue(command.Path, Reply.Json($$"""{"{{command.StatusField}}": 202, "message": "?"}"""));

        var e = Assert.ThrowsAsync<MyPayGaException>(() => command.Call(Client));

        Assert.That(e!.Kind, Is.EqualTo(MyPayGaErrorKind.Rejected));
        Assert.That(e.ProviderStatus, Is.EqualTo("202"));
    }

    [TestCaseSource(nameof(Commands))]
    public void Command_without_any_status_is_an_invalid_response_with_unknown_outcome(Command command)
    {
        _server.Enqueue(command.Path, Reply.Json("""{"message": "ok?"}"""));

        var e = Assert.ThrowsAsync<MyPayGaException>(() => command.Call(Client));

        Assert.That(e!.Kind, Is.EqualTo(MyPayGaErrorKind.InvalidResponse));
        Assert.That(e.OutcomeUnknown, Is.True);
    }

    [TestCaseSource(nameof(Commands))]
    public void Command_status_200_as_a_number_or_a_string_succeeds(Command command)
    {
        // The documented answers of these commands use both forms; the one that differs is tried here.
        var body = command.Name switch
        {
            "gethash" => DocumentedResponses.GetHash.Replace("\"code\": \"200\"", "\"code\": 200", StringComparison.Ordinal),
            "payment-request" => DocumentedResponses.PaymentRequest.Replace("\"statusRequest\": \"200\"", "\"statusRequest\": 200", StringComparison.Ordinal),
            "refund/create" => DocumentedResponses.CreateRefund.Replace("\"statusRequest\": 200", "\"statusRequest\": \"200\"", StringComparison.Ordinal),
            "refund/send" => DocumentedResponses.SendRefund.Replace("\"RefundStatus\": \"200\"", "\"RefundStatus\": 200", StringComparison.Ordinal),
            "sendClientTransfert" => DocumentedResponses.SendClientTransfer.Replace("\"statusRequest\": \"200\"", "\"statusRequest\": 200", StringComparison.Ordinal),
            "generateLink" => DocumentedResponses.GenerateLink.Replace("\"code\": 200", "\"code\": \"200\"", StringComparison.Ordinal),
            _ => DocumentedResponses.CancelLink.Replace("\"code\": 200", "\"code\": \"200\"", StringComparison.Ordinal),
        };
        Assert.That(body, Is.Not.AnyOf(DocumentedResponses.GetHash, DocumentedResponses.PaymentRequest, DocumentedResponses.CreateRefund,
            DocumentedResponses.SendRefund, DocumentedResponses.SendClientTransfer, DocumentedResponses.GenerateLink, DocumentedResponses.CancelLink));
        _server.Enqueue(command.Path, Reply.Json(body));

        Assert.DoesNotThrowAsync(() => command.Call(Client));
    }

    [Test]
    public async Task Query_with_failure_status_returns_the_data()
    {
        _server.Enqueue("payment/paiement-detail", Reply.Json("""{"code": 400, "message": "Payment not found"}"""));

        var r = await Client.GetPaymentDetailAsync("unknown");

        Assert.That(r.Code.IsFailure, Is.True);
        Assert.That(r.Message, Is.EqualTo("Payment not found"));
        Assert.That(r.Payments, Is.Empty);
        Assert.That(r.Find("unknown"), Is.Null);
    }

    [Test]
    public void GetHash_200_without_a_payment_token_is_invalid()
    {
        _server.Enqueue("payment/gethash", Reply.Json("""{"code": "200", "message": "References created successfully"}"""));

        var e = Assert.ThrowsAsync<MyPayGaException>(() => Commands().First().Call(Client));

        Assert.That(e!.Kind, Is.EqualTo(MyPayGaErrorKind.InvalidResponse));
        Assert.That(e.Message, Does.Contain("payment_token"));
    }

    [Test]
    public void CreateRefund_200_without_a_refund_id_is_invalid()
    {
        _server.Enqueue("refund/create", Reply.Json("""{"statusRequest": 200, "message": "Refund created"}"""));

        var e = Assert.ThrowsAsync<MyPayGaException>(() => Client.CreateRefundAsync(new CreateRefundRequest { PaymentToken = "t", Amount = 1, Description = "d" }));

        Assert.That(e!.Kind, Is.EqualTo(MyPayGaErrorKind.InvalidResponse));
    }

    [TestCase("Success", "200", PaymentOutcome.Paid)]
    [TestCase("Refus solde ins", "200", PaymentOutcome.Failed)]
    [TestCase("Refus Risk", "200", PaymentOutcome.Failed)]
    [TestCase("Refus carte volée", "200", PaymentOutcome.Failed)]
    [TestCase("Acceptée avec Risk", "200", PaymentOutcome.PaidWithRisk)]
    [TestCase("Failed", "400", PaymentOutcome.Failed)]
    public async Task Card_outcomes_are_decided_by_the_text_not_the_code(string text, string code, PaymentOutcome expected)
    {
        _server.Enqueue("payment/paiement-detail", Reply.Json($$"""
            {"payment": [{"payment_token": "tok", "paymentMethod": "visa", "OrderStatus": "{{code}}", "message_data": "{{text}}",
              "totalAmount": "2400", "final_status": {{code}}}], "code": "200"}
            """));

        var r = await Client.GetPaymentDetailAsync("tok");

        Assert.That(r.Find("tok")!.Outcome, Is.EqualTo(expected));
        Assert.That(r.Find("tok")!.TotalAmount, Is.EqualTo(2400m));
    }

    [Test]
    public async Task Numbers_as_strings_strings_as_numbers_unknown_fields_and_a_single_object_for_a_list()
    {
        _server.Enqueue("payment/paiement-detail", Reply.Json("""
            {"payment": {"merchand_ref": 9745, "payment_token": "tok", "mobile_callback": "1", "OrderStatus": 200,
              "totalAmount": "144", "frais_transaction": "154.032", "montant_net": "-10.03", "clientNumber": 74151522,
              "surprise": {"nested": [1, 2, 3]}, "final_status": "200", },
             "code": 200, "extra": true, }
            """));

        var r = await Client.GetPaymentDetailAsync("tok");
        var p = r.Payments.Single();

        Assert.Multiple(() =>
        {
            Assert.That(r.Code.IsSuccess, Is.True);
            Assert.That(p.MerchantRef, Is.EqualTo("9745"));
            Assert.That(p.MobileCallback, Is.EqualTo(1));
            Assert.That(p.OrderStatus.Raw, Is.EqualTo("200"));
            Assert.That(p.TotalAmount, Is.EqualTo(144m));
            Assert.That(p.TransactionFees, Is.EqualTo(154.032m));
            Assert.That(p.NetAmount, Is.EqualTo(-10.03m));
            Assert.That(p.ClientNumber, Is.EqualTo("74151522"));
        });
    }

    [TestCase("1", true)]
    [TestCase("0", false)]
    [TestCase("\"1\"", true)]
    [TestCase("\"0\"", false)]
    [TestCase("true", true)]
    [TestCase("false", false)]
    [TestCase("null", false)]
    public async Task Booleans_from_numbers_strings_or_booleans(string json, bool expected)
    {
        _server.Enqueue("payment/getLink/r", Reply.Json($$$"""{"link": {"ref": "r", "expired": {{{json}}}, "paid": {{{json}}}} }"""));

        var r = await Client.GetLinkAsync("r");

        Assert.That(r.Link!.Expired, Is.EqualTo(expected));
        Assert.That(r.Link.Paid, Is.EqualTo(json == "null" ? null : expected));
    }

    [Test]
    public void An_amount_that_is_not_a_number_is_an_invalid_response_not_a_zero()
    {
        _server.Enqueue("payment/paiement-detail", Reply.Json("""{"payment": [{"payment_token": "t", "totalAmount": "cent"}], "code": "200"}"""));

        var e = Assert.ThrowsAsync<MyPayGaException>(() => Client.GetPaymentDetailAsync("t"));

        Assert.That(e!.Kind, Is.EqualTo(MyPayGaErrorKind.InvalidResponse));
    }

    [TestCase("", "empty")]
    [TestCase("   \n", "empty")]
    [TestCase("<html><body>502 Bad Gateway</body></html>", "HTML")]
    [TestCase("<!DOCTYPE html><html></html>", "HTML")]
    [TestCase("Request Sent.Please Wait.", "not a JSON object")]
    [TestCase("[]", "not a JSON object")]
    [TestCase("null", "not a JSON object")]
    [TestCase("{\"statusRequest\": \"200\", ", "not valid JSON")]
    [TestCase("{\"statusRequest\": \"200\"} trailing", "not valid JSON")]
    public void Unusable_bodies_are_invalid_responses_never_a_guessed_success(string body, string said)
    {
        _server.Enqueue("mpayment/payment-request", new Reply(200, body, "text/html"));

        var e = Assert.ThrowsAsync<MyPayGaException>(() => Commands().ElementAt(1).Call(Client));

        Assert.Multiple(() =>
        {
            Assert.That(e!.Kind, Is.EqualTo(MyPayGaErrorKind.InvalidResponse));
            Assert.That(e.Message, Does.Contain(said));
            Assert.That(e.RawBody, Is.EqualTo(body));
            Assert.That(e.OutcomeUnknown, Is.True, "after a payment-request, read the status before trying again");
        });
    }

    [Test]
    public void Invalid_json_echoing_the_key_keeps_a_redacted_raw_body()
    {
        var body = """{"error": "bad request for apikey=""" + TestClient.SecretKey + "&amount=100, \"numero_de_compte\": \"0746";
        _server.Enqueue("mpayment/getClientTransfert", Reply.Json(body));

        var e = Assert.ThrowsAsync<MyPayGaException>(() => Client.GetClientTransferAsync("x"));

        Assert.That(e!.Kind, Is.EqualTo(MyPayGaErrorKind.InvalidResponse));
        Assert.That(e.RawBody, Does.Contain("apikey=***&amount=100"));
        Assert.That(e.RawBody, Does.Not.Contain("sandbox_secret_key"));
        Assert.That(e.ToString(), Does.Not.Contain("sandbox_secret_key"));
    }
}
