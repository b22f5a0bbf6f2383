using Moq;
using MyPayGa.Client;
using MyPayGa.Client.Models;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.MyPayGa.Domain;
using Nop.Plugin.Payments.MyPayGa.Localization;
using Nop.Plugin.Payments.MyPayGa.Tests.Support;
using Nop.Services.Payments;
using NUnit.Framework;

namespace Nop.Plugin.Payments.MyPayGa.Tests.Services;

[TestFixture]
public sealed class PostProcessTests
{
    private PluginHarness _harness = null!;

    [SetUp]
    public void SetUp() => _harness = PluginHarness.Create();

    [TearDown]
    public async Task TearDown() => await _harness.DisposeAsync();

    private async Task<string?> PostProcessAsync(Nop.Core.Domain.Orders.Order order)
    {
        _harness.HttpContextAccessor.HttpContext = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        await _harness.CreatePaymentMethod().PostProcessPaymentAsync(new PostProcessPaymentRequest { Order = order });
        var response = _harness.HttpContextAccessor.HttpContext.Response;
        return response.StatusCode == 302 ? response.Headers.Location.ToString() : null;
    }

    [Test]
    public async Task Mobile_money_starts_the_payment_and_goes_to_the_pending_page()
    {
        var order = _harness.AddOrder(phone: "074121212");

        var location = await PostProcessAsync(order);

        Assert.That(location, Is.EqualTo($"{PluginHarness.StoreLocation}mypayga/pending/{order.OrderGuid:D}"));
        _harness.Client.Verify(c => c.RequestMobilePaymentAsync(It.Is<MobilePaymentRequest>(r => r.ClientPhone == "074121212"), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Card_starts_the_payment_and_goes_to_the_card_page()
    {
        var order = _harness.AddOrder(channel: PaymentChannel.Card, phone: null);

        var location = await PostProcessAsync(order);

        Assert.That(location, Is.EqualTo($"{PluginHarness.StoreLocation}mypayga/card/{order.OrderGuid:D}"));
        _harness.Client.Verify(c => c.GetHashAsync(It.IsAny<GetHashRequest>(), It.IsAny<CancellationToken>()), Times.Once);
        _harness.Client.Verify(c => c.RequestMobilePaymentAsync(It.IsAny<MobilePaymentRequest>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Without_a_recorded_choice_the_shopper_chooses_on_the_retry_page()
    {
        // A store with SkipPaymentInfoStepForRedirectionPaymentMethods: the order has no custom values at all.
        var order = _harness.AddOrder(channel: null, phone: null);

        var location = await PostProcessAsync(order);

        Assert.That(location, Is.EqualTo($"{PluginHarness.StoreLocation}mypayga/retry/{order.OrderGuid:D}"));
        _harness.Client.Verify(c => c.GetHashAsync(It.IsAny<GetHashRequest>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Mobile_money_without_a_number_goes_to_the_retry_page()
    {
        var order = _harness.AddOrder(channel: PaymentChannel.MobileMoney, phone: null);

        Assert.That(await PostProcessAsync(order), Does.Contain("mypayga/retry/"));
        _harness.Client.Verify(c => c.GetHashAsync(It.IsAny<GetHashRequest>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Complete_payment_on_an_order_with_attempts_asks_the_shopper_before_pushing_again()
    {
        var (order, _) = await _harness.AddStartedOrderAsync();
        _harness.Client.Invocations.Clear();

        var location = await PostProcessAsync(order);

        Assert.That(location, Is.EqualTo($"{PluginHarness.StoreLocation}mypayga/retry/{order.OrderGuid:D}"));
        _harness.Client.Verify(c => c.GetHashAsync(It.IsAny<GetHashRequest>(), It.IsAny<CancellationToken>()), Times.Never);
        _harness.Client.Verify(c => c.RequestMobilePaymentAsync(It.IsAny<MobilePaymentRequest>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task A_failed_start_goes_to_the_retry_page_with_the_order_still_payable()
    {
        var order = _harness.AddOrder();
        _harness.Client.Setup(c => c.GetHashAsync(It.IsAny<GetHashRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new MyPayGaException(MyPayGaErrorKind.ConnectionFailed, "gethash", "Connection refused"));

        var location = await PostProcessAsync(order);

        Assert.That(location, Does.Contain($"mypayga/retry/{order.OrderGuid:D}"));
        var stored = _harness.Orders.Stored(order.Id);
        Assert.That(stored.PaymentStatus, Is.EqualTo(PaymentStatus.Pending));
        Assert.That(await _harness.CreatePaymentMethod().CanRePostProcessPaymentAsync(stored), Is.True);
    }

    [Test]
    public async Task A_failed_start_leaves_its_reason_for_the_retry_page()
    {
        var order = _harness.AddOrder();
        _harness.Client.Setup(c => c.GetHashAsync(It.IsAny<GetHashRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new MyPayGaException(MyPayGaErrorKind.ConnectionFailed, "gethash", "Connection refused"));

        await PostProcessAsync(order);

        var error = await _harness.Get<Nop.Plugin.Payments.MyPayGa.Services.IPaymentAttemptStore>()
            .TakeStartErrorAsync(order, DateTime.UtcNow, TimeSpan.FromMinutes(1));
        Assert.That(error, Is.EqualTo(LocaleResources.English[LocaleResources.ServiceKeys.StartProviderUnavailable]));
    }

    [Test]
    public async Task A_successful_start_leaves_no_error()
    {
        var order = _harness.AddOrder();

        await PostProcessAsync(order);

        Assert.That(_harness.Attribute(order, MyPayGaDefaults.StartErrorAttribute), Is.Null);
    }

    [Test]
    public async Task The_order_is_placed_pending_and_money_is_asked_only_after()
    {
        var result = await _harness.CreatePaymentMethod().ProcessPaymentAsync(new ProcessPaymentRequest { OrderTotal = 5000m });

        Assert.That(result.Success, Is.True);
        Assert.That(result.NewPaymentStatus, Is.EqualTo(PaymentStatus.Pending));
        _harness.Client.VerifyNoOtherCalls();
    }

    [Test]
    public async Task A_card_order_sends_the_receipt_phone_typed_at_checkout_to_gethash()
    {
        var order = _harness.AddOrder(channel: PaymentChannel.Card, phone: "011765432");

        Assert.That(await PostProcessAsync(order), Does.Contain("mypayga/card/"));
        _harness.Client.Verify(c => c.GetHashAsync(It.Is<GetHashRequest>(r => r.Phone == "011765432"), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task A_card_order_without_any_phone_goes_to_the_retry_page_saying_a_phone_is_needed()
    {
        _harness.BillingAddress.PhoneNumber = null;
        var order = _harness.AddOrder(channel: PaymentChannel.Card, phone: null);

        Assert.That(await PostProcessAsync(order), Does.Contain($"mypayga/retry/{order.OrderGuid:D}"));
        _harness.Client.Verify(c => c.GetHashAsync(It.IsAny<GetHashRequest>(), It.IsAny<CancellationToken>()), Times.Never);
        var error = await _harness.Get<Nop.Plugin.Payments.MyPayGa.Services.IPaymentAttemptStore>()
            .TakeStartErrorAsync(order, DateTime.UtcNow, TimeSpan.FromMinutes(1));
        Assert.That(error, Is.EqualTo(LocaleResources.English[LocaleResources.ServiceKeys.StartCardPhoneMissing]));
    }
}
