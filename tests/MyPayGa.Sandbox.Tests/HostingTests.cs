using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using MyPayGa.Sandbox.Domain;
using MyPayGa.Sandbox.Tests.Infrastructure;

namespace MyPayGa.Sandbox.Tests;

public sealed class HostingTests : SandboxTestBase
{
    [Test]
    public void StartAsync_listens_on_a_free_loopback_port()
    {
        Assert.That(Sandbox.BaseUrl.Host, Is.EqualTo("127.0.0.1"));
        Assert.That(Sandbox.BaseUrl.Port, Is.GreaterThan(0));
        Assert.That(Sandbox.BaseUrl.Scheme, Is.EqualTo("http"));
    }

    [Test]
    public async Task Two_sandboxes_run_side_by_side_with_separate_state()
    {
        await using var other = await SandboxServer.StartAsync(CreateOptions());
        Assert.That(other.BaseUrl.Port, Is.Not.EqualTo(Sandbox.BaseUrl.Port));
        var token = await CreatePaymentAsync();
        Assert.That(Sandbox.GetPayment(token), Is.Not.Null);
        Assert.That(other.GetPayment(token), Is.Null);
    }

    [Test]
    public async Task Home_page_lists_the_test_keys_every_test_number_and_card_and_the_control_api()
    {
        var response = await Http.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/html"));
        Assert.That(html, Does.Contain("SANDBOX"));
        foreach (var number in ExpectedTestData.MobileNumbers)
        {
            Assert.That(html, Does.Contain(number), number);
        }
        foreach (var card in ExpectedTestData.CardNumbers)
        {
            Assert.That(html, Does.Contain(card), card);
        }
        Assert.That(html, Does.Contain("/_sandbox/merchant").And.Contain("/_sandbox/faults").And.Contain("/_sandbox/events"));
        // The documented default sandbox keys are what a store owner pastes: shown, with the two override addresses.
        Assert.That(html, Does.Contain($"<code id=\"secret-key\">{SandboxOptions.DefaultSecretKey}</code>"));
        Assert.That(html, Does.Contain($"<code id=\"public-key\">{SandboxOptions.DefaultPublicKey}</code>"));
        Assert.That(html, Does.Contain($"<code>{Sandbox.BaseUrl}</code>").And.Contain($"<code>{Sandbox.BaseUrl}mpgga-form-cbpay</code>"));
    }

    [Test]
    public async Task Keys_configured_otherwise_are_not_repeated_on_the_home_page()
    {
        await using var other = await SandboxServer.StartAsync(new SandboxOptions { SecretKey = "stest_custom_home_secret", PublicKey = "ptest_custom_home_public" });
        using var http = new HttpClient { BaseAddress = other.BaseUrl };

        var html = await http.GetStringAsync("/");

        Assert.That(html, Does.Not.Contain("stest_custom_home_secret").And.Not.Contain("ptest_custom_home_public"));
        Assert.That(html, Does.Contain("Sandbox:SecretKey"));
    }

    [Test]
    public async Task Unknown_path_is_a_404_with_a_json_hint()
    {
        var json = await JsonAsync(await Http.GetAsync("/payment/nothing-here"), HttpStatusCode.NotFound);
        Assert.That(S(json, "message"), Does.Contain("/payment/nothing-here"));
    }

    [Test]
    public async Task Wrong_method_on_a_documented_path_is_405()
    {
        var response = await Http.GetAsync("/payment/gethash");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
    }

    [Test]
    public async Task Stand_alone_app_reads_its_options_from_configuration()
    {
        await using var app = SandboxServer.BuildApp(
        [
            "--urls", "http://127.0.0.1:0",
            "--Sandbox:MerchantName=Config Shop",
            "--Sandbox:CallbackFormat=json",
            "--Sandbox:ReturnQuery=full",
            "--Sandbox:OutcomeDelayMs=0",
            "--Sandbox:SecretKey=stest_other_placeholder",
            "--Logging:LogLevel:Default=None",
        ]);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        Assert.That(address, Does.StartWith("http://127.0.0.1:"));
        using var http = new HttpClient { BaseAddress = new Uri(address) };

        var merchant = await JsonAsync(await http.GetAsync("/_sandbox/merchant"));
        Assert.That(S(merchant, "merchantName"), Is.EqualTo("Config Shop"));
        Assert.That(S(merchant, "callbackFormat"), Is.EqualTo("json"));
        Assert.That(S(merchant, "returnQuery"), Is.EqualTo("full"));
        Assert.That(N(merchant, "outcomeDelayMs"), Is.EqualTo(0));

        var refused = await http.PostAsync("/payment/gethash", new FormUrlEncodedContent(HashParams()));
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "the configured key replaces the default");
        await app.StopAsync();
    }

    [Test]
    public async Task Stand_alone_app_listens_on_127_0_0_1_port_5099_unless_told_otherwise()
    {
        await using (var byDefault = SandboxServer.BuildApp([]))
        {
            Assert.That(byDefault.Configuration["urls"], Is.EqualTo("http://127.0.0.1:5099"));
        }
        await using var told = SandboxServer.BuildApp(["--urls", "http://127.0.0.1:6001"]);
        Assert.That(told.Configuration["urls"], Is.EqualTo("http://127.0.0.1:6001"));
    }

    [Test]
    public async Task Reset_forgets_payments_and_restores_the_merchant_settings()
    {
        Sandbox.ConfigureMerchant(m => m with { MerchantName = "Changed" });
        var token = await CreatePaymentAsync();
        Sandbox.Reset();
        Assert.That(Sandbox.GetPayment(token), Is.Null);
        Assert.That(Sandbox.Merchant.MerchantName, Is.EqualTo("Test Shop"));
        Assert.That(Sandbox.Events(), Is.Empty);
    }

    [Test]
    public void Merchant_settings_never_print_the_callback_secret()
    {
        var settings = Sandbox.ConfigureMerchant(m => m with { CallbackSecret = "merchant-hmac-secret" });
        Assert.That(settings.ToString(), Does.Not.Contain("merchant-hmac-secret"));
        Assert.That(settings.CallbackSecret, Is.EqualTo("merchant-hmac-secret"));
    }
}
