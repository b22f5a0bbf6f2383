using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewComponents;
using Moq;
using MyPayGa.Client;
using Nop.Core;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Directory;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.MyPayGa.Components.Admin;
using Nop.Plugin.Payments.MyPayGa.Controllers;
using Nop.Plugin.Payments.MyPayGa.Domain;
using Nop.Plugin.Payments.MyPayGa.Factories;
using Nop.Plugin.Payments.MyPayGa.Models.Admin;
using Nop.Plugin.Payments.MyPayGa.Services;
using Nop.Plugin.Payments.MyPayGa.Tests.Support;
using Nop.Services.Logging;
using Nop.Services.Messages;
using Nop.Services.Orders;
using Nop.Services.Security;
using Nop.Web.Framework;
using Nop.Web.Framework.Models;
using Nop.Web.Framework.Mvc.Filters;
using NUnit.Framework;

namespace Nop.Plugin.Payments.MyPayGa.Tests.Web;

/// <summary>The admin's MyPayGa panel: the widget, its view component, the model factory and the admin controller.</summary>
[TestFixture]
public sealed class AdminPanelTests
{
    /// <summary>An admin order page's model (nopCommerce's OrderModel derives from BaseNopEntityModel).</summary>
    private sealed record OrderPageModel : BaseNopEntityModel;

    private static readonly string Narrow = CultureInfo.GetCultureInfo("fr-FR").NumberFormat.NumberGroupSeparator;

    #region Widget

    [Test]
    public async Task The_payment_method_is_a_hidden_widget_of_the_admin_order_details_block_shown_by_the_panel()
    {
        await using var harness = PluginHarness.Create();
        var plugin = harness.CreatePaymentMethod();

        Assert.That(plugin.HideInWidgetList, Is.True);
        Assert.That(await plugin.GetWidgetZonesAsync(), Is.EqualTo(new[] { "admin_order_details_block" }), "nopCommerce 4.90's AdminWidgetZones.OrderDetailsBlock");
        Assert.That(plugin.GetWidgetViewComponent("admin_order_details_block"), Is.EqualTo(typeof(OrderPanelViewComponent)));
    }

    [Test]
    public async Task Install_and_update_make_the_widget_active_once_and_uninstall_removes_it()
    {
        await using var harness = PluginHarness.Create();
        harness.WidgetSettings.ActiveWidgetSystemNames.Add("Widgets.NivoSlider");

        await harness.CreatePaymentMethod().InstallAsync();
        await harness.CreatePaymentMethod().UpdateAsync("4.90.2", "4.90.3");
        Assert.That(harness.WidgetSettings.ActiveWidgetSystemNames, Is.EqualTo(new[] { "Widgets.NivoSlider", MyPayGaDefaults.SystemName }));

        await harness.CreatePaymentMethod().UninstallAsync();
        Assert.That(harness.WidgetSettings.ActiveWidgetSystemNames, Is.EqualTo(new[] { "Widgets.NivoSlider" }), "other widgets untouched");
    }

    #endregion

    #region View component

    private static (OrderPanelViewComponent Component, Mock<IOrderService> Orders, Mock<IPermissionService> Permissions, Mock<IMyPayGaAdminModelFactory> Factory, Mock<ILogger> Logger)
        Component(Order? order)
    {
        var orders = new Mock<IOrderService>();
        orders.Setup(o => o.GetOrderByIdAsync(It.IsAny<int>())).ReturnsAsync((int id) => order is not null && order.Id == id ? order : null!);
        var permissions = new Mock<IPermissionService>();
        permissions.Setup(p => p.AuthorizeAsync(StandardPermission.Orders.ORDERS_VIEW)).ReturnsAsync(true);
        var factory = new Mock<IMyPayGaAdminModelFactory>();
        factory.Setup(f => f.PrepareOrderPanelModelAsync(It.IsAny<Order>())).ReturnsAsync((Order o) => new OrderPanelModel { OrderId = o.Id });
        var logger = new Mock<ILogger>();
        return (new OrderPanelViewComponent(orders.Object, permissions.Object, factory.Object, logger.Object), orders, permissions, factory, logger);
    }

    [Test]
    public async Task The_panel_is_rendered_for_a_mypayga_order_in_the_order_details_block()
    {
        var order = WebFakes.Order();
        var (component, _, _, _, _) = Component(order);

        var result = await component.InvokeAsync("admin_order_details_block", new OrderPageModel { Id = order.Id });

        var view = (ViewViewComponentResult)result;
        Assert.That(view.ViewName, Is.EqualTo(MyPayGaViewPaths.OrderPanel));
        Assert.That(((OrderPanelModel)view.ViewData!.Model!).OrderId, Is.EqualTo(order.Id));
    }

