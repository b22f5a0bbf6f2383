using System.Net;
using System.Text;
using System.Text.Json;
using MyPayGa.Sandbox.Tests.Infrastructure;

namespace MyPayGa.Sandbox.Tests;

public sealed class ControlApiTests : SandboxTestBase
{
    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Test]
    public async Task Merchant_settings_are_read_and_changed_over_http_without_showing_the_secret()
    {
        var put = await Http.PutAsync("/_sandbox/merchant", Json("""
            {
              "CallbackUrl": "http://127.0.0.1:5000/callback",
              "SuccessUrl": "http://127.0.0.1:5000/ok",
              "FailureUrl": "http://127.0.0.1:5000/ko",
              "CallbackFormat": "json",
              "CallbackSecret": "merchant-callback-secret",
              "OutcomeDelayMs": 25,
              "CallbackDelayMs": 5,
              "ReturnQuery": "token",
              "MerchantName": "MTECH"
            }
            """));
        var text = await put.Content.ReadAsStringAsync();
        var json = await JsonAsync(put);
        Assert.That(text, Does.Not.Contain("merchant-callback-secret"));
        Assert.That(json.GetProperty("callbackSecretConfigured").GetBoolean(), Is.True);
        Assert.That(S(json, "callbackFormat"), Is.EqualTo("json"));
        Assert.That(S(json, "returnQuery"), Is.EqualTo("token"));
        Assert.That(N(json, "outcomeDelayMs"), Is.EqualTo(25));

        var m = Sandbox.Merchant;
        Assert.That(m.CallbackUrl, Is.EqualTo("http://127.0.0.1:5000/callback"));
        Assert.That(m.CallbackSecret, Is.EqualTo("merchant-callback-secret"));
        Assert.That(m.CallbackFormat, Is.EqualTo(CallbackFormat.Json));
        Assert.That(m.ReturnQuery, Is.EqualTo(ReturnQueryMode.Token));
        Assert.That(m.CallbackDelayMs, Is.EqualTo(5));

        // Partial update: only what is sent changes; "" clears.
        var partial = await JsonAsync(await Http.PutAsync("/_sandbox/merchant", Json("""{"callbackSecret": "", "merchantName": "Other"}""")));
        Assert.That(partial.GetProperty("callbackSecretConfigured").GetBoolean(), Is.False);
        Assert.That(S(partial, "callbackUrl"), Is.EqualTo("http://127.0.0.1:5000/callback"));

        var token = await CreatePaymentAsync();
        var request = await RequestMobileAsync(token, "074111111");
        Assert.That(S(request, "description"), Is.EqualTo("Paiement - Other"));

        var read = await JsonAsync(await Http.GetAsync("/_sandbox/merchant"));
        Assert.That(S(read, "merchantName"), Is.EqualTo("Other"));
    }

    [Test]
    public async Task Merchant_update_warns_about_a_callback_url_that_will_be_refused()
    {
        var json = await JsonAsync(await Http.PutAsync("/_sandbox/merchant", Json("""{"callbackUrl": "https://shop.example.com/cb"}""")));
        Assert.That(json.GetProperty("warnings")[0].GetString(), Does.Contain("loopback"));
    }

    [TestCase("""{"callbackFormat": "xml"}""")]
    [TestCase("""{"returnQuery": "everything"}""")]
    [TestCase("""{"callbackUrl": "not a url"}""")]
    [TestCase("""{"callbackRetries": 50}""")]
    public async Task Invalid_merchant_updates_are_a_400_and_change_nothing(string body)
    {
        var before = Sandbox.Merchant;
        var response = await Http.PutAsync("/_sandbox/merchant", Json(body));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(Sandbox.Merchant, Is.EqualTo(before));
    }

    [Test]
    public async Task Payment_state_is_readable_and_completable()
    {
        Sandbox.ConfigureMerchant(m => m with { OutcomeDelayMs = -1 });
        var token = await CreatePaymentAsync(amount: 700, uniqueId: "X-1");
        await RequestMobileAsync(token, "074111111", amount: 700);

        var state = await JsonAsync(await Http.GetAsync($"/_sandbox/payments/{token}"));
        Assert.That(S(state, "state"), Is.EqualTo("pending"));
        Assert.That(state.GetProperty("inFlight").GetBoolean(), Is.True);
        Assert.That(S(state, "orderStatus"), Is.EqualTo("201"));
        Assert.That(S(state, "uniqueId"), Is.EqualTo("X-1"));

        var completed = await JsonAsync(await Http.PostAsync($"/_sandbox/payments/{token}/complete", Json("""{"status": "400"}""")));
        Assert.That(S(completed, "orderStatus"), Is.EqualTo("400"));
        Assert.That(S(completed, "state"), Is.EqualTo("failed"));

        var again = await Http.PostAsync($"/_sandbox/payments/{token}/complete", Json("""{"status": "200"}"""));
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        var bad = await Http.PostAsync($"/_sandbox/payments/{token}/complete", Json("""{"status": "500"}"""));
        Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var unknown = await Http.GetAsync("/_sandbox/payments/nope");
        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));

        var all = await JsonAsync(await Http.GetAsync("/_sandbox/payments"));
        Assert.That(all.GetArrayLength(), Is.EqualTo(1));
    }

    [Test]
    public async Task Completing_a_payment_that_never_started_makes_it_mobile_money_on_the_gethash_phone()
    {
        var token = await CreatePaymentAsync();
        var p = Sandbox.CompletePayment(token, succeed: true);
        Assert.That(p.OrderStatus, Is.EqualTo("200"));
        var detail = (await DetailAsync(token)).GetProperty("payment")[0];
        Assert.That(S(detail, "paymentMethod"), Is.EqualTo("Mobile Money"));
        Assert.That(S(detail, "clientNumber"), Is.EqualTo("074111111"));
        Assert.That(S(detail, "pmt_banque"), Is.EqualTo("AM"));
    }

    [Test]
    public async Task Reset_over_http_forgets_everything()
    {
        var token = await CreatePaymentAsync();
        Assert.That((await Http.PostAsync("/_sandbox/reset", null)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(Sandbox.GetPayment(token), Is.Null);
    }

    [Test]
    public async Task Journal_records_requests_with_the_key_redacted_everywhere()
    {
        var token = await CreatePaymentAsync();
        await PostQueryAsync("/mpayment/payment-request", Params(("payment_token", token), ("amount", "1500"),
            ("client_phone", "074111111"), ("apikey", SecretKey)));
        await PostFormAsync("/mpgga-form-cbpay", Params(("payment_token", token), ("apikey", PublicKey)));
        await PostFormAsync("/payment/gethash", new Dictionary<string, string>(HashParams()) { ["apikey"] = "sprod_live_key_value" });
        await PostFormAsync("/mpgga-form-cbpay/pay", Params(("payment_token", token), ("card_number", "4285220922286457"), ("cvv", "321")));

        var raw = await (await Http.GetAsync("/_sandbox/events")).Content.ReadAsStringAsync();
        Assert.That(raw, Does.Not.Contain(SecretKey).And.Not.Contain(PublicKey).And.Not.Contain("sprod_live_key_value"));
        Assert.That(raw, Does.Not.Contain("4285220922286457").And.Not.Contain("321\""));

        var requests = Sandbox.Events().Where(e => e.Kind == "request").ToList();
        Assert.That(requests.Select(r => r.Path), Is.EqualTo(new[]
        {
            "/payment/gethash", "/mpayment/payment-request", "/mpgga-form-cbpay", "/payment/gethash", "/mpgga-form-cbpay/pay",
        }));
        Assert.That(requests[0].Form!["apikey"], Is.EqualTo("[redacted]"));
        Assert.That(requests[1].Query!["apikey"], Is.EqualTo("[redacted]"));
        Assert.That(requests[1].ProviderStatus, Is.EqualTo("200"));
        Assert.That(requests[3].HttpStatus, Is.EqualTo(401));
        Assert.That(requests[4].Form!["card_number"], Is.EqualTo("************6457"));
        Assert.That(Sandbox.Events().Any(e => e.Kind == "payment" && e.PaymentToken == token && e.ProviderStatus == "200"), Is.True);
    }

    [Test]
    public async Task Journal_can_be_read_from_a_sequence_number_and_by_kind()
    {
        await CreatePaymentAsync();
        var last = Sandbox.Events().Last().Sequence;
        await CreatePaymentAsync();
        var newer = await JsonAsync(await Http.GetAsync($"/_sandbox/events?after={last}&kind=request"));
        Assert.That(newer.GetArrayLength(), Is.EqualTo(1));
        Assert.That(newer[0].GetProperty("sequence").GetInt64(), Is.GreaterThan(last));
    }

    [Test]
    public async Task Control_api_is_not_journaled_and_not_reachable_under_mypayga_paths()
    {
        await Http.GetAsync("/_sandbox/merchant");
        Assert.That(Sandbox.Events().Where(e => e.Kind == "request"), Is.Empty);
        Assert.That((await Http.GetAsync("/payment/_sandbox/merchant")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Wait_idle_returns_once_outcomes_and_callbacks_are_done()
    {
        Sandbox.ConfigureMerchant(m => m with { OutcomeDelayMs = 100 });
        var token = await CreatePaymentAsync();
        await RequestMobileAsync(token, "074111111");
        Assert.That((await Http.PostAsync("/_sandbox/wait-idle", null)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(Sandbox.GetPayment(token)!.IsFinal, Is.True);
    }

    [Test]
    public void Journal_serialises_with_camel_case_names()
    {
        var entry = new Control.JournalEntry { Kind = "request", HttpStatus = 200 };
        var json = JsonSerializer.Serialize(entry, Control.ControlEndpoints.Json);
        Assert.That(json, Does.Contain("\"kind\":\"request\"").And.Contain("\"httpStatus\":200").And.Not.Contain("null"));
    }
}
