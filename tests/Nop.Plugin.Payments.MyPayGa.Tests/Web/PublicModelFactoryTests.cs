using System.Globalization;
using System.Text.Json;
using Moq;
using MyPayGa.Client.Models;
using Nop.Core.Domain.Directory;
using Nop.Core.Domain.Orders;
using Nop.Core.Http;
using Nop.Plugin.Payments.MyPayGa.Domain;
using Nop.Plugin.Payments.MyPayGa.Factories;
using Nop.Plugin.Payments.MyPayGa.Models;
using Nop.Plugin.Payments.MyPayGa.Services;
using Nop.Services.Logging;
using Nop.Services.Orders;
using NUnit.Framework;
using static Nop.Plugin.Payments.MyPayGa.Localization.LocaleResources;

namespace Nop.Plugin.Payments.MyPayGa.Tests.Web;

/// <summary>
/// The shopper's view models on their own (the controller tests go through the factory too): what each page says,
/// which links it offers, and that only the order given is ever read.
/// </summary>
[TestFixture]
public sealed class PublicModelFactoryTests
{
    private static readonly DateTime Now = new(2026, 11, 27, 10, 0, 0, DateTimeKind.Utc);

    private Order _order = null!;
    private Mock<IPaymentAttemptStore> _attempts = null!;
    private Mock<IShoppingCartService> _cart = null!;
    private Mock<IOrderTotalCalculationService> _totals = null!;
    private Mock<IMyPayGaCheckoutService> _checkout = null!;
    private Mock<IXafAmountService> _xaf = null!;
    private MyPayGaSettings _settings = null!;
    private XafAmountFormatter _formatter = null!;
    private Mock<ILogger> _logger = null!;

