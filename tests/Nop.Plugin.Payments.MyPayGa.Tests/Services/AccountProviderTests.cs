using Moq;
using MyPayGa.Client;
using Nop.Plugin.Payments.MyPayGa.Services;
using Nop.Plugin.Payments.MyPayGa.Tests.Support;
using NUnit.Framework;

namespace Nop.Plugin.Payments.MyPayGa.Tests.Services;

[TestFixture]
public sealed class AccountProviderTests
{
    private PluginHarness _harness = null!;

    [SetUp]
    public void SetUp() => _harness = PluginHarness.Create();

    [TearDown]
    public async Task TearDown() => await _harness.DisposeAsync();

    private IMyPayGaAccountProvider Provider => _harness.Get<IMyPayGaAccountProvider>();

    [Test]
    public async Task Test_mode_uses_the_test_keys_and_mypaygas_own_addresses()
    {
        _harness.StoreSettings.ProductionSecretKey = "sprod_should_not_be_used";

        var account = await Provider.GetAccountAsync(1);

        Assert.That(account.Environment, Is.EqualTo(MyPayGaEnvironment.Test));
        Assert.That(account.SecretKey, Is.EqualTo(PluginHarness.SecretKey));
        Assert.That(account.PublicKey, Is.EqualTo(PluginHarness.PublicKey));
        Assert.That(account.ApiBaseUrl, Is.EqualTo(new Uri(MyPayGaAccount.DefaultApiBaseUrl)));
        Assert.That(account.CardFormUrl, Is.EqualTo(new Uri(MyPayGaAccount.DefaultCardFormUrl)));
        Assert.That(await Provider.GetProblemsAsync(1), Is.Empty);
    }

    [Test]
    public async Task Production_mode_uses_the_production_keys()
    {
        var settings = _harness.StoreSettings;
        settings.Environment = MyPayGaEnvironment.Production;
        settings.ProductionSecretKey = " sprod_live_secret_placeholder ";
        settings.ProductionPublicKey = "pprod_live_public_placeholder";

        var account = await Provider.GetAccountAsync(1);

        Assert.That(account.Environment, Is.EqualTo(MyPayGaEnvironment.Production));
        Assert.That(account.SecretKey, Is.EqualTo("sprod_live_secret_placeholder"), "pasted spaces are trimmed");
        Assert.That(account.PublicKey, Is.EqualTo("pprod_live_public_placeholder"));
    }

    [Test]
    public async Task Overrides_timeout_and_callback_secret_come_from_the_settings()
    {
        var settings = _harness.StoreSettings;
        settings.ApiBaseUrlOverride = "http://127.0.0.1:5099/mypayga";
        settings.CardFormUrlOverride = "http://127.0.0.1:5099/mpgga-form-cbpay";
        settings.RequestTimeoutSeconds = 7;
        settings.CallbackSecret = "cb_secret_placeholder";

        var account = await Provider.GetAccountAsync(1);

        Assert.That(account.ApiBaseUrl.ToString(), Is.EqualTo("http://127.0.0.1:5099/mypayga/"), "a trailing slash keeps the last segment");
        Assert.That(account.CardFormUrl.ToString(), Is.EqualTo("http://127.0.0.1:5099/mpgga-form-cbpay"));
        Assert.That(account.Timeout, Is.EqualTo(TimeSpan.FromSeconds(7)));
        Assert.That(account.CallbackSecret, Is.EqualTo("cb_secret_placeholder"));
    }

    [TestCase(0)]
    [TestCase(-5)]
    [TestCase(100_000)]
    public async Task A_nonsense_timeout_falls_back_to_twenty_seconds(int seconds)
    {
        _harness.StoreSettings.RequestTimeoutSeconds = seconds;

        Assert.That((await Provider.GetAccountAsync(1)).Timeout, Is.EqualTo(TimeSpan.FromSeconds(20)));
    }

    [Test]
    public async Task Malformed_override_urls_are_problems_and_no_client_is_made()
    {
        _harness.StoreSettings.ApiBaseUrlOverride = "not a url";
        _harness.StoreSettings.CardFormUrlOverride = "ftp://example.com/form";

        var problems = await Provider.GetProblemsAsync(1);

        Assert.That(problems, Has.Count.EqualTo(2));
        var error = Assert.ThrowsAsync<MyPayGaException>(() => Provider.GetClientAsync(1));
        Assert.That(error!.Kind, Is.EqualTo(MyPayGaErrorKind.Configuration));
        _harness.ClientFactory.Verify(f => f.Create(It.IsAny<MyPayGaAccount>()), Times.Never);
    }

    [Test]
    public async Task Missing_or_mismatched_keys_are_problems_that_never_show_the_key()
    {
        _harness.StoreSettings.TestSecretKey = "sprod_wrong_environment_placeholder";

        var problems = await Provider.GetProblemsAsync(1);

        Assert.That(problems, Is.Not.Empty);
        Assert.That(string.Join(" ", problems), Does.Not.Contain("sprod_wrong_environment_placeholder"));
        var error = Assert.ThrowsAsync<MyPayGaException>(() => Provider.GetClientAsync(1));
        Assert.That(error!.Message, Does.Not.Contain("sprod_wrong_environment_placeholder"));

        _harness.StoreSettings.TestSecretKey = null;
        Assert.That(await Provider.GetProblemsAsync(1), Is.Not.Empty);
        Assert.That(await _harness.CreatePaymentMethod().HidePaymentMethodAsync([]), Is.True);
    }

    [Test]
    public async Task Each_store_gets_its_own_account()
    {
        _harness.Settings[2] = PluginHarness.NewSettings();
        _harness.Settings[2].TestSecretKey = "stest_second_store_placeholder";

        Assert.That((await Provider.GetAccountAsync(2)).SecretKey, Is.EqualTo("stest_second_store_placeholder"));
        Assert.That((await Provider.GetAccountAsync(1)).SecretKey, Is.EqualTo(PluginHarness.SecretKey));
        await Provider.GetClientAsync(2);
        Assert.That(_harness.LastAccount!.SecretKey, Is.EqualTo("stest_second_store_placeholder"));
    }
}