    [Test]
    public async Task Nothing_is_rendered_for_another_payment_method_another_zone_another_model_or_without_the_order_view_permission()
    {
        var paypal = WebFakes.Order(o => o.PaymentMethodSystemName = "Payments.PayPalCommerce");
        var (component, _, _, factory, _) = Component(paypal);
        Assert.That(await component.InvokeAsync("admin_order_details_block", new OrderPageModel { Id = paypal.Id }), Is.InstanceOf<ContentViewComponentResult>());

        var order = WebFakes.Order();
        var mine = Component(order);
        Assert.That(await mine.Component.InvokeAsync("admin_order_details_buttons", new OrderPageModel { Id = order.Id }), Is.InstanceOf<ContentViewComponentResult>());
        Assert.That(await mine.Component.InvokeAsync("admin_order_details_block", "not a model"), Is.InstanceOf<ContentViewComponentResult>());
        mine.Permissions.Setup(p => p.AuthorizeAsync(StandardPermission.Orders.ORDERS_VIEW)).ReturnsAsync(false);
        Assert.That(await mine.Component.InvokeAsync("admin_order_details_block", new OrderPageModel { Id = order.Id }), Is.InstanceOf<ContentViewComponentResult>());
        factory.Verify(f => f.PrepareOrderPanelModelAsync(It.IsAny<Order>()), Times.Never);
    }

    [Test]
    public async Task A_failure_while_preparing_the_panel_never_breaks_nopCommerces_order_page()
    {
        var order = WebFakes.Order();
        var (component, _, _, factory, logger) = Component(order);
        factory.Setup(f => f.PrepareOrderPanelModelAsync(It.IsAny<Order>())).ThrowsAsync(new InvalidOperationException("database"));

        var result = await component.InvokeAsync("admin_order_details_block", new OrderPageModel { Id = order.Id });

        Assert.That(((ContentViewComponentResult)result).Content, Is.Empty);
        logger.Verify(l => l.ErrorAsync(It.Is<string>(m => m.Contains("InvalidOperationException")), null, null), Times.Once);
    }

    #endregion

    #region Controller

    [Test]
    public void Every_admin_action_requires_an_admin_the_order_permissions_and_posts_with_antiforgery()
    {
        var type = typeof(MyPayGaAdminController);
        Assert.That(type.IsDefined(typeof(AuthorizeAdminAttribute), true), Is.True);
        Assert.That(type.IsDefined(typeof(AutoValidateAntiforgeryTokenAttribute), true), Is.True);
        Assert.That(((AreaAttribute)type.GetCustomAttributes(typeof(AreaAttribute), true).Single()).RouteValue, Is.EqualTo(AreaNames.ADMIN));

        var actions = type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Where(m => !m.IsSpecialName).ToList();
        var expected = new Dictionary<string, (string Permission, bool Post)>
        {
            ["CheckStatus"] = (StandardPermission.Orders.ORDERS_CREATE_EDIT_DELETE, true),
            ["Decide"] = (StandardPermission.Orders.ORDERS_CREATE_EDIT_DELETE, false),
            ["DecideConfirmed"] = (StandardPermission.Orders.ORDERS_CREATE_EDIT_DELETE, true),
            ["CreateLink"] = (StandardPermission.Orders.ORDERS_CREATE_EDIT_DELETE, false),
            ["CreateLinkConfirmed"] = (StandardPermission.Orders.ORDERS_CREATE_EDIT_DELETE, true),
            ["CancelLink"] = (StandardPermission.Orders.ORDERS_CREATE_EDIT_DELETE, true),
            ["EmailLink"] = (StandardPermission.Orders.ORDERS_CREATE_EDIT_DELETE, false),
            ["EmailLinkConfirmed"] = (StandardPermission.Orders.ORDERS_CREATE_EDIT_DELETE, true),
            ["ReviewQueue"] = (StandardPermission.Orders.ORDERS_VIEW, false),
        };
        Assert.That(actions.Select(a => a.Name), Is.EquivalentTo(expected.Keys), "every action is listed here");
        foreach (var method in actions)
        {
            var permissions = method.GetCustomAttributes(typeof(CheckPermissionAttribute), true).Cast<CheckPermissionAttribute>().SelectMany(a => a.PermissionSystemName);
            Assert.That(permissions, Is.EqualTo(new[] { expected[method.Name].Permission }), method.Name);
            Assert.That(method.IsDefined(typeof(HttpPostAttribute), true), Is.EqualTo(expected[method.Name].Post), method.Name + " POST");
            Assert.That(method.IsDefined(typeof(HttpGetAttribute), true), Is.EqualTo(!expected[method.Name].Post), method.Name + " GET");
        }
    }