    private sealed class FixedTime(DateTime utcNow) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(utcNow);
    }

    [SetUp]
    public void SetUp()
    {
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        _order = WebFakes.Order(o => o.CreatedOnUtc = Now.AddMinutes(-2));
        _attempts = new Mock<IPaymentAttemptStore>();
        _cart = new Mock<IShoppingCartService>();
        _totals = new Mock<IOrderTotalCalculationService>();
        _attempts.Setup(a => a.GetAttemptsAsync(It.IsAny<Order>())).ReturnsAsync([]);
        _checkout = new Mock<IMyPayGaCheckoutService>();
        _xaf = new Mock<IXafAmountService>();
        _xaf.Setup(x => x.ToXafAsync(It.IsAny<decimal>())).ReturnsAsync((decimal amount) => (long)amount);
        _settings = new MyPayGaSettings { TestPublicKey = "ptest_sandbox_public_key" };
        _formatter = WebFakes.XafFormatter();
        _logger = new Mock<ILogger>();
    }

    private MyPayGaPublicModelFactory Factory() => new(
        WebFakes.Localization().Object,
        WebFakes.NopUrl().Object,
        WebFakes.WorkContext().Object,
        WebFakes.StoreContext().Object,
        _cart.Object,
        _totals.Object,
        _logger.Object,
        _attempts.Object,
        _checkout.Object,
        _xaf.Object,
        _formatter,
        _settings,
        new FixedTime(Now));

    private static MyPayGaAttempt Attempt(PaymentChannel channel = PaymentChannel.MobileMoney, string? phone = "074111111") => new()
    {
        OrderId = 1001,
        Number = 1,
        UniqueId = "1001-1",
        PaymentToken = "tok_1",
        Channel = channel,
        AmountXaf = 12_500,
        Phone = channel == PaymentChannel.MobileMoney ? phone : null,
        CreatedOnUtc = Now.AddSeconds(-75),
    };

    private PaymentStatusSnapshot Snapshot(PaymentState state, MyPayGaAttempt? attempt = null, string? message = null) => new()
    {
        OrderId = _order.Id,
        State = state,
        Attempt = attempt,
        ProviderMessage = message,
        ReadOnUtc = Now,
    };

    private string Retry() => WebFakes.RouteUrl(MyPayGaDefaults.Routes.Retry, new { orderGuid = _order.OrderGuid });

    private static string English(string key) => WebFakes.English(key);

    [TestCase(PaymentResultKind.Failed, true)]
    [TestCase(PaymentResultKind.Unavailable, true)]
    [TestCase(PaymentResultKind.CannotPay, false)]
    [TestCase(PaymentResultKind.HeldForReview, false)]
    [TestCase(PaymentResultKind.AmountMismatch, false)]
    public async Task A_result_page_offers_a_retry_only_for_a_failure_or_an_outage_of_a_payable_order(PaymentResultKind kind, bool retry)
    {
        var payable = await Factory().PrepareResultModelAsync(_order, kind);
        _order.OrderStatus = OrderStatus.Cancelled;
        var cancelled = await Factory().PrepareResultModelAsync(_order, kind);

        Assert.Multiple(() =>
        {
            Assert.That(payable.Kind, Is.EqualTo(kind));
            Assert.That(payable.RetryUrl, retry ? Is.EqualTo(Retry()) : Is.Null);
            Assert.That(cancelled.RetryUrl, Is.Null);
            Assert.That(payable.CustomOrderNumber, Is.EqualTo("1001"));
            Assert.That(payable.OrderDetailsUrl, Is.EqualTo(WebFakes.RouteUrl(NopRouteNames.Standard.ORDER_DETAILS, new { orderId = _order.Id })));
            Assert.That(payable.Title, Is.Not.Empty);
            Assert.That(payable.Message, Is.Not.Empty);
        });
    }

    [Test]
    public async Task The_order_not_found_page_names_no_order_and_links_to_the_shoppers_orders()
    {
        var model = await Factory().PrepareOrderNotFoundModelAsync();

        Assert.That(model.Kind, Is.EqualTo(PaymentResultKind.OrderNotFound));
        Assert.That(model.CustomOrderNumber, Is.Null);
        Assert.That(model.OrderDetailsUrl, Is.Null);
        Assert.That(model.CustomerOrdersUrl, Is.EqualTo(WebFakes.RouteUrl(NopRouteNames.General.CUSTOMER_ORDERS, null)));
    }

    [Test]
    public async Task Without_an_attempt_in_the_snapshot_the_status_speaks_of_the_latest_attempts_channel()
    {
        _attempts.Setup(a => a.GetLatestAsync(_order)).ReturnsAsync(Attempt(PaymentChannel.Card));

        var status = await Factory().PrepareStatusResponseAsync(_order, Snapshot(PaymentState.Pending));

        Assert.That(status.Message, Is.EqualTo(English(WebKeys.StatusPendingCard)));
    }

    [Test]
    public async Task The_status_json_carries_only_its_documented_fields()
    {
        var allowed = new[] { "state", "message", "redirectUrl", "retryUrl", "title", "instructions", "final", "awaitingReason" };
        foreach (var state in Enum.GetValues<PaymentState>())
        {
            var status = await Factory().PrepareStatusResponseAsync(_order, Snapshot(state, Attempt(), "Refus solde ins"));
            var names = JsonDocument.Parse(status.ToJson()).RootElement.EnumerateObject().Select(p => p.Name).ToList();
            Assert.That(names, Is.SubsetOf(allowed), state.ToString());
            Assert.That(status.ToJson(), Does.Not.Contain("074111111").And.Not.Contain("tok_1"), state.ToString());
        }
    }

    [Test]
    public async Task The_factory_reads_only_the_order_it_is_given()
    {
        _attempts.Setup(a => a.GetLatestAsync(It.IsAny<Order>())).ReturnsAsync(Attempt());
        var factory = Factory();

        await factory.PreparePendingPageModelAsync(_order, Snapshot(PaymentState.Pending));
        await factory.PrepareStatusResponseAsync(_order, Snapshot(PaymentState.Pending));
        await factory.PrepareRetryModelAsync(_order, Snapshot(PaymentState.Failed));
        await factory.PrepareRetryModelAsync(_order, new RetryPostedValues(PaymentChannel.MobileMoney, "074111111", null), []);

        _attempts.Verify(a => a.GetLatestAsync(It.Is<Order>(o => o != _order)), Times.Never);
        _attempts.Verify(a => a.GetAttemptsAsync(It.Is<Order>(o => o != _order)), Times.Never);
        _checkout.Verify(c => c.GetPhoneOnFileAsync(It.Is<Order>(o => o != _order)), Times.Never);
    }

    [Test]
    public async Task A_posted_retry_is_shown_again_as_typed_with_the_errors()
    {
        var model = await Factory().PrepareRetryModelAsync(_order,
            new RetryPostedValues(PaymentChannel.Card, "074 12", "011 76 54 32"), ["first", "second"]);

        Assert.Multiple(() =>
        {
            Assert.That(model.SelectedChannel, Is.EqualTo(PaymentChannel.Card));
            Assert.That(model.Phone, Is.EqualTo("074 12"));
            Assert.That(model.CardPhone, Is.EqualTo("011 76 54 32"));
            Assert.That(model.Errors, Is.EqualTo(new[] { "first", "second" }));
        });
    }

    [Test]
    public async Task A_posted_channel_the_store_does_not_offer_falls_back_to_the_default()
    {
        _settings.CardEnabled = false;

        var model = await Factory().PrepareRetryModelAsync(_order, new RetryPostedValues(PaymentChannel.Card, "", null), ["x"]);

        Assert.That(model.SelectedChannel, Is.EqualTo(PaymentChannel.MobileMoney));
        Assert.That(model.SingleChannel, Is.True);
    }

    [Test]
    public async Task A_start_that_failed_without_a_message_says_payments_are_unavailable()
    {
        var model = await Factory().PrepareRetryModelAsync(_order, new RetryPostedValues(PaymentChannel.MobileMoney, "074111111", null), [],
            new PaymentStartResult { Success = false });

        Assert.That(model.Errors, Is.EqualTo(new[] { English(WebKeys.RetryUnavailable) }));
    }

    [Test]
    public async Task The_card_page_posts_exactly_the_fields_of_the_card_form()
    {
        var form = new CardFormPost(new Uri("http://127.0.0.1:5099/mpgga-form-cbpay"), [new("payment_token", "tok_9"), new("apikey", "ptest_x")]);

        var model = await Factory().PrepareCardRedirectModelAsync(_order, Attempt(PaymentChannel.Card), form);

        Assert.That(model.FormUrl, Is.EqualTo("http://127.0.0.1:5099/mpgga-form-cbpay"));
        Assert.That(model.Fields, Is.EqualTo(form.Fields));
        Assert.That(model.CustomOrderNumber, Is.EqualTo("1001"));
        Assert.That(model.AmountText, Is.Not.Empty);
    }

    [Test]
    public async Task A_return_page_for_a_failure_gives_the_reason_and_for_held_money_no_retry()
    {
        var failed = await Factory().PrepareReturnResultModelAsync(_order, Snapshot(PaymentState.Failed, Attempt(), "Solde insuffisant"));
        var held = await Factory().PrepareReturnResultModelAsync(_order, Snapshot(PaymentState.HeldForReview, Attempt()));

        Assert.That(failed.Kind, Is.EqualTo(PaymentResultKind.Failed));
        Assert.That(failed.Reason, Is.Not.Null);
        Assert.That(failed.RetryUrl, Is.EqualTo(Retry()));
        Assert.That(held.Kind, Is.EqualTo(PaymentResultKind.HeldForReview));
        Assert.That(held.RetryUrl, Is.Null);
    }

    #region Payment step: the amount MyPayGa will take

    private static Currency Euro() => new() { Id = 2, CurrencyCode = "EUR", Rate = 1m, DisplayLocale = "fr-FR", Published = true };

    /// <summary>A euro store with an XAF currency (655.957 francs a euro) and a cart whose total nopCommerce computes.</summary>
    private void EuroStoreWithCart(decimal? total)
    {
        _formatter = WebFakes.XafFormatter([Euro(), WebFakes.Xaf(x => { x.Id = 7; x.Rate = 655.957m; })]);
        _xaf.Setup(x => x.ToXafAsync(It.IsAny<decimal>())).ReturnsAsync((decimal amount) => XafAmountService.RoundToFrancs(amount * 655.957m));
        _cart.Setup(c => c.GetShoppingCartAsync(It.Is<Nop.Core.Domain.Customers.Customer>(cu => cu.Id == WebFakes.CustomerId),
                Nop.Core.Domain.Orders.ShoppingCartType.ShoppingCart, WebFakes.StoreId, null, null, null, null))
            .ReturnsAsync([new ShoppingCartItem { Id = 1, Quantity = 1 }]);
        _totals.Setup(t => t.GetShoppingCartTotalAsync(It.IsAny<IList<ShoppingCartItem>>(), null, true))
            .ReturnsAsync((total, 0m, [], [], 0, 0m));
    }

    [Test]
    public async Task In_a_store_showing_euros_the_payment_step_says_what_mypayga_will_take_in_xaf()
    {
        EuroStoreWithCart(10m);

        var model = await Factory().PreparePaymentInfoModelAsync(null);

        Assert.That(model.XafAmountText, Is.EqualTo(WebFakes.GabonXaf(6_560)), "10 € at 655.957, whole francs, as the store writes XAF");
        _totals.Verify(t => t.GetShoppingCartTotalAsync(It.IsAny<IList<ShoppingCartItem>>(), null, true), Times.Once,
            "the total as the order will have it: the payment method's fee and the customer's reward points choice included");
    }

    [Test]
    public async Task A_store_in_xaf_shows_no_extra_amount_and_reads_no_cart()
    {
        var model = await Factory().PreparePaymentInfoModelAsync(null);

        Assert.That(model.XafAmountText, Is.Null);
        _cart.VerifyNoOtherCalls();
        _totals.VerifyNoOtherCalls();
    }

    [Test]
    public async Task A_shopper_who_chose_euros_in_an_xaf_store_sees_the_amount_in_xaf()
    {
        _formatter = WebFakes.XafFormatter([WebFakes.Xaf(), Euro()], working: Euro());
        _cart.Setup(c => c.GetShoppingCartAsync(It.IsAny<Nop.Core.Domain.Customers.Customer>(), It.IsAny<Nop.Core.Domain.Orders.ShoppingCartType?>(),
                It.IsAny<int>(), It.IsAny<int?>(), It.IsAny<DateTime?>(), It.IsAny<DateTime?>(), It.IsAny<int?>()))
            .ReturnsAsync([new ShoppingCartItem { Id = 1, Quantity = 1 }]);
        _totals.Setup(t => t.GetShoppingCartTotalAsync(It.IsAny<IList<ShoppingCartItem>>(), null, true)).ReturnsAsync((12_500m, 0m, [], [], 0, 0m));

        var model = await Factory().PreparePaymentInfoModelAsync(null);

        Assert.That(model.XafAmountText, Is.EqualTo(WebFakes.GabonXaf(12_500)));
    }

    [Test]
    public async Task Without_a_total_yet_or_without_xaf_no_amount_is_shown()
    {
        EuroStoreWithCart(null);
        var noTotal = await Factory().PreparePaymentInfoModelAsync(null);

        EuroStoreWithCart(10m);
        _xaf.Setup(x => x.ToXafAsync(It.IsAny<decimal>())).ThrowsAsync(new InvalidOperationException("XAF is not available"));
        var noXaf = await Factory().PreparePaymentInfoModelAsync(null);

        Assert.That(noTotal.XafAmountText, Is.Null);
        Assert.That(noXaf.XafAmountText, Is.Null);
    }

    [Test]
    public async Task A_total_that_cannot_be_computed_never_breaks_the_payment_step()
    {
        EuroStoreWithCart(10m);
        _totals.Setup(t => t.GetShoppingCartTotalAsync(It.IsAny<IList<ShoppingCartItem>>(), null, true))
            .ThrowsAsync(new NullReferenceException("a discount rule of the store"));

        var model = await Factory().PreparePaymentInfoModelAsync(null);

        Assert.That(model.XafAmountText, Is.Null);
        Assert.That(model.MobileMoneyEnabled, Is.True);
        _logger.Verify(l => l.WarningAsync(It.IsAny<string>(), It.IsAny<Exception>(), null), Times.Once);
    }

    #endregion
}
