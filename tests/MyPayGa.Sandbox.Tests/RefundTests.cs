using System.Text.Json;
using MyPayGa.Sandbox.Tests.Infrastructure;

namespace MyPayGa.Sandbox.Tests;

public sealed class RefundTests : SandboxTestBase
{
    private async Task<JsonElement> CreateRefundAsync(string token, string amount, string description = "description") =>
        await PostQueryJsonAsync("/refund/create", Params(("apikey", SecretKey), ("payment_token", token),
            ("amount", amount), ("description", description)));

    private async Task<(HttpResponseMessage Response, string Body)> SendRefundAsync(string refundId)
    {
        var response = await PostQueryAsync("/refund/send", Params(("apikey", SecretKey), ("refund_id", refundId)));
        return (response, await response.Content.ReadAsStringAsync());
    }

    private async Task<JsonElement> InfosAsync(string refundId, bool post = false)
    {
        var fields = Params(("apikey", SecretKey), ("refId", refundId));
        return post ? await PostQueryJsonAsync("/refund/infos", fields) : await GetJsonAsync("/refund/infos", fields);
    }

    [Test]
    public async Task Create_has_the_documented_shape()
    {
        var token = await CreatePaidPaymentAsync(amount: 1000);
        var json = await CreateRefundAsync(token, "100");
        Assert.That(Names(json), Is.EqualTo(new[]
        {
            "message", "statusRequest", "totalAmount", "clientNumber", "frais_transaction", "updatedFees", "refundId",
        }));
        Assert.That(S(json, "message"), Is.EqualTo("Refund created"));
        Assert.That(N(json, "statusRequest"), Is.EqualTo(200), "a number here");
        Assert.That(N(json, "totalAmount"), Is.EqualTo(100));
        Assert.That(S(json, "clientNumber"), Is.EqualTo("074111111"));
        Assert.That(N(json, "frais_transaction"), Is.EqualTo(2.75m), "as in the example for 100");
        Assert.That(N(json, "updatedFees"), Is.EqualTo(0));
        Assert.That(S(json, "refundId"), Does.Match("^rfd_[0-9]{6}\\.[A-Za-z0-9]{12}$"));
    }

    [Test]
    public async Task Send_answers_the_documented_body_with_its_trailing_comma()
    {
        var token = await CreatePaidPaymentAsync();
        var id = S(await CreateRefundAsync(token, "1500"), "refundId");
        var (response, body) = await SendRefundAsync(id);
        Assert.That((int)response.StatusCode, Is.EqualTo(200));
        Assert.That(body, Is.EqualTo($$"""{"message": "Refund OK.", "refund_id": "{{id}}", "RefundStatus": "200",}"""));
        Assert.That(() => JsonDocument.Parse(body), Throws.InstanceOf<JsonException>(), "not valid JSON, on purpose");
        using var lenient = JsonDocument.Parse(body, new JsonDocumentOptions { AllowTrailingCommas = true });
        Assert.That(lenient.RootElement.GetProperty("RefundStatus").GetString(), Is.EqualTo("200"));
    }

    [Test]
    public async Task Sending_twice_is_refused()
    {
        var token = await CreatePaidPaymentAsync();
        var id = S(await CreateRefundAsync(token, "500"), "refundId");
        await SendRefundAsync(id);
        var (_, body) = await SendRefundAsync(id);
        using var doc = JsonDocument.Parse(body);
        Assert.That(doc.RootElement.GetProperty("RefundStatus").GetString(), Is.EqualTo("400"));
        Assert.That(doc.RootElement.GetProperty("message").GetString(), Is.EqualTo("Refund already sent"));
    }

    [Test]
    public async Task Sending_an_unknown_refund_is_a_400()
    {
        var (_, body) = await SendRefundAsync("rfd_000000.nonexistent0");
        using var doc = JsonDocument.Parse(body);
        Assert.That(doc.RootElement.GetProperty("RefundStatus").GetString(), Is.EqualTo("400"));
    }

    [Test]
    public async Task Partial_refunds_add_up_to_the_paid_amount_and_no_further()
    {
        var token = await CreatePaidPaymentAsync(amount: 1000);
        var first = await CreateRefundAsync(token, "300");
        Assert.That(N(first, "statusRequest"), Is.EqualTo(200));
        await SendRefundAsync(S(first, "refundId"));
        // Created but not sent also counts.
        Assert.That(N(await CreateRefundAsync(token, "500"), "statusRequest"), Is.EqualTo(200));

        var over = await CreateRefundAsync(token, "201");
        Assert.That(N(over, "statusRequest"), Is.EqualTo(400));
        Assert.That(S(over, "message"), Does.Contain("200 of 1000"));

        Assert.That(N(await CreateRefundAsync(token, "200"), "statusRequest"), Is.EqualTo(200));
        Assert.That(N(await CreateRefundAsync(token, "1"), "statusRequest"), Is.EqualTo(400));
        Assert.That(Sandbox.GetPayment(token)!.RefundedAmount, Is.EqualTo(1000));
    }

