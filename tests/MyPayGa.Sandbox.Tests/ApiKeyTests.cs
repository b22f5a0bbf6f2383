using System.Net;
using MyPayGa.Sandbox.Tests.Infrastructure;

namespace MyPayGa.Sandbox.Tests;

public sealed class ApiKeyTests : SandboxTestBase
{
    /// <summary>Every endpoint that takes the secret key: method and path.</summary>
    private static readonly object[][] SecretEndpoints =
    [
        ["POST", "/payment/gethash"],
        ["POST", "/mpayment/payment-request"],
        ["GET", "/payment/paiement-detail"],
        ["POST", "/mpayment/sendClientTransfert"],
        ["GET", "/mpayment/getClientTransfert"],
        ["GET", "/mpayment/getFees"],
        ["POST", "/refund/create"],
        ["POST", "/refund/send"],
        ["GET", "/refund/infos"],
        ["POST", "/refund/infos"],
        ["POST", "/payment/generateLink"],
        ["POST", "/payment/getLink/s-abcdefgh"],
        ["GET", "/payment/linkCancel/s-abcdefgh"],
        ["GET", "/mpayment/linkCancel/s-abcdefgh"],
    ];

    private Task<HttpResponseMessage> SendAsync(string method, string path, string? key)
    {
        var fields = key is null ? Params() : Params(("apikey", key));
        return method == "GET" ? GetAsync(path, fields) : PostQueryAsync(path, fields);
    }

    [TestCaseSource(nameof(SecretEndpoints))]
    public async Task Unknown_key_is_refused_with_401_json(string method, string path)
    {
        const string wrong = "stest_not_this_account";
        var response = await SendAsync(method, path, wrong);
        var text = await response.Content.ReadAsStringAsync();
        var json = await JsonAsync(response, HttpStatusCode.Unauthorized);
        Assert.That(S(json, "statusRequest"), Is.EqualTo("401"));
        Assert.That(S(json, "message"), Is.Not.Empty);
        Assert.That(text, Does.Not.Contain(wrong), "a key is never echoed");
    }

    [TestCaseSource(nameof(SecretEndpoints))]
    public async Task Missing_key_is_refused_with_401(string method, string path)
    {
        var json = await JsonAsync(await SendAsync(method, path, null), HttpStatusCode.Unauthorized);
        Assert.That(S(json, "message"), Does.Contain("apikey"));
    }

    [TestCase("sprod_live_merchant_key")]
    [TestCase("pprod_live_public_key")]
    public async Task Production_key_gets_a_message_that_only_test_keys_work(string key)
    {
        var response = await PostQueryAsync("/payment/gethash", new Dictionary<string, string>(HashParams()) { ["apikey"] = key });
        var text = await response.Content.ReadAsStringAsync();
        var json = await JsonAsync(response, HttpStatusCode.Unauthorized);
        Assert.That(S(json, "message"), Does.Contain("only accepts test keys"));
        Assert.That(text, Does.Not.Contain(key));
    }

    [Test]
    public async Task Public_key_is_refused_where_the_secret_key_is_needed()
    {
        var json = await JsonAsync(await PostFormAsync("/payment/gethash",
            new Dictionary<string, string>(HashParams()) { ["apikey"] = PublicKey }), HttpStatusCode.Unauthorized);
        Assert.That(S(json, "message"), Does.Contain("secret key"));
    }

    [Test]
    public async Task Card_form_takes_the_public_key_and_refuses_the_secret_key()
    {
        var token = await CreatePaymentAsync();
        var withSecret = await PostFormAsync("/mpgga-form-cbpay", Params(("payment_token", token), ("apikey", SecretKey)));
        var refused = await JsonAsync(withSecret, HttpStatusCode.Unauthorized);
        Assert.That(S(refused, "message"), Does.Contain("public key"));

        var withPublic = await PostFormAsync("/mpgga-form-cbpay", Params(("payment_token", token), ("apikey", PublicKey)));
        Assert.That(withPublic.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var html = await withPublic.Content.ReadAsStringAsync();
        Assert.That(html, Does.Not.Contain(PublicKey), "the page never repeats the key");
    }

    [Test]
    public async Task Keys_are_checked_before_parameters()
    {
        // No parameters at all and a wrong key: the key error wins (nothing is revealed about parameters).
        var response = await PostQueryAsync("/refund/create", Params(("apikey", "stest_wrong")));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Configured_keys_replace_the_defaults()
    {
        await using var custom = await SandboxServer.StartAsync(new SandboxOptions
        {
            SecretKey = "stest_custom_placeholder",
            PublicKey = "ptest_custom_placeholder",
        });
        using var http = new HttpClient { BaseAddress = custom.BaseUrl };
        var defaults = await http.PostAsync("/payment/gethash", new FormUrlEncodedContent(HashParams()));
        Assert.That(defaults.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        var ok = await http.PostAsync("/payment/gethash",
            new FormUrlEncodedContent(new Dictionary<string, string>(HashParams()) { ["apikey"] = "stest_custom_placeholder" }));
        Assert.That(ok.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
