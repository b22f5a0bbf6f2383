using System.Text.Json;
using MyPayGa.Sandbox.Domain;
using MyPayGa.Sandbox.Tests.Infrastructure;

namespace MyPayGa.Sandbox.Tests;

public sealed class MobileMoneyTests : SandboxTestBase
{
    private static readonly object[][] Mobile = ExpectedTestData.Mobile;

    [TestCaseSource(nameof(Mobile))]
    public async Task Every_test_number_gives_its_documented_outcome(string number, string code, string status,
        string message, string operatorCode)
    {
        var token = await CreatePaymentAsync(amount: 1500, uniqueId: "ORD-" + number);
        var request = await RequestMobileAsync(token, number);
        Assert.That(S(request, "statusRequest"), Is.EqualTo("200"), "the push is accepted whatever the outcome");

        var detail = await DetailAsync(token);
        var payment = detail.GetProperty("payment")[0];
        Assert.That(S(payment, "OrderStatus"), Is.EqualTo(code));
        Assert.That(S(payment, "final_status"), Is.EqualTo(code));
        Assert.That(S(detail, "final_status"), Is.EqualTo(code));
        Assert.That(S(payment, "message_data"), Is.EqualTo(status));
        Assert.That(S(payment, "pmt_banque"), Is.EqualTo(operatorCode));
        Assert.That(S(payment, "paymentMethod"), Is.EqualTo("Mobile Money"));
        Assert.That(S(payment, "clientNumber"), Is.EqualTo(number));
        Assert.That(N(payment, "mobile_callback"), Is.EqualTo(1));
        Assert.That(S(payment, "merchand_ref"), Is.EqualTo("ORD-" + number));

        // The operator's message is what the callback carries.
        Assert.That(Sandbox.GetPayment(token)!.Message, Is.EqualTo(message));
    }

    [Test]
    public async Task Answer_has_the_documented_shape()
    {
        var token = await CreatePaymentAsync(amount: 100);
        var json = await RequestMobileAsync(token, "074121212", amount: 100);
        Assert.That(Names(json), Is.EqualTo(new[] { "message", "payment_token", "description", "statusRequest", "transaction" }));
        Assert.That(S(json, "message"), Is.EqualTo("Request Sent.Please Wait."));
        Assert.That(S(json, "payment_token"), Is.EqualTo(token));
        Assert.That(S(json, "description"), Is.EqualTo("Paiement - Test Shop"));
        Assert.That(S(json, "statusRequest"), Is.EqualTo("200"));
        var transaction = json.GetProperty("transaction");
        Assert.That(N(transaction, "amount"), Is.EqualTo(100), "a number here");
        Assert.That(S(transaction, "country"), Is.EqualTo("GA"));
        Assert.That(S(transaction, "currency"), Is.EqualTo("CFA"));
        Assert.That(S(transaction, "id"), Does.Match("^[0-9]{4}[A-Z]{3}$"));
    }

    [Test]
    public async Task Query_string_encoding_works()
    {
        var token = await CreatePaymentAsync();
        var json = await PostQueryJsonAsync("/mpayment/payment-request", Params(("apikey", SecretKey),
            ("client_phone", "077508412"), ("description", "Description"), ("lastname", "ClientLname"),
            ("amount", "1500"), ("payment_token", token)));
        Assert.That(S(json, "statusRequest"), Is.EqualTo("200"));
        Assert.That(Sandbox.GetPayment(token)!.State, Is.EqualTo(PaymentState.Succeeded));
    }

    [TestCase("+241 74 11 11 11")]
    [TestCase("24174111111")]
    [TestCase("241074111111")]
    [TestCase("074 11 11 11")]
    [TestCase("00241 74 11 11 11")]
    [TestCase("+241-74-11-11-11")]
    public async Task International_prefix_and_spaces_are_normalised(string phone)
    {
        var token = await CreatePaymentAsync();
        var json = await RequestMobileAsync(token, phone);
        Assert.That(S(json, "statusRequest"), Is.EqualTo("200"));
        var payment = (await DetailAsync(token)).GetProperty("payment")[0];
        Assert.That(S(payment, "OrderStatus"), Is.EqualTo("200"));
        Assert.That(S(payment, "clientNumber"), Is.EqualTo("074111111"));
    }

    [Test]
    public async Task Normalised_failing_number_still_fails()
    {
        var token = await CreatePaymentAsync();
        await RequestMobileAsync(token, "+241 74 13 13 13");
        Assert.That(S((await DetailAsync(token)).GetProperty("payment")[0], "OrderStatus"), Is.EqualTo("400"));
    }