    [Test]
    public async Task Refund_larger_than_the_payment_is_refused()
    {
        var token = await CreatePaidPaymentAsync(amount: 1000);
        var json = await CreateRefundAsync(token, "1001");
        Assert.That(N(json, "statusRequest"), Is.EqualTo(400));
    }

    [Test]
    public async Task Pending_or_failed_payments_cannot_be_refunded()
    {
        var pending = await CreatePaymentAsync();
        var json = await CreateRefundAsync(pending, "100");
        Assert.That(N(json, "statusRequest"), Is.EqualTo(400));
        Assert.That(S(json, "message"), Does.Contain("pending"));

        var failed = await CreatePaymentAsync();
        await RequestMobileAsync(failed, "074131313");
        Assert.That(N(await CreateRefundAsync(failed, "100"), "statusRequest"), Is.EqualTo(400));

        var declinedCard = await CreatePaymentAsync();
        Sandbox.PayByCard(declinedCard, "4242937137682335");
        Assert.That(N(await CreateRefundAsync(declinedCard, "100"), "statusRequest"), Is.EqualTo(400),
            "card code 200 with a decline text is not paid");
    }

    [Test]
    public async Task Accepted_card_payment_can_be_refunded()
    {
        var token = await CreatePaymentAsync(amount: 2000);
        Sandbox.PayByCard(token, "5335406367416736");
        var json = await CreateRefundAsync(token, "2000");
        Assert.That(N(json, "statusRequest"), Is.EqualTo(200));
        var infos = await InfosAsync(S(json, "refundId"));
        Assert.That(S(infos.GetProperty("refund"), "paymentMethod"), Is.EqualTo("Carte Bancaire"));
    }

    [TestCase("100.5")]
    [TestCase("-3")]
    [TestCase("0")]
    public async Task Refund_amount_must_be_whole_and_positive(string amount)
    {
        var token = await CreatePaidPaymentAsync();
        var json = await CreateRefundAsync(token, amount);
        Assert.That(N(json, "statusRequest"), Is.EqualTo(400));
    }

    [Test]
    public async Task Unknown_payment_cannot_be_refunded()
    {
        var json = await CreateRefundAsync("nope", "100");
        Assert.That(N(json, "statusRequest"), Is.EqualTo(400));
    }

    [Test]
    public async Task Infos_before_and_after_send_by_GET_and_POST()
    {
        var token = await CreatePaidPaymentAsync(amount: 1000);
        var id = S(await CreateRefundAsync(token, "100", "Retour article"), "refundId");

        var before = await InfosAsync(id);
        Assert.That(Names(before), Is.EqualTo(new[] { "message", "exists", "refund", "statusRequest" }));
        Assert.That(S(before, "message"), Is.EqualTo("Refund found"));
        Assert.That(N(before, "exists"), Is.EqualTo(1));
        Assert.That(S(before, "statusRequest"), Is.EqualTo("200"));
        var r = before.GetProperty("refund");
        Assert.That(Names(r), Is.EqualTo(new[]
        {
            "orderAmount", "amount", "status", "requestDate", "opeDate", "paymentMethod", "refundType", "refundId",
            "message", "description",
        }));
        Assert.That(N(r, "orderAmount"), Is.EqualTo(1000));
        Assert.That(N(r, "amount"), Is.EqualTo(100));
        Assert.That(S(r, "status"), Is.EqualTo("201"));
        Assert.That(S(r, "message"), Is.EqualTo("Remboursement en attente de validation."));
        Assert.That(r.GetProperty("opeDate").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(S(r, "paymentMethod"), Is.EqualTo("Airtel Money"));
        Assert.That(S(r, "refundType"), Is.EqualTo("TO"));
        Assert.That(S(r, "refundId"), Is.EqualTo(id));
        Assert.That(S(r, "description"), Is.EqualTo("Retour article"));

        await SendRefundAsync(id);
        var after = (await InfosAsync(id, post: true)).GetProperty("refund");
        Assert.That(S(after, "status"), Is.EqualTo("200"));
        Assert.That(S(after, "message"), Is.EqualTo("Remboursement effectué."));
        Assert.That(S(after, "opeDate"), Does.Match(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$"));
    }

    [Test]
    public async Task Infos_for_an_unknown_refund_says_it_does_not_exist()
    {
        var json = await InfosAsync("rfd_000000.nonexistent0");
        Assert.That(N(json, "exists"), Is.EqualTo(0));
        Assert.That(S(json, "statusRequest"), Is.EqualTo("404"));
    }
}
