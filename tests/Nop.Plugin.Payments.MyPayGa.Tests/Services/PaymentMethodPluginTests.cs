using Moq;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.MyPayGa.Localization;
using Nop.Plugin.Payments.MyPayGa.Tests.Support;
using Nop.Services.Payments;
using NUnit.Framework;
using static Nop.Plugin.Payments.MyPayGa.Localization.LocaleResources;

namespace Nop.Plugin.Payments.MyPayGa.Tests.Services;

[TestFixture]
public sealed class PaymentMethodPluginTests
{
    private PluginHarness _harness = null!;

    [SetUp]
    public void SetUp() => _harness = PluginHarness.Create();

    [TearDown]
    public async Task TearDown() => await _harness.DisposeAsync();

    [Test]
    public void It_is_a_redirection_method_that_refunds_and_does_not_capture_void_or_recur()
    {
        var method = _harness.CreatePaymentMethod();

        Assert.That(method.PaymentMethodType, Is.EqualTo(PaymentMethodType.Redirection));
        Assert.That(method.SupportRefund, Is.True);
        Assert.That(method.SupportPartiallyRefund, Is.True);
        Assert.That(method.SupportCapture, Is.False);
        Assert.That(method.SupportVoid, Is.False);
        Assert.That(method.RecurringPaymentType, Is.EqualTo(RecurringPaymentType.NotSupported));
        Assert.That(method.SkipPaymentInfo, Is.False);
        Assert.That(method.GetPublicViewComponent(), Is.EqualTo(typeof(Components.PaymentInfoViewComponent)));
        Assert.That(method.GetConfigurationPageUrl(), Is.EqualTo(PluginHarness.StoreLocation + "Admin/MyPayGa/Configure"));
    }

    [Test]
    public async Task Capture_void_and_recurring_answer_not_supported()
    {
        var method = _harness.CreatePaymentMethod();
        var order = _harness.AddOrder();

        Assert.That((await method.CaptureAsync(new CapturePaymentRequest { Order = order })).Errors, Is.Not.Empty);
        Assert.That((await method.VoidAsync(new VoidPaymentRequest { Order = order })).Errors, Is.Not.Empty);
        Assert.That((await method.ProcessRecurringPaymentAsync(new ProcessPaymentRequest())).Errors, Is.Not.Empty);
        Assert.That((await method.CancelRecurringPaymentAsync(new CancelRecurringPaymentRequest { Order = order })).Errors, Is.Not.Empty);
    }

    [TestCase(PaymentStatus.Pending, OrderStatus.Pending, false, true)]
    [TestCase(PaymentStatus.Pending, OrderStatus.Processing, false, true)]
    [TestCase(PaymentStatus.Paid, OrderStatus.Processing, false, false)]
    [TestCase(PaymentStatus.Pending, OrderStatus.Cancelled, false, false)]
    [TestCase(PaymentStatus.Pending, OrderStatus.Pending, true, false)]
    [TestCase(PaymentStatus.Refunded, OrderStatus.Complete, false, false)]
    public async Task The_shopper_can_complete_the_payment_only_while_it_is_pending(PaymentStatus payment, OrderStatus status, bool deleted, bool expected)
    {
        var order = _harness.AddOrder(configure: o => { o.PaymentStatus = payment; o.OrderStatus = status; o.Deleted = deleted; });

        Assert.That(await _harness.CreatePaymentMethod().CanRePostProcessPaymentAsync(order), Is.EqualTo(expected));
    }

    [Test]
    public async Task A_configured_store_with_xaf_shows_the_method()
    {
        Assert.That(await _harness.CreatePaymentMethod().HidePaymentMethodAsync([new ShoppingCartItem { StoreId = 1 }]), Is.False);
    }

    [Test]
    public async Task Hidden_when_no_channel_is_enabled()
    {
        _harness.StoreSettings.MobileMoneyEnabled = false;
        _harness.StoreSettings.CardEnabled = false;

        Assert.That(await _harness.CreatePaymentMethod().HidePaymentMethodAsync([]), Is.True);
    }

    [Test]
    public async Task Hidden_for_the_store_whose_account_is_not_configured()
    {
        _harness.Settings[2] = PluginHarness.NewSettings();
        _harness.Settings[2].TestSecretKey = "";
        var method = _harness.CreatePaymentMethod();

        Assert.That(await method.HidePaymentMethodAsync([new ShoppingCartItem { StoreId = 2 }]), Is.True);
        Assert.That(await method.HidePaymentMethodAsync([new ShoppingCartItem { StoreId = 1 }]), Is.False);
    }

    [TestCase(500, false)]
    [TestCase(2.5, true)]
    public async Task The_additional_fee_is_nopcommerces_usual_fixed_or_percentage_fee(decimal fee, bool percentage)
    {
        _harness.StoreSettings.AdditionalFee = fee;
        _harness.StoreSettings.AdditionalFeePercentage = percentage;
        var cart = new List<ShoppingCartItem> { new() { StoreId = 1 } };
        _harness.OrderTotalCalculationService.Setup(s => s.CalculatePaymentAdditionalFeeAsync(cart, fee, percentage)).ReturnsAsync(123m);

        Assert.That(await _harness.CreatePaymentMethod().GetAdditionalHandlingFeeAsync(cart), Is.EqualTo(123m));
    }

