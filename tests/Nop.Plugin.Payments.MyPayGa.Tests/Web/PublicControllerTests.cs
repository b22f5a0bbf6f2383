using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Primitives;
using Moq;
using MyPayGa.Client;
using MyPayGa.Client.Models;
using Nop.Core;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Core.Http;
using Nop.Plugin.Payments.MyPayGa.Controllers;
using Nop.Plugin.Payments.MyPayGa.Domain;
using Nop.Plugin.Payments.MyPayGa.Factories;
using Nop.Plugin.Payments.MyPayGa.Models;
using Nop.Plugin.Payments.MyPayGa.Services;
using Nop.Services.Configuration;
using Nop.Services.Localization;
using Nop.Services.Logging;
using Nop.Services.Orders;
using NUnit.Framework;
using static Nop.Plugin.Payments.MyPayGa.Localization.LocaleResources;

namespace Nop.Plugin.Payments.MyPayGa.Tests.Web;

[TestFixture]
public sealed class PublicControllerTests
{
    private static readonly DateTime Now = new(2026, 11, 27, 10, 0, 0, DateTimeKind.Utc);

    private Order _order = null!;
    private Mock<IOrderService> _orders = null!;
    private Mock<IPaymentStatusCache> _cache = null!;
    private Mock<IPaymentStatusProcessor> _processor = null!;
    private Mock<IPaymentAttemptStore> _attempts = null!;
    private Mock<IShoppingCartService> _cart = null!;
    private Mock<IOrderTotalCalculationService> _totals = null!;
    private Mock<IMyPayGaCheckoutService> _checkout = null!;
    private Mock<IMyPayGaAccountProvider> _accounts = null!;
    private Mock<IXafAmountService> _xaf = null!;
    private Mock<ILocalizationService> _localization = null!;
    private MyPayGaSettings _settings = null!;
    private DefaultHttpContext _http = null!;
    private int _customerId;

