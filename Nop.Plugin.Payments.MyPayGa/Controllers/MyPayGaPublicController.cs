using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using MyPayGa.Client;
using MyPayGa.Client.Models;
using Nop.Core;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Core.Http;
using Nop.Plugin.Payments.MyPayGa.Domain;
using Nop.Plugin.Payments.MyPayGa.Factories;
using Nop.Plugin.Payments.MyPayGa.Models;
using Nop.Plugin.Payments.MyPayGa.Services;
using Nop.Services.Localization;
using Nop.Services.Logging;
using Nop.Services.Orders;
using Nop.Web.Framework.Controllers;
using static Nop.Plugin.Payments.MyPayGa.Localization.LocaleResources;

namespace Nop.Plugin.Payments.MyPayGa.Controllers;

/// <summary>
/// The shopper's pages: pending ("confirm on your phone"), status polling, retry, card auto-post and the return
/// pages. Every page works on an order of the current customer paid with MyPayGa, and answers 404 otherwise.
/// Only HTTP is done here (finding the shopper's own order, reading the form, redirects, status codes); the view
/// models come from <see cref="IMyPayGaPublicModelFactory"/>. Nothing here marks an order paid: the status processor
/// (behind the cache) is the only one that does.
/// </summary>
[AutoValidateAntiforgeryToken]
public class MyPayGaPublicController : BasePluginController
{
    /// <summary>Orders the return pages may pick when MyPayGa appends nothing: pending ones, or placed this recently.</summary>
    internal static readonly TimeSpan RecentOrderWindow = TimeSpan.FromHours(2);

    /// <summary>How long the retry page still explains why starting the payment at checkout failed.</summary>
    internal static readonly TimeSpan StartErrorShownFor = TimeSpan.FromMinutes(15);

    private static readonly string[] TokenQueryNames = ["payment_token", "paymentToken", "token", "payment_ref"];
    private static readonly string[] ReferenceQueryNames = ["unique_id", "uniqueID", "uniqueId", "merchand_ref", "merchant_ref", "reference"];

    private readonly IWorkContext _workContext;
    private readonly IStoreContext _storeContext;
    private readonly IOrderService _orderService;
    private readonly IPaymentStatusCache _statusCache;
    private readonly IPaymentStatusProcessor _statusProcessor;
    private readonly IPaymentAttemptStore _attemptStore;
    private readonly IMyPayGaCheckoutService _checkoutService;
    private readonly IMyPayGaAccountProvider _accountProvider;
    private readonly IMyPayGaPublicModelFactory _modelFactory;
    private readonly MyPayGaPhoneValidator _phoneValidator;
    private readonly ILocalizationService _localizationService;
    private readonly ILogger _logger;
    private readonly MyPayGaSettings _settings;
    private readonly TimeProvider _timeProvider;

    public MyPayGaPublicController(IWorkContext workContext,
        IStoreContext storeContext,
        IOrderService orderService,
        IPaymentStatusCache statusCache,
        IPaymentStatusProcessor statusProcessor,
        IPaymentAttemptStore attemptStore,
        IMyPayGaCheckoutService checkoutService,
        IMyPayGaAccountProvider accountProvider,
        IMyPayGaPublicModelFactory modelFactory,
        MyPayGaPhoneValidator phoneValidator,
        ILocalizationService localizationService,
        ILogger logger,
        MyPayGaSettings settings,
        TimeProvider timeProvider)
    {
        _workContext = workContext;
        _storeContext = storeContext;
        _orderService = orderService;
        _statusCache = statusCache;
        _statusProcessor = statusProcessor;
        _attemptStore = attemptStore;
        _checkoutService = checkoutService;
        _accountProvider = accountProvider;
        _modelFactory = modelFactory;
        _phoneValidator = phoneValidator;
        _localizationService = localizationService;
        _logger = logger;
        _settings = settings;
        _timeProvider = timeProvider;
    }

    #region Pages

    /// <summary>"Confirm the payment on your phone" (or, for cards, "waiting for the bank").</summary>
    [HttpGet]
    public async Task<IActionResult> Pending(Guid orderGuid, CancellationToken cancellationToken)
    {
        var order = await GetOwnOrderAsync(orderGuid);
        if (order is null)
            return NotFound();

        if (order.PaymentStatus == PaymentStatus.Paid)
            return RedirectToCompleted(order);

        var snapshot = await GetCachedSnapshotAsync(order, cancellationToken);
        switch (snapshot.State)
        {
            case PaymentState.Paid:
                return RedirectToCompleted(order);
            case PaymentState.NotStarted:
                // e.g. the store skips the payment-info step: ask for the channel and the number now.
                return RedirectToRoute(MyPayGaDefaults.Routes.Retry, new { orderGuid = order.OrderGuid });
        }

        return View(MyPayGaViewPaths.Pending, await _modelFactory.PreparePendingPageModelAsync(order, snapshot));
    }

