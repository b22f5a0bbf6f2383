using System.Net;
using System.Text.Json;
using MyPayGa.Sandbox.Tests.Infrastructure;

namespace MyPayGa.Sandbox.Tests;

public sealed class LinkTests : SandboxTestBase
{
    private async Task<JsonElement> GenerateAsync(string amount = "1000") =>
        await PostQueryJsonAsync("/payment/generateLink", Params(("firstname", "Fname"), ("lastname", "Lname"),
            ("email", "contact@example.com"), ("phone", "074101112"), ("amount", amount),
            ("description", "Test lien API"), ("apikey", SecretKey)));

    private static string TokenOf(JsonElement generated) =>
        new Uri(S(generated.GetProperty("link"), "url")).Query.Split("token_url=")[1];

    [Test]
    public async Task Generate_has_the_documented_shape_and_a_url_on_this_sandbox()
    {
        var json = await GenerateAsync();
        Assert.That(Names(json), Is.EqualTo(new[] { "message", "code", "link" }));
        Assert.That(S(json, "message"), Is.EqualTo("Link created"));
        Assert.That(N(json, "code"), Is.EqualTo(200), "a number here");
        var link = json.GetProperty("link");
        Assert.That(Names(link), Is.EqualTo(new[] { "order_ref", "description", "email", "phone", "expired", "paid", "url" }));
        Assert.That(S(link, "order_ref"), Does.Match("^s-[A-Za-z0-9]{8}$"));
        Assert.That(S(link, "description"), Is.EqualTo("Test lien API"));
        Assert.That(S(link, "email"), Is.EqualTo("contact@example.com"));
        Assert.That(S(link, "phone"), Is.EqualTo("074101112"));
        Assert.That(N(link, "expired"), Is.EqualTo(0));
        Assert.That(N(link, "paid"), Is.EqualTo(0));
        Assert.That(S(link, "url"), Does.StartWith(new Uri(Sandbox.BaseUrl, "/payment/sharedLink/pay?token_url=").ToString()));

        var page = await Http.GetAsync(S(link, "url"));
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await page.Content.ReadAsStringAsync(), Does.Contain("1000 XAF").And.Contain("Test lien API"));
    }

    [Test]
    public async Task Generate_with_a_form_body_works_and_checks_the_amount()
    {
        var json = await PostFormJsonAsync("/payment/generateLink", Params(("firstname", "F"), ("lastname", "L"),
            ("email", "e@example.com"), ("phone", "074111111"), ("amount", "12.5"), ("description", "D"), ("apikey", SecretKey)));
        Assert.That(N(json, "code"), Is.EqualTo(400));
        Assert.That(S(json, "message"), Does.Contain("amount"));
    }

    [Test]
    public async Task Get_link_by_its_token_or_order_ref()
    {
        var generated = await GenerateAsync();
        var token = TokenOf(generated);
        var orderRef = S(generated.GetProperty("link"), "order_ref");

        foreach (var reference in new[] { token, orderRef })
        {
            var json = await PostQueryJsonAsync($"/payment/getLink/{reference}", Params(("apikey", SecretKey)));
            Assert.That(Names(json), Is.EqualTo(new[] { "message", "created_at", "link" }));
            Assert.That(S(json, "message"), Is.EqualTo("Link created"), "what the reference answers on a read");
            Assert.That(S(json, "created_at"), Does.Match(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$"));
            var link = json.GetProperty("link");
            Assert.That(Names(link), Is.EqualTo(new[] { "ref", "description", "email", "phone", "expired", "final_status", "url" }));
            Assert.That(S(link, "ref"), Is.EqualTo(token));
            Assert.That(N(link, "expired"), Is.EqualTo(0));
            Assert.That(S(link, "final_status"), Is.EqualTo("400"), "unpaid, as the example shows");
        }
    }

    [Test]
    public async Task Unknown_link_is_a_404_inside_http_200()
    {
        var json = await PostQueryJsonAsync("/payment/getLink/nope", Params(("apikey", SecretKey)));
        Assert.That(N(json, "code"), Is.EqualTo(404));
        var cancel = await GetJsonAsync("/payment/linkCancel/nope", Params(("apikey", SecretKey)));
        Assert.That(N(cancel, "code"), Is.EqualTo(404));
    }

    [TestCase("/payment/linkCancel/")]
    [TestCase("/mpayment/linkCancel/")]
    public async Task Cancel_under_both_documented_paths(string path)
    {
        var generated = await GenerateAsync();
        var token = TokenOf(generated);
        var json = await GetJsonAsync(path + token, Params(("apikey", SecretKey)));
        Assert.That(Names(json), Is.EqualTo(new[] { "message", "code", "link" }));
        Assert.That(S(json, "message"), Is.EqualTo("Link updated : Changed to Expired"));
        Assert.That(N(json, "code"), Is.EqualTo(200));
        Assert.That(S(json, "link"), Is.EqualTo(token));

        var read = await PostQueryJsonAsync($"/payment/getLink/{token}", Params(("apikey", SecretKey)));
        Assert.That(N(read.GetProperty("link"), "expired"), Is.EqualTo(1));
        var page = await (await Http.GetAsync(S(generated.GetProperty("link"), "url"))).Content.ReadAsStringAsync();
        Assert.That(page, Does.Contain("expired").And.Not.Contain("id=\"pay\""));
    }

    [Test]
    public async Task Paying_a_link_with_a_test_number_marks_it_paid()
    {
        var generated = await GenerateAsync("1000");
        var token = TokenOf(generated);
        var orderRef = S(generated.GetProperty("link"), "order_ref");

        var response = await PostFormAsync("/payment/sharedLink/pay", Params(("token_url", token), ("phone", "074121212")));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("Request sent"));

        var read = await PostQueryJsonAsync($"/payment/getLink/{token}", Params(("apikey", SecretKey)));
        Assert.That(S(read.GetProperty("link"), "final_status"), Is.EqualTo("200"));
        var payment = Sandbox.Payments.Single();
        Assert.That(payment.UniqueId, Is.EqualTo(orderRef));
        Assert.That(payment.Amount, Is.EqualTo(1000));
        Assert.That(payment.LinkToken, Is.EqualTo(token));

        var again = await PostFormAsync("/payment/sharedLink/pay", Params(("token_url", token), ("phone", "074121212")));
        Assert.That(await again.Content.ReadAsStringAsync(), Does.Contain("already paid"));
    }

    [Test]
    public async Task Failed_or_unknown_number_leaves_the_link_unpaid()
    {
        var token = TokenOf(await GenerateAsync());
        await PostFormAsync("/payment/sharedLink/pay", Params(("token_url", token), ("phone", "074131313")));
        var unknown = await PostFormAsync("/payment/sharedLink/pay", Params(("token_url", token), ("phone", "074999999")));
        Assert.That(await unknown.Content.ReadAsStringAsync(), Does.Contain("Numéro de test inconnu"));
        var read = await PostQueryJsonAsync($"/payment/getLink/{token}", Params(("apikey", SecretKey)));
        Assert.That(S(read.GetProperty("link"), "final_status"), Is.EqualTo("400"));
    }
}
