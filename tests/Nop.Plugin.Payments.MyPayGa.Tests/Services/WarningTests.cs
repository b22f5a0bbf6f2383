using Moq;
using Nop.Core.Domain.Localization;
using Nop.Core.Domain.Payments;
using Nop.Core.Domain.ScheduleTasks;
using Nop.Core.Domain.Stores;
using Nop.Core.Events;
using Nop.Plugin.Payments.MyPayGa.Localization;
using Nop.Plugin.Payments.MyPayGa.Services;
using Nop.Plugin.Payments.MyPayGa.Tests.Support;
using Nop.Services.Events;
using Nop.Web.Areas.Admin.Models.Common;
using NUnit.Framework;

namespace Nop.Plugin.Payments.MyPayGa.Tests.Services;

/// <summary>
/// What stops a store from working with MyPayGa — no XAF, store URL MyPayGa cannot call, keys missing for the selected
/// environment, the settle task missing or off — on the configuration page and in System › Warnings; and the texts a
/// language created after the install gets.
/// </summary>
[TestFixture]
public sealed class WarningTests
{
    private PluginHarness _harness = null!;
    private ScheduleTask? _task;

    [SetUp]
    public void SetUp()
    {
        _harness = PluginHarness.Create();
        _harness.Stores[0].Url = "https://www.boutique.ga/";
        _task = new ScheduleTask { Name = PendingPaymentReconciliationTask.TaskName, Type = PendingPaymentReconciliationTask.TaskType, Enabled = true };
        _harness.ScheduleTaskService.Setup(s => s.GetTaskByTypeAsync(PendingPaymentReconciliationTask.TaskType)).ReturnsAsync(() => _task!);
        ActiveIn(1);
    }

    [TearDown]
    public async Task TearDown() => await _harness.DisposeAsync();

    private void ActiveIn(params int[] storeIds) =>
        _harness.SettingService.Setup(s => s.LoadSettingAsync<PaymentSettings>(It.IsAny<int>()))
            .ReturnsAsync((int storeId) => new PaymentSettings
            {
                ActivePaymentMethodSystemNames = storeIds.Contains(storeId) ? ["Payments.CheckMoneyOrder", MyPayGaDefaults.SystemName] : ["Payments.CheckMoneyOrder"],
            });

    private IMyPayGaWarningService Warnings => _harness.Get<IMyPayGaWarningService>();

    private EventConsumer Consumer() => new(_harness.Get<IMyPayGaLocaleInstaller>(), Warnings, _harness.Get<IMyPayGaAccountProvider>(),
        _harness.LocalizationService.Object, _harness.WebHelper.Object, _harness.Logger.Object);

    #region Store URL

    [TestCase("https://www.boutique.ga/", null)]
    [TestCase("https://shop.example.com", null)]
    [TestCase("https://41.158.12.7/", null)]
    [TestCase("", MyPayGaWarningKind.StoreUrlMissing)]
    [TestCase(null, MyPayGaWarningKind.StoreUrlMissing)]
    [TestCase("http://www.boutique.ga/", MyPayGaWarningKind.StoreUrlNotHttps)]
    [TestCase("http://localhost:15536/", MyPayGaWarningKind.StoreUrlNotPublic)]
    [TestCase("https://localhost/", MyPayGaWarningKind.StoreUrlNotPublic)]
    [TestCase("https://127.0.0.1/", MyPayGaWarningKind.StoreUrlNotPublic)]
    [TestCase("https://127.12.0.9:8443/", MyPayGaWarningKind.StoreUrlNotPublic)]
    [TestCase("https://[::1]/", MyPayGaWarningKind.StoreUrlNotPublic)]
    [TestCase("https://10.0.0.5/", MyPayGaWarningKind.StoreUrlNotPublic)]
    [TestCase("https://172.20.1.1/", MyPayGaWarningKind.StoreUrlNotPublic)]
    [TestCase("https://192.168.1.20/", MyPayGaWarningKind.StoreUrlNotPublic)]
    [TestCase("https://169.254.3.3/", MyPayGaWarningKind.StoreUrlNotPublic)]
    [TestCase("https://shop.local/", MyPayGaWarningKind.StoreUrlNotPublic)]
    [TestCase("https://app.localhost/", MyPayGaWarningKind.StoreUrlNotPublic)]
    [TestCase("https://intranet/", MyPayGaWarningKind.StoreUrlNotPublic)]
    [TestCase("https://[fd00::1]/", MyPayGaWarningKind.StoreUrlNotPublic)]
    [TestCase("www.boutique.ga", MyPayGaWarningKind.StoreUrlNotPublic)]
    public void A_store_url_mypayga_cannot_call_is_recognised(string? url, MyPayGaWarningKind? expected)
    {
        Assert.That(MyPayGaWarningService.CheckStoreUrl(url), Is.EqualTo(expected));
    }