    /// <summary>The pending page's polling: the cached snapshot as JSON; never reads MyPayGa by itself.</summary>
    [HttpGet]
    public async Task<IActionResult> Status(Guid orderGuid, CancellationToken cancellationToken)
    {
        var order = await GetOwnOrderAsync(orderGuid);
        if (order is null)
            return NotFound();

        var snapshot = await GetCachedSnapshotAsync(order, cancellationToken);
        var status = await _modelFactory.PrepareStatusResponseAsync(order, snapshot);

        Response.Headers.CacheControl = "no-store";
        return new ContentResult
        {
            StatusCode = StatusCodes.Status200OK,
            Content = status.ToJson(),
            ContentType = "application/json; charset=utf-8",
        };
    }

    /// <summary>Choose the channel and the number again, after a failure or when none was given.</summary>
    [HttpGet]
    public async Task<IActionResult> Retry(Guid orderGuid, CancellationToken cancellationToken)
    {
        var order = await GetOwnOrderAsync(orderGuid);
        if (order is null)
            return NotFound();

        if (order.PaymentStatus == PaymentStatus.Paid)
            return RedirectToCompleted(order);
        if (!CanPay(order))
            return await ResultViewAsync(order, PaymentResultKind.CannotPay);

        var snapshot = await GetCachedSnapshotAsync(order, cancellationToken);
        if (snapshot.State == PaymentState.Paid)
            return RedirectToCompleted(order);
        if (snapshot.State is PaymentState.HeldForReview or PaymentState.AmountMismatch)
            return RedirectToRoute(MyPayGaDefaults.Routes.Pending, new { orderGuid = order.OrderGuid });

        // Sent here by a start that failed at checkout: say why (once).
        var startError = await _attemptStore.TakeStartErrorAsync(order, _timeProvider.GetUtcNow().UtcDateTime, StartErrorShownFor);
        return View(MyPayGaViewPaths.Retry, await _modelFactory.PrepareRetryModelAsync(order, snapshot, startError));
    }

    [HttpPost, ActionName("Retry")]
    public async Task<IActionResult> RetryPost(Guid orderGuid, CancellationToken cancellationToken)
    {
        var order = await GetOwnOrderAsync(orderGuid);
        if (order is null)
            return NotFound();

        if (order.PaymentStatus == PaymentStatus.Paid)
            return RedirectToCompleted(order);
        if (!CanPay(order))
            return await ResultViewAsync(order, PaymentResultKind.CannotPay);

        var form = Request.HasFormContentType ? await Request.ReadFormAsync(cancellationToken) : FormCollection.Empty;
        var phone = form[MyPayGaDefaults.PhoneFormField].ToString().Trim();
        var cardPhone = form.ContainsKey(MyPayGaDefaults.CardPhoneFormField) ? form[MyPayGaDefaults.CardPhoneFormField].ToString().Trim() : null;

        // Same reading as the checkout's payment-info form (names only; absent = the only enabled channel).
        var (chosen, channelErrorKey) = MyPayGaPaymentMethod.ReadChannel(form, _settings);
        if (chosen is not { } channel || channelErrorKey is not null)
        {
            var error = await _localizationService.GetResourceAsync(channelErrorKey ?? WebKeys.RetryChannelUnavailable);
            return await RetryViewAsync(order, new RetryPostedValues(null, phone, cardPhone), [error]);
        }

        var posted = new RetryPostedValues(channel, phone, cardPhone);

        // The very rules of the checkout's payment-info form and of StartAsync (format, Gabonese operator).
        string? phoneForMyPayGa = null;
        if (channel == PaymentChannel.MobileMoney || !string.IsNullOrEmpty(cardPhone))
        {
            // For a card, the receipt phone gethash needs; left empty, StartAsync uses the one on file (or says one is needed).
            var validation = channel == PaymentChannel.MobileMoney
                ? await _phoneValidator.ValidateAsync(phone)
                : await _phoneValidator.ValidateReceiptPhoneAsync(cardPhone!);
            if (!validation.IsValid)
            {
                var error = validation.ErrorMessage ?? await _localizationService.GetResourceAsync(WebKeys.RetryUnavailable);
                return await RetryViewAsync(order, posted, [error]);
            }

            phoneForMyPayGa = validation.ForMyPayGa;
        }

        var result = await _checkoutService.StartAsync(order, channel, phoneForMyPayGa, cancellationToken);
        if (result.Refusal == StartRefusal.OrderNotPayable)
        {
            // Settled in between (an earlier push approved, the order cancelled): show where it stands now.
            var current = await _orderService.GetOrderByGuidAsync(order.OrderGuid) ?? order;
            return current.PaymentStatus == PaymentStatus.Paid
                ? RedirectToCompleted(current)
                : await ResultViewAsync(current, PaymentResultKind.CannotPay);
        }

        if (!result.Success)
            return await RetryViewAsync(order, posted, [], result);

        return channel == PaymentChannel.Card
            ? RedirectToRoute(MyPayGaDefaults.Routes.CardRedirect, new { orderGuid = order.OrderGuid })
            : RedirectToRoute(MyPayGaDefaults.Routes.Pending, new { orderGuid = order.OrderGuid });
    }