    [Test]
    public async Task Unknown_number_is_refused_and_the_payment_stays_pending()
    {
        var token = await CreatePaymentAsync();
        var json = await RequestMobileAsync(token, "074999999");
        Assert.That(S(json, "statusRequest"), Is.EqualTo("400"));
        Assert.That(S(json, "message"), Is.EqualTo("Numéro de test inconnu : utilisez un numéro de test de la documentation."));
        Assert.That(S((await DetailAsync(token)).GetProperty("payment")[0], "OrderStatus"), Is.EqualTo("201"));

        // The shopper may retry with a test number.
        var retry = await RequestMobileAsync(token, "074121212");
        Assert.That(S(retry, "statusRequest"), Is.EqualTo("200"));
        Assert.That(Sandbox.GetPayment(token)!.State, Is.EqualTo(PaymentState.Succeeded));
    }

    [Test]
    public async Task Unknown_token_is_a_400()
    {
        var json = await RequestMobileAsync("NoSuchTokenNoSuchTokenNoS", "074111111");
        Assert.That(S(json, "statusRequest"), Is.EqualTo("400"));
        Assert.That(S(json, "message"), Does.Contain("payment_token"));
    }

    [Test]
    public async Task Amount_must_equal_the_gethash_amount()
    {
        var token = await CreatePaymentAsync(amount: 1500);
        var json = await RequestMobileAsync(token, "074111111", amount: 1400);
        Assert.That(S(json, "statusRequest"), Is.EqualTo("400"));
        Assert.That(S(json, "message"), Does.Contain("1400").And.Contain("1500"));
        Assert.That(Sandbox.GetPayment(token)!.State, Is.EqualTo(PaymentState.Pending));
    }

    [TestCase("100.5")]
    [TestCase("-3")]
    public async Task Fractional_or_negative_amount_is_a_400(string amount)
    {
        var token = await CreatePaymentAsync();
        var json = await PostFormJsonAsync("/mpayment/payment-request", Params(("payment_token", token),
            ("amount", amount), ("client_phone", "074111111"), ("apikey", SecretKey)));
        Assert.That(S(json, "statusRequest"), Is.EqualTo("400"));
        Assert.That(S(json, "message"), Does.Contain("amount"));
    }

    [TestCase("payment_token")]
    [TestCase("amount")]
    [TestCase("client_phone")]
    public async Task Missing_required_parameter_is_a_400(string parameter)
    {
        var token = await CreatePaymentAsync();
        var fields = Params(("payment_token", token), ("amount", "1500"), ("client_phone", "074111111"), ("apikey", SecretKey));
        fields.Remove(parameter);
        var json = await PostFormJsonAsync("/mpayment/payment-request", fields);
        Assert.That(S(json, "statusRequest"), Is.EqualTo("400"));
        Assert.That(S(json, "message"), Does.Contain(parameter));
    }

    [Test]
    public async Task Outcome_waits_for_the_configured_delay()
    {
        Sandbox.ConfigureMerchant(m => m with { OutcomeDelayMs = 150 });
        var token = await CreatePaymentAsync();
        await RequestMobileAsync(token, "074131313");
        Assert.That(S((await DetailAsync(token)).GetProperty("payment")[0], "OrderStatus"), Is.EqualTo("201"));
        await Sandbox.WhenIdleAsync();
        Assert.That(S((await DetailAsync(token)).GetProperty("payment")[0], "OrderStatus"), Is.EqualTo("400"));
    }

    [Test]
    public async Task Second_request_while_one_is_waiting_is_refused_and_the_control_api_settles_it()
    {
        Sandbox.ConfigureMerchant(m => m with { OutcomeDelayMs = -1 });
        var token = await CreatePaymentAsync();
        Assert.That(S(await RequestMobileAsync(token, "074111111"), "statusRequest"), Is.EqualTo("200"));
        var again = await RequestMobileAsync(token, "074111111");
        Assert.That(S(again, "statusRequest"), Is.EqualTo("400"));
        Assert.That(S(again, "message"), Does.Contain("already waiting"));

        Sandbox.CompletePayment(token, succeed: false);
        var payment = (await DetailAsync(token)).GetProperty("payment")[0];
        Assert.That(S(payment, "OrderStatus"), Is.EqualTo("400"));
        Assert.That(S(payment, "message_data"), Is.EqualTo("Failed"));
    }

    [Test]
    public async Task Request_on_a_final_payment_is_refused()
    {
        var token = await CreatePaidPaymentAsync();
        var json = await RequestMobileAsync(token, "074111111");
        Assert.That(S(json, "statusRequest"), Is.EqualTo("400"));
        Assert.That(S(json, "message"), Does.Contain("already final"));
    }

    [Test]
    public async Task Error_answers_are_http_200_with_valid_json()
    {
        var token = await CreatePaymentAsync();
        var response = await PostFormAsync("/mpayment/payment-request", Params(("payment_token", token),
            ("amount", "1500"), ("client_phone", "not a phone"), ("apikey", SecretKey)));
        Assert.That((int)response.StatusCode, Is.EqualTo(200));
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.That(doc.RootElement.GetProperty("statusRequest").GetString(), Is.EqualTo("400"));
    }
}