    private sealed class ControllerParts
    {
        public Mock<IOrderService> Orders { get; } = new();
        public Mock<IWorkContext> WorkContext { get; } = new();
        public Mock<INotificationService> Notifications { get; } = new();
        public Mock<IPaymentStatusCache> Cache { get; } = new();
        public Mock<IMyPayGaReviewDecisionService> Decisions { get; } = new();
        public Mock<IMyPayGaPaymentLinkService> Links { get; } = new();
        public Mock<IMyPayGaPaymentLinkMailer> Mailer { get; } = new();
        public Mock<IMyPayGaAdminModelFactory> Factory { get; } = new();

        public MyPayGaAdminController Create(params Order[] orders)
        {
            Orders.Setup(o => o.GetOrderByIdAsync(It.IsAny<int>())).ReturnsAsync((int id) => orders.FirstOrDefault(o => o.Id == id)!);
            WorkContext.Setup(w => w.GetCurrentCustomerAsync()).ReturnsAsync(new Customer { Id = 1, Email = "owner@shop.ga", Username = "owner" });
            return new MyPayGaAdminController(Orders.Object, WorkContext.Object, WebFakes.Localization().Object, Notifications.Object, Cache.Object,
                Decisions.Object, Links.Object, Mailer.Object, Factory.Object)
            { ControllerContext = WebFakes.ControllerContext() };
        }
    }

    private static void AssertBackToOrder(IActionResult result, int orderId)
    {
        var redirect = (RedirectToActionResult)result;
        Assert.That((redirect.ActionName, redirect.ControllerName, redirect.RouteValues!["id"], redirect.RouteValues["area"]),
            Is.EqualTo(("Edit", "Order", (object)orderId, (object)AreaNames.ADMIN)));
    }