    [Test]
    public async Task The_page_warns_about_a_local_store_url()
    {
        _harness.Stores[0].Url = "http://localhost:15536/";

        var warnings = await Warnings.GetStoreWarningsAsync(0);

        Assert.That(warnings.Select(w => w.Kind), Is.EqualTo(new[] { MyPayGaWarningKind.StoreUrlNotPublic }));
        Assert.That(warnings[0].Text, Does.StartWith("The store URL http://localhost:15536/ points to this computer or a private network"));
    }

    [Test]
    public async Task Against_the_local_sandbox_a_local_store_url_is_fine()
    {
        _harness.Stores[0].Url = "http://localhost:15536/";
        _harness.StoreSettings.ApiBaseUrlOverride = "http://127.0.0.1:5099/";

        Assert.That(await Warnings.GetStoreWarningsAsync(0), Is.Empty);
    }

    #endregion

    #region Scheduled task

    [Test]
    public async Task A_missing_or_disabled_settle_task_is_a_warning()
    {
        _task = null;
        var missing = await Warnings.GetStoreWarningsAsync(0);
        _task = new ScheduleTask { Name = PendingPaymentReconciliationTask.TaskName, Enabled = false };
        var disabled = await Warnings.GetStoreWarningsAsync(0);

        Assert.That(missing.Single().Kind, Is.EqualTo(MyPayGaWarningKind.TaskMissing));
        Assert.That(missing.Single().Text, Does.Contain("\"MyPayGa: settle pending payments\" is missing"));
        Assert.That(disabled.Single().Kind, Is.EqualTo(MyPayGaWarningKind.TaskDisabled));
        Assert.That(disabled.Single().Text, Does.Contain("Enable it in System > Schedule tasks"));
    }

    #endregion

    #region System › Warnings

    [Test]
    public async Task Nothing_in_system_warnings_when_mypayga_is_active_nowhere()
    {
        ActiveIn();
        _harness.StoreSettings.TestSecretKey = null;
        var warningEvent = new SystemWarningCreatedEvent();

        await Consumer().HandleEventAsync(warningEvent);

        Assert.That(warningEvent.SystemWarnings, Is.Empty);
        Assert.That(await Warnings.GetSystemWarningsAsync(), Is.Empty);
    }

    [Test]
    public async Task A_store_ready_for_mypayga_gets_one_pass_line()
    {
        var warningEvent = new SystemWarningCreatedEvent();

        await Consumer().HandleEventAsync(warningEvent);

        var line = warningEvent.SystemWarnings.Single();
        Assert.That(line.Level, Is.EqualTo(SystemWarningLevel.Pass));
        Assert.That(line.Text, Is.EqualTo("MyPayGa: configured, no problem found (Test environment)."));
        Assert.That(line.DontEncode, Is.False);
    }

    [Test]
    public async Task Every_problem_is_a_line_hidden_at_checkout_ones_fail_with_a_link_to_the_configuration()
    {
        _harness.Currencies.Clear();
        _harness.Currencies.Add(new Nop.Core.Domain.Directory.Currency { Id = 1, CurrencyCode = "EUR", Rate = 1m });
        _harness.StoreSettings.TestSecretKey = null;
        _harness.Stores[0].Url = "http://192.168.1.20/";
        _task = null;
        var warningEvent = new SystemWarningCreatedEvent();

        await Consumer().HandleEventAsync(warningEvent);

        var lines = warningEvent.SystemWarnings;
        Assert.That(lines.Select(l => l.Level), Is.EqualTo(new[]
        {
            SystemWarningLevel.Fail, SystemWarningLevel.Fail, SystemWarningLevel.Warning, SystemWarningLevel.Warning,
        }));
        Assert.That(lines[0].Text, Does.StartWith(System.Net.WebUtility.HtmlEncode("MyPayGa: MyPayGa is hidden at checkout: " + LocaleResources.English[LocaleResources.ServiceKeys.XafCurrencyMissing])));
        Assert.That(lines[1].Text, Does.StartWith("MyPayGa: MyPayGa is hidden at checkout, the account cannot be used yet: The secret key is empty."));
        Assert.That(lines[2].Text, Does.Contain("http://192.168.1.20/ points to this computer or a private network"));
        Assert.That(lines[3].Text, Does.Contain("settle pending payments"));
        Assert.That(lines, Has.All.Matches<SystemWarningModel>(l => l.DontEncode
            && l.Text.EndsWith($" <a href=\"{PluginHarness.StoreLocation}Admin/MyPayGa/Configure\">Open the MyPayGa configuration</a>", StringComparison.Ordinal)));
    }

