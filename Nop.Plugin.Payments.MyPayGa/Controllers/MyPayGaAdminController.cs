using Microsoft.AspNetCore.Mvc;
using Nop.Core;
using Nop.Plugin.Payments.MyPayGa.Domain;
using Nop.Plugin.Payments.MyPayGa.Factories;
using Nop.Plugin.Payments.MyPayGa.Services;
using Nop.Services.Localization;
using Nop.Services.Messages;
using Nop.Services.Orders;
using Nop.Services.Security;
using Nop.Web.Framework;
using Nop.Web.Framework.Controllers;
using Nop.Web.Framework.Mvc.Filters;
using static Nop.Plugin.Payments.MyPayGa.Localization.LocaleResources;

namespace Nop.Plugin.Payments.MyPayGa.Controllers;

/// <summary>
/// The admin's MyPayGa actions on an order (from the panel on the order details page) and the review queue. Thin: the
/// model factory prepares the pages, the decision and link services act; every change is a POST with an antiforgery
/// token, preceded by a confirmation page for decisions and new links; results come back as notifications on the order.
/// </summary>
[AuthorizeAdmin]
[Area(AreaNames.ADMIN)]
[AutoValidateAntiforgeryToken]
public class MyPayGaAdminController : BasePluginController
{
    private readonly IOrderService _orderService;
    private readonly IWorkContext _workContext;
    private readonly ILocalizationService _localizationService;
    private readonly INotificationService _notificationService;
    private readonly IPaymentStatusCache _statusCache;
    private readonly IMyPayGaReviewDecisionService _decisions;
    private readonly IMyPayGaPaymentLinkService _links;
    private readonly IMyPayGaPaymentLinkMailer _mailer;
    private readonly IMyPayGaAdminModelFactory _modelFactory;

    public MyPayGaAdminController(IOrderService orderService,
        IWorkContext workContext,
        ILocalizationService localizationService,
        INotificationService notificationService,
        IPaymentStatusCache statusCache,
        IMyPayGaReviewDecisionService decisions,
        IMyPayGaPaymentLinkService links,
        IMyPayGaPaymentLinkMailer mailer,
        IMyPayGaAdminModelFactory modelFactory)
    {
        _orderService = orderService;
        _workContext = workContext;
        _localizationService = localizationService;
        _notificationService = notificationService;
        _statusCache = statusCache;
        _decisions = decisions;
        _links = links;
        _mailer = mailer;
        _modelFactory = modelFactory;
    }

    /// <summary>Reads every attempt of the order that may still be paid, also past the follow window, and says what MyPayGa said.</summary>
    [HttpPost]
    [CheckPermission(StandardPermission.Orders.ORDERS_CREATE_EDIT_DELETE)]
    public async Task<IActionResult> CheckStatus(int orderId)
    {
        var order = await MyPayGaOrderAsync(orderId);
        if (order is null)
            return NotFound();

        var snapshot = await _statusCache.CheckAsync(order, StatusTrigger.AdminCheck, new StatusCheckOptions { IncludeOverdue = true },
            HttpContext?.RequestAborted ?? default);
        var state = await _localizationService.GetResourceAsync(PanelKeys.State(snapshot.State));
        if (snapshot.Unconfirmed)
            _notificationService.WarningNotification(await TextAsync(PanelKeys.CheckDone, state) + " " + await TextAsync(PanelKeys.CheckUnconfirmed));
        else
            _notificationService.SuccessNotification(await TextAsync(PanelKeys.CheckDone, state));
        return BackToOrder(orderId);
    }

    /// <summary>The confirmation step of a decision.</summary>
    [HttpGet]
    [CheckPermission(StandardPermission.Orders.ORDERS_CREATE_EDIT_DELETE)]
    public async Task<IActionResult> Decide(int orderId, int attemptId, ReviewDecision decision)
    {
        var order = await MyPayGaOrderAsync(orderId);
        if (order is null || !Enum.IsDefined(decision))
            return NotFound();
        return View(MyPayGaViewPaths.Confirm, await _modelFactory.PrepareDecisionModelAsync(order, attemptId, decision));
    }

    [HttpPost, ActionName("Decide")]
    [CheckPermission(StandardPermission.Orders.ORDERS_CREATE_EDIT_DELETE)]
    public async Task<IActionResult> DecideConfirmed(int orderId, int attemptId, ReviewDecision decision)
    {
        var order = await MyPayGaOrderAsync(orderId);
        if (order is null || !Enum.IsDefined(decision))
            return NotFound();

        var outcome = await _decisions.DecideAsync(new DecisionCommand(orderId, attemptId, decision, await AdminNameAsync()));
        Notify(outcome.Done, outcome.Message);
        return BackToOrder(orderId);
    }