    private sealed class FixedTime(DateTime utcNow) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(utcNow);
    }

    [SetUp]
    public void SetUp()
    {
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        _customerId = WebFakes.CustomerId;
        _order = WebFakes.Order(o => o.CreatedOnUtc = Now.AddMinutes(-2));
        _orders = new Mock<IOrderService>();
        _orders.Setup(o => o.GetOrderByGuidAsync(It.IsAny<Guid>())).ReturnsAsync((Guid guid) => guid == _order.OrderGuid ? _order : null);
        _cache = new Mock<IPaymentStatusCache>();
        _processor = new Mock<IPaymentStatusProcessor>();
        _attempts = new Mock<IPaymentAttemptStore>();
        _cart = new Mock<IShoppingCartService>();
        _totals = new Mock<IOrderTotalCalculationService>();
        _attempts.Setup(a => a.GetAttemptsAsync(It.IsAny<Order>())).ReturnsAsync([]);
        _checkout = new Mock<IMyPayGaCheckoutService>();
        _accounts = new Mock<IMyPayGaAccountProvider>();
        _xaf = new Mock<IXafAmountService>();
        _xaf.Setup(x => x.ToXafAsync(It.IsAny<decimal>())).ReturnsAsync((decimal amount) => (long)amount);
        _localization = WebFakes.Localization();
        _settings = new MyPayGaSettings { TestPublicKey = "ptest_sandbox_public_key" };
        _http = new DefaultHttpContext();
    }

    /// <summary>The shopper's view models, prepared by the real factory over the same mocks.</summary>
    private MyPayGaPublicModelFactory Factory() => new(
        _localization.Object,
        WebFakes.NopUrl().Object,
        WebFakes.WorkContext(_customerId).Object,
        WebFakes.StoreContext().Object,
        _cart.Object,
        _totals.Object,
        new Mock<ILogger>().Object,
        _attempts.Object,
        _checkout.Object,
        _xaf.Object,
        WebFakes.XafFormatter(),
        _settings,
        new FixedTime(Now));

    private MyPayGaPublicController Controller() => new(
        WebFakes.WorkContext(_customerId).Object,
        WebFakes.StoreContext().Object,
        _orders.Object,
        _cache.Object,
        _processor.Object,
        _attempts.Object,
        _checkout.Object,
        _accounts.Object,
        Factory(),
        new MyPayGaPhoneValidator(_localization.Object),
        _localization.Object,
        new Mock<ILogger>().Object,
        _settings,
        new FixedTime(Now))
    {
        ControllerContext = WebFakes.ControllerContext(_http),
        Url = WebFakes.Url().Object,
    };

    private static MyPayGaAttempt Attempt(PaymentChannel channel = PaymentChannel.MobileMoney, string token = "tok_1", string? phone = "074111111") => new()
    {
        Number = 1,
        UniqueId = "1001-1",
        PaymentToken = token,
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

    private void CacheSays(PaymentState state, MyPayGaAttempt? attempt = null, string? message = null) =>
        _cache.Setup(c => c.GetAsync(It.IsAny<Order>(), It.IsAny<CancellationToken>())).ReturnsAsync(Snapshot(state, attempt, message));

    private void ProcessorSays(PaymentState state, MyPayGaAttempt? attempt = null, string? message = null) =>
        _processor.Setup(p => p.ProcessAsync(It.IsAny<Order>(), StatusTrigger.ReturnPage, It.IsAny<CancellationToken>()))
            .ReturnsAsync(Snapshot(state, attempt, message));

    private static string Completed(int orderId) => WebFakes.RouteUrl(NopRouteNames.Standard.CHECKOUT_COMPLETED, new { orderId });

    private static string RouteTo(string routeName, Guid orderGuid) => WebFakes.RouteUrl(routeName, new { orderGuid });

    private static JsonElement Json(IActionResult result)
    {
        Assert.That(result, Is.TypeOf<ContentResult>());
        var content = (ContentResult)result;
        Assert.That(content.ContentType, Does.StartWith("application/json"));
        return JsonDocument.Parse(content.Content!).RootElement;
    }

    private static T ViewModel<T>(IActionResult result, string viewPath)
    {
        Assert.That(result, Is.TypeOf<ViewResult>());
        var view = (ViewResult)result;
        Assert.That(view.ViewName, Is.EqualTo(viewPath));
        Assert.That(view.Model, Is.TypeOf<T>());
        return (T)view.Model!;
    }

    private void PostForm(params (string Key, string Value)[] fields)
    {
        _http.Request.Method = "POST";
        _http.Request.ContentType = "application/x-www-form-urlencoded";
        _http.Request.Form = new FormCollection(fields.ToDictionary(f => f.Key, f => new StringValues(f.Value)));
    }

    #region Ownership

    private static IEnumerable<TestCaseData> EveryOrderPage()
    {
        yield return new TestCaseData(new Func<MyPayGaPublicController, Guid, Task<IActionResult>>((c, g) => c.Pending(g, default))).SetName("Pending");
        yield return new TestCaseData(new Func<MyPayGaPublicController, Guid, Task<IActionResult>>((c, g) => c.Status(g, default))).SetName("Status");
        yield return new TestCaseData(new Func<MyPayGaPublicController, Guid, Task<IActionResult>>((c, g) => c.Retry(g, default))).SetName("Retry");
        yield return new TestCaseData(new Func<MyPayGaPublicController, Guid, Task<IActionResult>>((c, g) => c.RetryPost(g, default))).SetName("RetryPost");
        yield return new TestCaseData(new Func<MyPayGaPublicController, Guid, Task<IActionResult>>((c, g) => c.Card(g))).SetName("Card");
    }

    [TestCaseSource(nameof(EveryOrderPage))]
    public async Task Another_customers_order_is_a_404_and_nothing_is_read_or_started(Func<MyPayGaPublicController, Guid, Task<IActionResult>> page)
    {
        _customerId = WebFakes.OtherCustomerId;
        PostForm((MyPayGaDefaults.ChannelFormField, "MobileMoney"), (MyPayGaDefaults.PhoneFormField, "074111111"));

        var result = await page(Controller(), _order.OrderGuid);

        Assert.That(result, Is.TypeOf<NotFoundResult>());
        _cache.VerifyNoOtherCalls();
        _processor.VerifyNoOtherCalls();
        _checkout.VerifyNoOtherCalls();
        _attempts.VerifyNoOtherCalls();
        _accounts.VerifyNoOtherCalls();
    }

    [TestCaseSource(nameof(EveryOrderPage))]
    public async Task An_order_paid_with_another_method_is_a_404(Func<MyPayGaPublicController, Guid, Task<IActionResult>> page)
    {
        _order.PaymentMethodSystemName = "Payments.CheckMoneyOrder";

        Assert.That(await page(Controller(), _order.OrderGuid), Is.TypeOf<NotFoundResult>());
    }

    [TestCaseSource(nameof(EveryOrderPage))]
    public async Task A_deleted_or_unknown_order_is_a_404(Func<MyPayGaPublicController, Guid, Task<IActionResult>> page)
    {
        Assert.That(await page(Controller(), Guid.NewGuid()), Is.TypeOf<NotFoundResult>());

        _order.Deleted = true;
        Assert.That(await page(Controller(), _order.OrderGuid), Is.TypeOf<NotFoundResult>());
    }

    #endregion

    #region Status endpoint

    [Test]
    public async Task Status_returns_the_cached_snapshot_and_never_runs_the_processor()
    {
        CacheSays(PaymentState.Pending, Attempt());
        var controller = Controller();

        var json = Json(await controller.Status(_order.OrderGuid, default));

        Assert.That(json.GetProperty("state").GetString(), Is.EqualTo("pending"));
        Assert.That(json.GetProperty("message").GetString(), Is.EqualTo(English(WebKeys.StatusPending)));
        Assert.That(json.GetProperty("final").GetBoolean(), Is.False);
        Assert.That(json.TryGetProperty("redirectUrl", out _), Is.False);
        Assert.That(controller.Response.Headers.CacheControl.ToString(), Is.EqualTo("no-store"));
        _cache.Verify(c => c.GetAsync(It.Is<Order>(o => o.Id == _order.Id), It.IsAny<CancellationToken>()), Times.Once);
        _processor.VerifyNoOtherCalls();
    }

    [Test]
    public async Task Status_of_a_paid_order_points_to_the_completed_page()
    {
        CacheSays(PaymentState.Paid, Attempt());

        var json = Json(await Controller().Status(_order.OrderGuid, default));

        Assert.That(json.GetProperty("state").GetString(), Is.EqualTo("paid"));
        Assert.That(json.GetProperty("redirectUrl").GetString(), Is.EqualTo(Completed(_order.Id)));
        Assert.That(json.GetProperty("final").GetBoolean(), Is.True);
    }

    [Test]
    public async Task Status_of_a_failed_payment_gives_the_reason_and_the_retry_page()
    {
        CacheSays(PaymentState.Failed, Attempt(), "Dear customer,you have insuffient funds. Thank you.");

        var json = Json(await Controller().Status(_order.OrderGuid, default));

        Assert.That(json.GetProperty("state").GetString(), Is.EqualTo("failed"));
        Assert.That(json.GetProperty("message").GetString(),
            Does.Contain(English(ShopperKeys.ReasonInsufficientFundsMobileMoney)).And.Not.Contain("insuffient"),
            "the operator's words are translated, never shown as they are");
        Assert.That(json.GetProperty("retryUrl").GetString(), Is.EqualTo(RouteTo(MyPayGaDefaults.Routes.Retry, _order.OrderGuid)));
        Assert.That(json.GetProperty("final").GetBoolean(), Is.True);
    }

    private const string InsufficientFunds = "Dear customer,you have insuffient funds. Thank you.";

    private static MyPayGaAttempt WithKeptMessage(MyPayGaAttempt attempt, string? message)
    {
        attempt.DisplayMessage = message;
        return attempt;
    }

    [Test]
    public async Task Status_of_a_failure_mypaygas_only_calls_failed_shows_the_operators_kept_reason()
    {
        CacheSays(PaymentState.Failed, WithKeptMessage(Attempt(), InsufficientFunds), "Failed");

        var json = Json(await Controller().Status(_order.OrderGuid, default));

        Assert.That(json.GetProperty("message").GetString(),
            Is.EqualTo(string.Format(CultureInfo.InvariantCulture, English(WebKeys.StatusFailedWithReason),
                English(ShopperKeys.ReasonInsufficientFundsMobileMoney))));
        Assert.That(json.TryGetProperty("awaitingReason", out _), Is.False);
    }

    [Test]
    public async Task Status_never_shows_a_bare_status_word_as_the_reason_and_waits_a_little_for_the_real_one()
    {
        CacheSays(PaymentState.Failed, Attempt(), "Failed");

        var json = Json(await Controller().Status(_order.OrderGuid, default));

        Assert.That(json.GetProperty("message").GetString(), Is.EqualTo(English(WebKeys.StatusFailed)));
        Assert.That(json.GetProperty("final").GetBoolean(), Is.True);
        Assert.That(json.GetProperty("awaitingReason").GetBoolean(), Is.True, "the callback may still bring the reason");
    }

    [Test]
    public async Task Status_of_an_old_failure_without_reason_does_not_wait_for_one()
    {
        var old = Attempt();
        old.CreatedOnUtc = Now - MyPayGaPublicModelFactory.ReasonMayArriveFor - TimeSpan.FromSeconds(1);
        CacheSays(PaymentState.Failed, old, "Failed");

        var json = Json(await Controller().Status(_order.OrderGuid, default));

        Assert.That(json.GetProperty("message").GetString(), Is.EqualTo(English(WebKeys.StatusFailed)));
        Assert.That(json.TryGetProperty("awaitingReason", out _), Is.False);
    }

    [Test]
    public async Task A_descriptive_status_text_wins_over_a_kept_message()
    {
        CacheSays(PaymentState.Failed, WithKeptMessage(Attempt(PaymentChannel.Card), "something else"), "Refus solde ins");

        var json = Json(await Controller().Status(_order.OrderGuid, default));

        Assert.That(json.GetProperty("message").GetString(), Does.EndWith(English(ShopperKeys.ReasonInsufficientFundsCard)));
    }

    [Test]
    public async Task The_retry_page_names_the_operators_kept_reason()
    {
        CacheSays(PaymentState.Failed, WithKeptMessage(Attempt(phone: "074131313"), InsufficientFunds), "Failed");

        var model = ViewModel<RetryModel>(await Controller().Retry(_order.OrderGuid, default), MyPayGaViewPaths.Retry);

        Assert.That(model.LastFailureMessage, Does.Contain(English(ShopperKeys.ReasonInsufficientFundsMobileMoney)).And.Not.Contain("Failed"));
    }

    [Test]
    public async Task The_return_page_gives_the_kept_reason_and_no_bare_status_word()
    {
        _http.Request.QueryString = new QueryString("?unique_id=1001-1&payment_token=tok_1");
        _attempts.Setup(a => a.FindOrderAsync("1001-1", "tok_1")).ReturnsAsync(_order);
        ProcessorSays(PaymentState.Failed, Attempt(), "Failed");

        var without = ViewModel<PaymentResultModel>(await Controller().Return("failure", default), MyPayGaViewPaths.Result);
        ProcessorSays(PaymentState.Failed, WithKeptMessage(Attempt(), InsufficientFunds), "Failed");
        var with = ViewModel<PaymentResultModel>(await Controller().Return("failure", default), MyPayGaViewPaths.Result);

        Assert.That(without.Reason, Is.Null);
        Assert.That(with.Reason, Is.EqualTo(English(ShopperKeys.ReasonInsufficientFundsMobileMoney)));
    }

    [Test]
    public async Task Status_of_a_failed_payment_on_a_cancelled_order_offers_no_retry()
    {
        _order.OrderStatus = OrderStatus.Cancelled;
        CacheSays(PaymentState.Failed, Attempt(), "Refus solde ins");

        var json = Json(await Controller().Status(_order.OrderGuid, default));

        Assert.That(json.TryGetProperty("retryUrl", out _), Is.False);
        Assert.That(json.GetProperty("message").GetString(), Is.EqualTo(English(WebKeys.StatusOrderCancelled)));
    }

    [TestCase(PaymentState.HeldForReview, "heldForReview", true)]
    [TestCase(PaymentState.AmountMismatch, "amountMismatch", true)]
    [TestCase(PaymentState.ProviderUnavailable, "providerUnavailable", false)]
    public async Task Status_reports_the_other_states(PaymentState state, string expected, bool final)
    {
        CacheSays(state, Attempt());

        var json = Json(await Controller().Status(_order.OrderGuid, default));

        Assert.That(json.GetProperty("state").GetString(), Is.EqualTo(expected));
        Assert.That(json.GetProperty("final").GetBoolean(), Is.EqualTo(final));
        Assert.That(json.TryGetProperty("redirectUrl", out _), Is.False, "only a paid order is redirected");
    }

    [Test]
    public async Task A_failure_brings_its_own_heading_and_text_instead_of_confirm_on_your_phone()
    {
        CacheSays(PaymentState.Failed, Attempt(), "Failed");

        var json = Json(await Controller().Status(_order.OrderGuid, default));

        Assert.That(json.GetProperty("title").GetString(), Is.EqualTo(English(WebKeys.ResultFailedTitle)));
        Assert.That(json.GetProperty("instructions").GetString(), Is.EqualTo(English(WebKeys.PendingFailedInstructions)));
    }

    [Test]
    public async Task A_failure_on_a_cancelled_order_hides_the_instructions()
    {
        _order.OrderStatus = OrderStatus.Cancelled;
        CacheSays(PaymentState.Failed, Attempt(), "Failed");

        var json = Json(await Controller().Status(_order.OrderGuid, default));

        Assert.That(json.GetProperty("title").GetString(), Is.EqualTo(English(WebKeys.ResultFailedTitle)));
        Assert.That(json.GetProperty("instructions").GetString(), Is.Empty);
    }

    [TestCase(PaymentState.HeldForReview, WebKeys.ResultHeldForReviewTitle)]
    [TestCase(PaymentState.AmountMismatch, WebKeys.ResultAmountMismatchTitle)]
    public async Task Other_final_states_bring_their_heading_and_hide_the_phone_instructions(PaymentState state, string titleKey)
    {
        CacheSays(state, Attempt());

        var json = Json(await Controller().Status(_order.OrderGuid, default));

        Assert.That(json.GetProperty("title").GetString(), Is.EqualTo(English(titleKey)));
        Assert.That(json.GetProperty("instructions").GetString(), Is.Empty);
    }

    [TestCase(PaymentState.Pending)]
    [TestCase(PaymentState.ProviderUnavailable)]
    public async Task While_waiting_the_heading_and_text_stay_as_they_are(PaymentState state)
    {
        CacheSays(state, Attempt());

        var json = Json(await Controller().Status(_order.OrderGuid, default));

        Assert.That(json.TryGetProperty("title", out _), Is.False);
        Assert.That(json.TryGetProperty("instructions", out _), Is.False);
    }

    [Test]
    public async Task Status_survives_a_cache_that_throws_and_says_unavailable()
    {
        _cache.Setup(c => c.GetAsync(It.IsAny<Order>(), It.IsAny<CancellationToken>())).ThrowsAsync(new TimeoutException());

        var json = Json(await Controller().Status(_order.OrderGuid, default));

        Assert.That(json.GetProperty("state").GetString(), Is.EqualTo("providerUnavailable"));
    }

    #endregion

    #region Pending page

    [Test]
    public async Task The_pending_page_shows_amount_masked_phone_and_operator_and_polls_the_status_url()
    {
        CacheSays(PaymentState.Pending, Attempt(phone: "074111111"));

        var model = ViewModel<PendingPageModel>(await Controller().Pending(_order.OrderGuid, default), MyPayGaViewPaths.Pending);

        Assert.Multiple(() =>
        {
            Assert.That(model.AmountText, Is.EqualTo(WebFakes.GabonXaf(12_500)));
            Assert.That(model.MaskedPhone, Does.StartWith("074").And.EndWith("11").And.Not.Contain("111111"));
            Assert.That(model.OperatorName, Is.EqualTo("Airtel Money"));
            Assert.That(model.StatusUrl, Is.EqualTo(RouteTo(MyPayGaDefaults.Routes.Status, _order.OrderGuid)));
            Assert.That(model.PageUrl, Is.EqualTo(RouteTo(MyPayGaDefaults.Routes.Pending, _order.OrderGuid)));
            Assert.That(model.Status.State, Is.EqualTo("pending"));
            Assert.That(model.ElapsedSeconds, Is.EqualTo(75));
            Assert.That(model.PollIntervalMilliseconds, Is.InRange(2000, 5000));
            Assert.That(model.MaxPollSeconds, Is.EqualTo(600));
        });
        _processor.VerifyNoOtherCalls();
    }

    [Test]
    public async Task The_pending_page_of_a_card_payment_waits_for_the_bank()
    {
        CacheSays(PaymentState.Pending, Attempt(PaymentChannel.Card));

        var model = ViewModel<PendingPageModel>(await Controller().Pending(_order.OrderGuid, default), MyPayGaViewPaths.Pending);

        Assert.That(model.Channel, Is.EqualTo(PaymentChannel.Card));
        Assert.That(model.Status.Message, Is.EqualTo(English(WebKeys.StatusPendingCard)));
        Assert.That(model.MaskedPhone, Is.Null);
    }

    [Test]
    public async Task The_pending_page_of_a_paid_order_redirects_to_the_completed_page()
    {
        CacheSays(PaymentState.Paid, Attempt());

        var result = await Controller().Pending(_order.OrderGuid, default);

        Assert.That(WebFakes.Describe((RedirectToRouteResult)result), Is.EqualTo(Completed(_order.Id)));
    }

    [Test]
    public async Task The_pending_page_of_an_order_without_attempt_asks_for_the_channel_and_number()
    {
        CacheSays(PaymentState.NotStarted);

        var result = await Controller().Pending(_order.OrderGuid, default);

        Assert.That(WebFakes.Describe((RedirectToRouteResult)result), Is.EqualTo(RouteTo(MyPayGaDefaults.Routes.Retry, _order.OrderGuid)));
    }

    [Test]
    public async Task The_pending_page_of_a_failed_payment_renders_the_reason_and_the_retry_link()
    {
        CacheSays(PaymentState.Failed, Attempt(), "Solde insuffisant");

        var model = ViewModel<PendingPageModel>(await Controller().Pending(_order.OrderGuid, default), MyPayGaViewPaths.Pending);

        Assert.That(model.Status.Final, Is.True);
        Assert.That(model.Status.Message, Does.Contain(English(ShopperKeys.ReasonInsufficientFundsMobileMoney)));
        Assert.That(model.Status.RetryUrl, Is.EqualTo(RouteTo(MyPayGaDefaults.Routes.Retry, _order.OrderGuid)));
    }

    [Test]
    public async Task The_pending_page_of_a_failed_payment_is_rendered_with_the_failure_heading_without_javascript()
    {
        CacheSays(PaymentState.Failed, Attempt(), "Solde insuffisant");

        var model = ViewModel<PendingPageModel>(await Controller().Pending(_order.OrderGuid, default), MyPayGaViewPaths.Pending);

        Assert.That(model.Status.Title, Is.EqualTo(English(WebKeys.ResultFailedTitle)));
        Assert.That(model.Status.Instructions, Is.EqualTo(English(WebKeys.PendingFailedInstructions)));
    }

    #endregion

    #region Return pages

    [Test]
    public async Task A_failure_return_for_a_paid_payment_goes_to_the_completed_page()
    {
        _http.Request.QueryString = new QueryString("?unique_id=1001-1&payment_token=tok_1");
        _attempts.Setup(a => a.FindOrderAsync("1001-1", "tok_1")).ReturnsAsync(_order);
        ProcessorSays(PaymentState.Paid, Attempt(PaymentChannel.Card));

        var result = await Controller().Return("failure", default);

        Assert.That(WebFakes.Describe((RedirectToRouteResult)result), Is.EqualTo(Completed(_order.Id)));
        _processor.Verify(p => p.ProcessAsync(It.Is<Order>(o => o.Id == _order.Id), StatusTrigger.ReturnPage, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task A_success_return_for_a_failed_payment_shows_the_failure_with_its_reason_and_a_retry()
    {
        _http.Request.QueryString = new QueryString("?unique_id=1001-1&payment_token=tok_1");
        _attempts.Setup(a => a.FindOrderAsync("1001-1", "tok_1")).ReturnsAsync(_order);
        ProcessorSays(PaymentState.Failed, Attempt(PaymentChannel.Card), "Refus solde ins");

        var model = ViewModel<PaymentResultModel>(await Controller().Return("success", default), MyPayGaViewPaths.Result);

        Assert.Multiple(() =>
        {
            Assert.That(model.Kind, Is.EqualTo(PaymentResultKind.Failed));
            Assert.That(model.Reason, Is.EqualTo(English(ShopperKeys.ReasonInsufficientFundsCard)));
            Assert.That(model.RetryUrl, Is.EqualTo(RouteTo(MyPayGaDefaults.Routes.Retry, _order.OrderGuid)));
            Assert.That(model.Title, Is.EqualTo(English(WebKeys.ResultFailedTitle)));
        });
    }

    [Test]
    public void The_return_pages_take_a_get_or_a_post_without_antiforgery_token()
    {
        var action = typeof(MyPayGaPublicController).GetMethod(nameof(MyPayGaPublicController.Return))!;

        Assert.That(action.IsDefined(typeof(HttpGetAttribute), true), Is.True);
        Assert.That(action.IsDefined(typeof(HttpPostAttribute), true), Is.True);
        Assert.That(action.IsDefined(typeof(IgnoreAntiforgeryTokenAttribute), true), Is.True,
            "MyPayGa cannot send our antiforgery token; the controller's own [AutoValidateAntiforgeryToken] would refuse its POST");
    }

    [Test]
    public async Task A_posted_return_finds_the_order_from_the_posted_reference_and_only_runs_the_processor()
    {
        PostForm(("payment_token", "tok_1"), ("unique_id", "1001-1"));
        _attempts.Setup(a => a.FindOrderAsync("1001-1", "tok_1")).ReturnsAsync(_order);
        ProcessorSays(PaymentState.Paid, Attempt(PaymentChannel.Card));

        var result = await Controller().Return("failure", default);

        Assert.That(WebFakes.Describe((RedirectToRouteResult)result), Is.EqualTo(Completed(_order.Id)));
        _processor.Verify(p => p.ProcessAsync(It.Is<Order>(o => o.Id == _order.Id), StatusTrigger.ReturnPage, It.IsAny<CancellationToken>()), Times.Once);
        _checkout.VerifyNoOtherCalls();
    }

    [Test]
    public async Task The_query_wins_over_a_posted_reference()
    {
        _http.Request.QueryString = new QueryString("?payment_token=tok_1&unique_id=1001-1");
        PostForm(("payment_token", "tok_other"), ("unique_id", "2002-1"));
        _attempts.Setup(a => a.FindOrderAsync("1001-1", "tok_1")).ReturnsAsync(_order);
        ProcessorSays(PaymentState.Paid, Attempt(PaymentChannel.Card));

        var result = await Controller().Return("success", default);

        Assert.That(WebFakes.Describe((RedirectToRouteResult)result), Is.EqualTo(Completed(_order.Id)));
        _attempts.Verify(a => a.FindOrderAsync("2002-1", It.IsAny<string?>()), Times.Never);
    }

    [Test]
    public async Task A_return_while_the_bank_has_not_answered_goes_to_the_pending_page()
    {
        _attempts.Setup(a => a.FindOrderAsync(It.IsAny<string>(), It.IsAny<string>())).ReturnsAsync(_order);
        _http.Request.QueryString = new QueryString("?payment_token=tok_1&unique_id=1001-1");
        ProcessorSays(PaymentState.Pending, Attempt(PaymentChannel.Card));

        var result = await Controller().Return("success", default);

        Assert.That(WebFakes.Describe((RedirectToRouteResult)result), Is.EqualTo(RouteTo(MyPayGaDefaults.Routes.Pending, _order.OrderGuid)));
    }

    [Test]
    public async Task A_return_when_MyPayGa_cannot_be_read_goes_to_the_polling_page_and_marks_nothing()
    {
        _attempts.Setup(a => a.FindOrderAsync(It.IsAny<string>(), It.IsAny<string>())).ReturnsAsync(_order);
        _http.Request.QueryString = new QueryString("?unique_id=1001-1");
        _processor.Setup(p => p.ProcessAsync(It.IsAny<Order>(), It.IsAny<StatusTrigger>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new HttpRequestException("no route to host"));

        var result = await Controller().Return("success", default);

        Assert.That(WebFakes.Describe((RedirectToRouteResult)result), Is.EqualTo(RouteTo(MyPayGaDefaults.Routes.Pending, _order.OrderGuid)));
        Assert.That(_order.PaymentStatus, Is.EqualTo(PaymentStatus.Pending));
    }

    [Test]
    public async Task Without_a_reference_the_return_page_uses_the_customers_latest_MyPayGa_order()
    {
        _orders.Setup(o => o.SearchOrdersAsync(WebFakes.StoreId, 0, WebFakes.CustomerId, 0, 0, 0, 0, MyPayGaDefaults.SystemName,
                null, null, null, null, null, null, null, It.IsAny<string>(), null, 0, 1, false))
            .ReturnsAsync(new PagedList<Order>([_order], 0, 1, 1));
        ProcessorSays(PaymentState.Paid);

        var result = await Controller().Return("success", default);

        Assert.That(WebFakes.Describe((RedirectToRouteResult)result), Is.EqualTo(Completed(_order.Id)));
        _attempts.Verify(a => a.FindOrderAsync(It.IsAny<string>(), It.IsAny<string>()), Times.Never);
    }

    [Test]
    public async Task A_reference_to_someone_elses_order_is_ignored()
    {
        var stranger = WebFakes.Order(o => { o.Id = 2002; o.CustomerId = WebFakes.OtherCustomerId; });
        _http.Request.QueryString = new QueryString("?unique_id=2002-1");
        _attempts.Setup(a => a.FindOrderAsync("2002-1", null)).ReturnsAsync(stranger);
        _orders.Setup(o => o.SearchOrdersAsync(It.IsAny<int>(), It.IsAny<int>(), It.IsAny<int>(), It.IsAny<int>(), It.IsAny<int>(),
                It.IsAny<int>(), It.IsAny<int>(), It.IsAny<string>(), It.IsAny<DateTime?>(), It.IsAny<DateTime?>(), It.IsAny<List<int>>(),
                It.IsAny<List<int>>(), It.IsAny<List<int>>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(),
                It.IsAny<int>(), It.IsAny<int>(), It.IsAny<bool>()))
            .ReturnsAsync(new PagedList<Order>([], 0, 1, 0));

        var model = ViewModel<PaymentResultModel>(await Controller().Return("success", default), MyPayGaViewPaths.Result);

        Assert.That(model.Kind, Is.EqualTo(PaymentResultKind.OrderNotFound));
        Assert.That(model.CustomOrderNumber, Is.Null);
        _processor.VerifyNoOtherCalls();
    }

    [Test]
    public async Task With_no_order_at_all_the_return_page_is_a_friendly_page()
    {
        _orders.Setup(o => o.SearchOrdersAsync(It.IsAny<int>(), It.IsAny<int>(), It.IsAny<int>(), It.IsAny<int>(), It.IsAny<int>(),
                It.IsAny<int>(), It.IsAny<int>(), It.IsAny<string>(), It.IsAny<DateTime?>(), It.IsAny<DateTime?>(), It.IsAny<List<int>>(),
                It.IsAny<List<int>>(), It.IsAny<List<int>>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(),
                It.IsAny<int>(), It.IsAny<int>(), It.IsAny<bool>()))
            .ReturnsAsync(new PagedList<Order>([], 0, 1, 0));

        var model = ViewModel<PaymentResultModel>(await Controller().Return("failure", default), MyPayGaViewPaths.Result);

        Assert.That(model.Kind, Is.EqualTo(PaymentResultKind.OrderNotFound));
        Assert.That(model.Message, Is.EqualTo(English(WebKeys.ResultOrderNotFoundMessage)));
        Assert.That(model.CustomerOrdersUrl, Is.Not.Null);
        _processor.VerifyNoOtherCalls();
    }

    [Test]
    public async Task An_old_settled_order_is_not_picked_as_the_latest()
    {
        var old = WebFakes.Order(o => { o.CreatedOnUtc = Now.AddDays(-3); o.OrderStatus = OrderStatus.Cancelled; });
        _orders.Setup(o => o.SearchOrdersAsync(It.IsAny<int>(), It.IsAny<int>(), It.IsAny<int>(), It.IsAny<int>(), It.IsAny<int>(),
                It.IsAny<int>(), It.IsAny<int>(), It.IsAny<string>(), It.IsAny<DateTime?>(), It.IsAny<DateTime?>(), It.IsAny<List<int>>(),
                It.IsAny<List<int>>(), It.IsAny<List<int>>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(),
                It.IsAny<int>(), It.IsAny<int>(), It.IsAny<bool>()))
            .ReturnsAsync(new PagedList<Order>([old], 0, 1, 1));

        var model = ViewModel<PaymentResultModel>(await Controller().Return("success", default), MyPayGaViewPaths.Result);

        Assert.That(model.Kind, Is.EqualTo(PaymentResultKind.OrderNotFound));
    }

    [Test]
    public async Task An_old_order_paid_a_moment_ago_is_picked_as_the_latest_and_shown_completed()
    {
        var order = WebFakes.Order(o => { o.CreatedOnUtc = Now.AddDays(-3); o.PaidDateUtc = Now.AddMinutes(-1); });
        order.PaymentStatus = PaymentStatus.Paid;
        _orders.Setup(o => o.SearchOrdersAsync(It.IsAny<int>(), It.IsAny<int>(), It.IsAny<int>(), It.IsAny<int>(), It.IsAny<int>(),
                It.IsAny<int>(), It.IsAny<int>(), It.IsAny<string>(), It.IsAny<DateTime?>(), It.IsAny<DateTime?>(), It.IsAny<List<int>>(),
                It.IsAny<List<int>>(), It.IsAny<List<int>>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(),
                It.IsAny<int>(), It.IsAny<int>(), It.IsAny<bool>()))
            .ReturnsAsync(new PagedList<Order>([order], 0, 1, 1));

        var result = await Controller().Return("failure", default);

        Assert.That(WebFakes.Describe((RedirectToRouteResult)result), Is.EqualTo(Completed(order.Id)));
        _processor.VerifyNoOtherCalls();
    }

    [TestCase(PaymentState.HeldForReview, PaymentResultKind.HeldForReview)]
    [TestCase(PaymentState.AmountMismatch, PaymentResultKind.AmountMismatch)]
    public async Task Held_or_mismatched_payments_are_explained_without_a_retry(PaymentState state, PaymentResultKind kind)
    {
        _http.Request.QueryString = new QueryString("?unique_id=1001-1");
        _attempts.Setup(a => a.FindOrderAsync("1001-1", null)).ReturnsAsync(_order);
        ProcessorSays(state, Attempt(PaymentChannel.Card));

        var model = ViewModel<PaymentResultModel>(await Controller().Return("success", default), MyPayGaViewPaths.Result);

        Assert.That(model.Kind, Is.EqualTo(kind));
        Assert.That(model.RetryUrl, Is.Null);
    }

    #endregion

    #region Retry

    [Test]
    public async Task The_retry_page_keeps_the_last_channel_names_the_refused_number_and_does_not_offer_it_again()
    {
        var refused = Attempt(phone: "066123456");
        refused.Status = AttemptStatus.Failed;
        CacheSays(PaymentState.Failed, refused, "Transaction refusée");

        var model = ViewModel<RetryModel>(await Controller().Retry(_order.OrderGuid, default), MyPayGaViewPaths.Retry);

        Assert.Multiple(() =>
        {
            Assert.That(model.SelectedChannel, Is.EqualTo(PaymentChannel.MobileMoney));
            Assert.That(model.Phone, Is.Null, "the number that was just refused is not prefilled");
            Assert.That(model.LastFailedPhone, Is.EqualTo(PhoneDisplay.Mask("066123456")));
            Assert.That(model.LastFailureMessage, Does.Contain(English(ShopperKeys.ReasonDeclinedMobileMoney)));
            Assert.That(model.MobileMoneyEnabled && model.CardEnabled, Is.True);
            Assert.That(model.AmountText, Is.EqualTo(WebFakes.GabonXaf(12_500)));
        });
    }

    [TestCase(PaymentState.Pending, AttemptStatus.Open)]
    [TestCase(PaymentState.ProviderUnavailable, AttemptStatus.Open)]
    [TestCase(PaymentState.Failed, AttemptStatus.NotStarted)]
    public async Task A_number_that_was_not_refused_is_prefilled(PaymentState state, AttemptStatus status)
    {
        var attempt = Attempt(phone: "066123456");
        attempt.Status = status; // NotStarted: gethash failed, nothing reached the phone
        CacheSays(state, attempt);

        var model = ViewModel<RetryModel>(await Controller().Retry(_order.OrderGuid, default), MyPayGaViewPaths.Retry);

        Assert.That(model.Phone, Is.EqualTo("066123456"));
        Assert.That(model.LastFailedPhone, Is.Null);
    }

    [Test]
    public async Task A_push_refused_on_post_is_not_offered_again_but_a_number_that_could_not_be_tried_is()
    {
        PostForm((MyPayGaDefaults.ChannelFormField, "MobileMoney"), (MyPayGaDefaults.PhoneFormField, "074131313"));
        var refused = Attempt(phone: "074131313");
        refused.Status = AttemptStatus.Failed;
        _checkout.Setup(c => c.StartAsync(It.IsAny<Order>(), It.IsAny<PaymentChannel>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new PaymentStartResult { Success = false, Attempt = refused, ErrorMessage = "MyPayGa refused the payment request. …" });

        var afterRefusal = ViewModel<RetryModel>(await Controller().RetryPost(_order.OrderGuid, default), MyPayGaViewPaths.Retry);

        _checkout.Setup(c => c.StartAsync(It.IsAny<Order>(), It.IsAny<PaymentChannel>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new PaymentStartResult { Success = false, ErrorMessage = English(ServiceKeys.StartProviderUnavailable) });
        var afterOutage = ViewModel<RetryModel>(await Controller().RetryPost(_order.OrderGuid, default), MyPayGaViewPaths.Retry);

        Assert.That(afterRefusal.Phone, Is.Null);
        Assert.That(afterRefusal.Errors, Has.Count.EqualTo(1));
        Assert.That(afterOutage.Phone, Is.EqualTo("074131313"));
    }

    [Test]
    public async Task The_retry_page_of_an_order_without_attempt_invites_to_choose_and_shows_the_converted_amount()
    {
        CacheSays(PaymentState.NotStarted);
        _xaf.Setup(x => x.ToXafAsync(12_500m)).ReturnsAsync(12_500);

        var model = ViewModel<RetryModel>(await Controller().Retry(_order.OrderGuid, default), MyPayGaViewPaths.Retry);

        Assert.That(model.NoAttemptYet, Is.True);
        Assert.That(model.Phone, Is.Null);
        Assert.That(model.LastFailureMessage, Is.Null);
        Assert.That(model.AmountText, Is.EqualTo(WebFakes.GabonXaf(12_500)));
    }

    [Test]
    public async Task The_retry_page_says_why_the_start_at_checkout_failed_once()
    {
        CacheSays(PaymentState.NotStarted);
        _attempts.Setup(a => a.TakeStartErrorAsync(It.Is<Order>(o => o.Id == _order.Id), Now, MyPayGaPublicController.StartErrorShownFor))
            .ReturnsAsync("MyPayGa cannot be reached at the moment. Please try again in a few minutes.");

        var model = ViewModel<RetryModel>(await Controller().Retry(_order.OrderGuid, default), MyPayGaViewPaths.Retry);

        Assert.That(model.Errors, Is.EqualTo(new[] { "MyPayGa cannot be reached at the moment. Please try again in a few minutes." }));
        _attempts.Verify(a => a.TakeStartErrorAsync(It.IsAny<Order>(), It.IsAny<DateTime>(), It.IsAny<TimeSpan>()), Times.Once);
    }

    [Test]
    public async Task Without_an_attempt_the_retry_page_is_prefilled_with_the_checkouts_choice()
    {
        var values = new CustomValues();
        values.Add(new(MyPayGaDefaults.ChannelCustomValue, nameof(PaymentChannel.MobileMoney), displayToCustomer: false));
        values.Add(new(MyPayGaDefaults.PhoneCustomValue, "066123456", displayToCustomer: false));
        _order.CustomValuesXml = values.SerializeToXml();
        CacheSays(PaymentState.NotStarted);

        var model = ViewModel<RetryModel>(await Controller().Retry(_order.OrderGuid, default), MyPayGaViewPaths.Retry);

        Assert.That(model.SelectedChannel, Is.EqualTo(PaymentChannel.MobileMoney));
        Assert.That(model.Phone, Is.EqualTo("066123456"));
    }

    [Test]
    public async Task Without_a_start_error_the_retry_page_shows_no_error()
    {
        CacheSays(PaymentState.NotStarted);

        var model = ViewModel<RetryModel>(await Controller().Retry(_order.OrderGuid, default), MyPayGaViewPaths.Retry);

        Assert.That(model.Errors, Is.Empty);
    }

    [Test]
    public async Task An_invalid_phone_is_shown_again_with_the_error_and_nothing_is_started()
    {
        PostForm((MyPayGaDefaults.ChannelFormField, "MobileMoney"), (MyPayGaDefaults.PhoneFormField, "063 12 34 56"));

        var model = ViewModel<RetryModel>(await Controller().RetryPost(_order.OrderGuid, default), MyPayGaViewPaths.Retry);

        Assert.That(model.Errors, Is.EqualTo(new[] { English(ServiceKeys.ValidationPhoneNotMobileMoney) }));
        Assert.That(model.Phone, Is.EqualTo("063 12 34 56"));
        // Only read (the card's phone on file, for the page shown again); nothing started.
        _checkout.Verify(c => c.GetPhoneOnFileAsync(It.IsAny<Order>()), Times.AtMostOnce());
        _checkout.VerifyNoOtherCalls();
    }

    [Test]
    public async Task A_valid_mobile_money_retry_starts_a_push_to_the_normalised_number_and_goes_to_the_pending_page()
    {
        PostForm((MyPayGaDefaults.ChannelFormField, "MobileMoney"), (MyPayGaDefaults.PhoneFormField, "+241 74 11 11 11"));
        _checkout.Setup(c => c.StartAsync(It.IsAny<Order>(), PaymentChannel.MobileMoney, "074111111", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new PaymentStartResult { Success = true, Attempt = Attempt() });

        var result = await Controller().RetryPost(_order.OrderGuid, default);

        Assert.That(WebFakes.Describe((RedirectToRouteResult)result), Is.EqualTo(RouteTo(MyPayGaDefaults.Routes.Pending, _order.OrderGuid)));
        _checkout.Verify(c => c.StartAsync(It.Is<Order>(o => o.Id == _order.Id), PaymentChannel.MobileMoney, "074111111", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task A_card_retry_starts_a_card_attempt_and_goes_to_the_card_page()
    {
        PostForm((MyPayGaDefaults.ChannelFormField, "Card"), (MyPayGaDefaults.PhoneFormField, "not a phone"));
        _checkout.Setup(c => c.StartAsync(It.IsAny<Order>(), PaymentChannel.Card, null, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new PaymentStartResult { Success = true, Attempt = Attempt(PaymentChannel.Card) });

        var result = await Controller().RetryPost(_order.OrderGuid, default);

        Assert.That(result, Is.TypeOf<RedirectToRouteResult>(), (result as ViewResult)?.Model is RetryModel m ? string.Join(";", m.Errors) : null);
        Assert.That(WebFakes.Describe((RedirectToRouteResult)result), Is.EqualTo(RouteTo(MyPayGaDefaults.Routes.CardRedirect, _order.OrderGuid)));
    }

    private static global::MyPayGa.Client.Phones.PhoneNumber Phone(string text) =>
        global::MyPayGa.Client.Phones.PhoneNumber.TryParse(text, out var phone, out _) ? phone! : throw new ArgumentException(text);

    [Test]
    public async Task The_retry_page_prefills_the_card_phone_from_the_phone_on_file()
    {
        CacheSays(PaymentState.Failed, Attempt(PaymentChannel.Card), "Refus solde ins");
        _checkout.Setup(c => c.GetPhoneOnFileAsync(It.Is<Order>(o => o.Id == _order.Id))).ReturnsAsync(Phone("074 12 34 56"));

        var model = ViewModel<RetryModel>(await Controller().Retry(_order.OrderGuid, default), MyPayGaViewPaths.Retry);

        Assert.That(model.SelectedChannel, Is.EqualTo(PaymentChannel.Card));
        Assert.That(model.CardPhone, Is.EqualTo("+241 74 12 34 56"));
        Assert.That(model.CardPhoneRequired, Is.False);
    }

    [Test]
    public async Task Without_a_phone_on_file_the_retry_page_asks_for_the_card_phone()
    {
        CacheSays(PaymentState.Failed, Attempt(PaymentChannel.Card), "Refus solde ins");

        var model = ViewModel<RetryModel>(await Controller().Retry(_order.OrderGuid, default), MyPayGaViewPaths.Retry);

        Assert.That(model.CardPhone, Is.Null);
        Assert.That(model.CardPhoneRequired, Is.True);
    }

    [Test]
    public async Task A_card_retry_sends_the_typed_receipt_phone_normalised()
    {
        PostForm((MyPayGaDefaults.ChannelFormField, "Card"), (MyPayGaDefaults.CardPhoneFormField, "+241 11 76 54 32"));
        _checkout.Setup(c => c.StartAsync(It.IsAny<Order>(), PaymentChannel.Card, "011765432", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new PaymentStartResult { Success = true, Attempt = Attempt(PaymentChannel.Card) });

        var result = await Controller().RetryPost(_order.OrderGuid, default);

        Assert.That(WebFakes.Describe((RedirectToRouteResult)result), Is.EqualTo(RouteTo(MyPayGaDefaults.Routes.CardRedirect, _order.OrderGuid)));
        _checkout.Verify(c => c.StartAsync(It.IsAny<Order>(), PaymentChannel.Card, "011765432", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task An_unreadable_card_phone_is_refused_before_anything_starts()
    {
        PostForm((MyPayGaDefaults.ChannelFormField, "Card"), (MyPayGaDefaults.CardPhoneFormField, "074 12"));

        var model = ViewModel<RetryModel>(await Controller().RetryPost(_order.OrderGuid, default), MyPayGaViewPaths.Retry);

        Assert.That(model.Errors, Is.EqualTo(new[] { English(ServiceKeys.ValidationPhoneTooShort) }));
        Assert.That(model.CardPhone, Is.EqualTo("074 12"));
        _checkout.Verify(c => c.StartAsync(It.IsAny<Order>(), It.IsAny<PaymentChannel>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task A_card_retry_without_any_phone_shows_why_it_could_not_start()
    {
        PostForm((MyPayGaDefaults.ChannelFormField, "Card"), (MyPayGaDefaults.CardPhoneFormField, ""));
        _checkout.Setup(c => c.StartAsync(It.IsAny<Order>(), PaymentChannel.Card, null, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new PaymentStartResult { Success = false, ErrorMessage = English(ServiceKeys.StartCardPhoneMissing) });

        var model = ViewModel<RetryModel>(await Controller().RetryPost(_order.OrderGuid, default), MyPayGaViewPaths.Retry);

        Assert.That(model.Errors, Is.EqualTo(new[] { English(ServiceKeys.StartCardPhoneMissing) }));
        Assert.That(model.CardPhoneRequired, Is.True);
    }

    [Test]
    public async Task A_disabled_channel_is_refused_without_starting_anything()
    {
        _settings.CardEnabled = false;
        PostForm((MyPayGaDefaults.ChannelFormField, "Card"));

        var model = ViewModel<RetryModel>(await Controller().RetryPost(_order.OrderGuid, default), MyPayGaViewPaths.Retry);

        Assert.That(model.Errors, Has.Count.EqualTo(1));
        Assert.That(model.SelectedChannel, Is.EqualTo(PaymentChannel.MobileMoney));
        _checkout.VerifyNoOtherCalls();
    }

    [Test]
    public async Task A_refused_start_is_shown_on_the_retry_page()
    {
        PostForm((MyPayGaDefaults.ChannelFormField, "MobileMoney"), (MyPayGaDefaults.PhoneFormField, "074131313"));
        _checkout.Setup(c => c.StartAsync(It.IsAny<Order>(), It.IsAny<PaymentChannel>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new PaymentStartResult { Success = false, ErrorMessage = "MyPayGa is not reachable right now." });

        var model = ViewModel<RetryModel>(await Controller().RetryPost(_order.OrderGuid, default), MyPayGaViewPaths.Retry);

        Assert.That(model.Errors, Is.EqualTo(new[] { "MyPayGa is not reachable right now." }));
    }

    #region Retry page states: why a new payment cannot start yet

    private void AttemptsAre(params MyPayGaAttempt[] attempts) =>
        _attempts.Setup(a => a.GetAttemptsAsync(It.Is<Order>(o => o.Id == _order.Id))).ReturnsAsync(attempts);

    /// <summary>A Mobile Money push MyPayGa has not answered yet, started <paramref name="secondsAgo"/> seconds ago.</summary>
    private static MyPayGaAttempt OpenPush(int secondsAgo, string phone = "074111111")
    {
        var push = Attempt(phone: phone);
        push.Status = AttemptStatus.Open;
        push.CreatedOnUtc = Now.AddSeconds(-secondsAgo);
        return push;
    }

    private static PaymentStartResult Refused(StartRefusal refusal, string message) =>
        new() { Success = false, Refusal = refusal, ErrorMessage = message };

    [Test]
    public async Task While_the_earlier_push_may_be_approved_the_retry_page_counts_down_to_the_end_of_its_window()
    {
        var push = OpenPush(75);
        CacheSays(PaymentState.Pending, push);
        AttemptsAre(push);

        var model = ViewModel<RetryModel>(await Controller().Retry(_order.OrderGuid, default), MyPayGaViewPaths.Retry);

        Assert.Multiple(() =>
        {
            Assert.That(model.Block, Is.EqualTo(RetryBlock.EarlierPushPending));
            Assert.That(model.WaitSeconds, Is.EqualTo(5 * 60 - 75), "PushApprovalMinutes (5) from the push's start");
            Assert.That(model.BlockMessage, Does.Contain(PhoneDisplay.Mask("074111111")).And.Not.Contain("074111111"));
            Assert.That(model.ShowForm, Is.True, "the shopper may prepare another number meanwhile");
            Assert.That(model.PendingUrl, Is.EqualTo(RouteTo(MyPayGaDefaults.Routes.Pending, _order.OrderGuid)));
            Assert.That(model.PreviousRequestMayBePending, Is.False, "the countdown says it already");
            Assert.That(model.Errors, Is.Empty);
        });
    }

    [Test]
    public async Task The_push_window_follows_the_stores_setting()
    {
        _settings.PushApprovalMinutes = 2;
        var push = OpenPush(75);
        CacheSays(PaymentState.Pending, push);
        AttemptsAre(push);

        var model = ViewModel<RetryModel>(await Controller().Retry(_order.OrderGuid, default), MyPayGaViewPaths.Retry);

        Assert.That(model.WaitSeconds, Is.EqualTo(45));
    }

    [Test]
    public async Task After_the_window_a_push_without_answer_only_brings_a_hint()
    {
        var push = OpenPush(6 * 60);
        CacheSays(PaymentState.Pending, push);
        AttemptsAre(push);

        var model = ViewModel<RetryModel>(await Controller().Retry(_order.OrderGuid, default), MyPayGaViewPaths.Retry);

        Assert.That(model.Block, Is.EqualTo(RetryBlock.None));
        Assert.That(model.PreviousRequestMayBePending, Is.True);
    }

    [Test]
    public async Task A_card_form_left_open_does_not_hold_a_new_payment_back()
    {
        var card = Attempt(PaymentChannel.Card);
        card.Status = AttemptStatus.Open;
        CacheSays(PaymentState.Pending, card);
        AttemptsAre(card);

        var model = ViewModel<RetryModel>(await Controller().Retry(_order.OrderGuid, default), MyPayGaViewPaths.Retry);

        Assert.That(model.Block, Is.EqualTo(RetryBlock.None));
        Assert.That(model.PreviousRequestMayBePending, Is.False);
    }

    [TestCase(AttemptStatus.HeldForReview)]
    [TestCase(AttemptStatus.AmountMismatch)]
    public async Task While_money_received_waits_for_the_store_the_retry_page_has_no_form(AttemptStatus status)
    {
        var earlier = Attempt(PaymentChannel.Card);
        earlier.Status = status;
        var failed = Attempt(phone: "074131313");
        failed.Number = 2;
        failed.Status = AttemptStatus.Failed;
        CacheSays(PaymentState.Failed, failed, "Refus solde ins");
        AttemptsAre(earlier, failed);

        var model = ViewModel<RetryModel>(await Controller().Retry(_order.OrderGuid, default), MyPayGaViewPaths.Retry);

        Assert.Multiple(() =>
        {
            Assert.That(model.Block, Is.EqualTo(RetryBlock.AwaitingReview));
            Assert.That(model.ShowForm, Is.False);
            Assert.That(model.BlockMessage, Is.EqualTo(English(LedgerKeys.StartAwaitingReview)));
            Assert.That(model.OrderDetailsUrl, Is.EqualTo(WebFakes.RouteUrl(NopRouteNames.Standard.ORDER_DETAILS, new { orderId = _order.Id })));
        });
    }

    [Test]
    public async Task Money_the_store_has_already_reviewed_holds_nothing_back()
    {
        var earlier = Attempt(PaymentChannel.Card);
        earlier.Status = AttemptStatus.AmountMismatch;
        earlier.ReviewedOnUtc = Now.AddHours(-1);
        CacheSays(PaymentState.Failed, Attempt(), "Refus solde ins");
        AttemptsAre(earlier);

        var model = ViewModel<RetryModel>(await Controller().Retry(_order.OrderGuid, default), MyPayGaViewPaths.Retry);

        Assert.That(model.Block, Is.EqualTo(RetryBlock.None));
        Assert.That(model.ShowForm, Is.True);
    }

    [Test]
    public async Task A_post_refused_for_the_earlier_push_shows_the_countdown_and_keeps_what_was_typed()
    {
        var push = OpenPush(30);
        AttemptsAre(push);
        PostForm((MyPayGaDefaults.ChannelFormField, "MobileMoney"), (MyPayGaDefaults.PhoneFormField, "077508412"));
        _checkout.Setup(c => c.StartAsync(It.IsAny<Order>(), It.IsAny<PaymentChannel>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(Refused(StartRefusal.EarlierPushMayStillBeApproved, "A payment request was sent to 074•••11 ... wait 5 minute(s)"));

        var model = ViewModel<RetryModel>(await Controller().RetryPost(_order.OrderGuid, default), MyPayGaViewPaths.Retry);

        Assert.Multiple(() =>
        {
            Assert.That(model.Block, Is.EqualTo(RetryBlock.EarlierPushPending));
            Assert.That(model.WaitSeconds, Is.EqualTo(5 * 60 - 30));
            Assert.That(model.Errors, Is.Empty, "the countdown explains it; no second message");
            Assert.That(model.Phone, Is.EqualTo("077508412"));
        });
    }

    [Test]
    public async Task A_post_refused_for_a_push_that_settled_meanwhile_says_what_the_service_said()
    {
        PostForm((MyPayGaDefaults.ChannelFormField, "MobileMoney"), (MyPayGaDefaults.PhoneFormField, "077508412"));
        _checkout.Setup(c => c.StartAsync(It.IsAny<Order>(), It.IsAny<PaymentChannel>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(Refused(StartRefusal.EarlierPushMayStillBeApproved, "Wait a moment."));

        var model = ViewModel<RetryModel>(await Controller().RetryPost(_order.OrderGuid, default), MyPayGaViewPaths.Retry);

        Assert.That(model.Block, Is.EqualTo(RetryBlock.None));
        Assert.That(model.Errors, Is.EqualTo(new[] { "Wait a moment." }));
    }

    [Test]
    public async Task A_post_refused_because_money_awaits_review_leaves_no_form()
    {
        var held = Attempt(PaymentChannel.Card);
        held.Status = AttemptStatus.HeldForReview;
        AttemptsAre(held);
        PostForm((MyPayGaDefaults.ChannelFormField, "MobileMoney"), (MyPayGaDefaults.PhoneFormField, "077508412"));
        _checkout.Setup(c => c.StartAsync(It.IsAny<Order>(), It.IsAny<PaymentChannel>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(Refused(StartRefusal.AwaitingReview, English(LedgerKeys.StartAwaitingReview)));

        var model = ViewModel<RetryModel>(await Controller().RetryPost(_order.OrderGuid, default), MyPayGaViewPaths.Retry);

        Assert.That(model.Block, Is.EqualTo(RetryBlock.AwaitingReview));
        Assert.That(model.ShowForm, Is.False);
        Assert.That(model.Errors, Is.Empty);
    }

    [Test]
    public async Task A_post_while_another_start_runs_says_so_and_links_to_the_payment()
    {
        PostForm((MyPayGaDefaults.ChannelFormField, "MobileMoney"), (MyPayGaDefaults.PhoneFormField, "077508412"));
        _checkout.Setup(c => c.StartAsync(It.IsAny<Order>(), It.IsAny<PaymentChannel>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(Refused(StartRefusal.AlreadyStarting, English(ServiceKeys.StartAlreadyInProgress)));

        var model = ViewModel<RetryModel>(await Controller().RetryPost(_order.OrderGuid, default), MyPayGaViewPaths.Retry);

        Assert.That(model.Block, Is.EqualTo(RetryBlock.AlreadyStarting));
        Assert.That(model.BlockMessage, Is.EqualTo(English(ServiceKeys.StartAlreadyInProgress)));
        Assert.That(model.PendingUrl, Is.EqualTo(RouteTo(MyPayGaDefaults.Routes.Pending, _order.OrderGuid)));
        Assert.That(model.ShowForm, Is.True);
    }

    [Test]
    public async Task A_post_for_an_order_paid_meanwhile_goes_to_the_completed_page_and_one_cancelled_says_it_cannot_be_paid()
    {
        PostForm((MyPayGaDefaults.ChannelFormField, "MobileMoney"), (MyPayGaDefaults.PhoneFormField, "077508412"));
        _checkout.Setup(c => c.StartAsync(It.IsAny<Order>(), It.IsAny<PaymentChannel>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(() =>
            {
                _order.PaymentStatus = PaymentStatus.Paid; // the earlier push was approved in between
                return Refused(StartRefusal.OrderNotPayable, English(ServiceKeys.StartOrderNotPayable));
            });

        var paid = await Controller().RetryPost(_order.OrderGuid, default);

        Assert.That(WebFakes.Describe((RedirectToRouteResult)paid), Is.EqualTo(Completed(_order.Id)));

        _order.PaymentStatus = PaymentStatus.Pending;
        _checkout.Setup(c => c.StartAsync(It.IsAny<Order>(), It.IsAny<PaymentChannel>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(() =>
            {
                _order.OrderStatus = OrderStatus.Cancelled;
                return Refused(StartRefusal.OrderNotPayable, English(ServiceKeys.StartOrderNotPayable));
            });

        var cancelled = ViewModel<PaymentResultModel>(await Controller().RetryPost(_order.OrderGuid, default), MyPayGaViewPaths.Result);

        Assert.That(cancelled.Kind, Is.EqualTo(PaymentResultKind.CannotPay));
    }

    #endregion

    [Test]
    public async Task A_paid_order_cannot_be_retried_and_goes_to_the_completed_page()
    {
        _order.PaymentStatus = PaymentStatus.Paid;
        PostForm((MyPayGaDefaults.ChannelFormField, "MobileMoney"), (MyPayGaDefaults.PhoneFormField, "074111111"));

        var result = await Controller().RetryPost(_order.OrderGuid, default);

        Assert.That(WebFakes.Describe((RedirectToRouteResult)result), Is.EqualTo(Completed(_order.Id)));
        _checkout.VerifyNoOtherCalls();
    }

    [Test]
    public async Task A_cancelled_order_cannot_be_retried()
    {
        _order.OrderStatus = OrderStatus.Cancelled;
        PostForm((MyPayGaDefaults.ChannelFormField, "MobileMoney"), (MyPayGaDefaults.PhoneFormField, "074111111"));

        var model = ViewModel<PaymentResultModel>(await Controller().RetryPost(_order.OrderGuid, default), MyPayGaViewPaths.Result);

        Assert.That(model.Kind, Is.EqualTo(PaymentResultKind.CannotPay));
        Assert.That(model.RetryUrl, Is.Null);
        _checkout.VerifyNoOtherCalls();
    }

    [Test]
    public void The_retry_post_is_protected_by_antiforgery()
    {
        Assert.That(typeof(MyPayGaPublicController).IsDefined(typeof(AutoValidateAntiforgeryTokenAttribute), true), Is.True);
        var post = typeof(MyPayGaPublicController).GetMethod(nameof(MyPayGaPublicController.RetryPost))!;
        Assert.That(post.IsDefined(typeof(HttpPostAttribute), true), Is.True);
        Assert.That(post.IsDefined(typeof(IgnoreAntiforgeryTokenAttribute), true), Is.False);
    }

    #endregion

    #region Card page

    private void RealAccount()
    {
        var settings = new MyPayGaSettings
        {
            Environment = MyPayGaEnvironment.Test,
            TestSecretKey = "stest_sandbox_secret_key",
            TestPublicKey = "ptest_sandbox_public_key",
            CardFormUrlOverride = "http://127.0.0.1:5099/mpgga-form-cbpay",
        };
        var settingService = new Mock<ISettingService>();
        settingService.Setup(s => s.LoadSettingAsync<MyPayGaSettings>(It.IsAny<int>())).ReturnsAsync(settings);
        var factory = new MyPayGaClientFactory(new Mock<IHttpClientFactory>(MockBehavior.Strict).Object);
        var provider = new MyPayGaAccountProvider(settingService.Object, factory, _localization.Object,
            new MyPayGaKeyProtector(new Support.FakeEncryptionService()), Mock.Of<Nop.Services.Logging.ILogger>());
        _accounts.Setup(a => a.GetClientAsync(It.IsAny<int>())).Returns((int storeId) => provider.GetClientAsync(storeId));
    }

    [Test]
    public async Task The_card_page_posts_the_token_and_the_public_key_never_the_secret_key()
    {
        RealAccount();
        _attempts.Setup(a => a.GetLatestAsync(It.IsAny<Order>())).ReturnsAsync(Attempt(PaymentChannel.Card, token: "tok_card_42"));

        var model = ViewModel<CardRedirectModel>(await Controller().Card(_order.OrderGuid), MyPayGaViewPaths.CardRedirect);

        var values = model.Fields.Select(f => f.Value).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(model.FormUrl, Is.EqualTo("http://127.0.0.1:5099/mpgga-form-cbpay"));
            Assert.That(model.Fields, Does.Contain(new KeyValuePair<string, string>("payment_token", "tok_card_42")));
            Assert.That(values, Does.Contain("ptest_sandbox_public_key"));
            Assert.That(values, Has.None.Contains("stest_"));
            Assert.That(JsonSerializer.Serialize(model), Does.Not.Contain("stest_sandbox_secret_key"));
        });
    }

    [Test]
    public async Task The_card_page_without_a_card_attempt_sends_the_shopper_to_the_retry_page()
    {
        _attempts.Setup(a => a.GetLatestAsync(It.IsAny<Order>())).ReturnsAsync(Attempt(PaymentChannel.MobileMoney));

        var result = await Controller().Card(_order.OrderGuid);

        Assert.That(WebFakes.Describe((RedirectToRouteResult)result), Is.EqualTo(RouteTo(MyPayGaDefaults.Routes.Retry, _order.OrderGuid)));
        _accounts.VerifyNoOtherCalls();
    }

    [Test]
    public async Task The_card_page_of_an_unconfigured_store_says_payment_is_unavailable()
    {
        _accounts.Setup(a => a.GetClientAsync(It.IsAny<int>()))
            .ThrowsAsync(new MyPayGaException(MyPayGaErrorKind.Configuration, "configuration", "No public key."));
        _attempts.Setup(a => a.GetLatestAsync(It.IsAny<Order>())).ReturnsAsync(Attempt(PaymentChannel.Card));

        var model = ViewModel<PaymentResultModel>(await Controller().Card(_order.OrderGuid), MyPayGaViewPaths.Result);

        Assert.That(model.Kind, Is.EqualTo(PaymentResultKind.Unavailable));
    }

    #endregion

    private static string English(string key) => WebFakes.English(key);
}