    [Test]
    public async Task With_several_active_stores_each_line_names_its_store_and_every_text_is_html_encoded()
    {
        _harness.Stores.Add(new Store { Id = 2, Name = "<script>alert(1)</script> & Co", Url = "https://second.boutique.ga/" });
        _harness.Settings[2] = PluginHarness.NewSettings();
        _harness.Settings[2].TestSecretKey = null;
        ActiveIn(1, 2);
        var warningEvent = new SystemWarningCreatedEvent();

        await Consumer().HandleEventAsync(warningEvent);

        var line = warningEvent.SystemWarnings.Single();
        Assert.That(line.Text, Does.StartWith("MyPayGa (store &quot;&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co&quot;): MyPayGa is hidden at checkout"));
        Assert.That(line.Text, Does.Not.Contain("<script>"));
    }

    [Test]
    public async Task An_undecryptable_key_shows_in_system_warnings_without_key_or_ciphertext()
    {
        var stored = new MyPayGaKeyProtector(_harness.Encryption).Protect("stest_secret_value_777")!;
        _harness.StoreSettings.TestSecretKey = stored;
        _harness.Encryption.EncryptionKey = "OtherInstallKey98765";
        var warningEvent = new SystemWarningCreatedEvent();

        await Consumer().HandleEventAsync(warningEvent);

        var text = string.Join("\n", warningEvent.SystemWarnings.Select(w => w.Text));
        Assert.That(text, Does.Contain("Test secret key: the saved value cannot be decrypted"));
        Assert.That(text, Does.Not.Contain("stest_secret_value_777").And.Not.Contain(stored[MyPayGaKeyProtector.StoredPrefix.Length..]));
    }

    [Test]
    public void The_consumer_is_a_nopCommerce_consumer_of_both_events()
    {
        Assert.That(typeof(IConsumer<SystemWarningCreatedEvent>).IsAssignableFrom(typeof(EventConsumer)), Is.True);
        Assert.That(typeof(IConsumer<EntityInsertedEvent<Language>>).IsAssignableFrom(typeof(EventConsumer)), Is.True);
        Assert.That(typeof(EventConsumer).IsAbstract, Is.False);
        Assert.That(typeof(EventConsumer).IsPublic, Is.True, "nopCommerce's type finder registers public concrete consumers");
    }

    #endregion

    #region Languages

    [TestCase("fr-CA", true)]
    [TestCase("fr", true)]
    [TestCase("FR-fr", true)]
    [TestCase("de-DE", false)]
    [TestCase("fy-NL", false)]
    [TestCase("en-GB", false)]
    [TestCase(null, false)]
    public async Task A_language_created_after_the_install_gets_the_plugins_texts_french_for_french(string? culture, bool french)
    {
        var calls = new List<(IDictionary<string, string> Resources, int? LanguageId)>();
        _harness.LocalizationService.Setup(s => s.AddOrUpdateLocaleResourceAsync(It.IsAny<IDictionary<string, string>>(), It.IsAny<int?>()))
            .Callback((IDictionary<string, string> r, int? id) => calls.Add((r, id))).Returns(Task.CompletedTask);
        var language = new Language { Id = 12, Name = "New", LanguageCulture = culture! };

        await Consumer().HandleEventAsync(new EntityInsertedEvent<Language>(language));

        Assert.That(calls, Has.Count.EqualTo(1));
        Assert.That(calls[0].LanguageId, Is.EqualTo(12), "only that language");
        Assert.That(calls[0].Resources, Is.EquivalentTo(french ? LocaleResources.French : LocaleResources.English));
    }

    #endregion
}