    /// <summary>Posts payment_token and the public key to MyPayGa's hosted card form (auto-submitted).</summary>
    [HttpGet]
    public async Task<IActionResult> Card(Guid orderGuid)
    {
        var order = await GetOwnOrderAsync(orderGuid);
        if (order is null)
            return NotFound();

        if (order.PaymentStatus == PaymentStatus.Paid)
            return RedirectToCompleted(order);
        if (!CanPay(order))
            return await ResultViewAsync(order, PaymentResultKind.CannotPay);

        var attempt = await _attemptStore.GetLatestAsync(order);
        if (attempt is null || attempt.Channel != PaymentChannel.Card || attempt.PaymentToken is null)
            return RedirectToRoute(MyPayGaDefaults.Routes.Retry, new { orderGuid = order.OrderGuid });

        CardFormPost form;
        try
        {
            var client = await _accountProvider.GetClientAsync(order.StoreId);
            form = client.DescribeCardForm(attempt.PaymentToken);
        }
        catch (MyPayGaException ex)
        {
            await _logger.WarningAsync($"MyPayGa: the card form of order {order.CustomOrderNumber} could not be prepared ({ex.Kind}).", ex);
            return await ResultViewAsync(order, PaymentResultKind.Unavailable);
        }

        return View(MyPayGaViewPaths.CardRedirect, await _modelFactory.PrepareCardRedirectModelAsync(order, attempt, form));
    }