    /// <summary>The confirmation step of a new payment link.</summary>
    [HttpGet]
    [CheckPermission(StandardPermission.Orders.ORDERS_CREATE_EDIT_DELETE)]
    public async Task<IActionResult> CreateLink(int orderId)
    {
        var order = await MyPayGaOrderAsync(orderId);
        if (order is null)
            return NotFound();
        return View(MyPayGaViewPaths.Confirm, await _modelFactory.PrepareLinkModelAsync(order));
    }

    [HttpPost, ActionName("CreateLink")]
    [CheckPermission(StandardPermission.Orders.ORDERS_CREATE_EDIT_DELETE)]
    public async Task<IActionResult> CreateLinkConfirmed(int orderId, bool emailLink = false)
    {
        var order = await MyPayGaOrderAsync(orderId);
        if (order is null)
            return NotFound();

        var admin = await AdminNameAsync();
        var outcome = await _links.CreateAsync(order, admin);
        Notify(outcome.Success, outcome.Message);
        // "E-mail it to the customer" ticked: only a link just created is sent (the order as it is now).
        if (emailLink && outcome is { Success: true, Attempt: { } link })
        {
            var mailed = await _mailer.SendAsync(await _orderService.GetOrderByIdAsync(orderId) ?? order, link.Id, admin,
                HttpContext?.RequestAborted ?? default);
            Notify(mailed.Success, mailed.Message);
        }

        return BackToOrder(orderId);
    }

    /// <summary>The confirmation step of e-mailing an open payment link to the customer.</summary>
    [HttpGet]
    [CheckPermission(StandardPermission.Orders.ORDERS_CREATE_EDIT_DELETE)]
    public async Task<IActionResult> EmailLink(int orderId, int attemptId)
    {
        var order = await MyPayGaOrderAsync(orderId);
        if (order is null)
            return NotFound();
        return View(MyPayGaViewPaths.Confirm, await _modelFactory.PrepareLinkMailModelAsync(order, attemptId));
    }

    /// <summary>E-mails the open link through the plugin's message template (nothing is sent when it cannot be; the reason is shown).</summary>
    [HttpPost, ActionName("EmailLink")]
    [CheckPermission(StandardPermission.Orders.ORDERS_CREATE_EDIT_DELETE)]
    public async Task<IActionResult> EmailLinkConfirmed(int orderId, int attemptId)
    {
        var order = await MyPayGaOrderAsync(orderId);
        if (order is null)
            return NotFound();

        var outcome = await _mailer.SendAsync(order, attemptId, await AdminNameAsync(), HttpContext?.RequestAborted ?? default);
        Notify(outcome.Success, outcome.Message);
        return BackToOrder(orderId);
    }

    /// <summary>Cancels an open payment link (linkCancel), then reads it again.</summary>
    [HttpPost]
    [CheckPermission(StandardPermission.Orders.ORDERS_CREATE_EDIT_DELETE)]
    public async Task<IActionResult> CancelLink(int orderId, int attemptId)
    {
        var order = await MyPayGaOrderAsync(orderId);
        if (order is null)
            return NotFound();

        var outcome = await _links.CancelAsync(order, attemptId, await AdminNameAsync());
        Notify(outcome.Success, outcome.Message);
        return BackToOrder(orderId);
    }

    /// <summary>MyPayGa orders that need a person, and the last reconciliation runs.</summary>
    [HttpGet]
    [CheckPermission(StandardPermission.Orders.ORDERS_VIEW)]
    public async Task<IActionResult> ReviewQueue() =>
        View(MyPayGaViewPaths.ReviewQueue, await _modelFactory.PrepareReviewQueueModelAsync());

    private async Task<Nop.Core.Domain.Orders.Order?> MyPayGaOrderAsync(int orderId)
    {
        var order = orderId > 0 ? await _orderService.GetOrderByIdAsync(orderId) : null;
        return order is { Deleted: false }
               && string.Equals(order.PaymentMethodSystemName, MyPayGaDefaults.SystemName, StringComparison.OrdinalIgnoreCase)
            ? order
            : null;
    }

    /// <summary>Who acts, for the notes: the admin's e-mail, else their user name.</summary>
    private async Task<string> AdminNameAsync()
    {
        var customer = await _workContext.GetCurrentCustomerAsync();
        return (string.IsNullOrWhiteSpace(customer?.Email) ? customer?.Username : customer.Email) ?? "admin";
    }

    private void Notify(bool success, string message)
    {
        if (success)
            _notificationService.SuccessNotification(message);
        else
            _notificationService.ErrorNotification(message);
    }

    private async Task<string> TextAsync(string key, params object[] args) =>
        string.Format(System.Globalization.CultureInfo.CurrentCulture, await _localizationService.GetResourceAsync(key), args);

    private RedirectToActionResult BackToOrder(int orderId) =>
        RedirectToAction("Edit", "Order", new { id = orderId, area = AreaNames.ADMIN });
}