    [Test]
    public async Task The_description_is_localised()
    {
        Assert.That(await _harness.CreatePaymentMethod().GetPaymentMethodDescriptionAsync(),
            Is.EqualTo(LocaleResources.English[ServiceKeys.PaymentMethodDescription]));
    }

    /// <summary>Records each AddOrUpdateLocaleResourceAsync call (resources, language).</summary>
    private List<(IDictionary<string, string> Resources, int? LanguageId)> RecordResourceCalls()
    {
        var installed = new List<(IDictionary<string, string> Resources, int? LanguageId)>();
        _harness.LocalizationService.Setup(s => s.AddOrUpdateLocaleResourceAsync(It.IsAny<IDictionary<string, string>>(), It.IsAny<int?>()))
            .Callback((IDictionary<string, string> r, int? id) => installed.Add((r, id)))
            .Returns(Task.CompletedTask);
        return installed;
    }

    [Test]
    public async Task Install_saves_default_settings_then_gives_each_language_its_texts_french_for_fr_english_otherwise()
    {
        var installed = RecordResourceCalls();

        await _harness.CreatePaymentMethod().InstallAsync();

        _harness.SettingService.Verify(s => s.SaveSettingAsync(It.Is<MyPayGaSettings>(x =>
            x.MobileMoneyEnabled && x.CardEnabled && x.Environment == global::MyPayGa.Client.MyPayGaEnvironment.Test
            && x.TestSecretKey == null && x.RiskyCardPolicy == RiskyCardPolicy.HoldForReview), 0), Times.Once);
        // One call per language (never "all languages at once": nopCommerce would skip a language that lacks a text
        // another language already has), hidden languages too.
        Assert.That(installed.Select(i => i.LanguageId), Is.EqualTo(new int?[] { 1, 2, 3 }));
        Assert.That(installed[0].Resources, Is.EquivalentTo(LocaleResources.English), "en-US");
        Assert.That(installed[1].Resources, Is.EquivalentTo(LocaleResources.French), "fr-FR");
        Assert.That(installed[2].Resources, Is.EquivalentTo(LocaleResources.French), "fr-GA (hidden)");
        _harness.LanguageService.Verify(s => s.GetAllLanguagesAsync(true, It.IsAny<int>()));
        _harness.LocalizationService.Verify(s => s.AddOrUpdateLocaleResourceAsync(It.IsAny<IDictionary<string, string>>(), null), Times.Never);
    }

    [Test]
    public async Task Install_and_update_add_the_reconciliation_task_once()
    {
        Nop.Core.Domain.ScheduleTasks.ScheduleTask? inserted = null;
        _harness.ScheduleTaskService.Setup(s => s.GetTaskByTypeAsync(It.IsAny<string>())).ReturnsAsync(() => inserted!);
        _harness.ScheduleTaskService.Setup(s => s.InsertTaskAsync(It.IsAny<Nop.Core.Domain.ScheduleTasks.ScheduleTask>()))
            .Callback((Nop.Core.Domain.ScheduleTasks.ScheduleTask t) => inserted = t).Returns(Task.CompletedTask);

        await _harness.CreatePaymentMethod().InstallAsync();
        await _harness.CreatePaymentMethod().UpdateAsync("4.90.1", "4.90.2");

        _harness.ScheduleTaskService.Verify(s => s.InsertTaskAsync(It.IsAny<Nop.Core.Domain.ScheduleTasks.ScheduleTask>()), Times.Once);
        Assert.That(inserted!.Type, Is.EqualTo(Nop.Plugin.Payments.MyPayGa.Services.PendingPaymentReconciliationTask.TaskType));
        Assert.That(inserted.Enabled, Is.True);
    }

    [Test]
    public async Task Update_gives_every_language_its_texts_again_including_languages_created_since()
    {
        _harness.Languages.Add(new Nop.Core.Domain.Localization.Language { Id = 4, Name = "Deutsch", LanguageCulture = "de-DE", Published = true });
        var installed = RecordResourceCalls();

        await _harness.CreatePaymentMethod().UpdateAsync("4.90.1", "4.90.2");

        Assert.That(installed.Select(i => i.LanguageId), Is.EqualTo(new int?[] { 1, 2, 3, 4 }));
        Assert.That(installed[3].Resources, Is.EquivalentTo(LocaleResources.English), "a language we do not translate gets English, not raw keys");
    }

    [Test]
    public async Task Uninstall_deletes_the_settings_and_every_resource_of_the_plugin()
    {
        await _harness.CreatePaymentMethod().UninstallAsync();

        _harness.SettingService.Verify(s => s.DeleteSettingAsync<MyPayGaSettings>(), Times.Once);
        _harness.LocalizationService.Verify(s => s.DeleteLocaleResourcesAsync(MyPayGaDefaults.ResourcePrefix, null), Times.Once);
    }
}