    /// <summary>
    /// MyPayGa's success and failure URLs. Which one was hit says nothing reliable: the order's status is re-read
    /// from MyPayGa and the page tells that truth. MyPayGa may send the browser back with a GET or a POST (its
    /// reference is silent), so both are accepted without an antiforgery token: nothing here changes anything by
    /// itself — the status processor only applies what MyPayGa says.
    /// </summary>
    [HttpGet, HttpPost]
    [IgnoreAntiforgeryToken]
    public async Task<IActionResult> Return(string? outcome, CancellationToken cancellationToken)
    {
        var customer = await _workContext.GetCurrentCustomerAsync();
        var posted = HttpMethods.IsPost(Request.Method) && Request.HasFormContentType
            ? await Request.ReadFormAsync(cancellationToken)
            : null;
        var order = await FindReturnOrderAsync(customer, posted);
        if (order is null)
            return View(MyPayGaViewPaths.Result, await _modelFactory.PrepareOrderNotFoundModelAsync());

        if (order.PaymentStatus == PaymentStatus.Paid)
            return RedirectToCompleted(order);

        PaymentStatusSnapshot snapshot;
        try
        {
            snapshot = await _statusProcessor.ProcessAsync(order, StatusTrigger.ReturnPage, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await _logger.ErrorAsync($"MyPayGa: the status of order {order.CustomOrderNumber} could not be read on return ({outcome}).", ex);
            snapshot = Unavailable(order);
        }

        switch (snapshot.State)
        {
            case PaymentState.Paid:
                return RedirectToCompleted(order);
            case PaymentState.NotStarted:
                return RedirectToRoute(MyPayGaDefaults.Routes.Retry, new { orderGuid = order.OrderGuid });
            case PaymentState.Pending:
            case PaymentState.ProviderUnavailable:
                // Same polling page; for a card it says "waiting for the bank's confirmation".
                return RedirectToRoute(MyPayGaDefaults.Routes.Pending, new { orderGuid = order.OrderGuid });
            default:
                return View(MyPayGaViewPaths.Result, await _modelFactory.PrepareReturnResultModelAsync(order, snapshot));
        }
    }

    #endregion

    #region Utilities

    /// <summary>The order, when it exists, is not deleted, belongs to the current customer and is a MyPayGa order.</summary>
    private async Task<Order?> GetOwnOrderAsync(Guid orderGuid)
    {
        if (orderGuid == Guid.Empty)
            return null;

        var order = await _orderService.GetOrderByGuidAsync(orderGuid);
        var customer = await _workContext.GetCurrentCustomerAsync();
        return IsOwnMyPayGaOrder(order, customer) ? order : null;
    }

    private static bool IsOwnMyPayGaOrder(Order? order, Customer? customer) =>
        order is { Deleted: false }
        && customer is not null
        && order.CustomerId == customer.Id
        && string.Equals(order.PaymentMethodSystemName, MyPayGaDefaults.SystemName, StringComparison.OrdinalIgnoreCase);

    /// <summary>Still waiting for a payment: a new attempt may be started.</summary>
    private static bool CanPay(Order order) =>
        order.PaymentStatus == PaymentStatus.Pending && order.OrderStatus != OrderStatus.Cancelled;

    /// <summary>
    /// From the reference MyPayGa appended (query, or form when posted), else the customer's latest MyPayGa order
    /// (pending or recent).
    /// </summary>
    private async Task<Order?> FindReturnOrderAsync(Customer customer, IFormCollection? posted)
    {
        var token = FirstQueryValue(TokenQueryNames) ?? FirstFormValue(posted, TokenQueryNames);
        var reference = FirstQueryValue(ReferenceQueryNames) ?? FirstFormValue(posted, ReferenceQueryNames);
        if (token is not null || reference is not null)
        {
            var found = await _attemptStore.FindOrderAsync(reference, token);
            if (IsOwnMyPayGaOrder(found, customer))
                return found;
        }

        var store = await _storeContext.GetCurrentStoreAsync();
        var latest = (await _orderService.SearchOrdersAsync(storeId: store.Id, customerId: customer.Id,
            paymentMethodSystemName: MyPayGaDefaults.SystemName, pageSize: 1)).FirstOrDefault();
        if (!IsOwnMyPayGaOrder(latest, customer))
            return null;

        var now = _timeProvider.GetUtcNow().UtcDateTime;
        var recent = now - latest!.CreatedOnUtc < RecentOrderWindow
            || (latest.PaidDateUtc is { } paidOn && now - paidOn < RecentOrderWindow);
        return CanPay(latest) || recent ? latest : null;
    }

    private string? FirstQueryValue(string[] names)
    {
        foreach (var name in names)
        {
            var value = Request.Query[name].ToString().Trim();
            if (value.Length > 0)
                return value;
        }

        return null;
    }

    private static string? FirstFormValue(IFormCollection? form, string[] names)
    {
        if (form is null)
            return null;

        foreach (var name in names)
        {
            var value = form[name].ToString().Trim();
            if (value.Length > 0)
                return value;
        }

        return null;
    }

    private async Task<PaymentStatusSnapshot> GetCachedSnapshotAsync(Order order, CancellationToken cancellationToken)
    {
        try
        {
            return await _statusCache.GetAsync(order, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await _logger.WarningAsync($"MyPayGa: the status of order {order.CustomOrderNumber} could not be read.", ex);
            return Unavailable(order);
        }
    }

    private PaymentStatusSnapshot Unavailable(Order order) => new()
    {
        OrderId = order.Id,
        State = PaymentState.ProviderUnavailable,
        ReadOnUtc = _timeProvider.GetUtcNow().UtcDateTime,
    };

    private async Task<IActionResult> RetryViewAsync(Order order, RetryPostedValues posted, IReadOnlyList<string> errors,
        PaymentStartResult? startResult = null) =>
        View(MyPayGaViewPaths.Retry, await _modelFactory.PrepareRetryModelAsync(order, posted, errors, startResult));

    private async Task<IActionResult> ResultViewAsync(Order order, PaymentResultKind kind) =>
        View(MyPayGaViewPaths.Result, await _modelFactory.PrepareResultModelAsync(order, kind));

    private RedirectToRouteResult RedirectToCompleted(Order order) =>
        RedirectToRoute(NopRouteNames.Standard.CHECKOUT_COMPLETED, new { orderId = order.Id });

    #endregion
}
