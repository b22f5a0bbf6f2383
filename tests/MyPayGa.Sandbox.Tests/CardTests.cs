using System.Net;
using MyPayGa.Sandbox.Tests.Infrastructure;

namespace MyPayGa.Sandbox.Tests;

public sealed class CardTests : SandboxTestBase
{
    private const string Success = "http://127.0.0.1:9/shop/success";
    private const string Failure = "http://127.0.0.1:9/shop/failure?from=mypayga";

    private static readonly object[][] Cards = ExpectedTestData.Cards;

    [SetUp]
    public void DeclareReturnUrls() =>
        Sandbox.ConfigureMerchant(m => m with { SuccessUrl = Success, FailureUrl = Failure });

    private async Task<HttpResponseMessage> OpenFormAsync(string token) =>
        await PostFormAsync("/mpgga-form-cbpay", Params(("payment_token", token), ("apikey", PublicKey)));

    private async Task<HttpResponseMessage> PayAsync(string token, string card) =>
        await PostFormAsync("/mpgga-form-cbpay/pay", Params(("payment_token", token), ("card_number", card),
            ("expiry", "12/30"), ("cvv", "123")));

    [TestCaseSource(nameof(Cards))]
    public async Task Every_test_card_gives_its_status_text_and_return_url(string card, string status, string message,
        string brand, bool paid)
    {
        var token = await CreatePaymentAsync(amount: 5000, uniqueId: "CARD-1");
        Assert.That((await OpenFormAsync(token)).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var response = await PayAsync(token, card);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.SeeOther));
        Assert.That(response.Headers.Location!.OriginalString, Is.EqualTo(paid ? Success : Failure));

        var detail = await DetailAsync(token);
        var p = detail.GetProperty("payment")[0];
        // The documented quirk: every card outcome is code 200; only the text tells paid from declined.
        Assert.That(S(p, "OrderStatus"), Is.EqualTo("200"));
        Assert.That(S(p, "final_status"), Is.EqualTo("200"));
        Assert.That(S(detail, "final_status"), Is.EqualTo("200"));
        Assert.That(S(p, "message_data"), Is.EqualTo(status));
        Assert.That(S(p, "paymentMethod"), Is.EqualTo("Carte Bancaire"));
        Assert.That(S(p, "pmt_banque"), Is.EqualTo(brand));
        Assert.That(S(p, "last_4_digits"), Is.EqualTo(card[^4..]));
        Assert.That(N(p, "mobile_callback"), Is.EqualTo(0));
        Assert.That(S(p, "nom_prenom_client"), Is.EqualTo("Larry Jacob"));