    [Test]
    public async Task Check_status_reads_every_attempt_also_past_the_window_and_says_what_mypayga_said()
    {
        var order = WebFakes.Order();
        var parts = new ControllerParts();
        parts.Cache.Setup(c => c.CheckAsync(order, StatusTrigger.AdminCheck, It.Is<StatusCheckOptions>(o => o.IncludeOverdue), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new PaymentStatusSnapshot { OrderId = order.Id, State = PaymentState.Paid, ReadOnUtc = DateTime.UtcNow });

        var result = await parts.Create(order).CheckStatus(order.Id);

        AssertBackToOrder(result, order.Id);
        parts.Notifications.Verify(n => n.SuccessNotification("MyPayGa was read: paid", true, 0), Times.Once);
    }

    [Test]
    public async Task A_check_that_could_not_read_everything_is_a_warning()
    {
        var order = WebFakes.Order();
        var parts = new ControllerParts();
        parts.Cache.Setup(c => c.CheckAsync(order, StatusTrigger.AdminCheck, It.IsAny<StatusCheckOptions>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new PaymentStatusSnapshot { OrderId = order.Id, State = PaymentState.ProviderUnavailable, Unconfirmed = true, ReadOnUtc = DateTime.UtcNow });

        await parts.Create(order).CheckStatus(order.Id);

        parts.Notifications.Verify(n => n.WarningNotification(It.Is<string>(m => m.Contains("could not be read")), true, 0), Times.Once);
    }

    [Test]
    public async Task Actions_on_an_order_of_another_payment_method_or_a_missing_order_are_not_found_and_do_nothing()
    {
        var paypal = WebFakes.Order(o => o.PaymentMethodSystemName = "Payments.PayPalCommerce");
        var parts = new ControllerParts();
        var controller = parts.Create(paypal);

        Assert.That(await controller.CheckStatus(paypal.Id), Is.InstanceOf<NotFoundResult>());
        Assert.That(await controller.DecideConfirmed(paypal.Id, 5, ReviewDecision.Accept), Is.InstanceOf<NotFoundResult>());
        Assert.That(await controller.CreateLinkConfirmed(paypal.Id), Is.InstanceOf<NotFoundResult>());
        Assert.That(await controller.CancelLink(paypal.Id, 5), Is.InstanceOf<NotFoundResult>());
        Assert.That(await controller.EmailLink(paypal.Id, 5), Is.InstanceOf<NotFoundResult>());
        Assert.That(await controller.EmailLinkConfirmed(paypal.Id, 5), Is.InstanceOf<NotFoundResult>());
        Assert.That(await controller.Decide(404, 5, ReviewDecision.Accept), Is.InstanceOf<NotFoundResult>());
        Assert.That(await parts.Create(WebFakes.Order()).DecideConfirmed(1001, 5, (ReviewDecision)99), Is.InstanceOf<NotFoundResult>());
        parts.Cache.VerifyNoOtherCalls();
        parts.Decisions.VerifyNoOtherCalls();
        parts.Links.VerifyNoOtherCalls();
        parts.Mailer.VerifyNoOtherCalls();
    }

    [Test]
    public async Task A_confirmed_decision_goes_to_the_decision_service_with_the_admins_email_and_comes_back_to_the_order()
    {
        var order = WebFakes.Order();
        var parts = new ControllerParts();
        parts.Decisions.Setup(d => d.DecideAsync(It.IsAny<DecisionCommand>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new DecisionOutcome(false, "already decided"));

        var result = await parts.Create(order).DecideConfirmed(order.Id, 42, ReviewDecision.RefundAttempt);

        AssertBackToOrder(result, order.Id);
        parts.Decisions.Verify(d => d.DecideAsync(new DecisionCommand(order.Id, 42, ReviewDecision.RefundAttempt, "owner@shop.ga"), It.IsAny<CancellationToken>()), Times.Once);
        parts.Notifications.Verify(n => n.ErrorNotification("already decided", true, 0), Times.Once);
    }

    [Test]
    public async Task The_confirmation_pages_and_the_queue_show_what_the_factory_prepares()
    {
        var order = WebFakes.Order();
        var parts = new ControllerParts();
        parts.Factory.Setup(f => f.PrepareDecisionModelAsync(order, 42, ReviewDecision.Accept)).ReturnsAsync(new ConfirmModel { OrderId = order.Id, Title = "Accept" });
        parts.Factory.Setup(f => f.PrepareLinkModelAsync(order)).ReturnsAsync(new ConfirmModel { OrderId = order.Id, Title = "Link" });
        parts.Factory.Setup(f => f.PrepareReviewQueueModelAsync()).ReturnsAsync(new ReviewQueueModel());
        // One controller per request, as MVC does (a controller's ViewData holds one model).
        var decide = (ViewResult)await parts.Create(order).Decide(order.Id, 42, ReviewDecision.Accept);
        var link = (ViewResult)await parts.Create(order).CreateLink(order.Id);
        var queue = (ViewResult)await parts.Create(order).ReviewQueue();

        Assert.That((decide.ViewName, ((ConfirmModel)decide.Model!).Title), Is.EqualTo((MyPayGaViewPaths.Confirm, "Accept")));
        Assert.That((link.ViewName, ((ConfirmModel)link.Model!).Title), Is.EqualTo((MyPayGaViewPaths.Confirm, "Link")));
        Assert.That(queue.ViewName, Is.EqualTo(MyPayGaViewPaths.ReviewQueue));
        parts.Decisions.VerifyNoOtherCalls();
        parts.Links.VerifyNoOtherCalls();
    }

    [Test]
    public async Task Creating_and_cancelling_a_link_name_the_admin()
    {
        var order = WebFakes.Order();
        var parts = new ControllerParts();
        parts.Links.Setup(l => l.CreateAsync(order, "owner@shop.ga", It.IsAny<CancellationToken>())).ReturnsAsync(new LinkOutcome(true, "created"));
        parts.Links.Setup(l => l.CancelAsync(order, 9, "owner@shop.ga", It.IsAny<CancellationToken>())).ReturnsAsync(new LinkOutcome(true, "cancelled"));
        var controller = parts.Create(order);

        AssertBackToOrder(await controller.CreateLinkConfirmed(order.Id), order.Id);
        AssertBackToOrder(await controller.CancelLink(order.Id, 9), order.Id);

        parts.Notifications.Verify(n => n.SuccessNotification("created", true, 0), Times.Once);
        parts.Notifications.Verify(n => n.SuccessNotification("cancelled", true, 0), Times.Once);
        parts.Mailer.VerifyNoOtherCalls();
    }

    [Test]
    public async Task E_mailing_a_link_is_confirmed_first_then_sent_by_the_mailer_naming_the_admin()
    {
        var order = WebFakes.Order();
        var parts = new ControllerParts();
        parts.Factory.Setup(f => f.PrepareLinkMailModelAsync(order, 9)).ReturnsAsync(new ConfirmModel { OrderId = order.Id, Action = "EmailLink", Title = "Mail" });
        parts.Mailer.Setup(m => m.SendAsync(order, 9, "owner@shop.ga", It.IsAny<CancellationToken>())).ReturnsAsync(new LinkOutcome(false, "template inactive"));

        var confirm = (ViewResult)await parts.Create(order).EmailLink(order.Id, 9);
        parts.Mailer.VerifyNoOtherCalls();
        var result = await parts.Create(order).EmailLinkConfirmed(order.Id, 9);

        Assert.That((confirm.ViewName, ((ConfirmModel)confirm.Model!).Action), Is.EqualTo((MyPayGaViewPaths.Confirm, "EmailLink")));
        AssertBackToOrder(result, order.Id);
        parts.Mailer.Verify(m => m.SendAsync(order, 9, "owner@shop.ga", It.IsAny<CancellationToken>()), Times.Once);
        parts.Notifications.Verify(n => n.ErrorNotification("template inactive", true, 0), Times.Once);
    }

    [Test]
    public async Task A_new_link_is_e_mailed_only_when_the_box_was_ticked_and_the_link_was_created()
    {
        var order = WebFakes.Order();
        var parts = new ControllerParts();
        var created = new MyPayGaAttempt { Id = 31, OrderId = order.Id, Channel = PaymentChannel.Link, Status = AttemptStatus.Open };
        parts.Links.SetupSequence(l => l.CreateAsync(order, "owner@shop.ga", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new LinkOutcome(true, "created", created))
            .ReturnsAsync(new LinkOutcome(true, "created", created))
            .ReturnsAsync(new LinkOutcome(false, "refused"));
        parts.Mailer.Setup(m => m.SendAsync(It.IsAny<Order>(), 31, "owner@shop.ga", It.IsAny<CancellationToken>())).ReturnsAsync(new LinkOutcome(true, "mailed"));
        var controller = parts.Create(order);

        AssertBackToOrder(await controller.CreateLinkConfirmed(order.Id, emailLink: true), order.Id);
        await controller.CreateLinkConfirmed(order.Id);
        await controller.CreateLinkConfirmed(order.Id, emailLink: true);

        parts.Mailer.Verify(m => m.SendAsync(It.Is<Order>(o => o.Id == order.Id), 31, "owner@shop.ga", It.IsAny<CancellationToken>()), Times.Once);
        parts.Notifications.Verify(n => n.SuccessNotification("mailed", true, 0), Times.Once);
        parts.Notifications.Verify(n => n.ErrorNotification("refused", true, 0), Times.Once);
    }

    #endregion

    #region Model factory

    [Test]
    public async Task The_panel_shows_every_attempt_with_masked_phone_xaf_in_the_stores_format_token_status_and_the_decisions_open()
    {
        await using var harness = PluginHarness.Create();
        var (order, first) = await harness.AddStartedOrderAsync(total: 6_000m);
        var second = await harness.StartAnotherAsync(order);
        harness.Details[first.PaymentToken!] = PluginHarness.Paid(first.PaymentToken!, first.AmountXaf);
        harness.Details[second.PaymentToken!] = PluginHarness.Paid(second.PaymentToken!, second.AmountXaf);
        await harness.Get<IPaymentStatusProcessor>().ProcessAsync(order, StatusTrigger.Reconciliation);

        var model = await harness.Get<IMyPayGaAdminModelFactory>().PrepareOrderPanelModelAsync(harness.Orders.Stored(order.Id));

        Assert.That(model.Attempts.Select(a => a.UniqueId), Is.EqualTo(new[] { second.UniqueId, first.UniqueId }), "newest first");
        var doubled = model.Attempts.Single(a => a.Status == "Double payment");
        var doubledRow = harness.AttemptsOf(order).Single(a => a.UniqueId == doubled.UniqueId);
        Assert.That(doubled.Amount, Is.EqualTo($"6{Narrow}000 FCFA"), "the store's XAF format, not the page's culture");
        Assert.That(doubled.MaskedPhone, Does.Contain("•").And.Not.Contain("121212"));
        Assert.That(doubled.Token, Is.EqualTo(doubledRow.PaymentToken));
        Assert.That(doubled.LastProviderStatus, Is.EqualTo("Paid"));
        Assert.That(doubled.LastReadOn, Does.EndWith(" UTC"));
        Assert.That(doubled.Decisions, Is.EqualTo(new[] { ReviewDecision.RefundAttempt }));
        Assert.That(model.Attempts.Single(a => a != doubled).Decisions, Is.Empty);
        Assert.That(model.Attempts.Single(a => a != doubled).Status, Is.EqualTo("Paid"));
        Assert.That(model.Warnings.Select(w => w.Kind), Is.EqualTo(new[] { nameof(AttemptStatus.DoublePayment) }));
        Assert.That(model.Warnings[0].Text, Does.Contain(doubled.UniqueId).And.Contain($"6{Narrow}000 FCFA"));
        Assert.That(model.CanCreateLink, Is.False, "the order is paid");
        Assert.That(harness.EverythingWritten, Does.Not.Contain(PluginHarness.SecretKey));
    }

    [Test]
    public async Task Amounts_use_the_xaf_currency_even_when_the_store_sells_in_euros()
    {
        await using var harness = PluginHarness.Create();
        harness.Currencies.Clear();
        harness.Currencies.Add(new Currency { Id = 1, CurrencyCode = "EUR", Rate = 1m });
        harness.Currencies.Add(new Currency { Id = 2, CurrencyCode = "XAF", Rate = 655.957m, DisplayLocale = "fr-GA" });

        var text = await harness.Get<IXafAmountFormatter>().FormatAsync(6_560);

        Assert.That(text, Is.EqualTo($"6{Narrow}560 FCFA"));
        harness.Currencies.RemoveAt(1);
        Assert.That(await harness.Get<IXafAmountFormatter>().FormatAsync(6_560), Does.EndWith(" FCFA").And.Contain("560"),
            "no XAF currency: the plugin's own text");
    }

    [Test]
    public async Task Refunds_are_listed_with_their_ids_and_states_and_an_unknown_one_is_a_warning()
    {
        await using var harness = PluginHarness.Create();
        var (order, attempt) = await harness.AddStartedOrderAsync();
        harness.Details[attempt.PaymentToken!] = PluginHarness.Paid(attempt.PaymentToken!, attempt.AmountXaf);
        await harness.Get<IPaymentStatusProcessor>().ProcessAsync(order, StatusTrigger.Callback);
        await harness.Refunds.InsertAsync(new MyPayGaRefund
        {
            OrderId = order.Id,
            AttemptId = attempt.Id,
            PaymentToken = attempt.PaymentToken!,
            AmountXaf = 2_000,
            RefundId = "rfd_1",
            Status = RefundStatus.Unknown,
            LockKey = MyPayGaRefund.ActiveLockKey(order.Id),
            RequestedBy = "owner@shop.ga",
            CreatedOnUtc = DateTime.UtcNow,
            UpdatedOnUtc = DateTime.UtcNow,
        }, publishEvent: false);

        var model = await harness.Get<IMyPayGaAdminModelFactory>().PrepareOrderPanelModelAsync(harness.Orders.Stored(order.Id));

        var refund = model.Refunds.Single();
        Assert.That((refund.RefundId, refund.AttemptUniqueId, refund.Status, refund.StatusCss, refund.RequestedBy),
            Is.EqualTo(("rfd_1", attempt.UniqueId, "Outcome unknown", "danger", "owner@shop.ga")));
        Assert.That(model.Warnings.Single().Kind, Is.EqualTo("RefundUnknown"));
    }

    [Test]
    public async Task The_confirmation_of_a_refund_decision_says_how_much_goes_back_and_refuses_what_is_not_open()
    {
        await using var harness = PluginHarness.Create();
        var (order, attempt) = await harness.AddStartedOrderAsync();
        harness.Details[attempt.PaymentToken!] = PluginHarness.Paid(attempt.PaymentToken!, attempt.AmountXaf - 1_000);
        await harness.Get<IPaymentStatusProcessor>().ProcessAsync(order, StatusTrigger.Callback);
        var factory = harness.Get<IMyPayGaAdminModelFactory>();

        var refund = await factory.PrepareDecisionModelAsync(order, attempt.Id, ReviewDecision.RefundReceived);
        var accept = await factory.PrepareDecisionModelAsync(order, attempt.Id, ReviewDecision.Accept);

        Assert.That(refund.Refusal, Is.Null);
        Assert.That(refund.Facts.Single(f => f.Key == "To refund").Value, Is.EqualTo($"9{Narrow}000 FCFA"));
        Assert.That(refund.Explanation, Does.Contain("received"));
        Assert.That(accept.Refusal, Does.Contain("not open"));
    }

    #endregion
}
