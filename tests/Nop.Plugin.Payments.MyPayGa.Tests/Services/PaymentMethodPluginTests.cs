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

    [Test]
    public async Task Install_saves_default_settings_then_english_everywhere_and_french_for_french_languages()
    {
        var installed = new List<(IDictionary<string, string> Resources, int? LanguageId)>();
        _harness.LocalizationService.Setup(s => s.AddOrUpdateLocaleResourceAsync(It.IsAny<IDictionary<string, string>>(), It.IsAny<int?>()))
            .Callback((IDictionary<string, string> r, int? id) => installed.Add((r, id)))
            .Returns(Task.CompletedTask);

        await _harness.CreatePaymentMethod().InstallAsync();

        _harness.SettingService.Verify(s => s.SaveSettingAsync(It.Is<MyPayGaSettings>(x =>
            x.MobileMoneyEnabled && x.CardEnabled && x.Environment == global::MyPayGa.Client.MyPayGaEnvironment.Test
            && x.TestSecretKey == null && x.RiskyCardPolicy == RiskyCardPolicy.HoldForReview), 0), Times.Once);
        Assert.That(installed.Select(i => i.LanguageId), Is.EqualTo(new int?[] { null, 2, 3 }), "English for all, then each fr-* language (hidden ones too)");
        Assert.That(installed[0].Resources, Is.EquivalentTo(LocaleResources.English));
        Assert.That(installed[1].Resources, Is.EquivalentTo(LocaleResources.French));
        _harness.LanguageService.Verify(s => s.GetAllLanguagesAsync(true, It.IsAny<int>()));
    }

    [Test]
    public async Task Update_adds_the_resources_again()
    {
        await _harness.CreatePaymentMethod().UpdateAsync("4.90.0", "4.90.1");

        _harness.LocalizationService.Verify(s => s.AddOrUpdateLocaleResourceAsync(It.IsAny<IDictionary<string, string>>(), null), Times.Once);
        _harness.LocalizationService.Verify(s => s.AddOrUpdateLocaleResourceAsync(It.IsAny<IDictionary<string, string>>(), 2), Times.Once);
    }

    [Test]
    public async Task Uninstall_deletes_the_settings_and_every_resource_of_the_plugin()
    {
        await _harness.CreatePaymentMethod().UninstallAsync();

        _harness.SettingService.Verify(s => s.DeleteSettingAsync<MyPayGaSettings>(), Times.Once);
        _harness.LocalizationService.Verify(s => s.DeleteLocaleResourcesAsync(MyPayGaDefaults.ResourcePrefix, null), Times.Once);
    }
}