        var snapshot = Sandbox.GetPayment(token)!;
        Assert.That(snapshot.Message, Is.EqualTo(message));
        Assert.That(snapshot.State, Is.EqualTo(paid ? Domain.PaymentState.Succeeded : Domain.PaymentState.Failed));
    }

    [Test]
    public async Task Form_page_is_a_labelled_sandbox_bank_page_listing_the_test_cards()
    {
        var token = await CreatePaymentAsync(amount: 5000);
        var response = await OpenFormAsync(token);
        var html = await response.Content.ReadAsStringAsync();
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/html"));
        Assert.That(html, Does.Contain("SANDBOX"));
        Assert.That(html, Does.Contain("name=\"card_number\"").And.Contain("id=\"pay\""));
        Assert.That(html, Does.Contain("5000 XAF"));
        Assert.That(html, Does.Contain(token));
        foreach (var card in ExpectedTestData.CardNumbers)
        {
            Assert.That(html, Does.Contain(card));
        }
        Assert.That(html, Does.Contain("Refus carte volée"));
    }

    [Test]
    public async Task Form_also_opens_with_GET()
    {
        var token = await CreatePaymentAsync();
        var response = await GetAsync("/mpgga-form-cbpay", Params(("payment_token", token), ("apikey", PublicKey)));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Card_number_with_spaces_is_accepted()
    {
        var token = await CreatePaymentAsync();
        var response = await PayAsync(token, "4285 2209 2228 6457");
        Assert.That(response.Headers.Location!.OriginalString, Is.EqualTo(Success));
    }

    [Test]
    public async Task Unknown_card_is_declined_like_Refus_Risk()
    {
        var token = await CreatePaymentAsync();
        var response = await PayAsync(token, "4111111111111111");
        Assert.That(response.Headers.Location!.OriginalString, Is.EqualTo(Failure));
        var p = (await DetailAsync(token)).GetProperty("payment")[0];
        Assert.That(S(p, "message_data"), Is.EqualTo("Refus Risk"));
        Assert.That(Sandbox.GetPayment(token)!.Message, Does.Contain("unknown test card"));
    }

    [Test]
    public async Task Return_query_token_appends_the_payment_token()
    {
        Sandbox.ConfigureMerchant(m => m with { ReturnQuery = ReturnQueryMode.Token });
        var token = await CreatePaymentAsync();
        var response = await PayAsync(token, "4285220922286457");
        Assert.That(response.Headers.Location!.OriginalString, Is.EqualTo($"{Success}?payment_token={token}"));
    }

    [Test]
    public async Task Return_query_full_appends_token_unique_id_and_status_to_an_url_with_a_query()
    {
        Sandbox.ConfigureMerchant(m => m with { ReturnQuery = ReturnQueryMode.Full });
        var token = await CreatePaymentAsync(uniqueId: "A&B");
        var response = await PayAsync(token, "4102972145002274");
        Assert.That(response.Headers.Location!.OriginalString,
            Is.EqualTo($"{Failure}&payment_token={token}&unique_id=A%26B&status=Refus%20carte%20vol%C3%A9e"));
    }

    [Test]
    public async Task Without_return_urls_the_sandbox_shows_the_outcome_itself()
    {
        Sandbox.ConfigureMerchant(m => m with { SuccessUrl = null, FailureUrl = null });
        var token = await CreatePaymentAsync();
        var response = await PayAsync(token, "4242937137682335");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var html = await response.Content.ReadAsStringAsync();
        Assert.That(html, Does.Contain("Refus solde ins").And.Contain("PAYMENT FAILED, INSUF FUND"));
    }

    [Test]
    public async Task Paying_twice_is_refused()
    {
        var token = await CreatePaymentAsync();
        await PayAsync(token, "4285220922286457");
        var again = await PayAsync(token, "4242937137682335");
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await again.Content.ReadAsStringAsync(), Does.Contain("already final"));
        Assert.That(Sandbox.GetPayment(token)!.StatusText, Is.EqualTo("Success"));
    }

    [Test]
    public async Task Form_for_an_unknown_or_missing_token_is_a_400_page()
    {
        var unknown = await PostFormAsync("/mpgga-form-cbpay", Params(("payment_token", "nope"), ("apikey", PublicKey)));
        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await unknown.Content.ReadAsStringAsync(), Does.Contain("Unknown payment_token"));
        var missing = await PostFormAsync("/mpgga-form-cbpay", Params(("apikey", PublicKey)));
        Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Control_api_completes_a_card_payment_without_a_browser()
    {
        var token = await CreatePaymentAsync();
        var response = await Http.PostAsync($"/_sandbox/payments/{token}/card",
            new StringContent("""{"cardNumber":"5335406367416736"}""", System.Text.Encoding.UTF8, "application/json"));
        var json = await JsonAsync(response);
        Assert.That(S(json, "statusText"), Is.EqualTo("Acceptée avec Risk"));
        Assert.That(json.GetProperty("succeeded").GetBoolean(), Is.True);
        Assert.That(S(json, "redirectUrl"), Is.EqualTo(Success));
        Assert.That(S(json.GetProperty("payment"), "orderStatus"), Is.EqualTo("200"));

        var again = await Http.PostAsync($"/_sandbox/payments/{token}/card",
            new StringContent("""{"cardNumber":"5335406367416736"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
    }

    [Test]
    public async Task In_process_accessor_completes_a_card_payment()
    {
        var token = await CreatePaymentAsync();
        var result = Sandbox.PayByCard(token, "4005075690593537");
        Assert.That(result.StatusText, Is.EqualTo("Refus Risk"));
        Assert.That(result.Succeeded, Is.False);
        Assert.That(result.RedirectUrl, Is.EqualTo(Failure));
        Assert.That(() => Sandbox.PayByCard(token, "4285220922286457"), Throws.InvalidOperationException);
    }
}
