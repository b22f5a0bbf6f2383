using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using MyPayGa.Client;
using Nop.Core;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Core.Http;
using Nop.Plugin.Payments.MyPayGa.Domain;
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
/// Nothing here marks an order paid: the status processor (behind the cache) is the only one that does.
/// </summary>
[AutoValidateAntiforgeryToken]
public class MyPayGaPublicController : BasePluginController
{
    /// <summary>Orders the return pages may pick when MyPayGa appends nothing: pending ones, or placed this recently.</summary>
    internal static readonly TimeSpan RecentOrderWindow = TimeSpan.FromHours(2);

    /// <summary>A new attempt this young may still be waiting on the shopper's phone.</summary>
    internal static readonly TimeSpan PushMayBePendingFor = TimeSpan.FromMinutes(3);

    /// <summary>How long the retry page still explains why starting the payment at checkout failed.</summary>
    internal static readonly TimeSpan StartErrorShownFor = TimeSpan.FromMinutes(15);

    /// <summary>How long after an attempt started a failure without a reason may still get one from the callback.</summary>
    internal static readonly TimeSpan ReasonMayArriveFor = TimeSpan.FromMinutes(10);

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
    private readonly IXafAmountService _xafAmountService;
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
        IXafAmountService xafAmountService,
        MyPayGaPhoneValidator phoneValidator,
        ILocalizationService localizationService,
        ILogger logger,
        MyPayGaSettings settings)
        : this(workContext, storeContext, orderService, statusCache, statusProcessor, attemptStore, checkoutService,
            accountProvider, xafAmountService, phoneValidator, localizationService, logger, settings, TimeProvider.System)
    {
    }

    internal MyPayGaPublicController(IWorkContext workContext,
        IStoreContext storeContext,
        IOrderService orderService,
        IPaymentStatusCache statusCache,
        IPaymentStatusProcessor statusProcessor,
        IPaymentAttemptStore attemptStore,
        IMyPayGaCheckoutService checkoutService,
        IMyPayGaAccountProvider accountProvider,
        IXafAmountService xafAmountService,
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
        _xafAmountService = xafAmountService;
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

        var attempt = snapshot.Attempt ?? await _attemptStore.GetLatestAsync(order);
        var channel = attempt?.Channel ?? PaymentChannel.MobileMoney;
        var model = new PendingPageModel
        {
            OrderGuid = order.OrderGuid,
            CustomOrderNumber = order.CustomOrderNumber,
            Channel = channel,
            AmountText = attempt is null ? null : await FormatXafAsync(attempt.AmountXaf),
            MaskedPhone = channel == PaymentChannel.MobileMoney ? PhoneDisplay.Mask(attempt?.Phone) : null,
            OperatorName = channel == PaymentChannel.MobileMoney ? await OperatorNameAsync(attempt?.Phone) : null,
            Status = await BuildStatusAsync(order, snapshot, channel),
            StatusUrl = RouteUrl(MyPayGaDefaults.Routes.Status, new { orderGuid = order.OrderGuid }),
            PageUrl = RouteUrl(MyPayGaDefaults.Routes.Pending, new { orderGuid = order.OrderGuid }),
            OrderDetailsUrl = RouteUrl(NopRouteNames.Standard.ORDER_DETAILS, new { orderId = order.Id }),
            ElapsedSeconds = attempt is null ? 0 : ElapsedSeconds(attempt.CreatedOnUtc),
        };

        return View(MyPayGaViewPaths.Pending, model);
    }

    /// <summary>The pending page's polling: the cached snapshot as JSON; never reads MyPayGa by itself.</summary>
    [HttpGet]
    public async Task<IActionResult> Status(Guid orderGuid, CancellationToken cancellationToken)
    {
        var order = await GetOwnOrderAsync(orderGuid);
        if (order is null)
            return NotFound();

        var snapshot = await GetCachedSnapshotAsync(order, cancellationToken);
        var attempt = snapshot.Attempt ?? await _attemptStore.GetLatestAsync(order);
        var status = await BuildStatusAsync(order, snapshot, attempt?.Channel ?? PaymentChannel.MobileMoney);

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
            return await CannotPayViewAsync(order);

        var snapshot = await GetCachedSnapshotAsync(order, cancellationToken);
        if (snapshot.State == PaymentState.Paid)
            return RedirectToCompleted(order);
        if (snapshot.State is PaymentState.HeldForReview or PaymentState.AmountMismatch)
            return RedirectToRoute(MyPayGaDefaults.Routes.Pending, new { orderGuid = order.OrderGuid });

        var attempt = snapshot.Attempt ?? await _attemptStore.GetLatestAsync(order);
        var model = await PrepareRetryModelAsync(order, attempt);
        // What the shopper chose last: the latest attempt, else the checkout's choice (a start that failed there).
        var (checkoutChannel, checkoutPhone) = attempt is null ? MyPayGaPaymentMethod.ReadOrderChoice(order) : (null, null);
        var lastChannel = attempt?.Channel ?? checkoutChannel;
        model.SelectedChannel = lastChannel is { } last && IsEnabled(last) ? last : DefaultChannel();
        model.Phone = attempt is null ? checkoutPhone : attempt.Phone;
        if (checkoutChannel == PaymentChannel.Card && checkoutPhone is not null)
            model.CardPhone = checkoutPhone; // the receipt phone typed at checkout
        model.NoAttemptYet = attempt is null;
        if (snapshot.State == PaymentState.Failed)
            model.LastFailureMessage = await FailureMessageAsync(order, snapshot);
        model.PreviousRequestMayBePending = snapshot.State is PaymentState.Pending or PaymentState.ProviderUnavailable
            && attempt is { Channel: PaymentChannel.MobileMoney }
            && _timeProvider.GetUtcNow().UtcDateTime - attempt.CreatedOnUtc < PushMayBePendingFor;
        // Sent here by a start that failed at checkout: say why (once).
        if (await _attemptStore.TakeStartErrorAsync(order, _timeProvider.GetUtcNow().UtcDateTime, StartErrorShownFor) is { } startError)
            model.Errors.Add(startError);

        return View(MyPayGaViewPaths.Retry, model);
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
            return await CannotPayViewAsync(order);

        var form = Request.HasFormContentType ? await Request.ReadFormAsync(cancellationToken) : FormCollection.Empty;
        var phone = form[MyPayGaDefaults.PhoneFormField].ToString().Trim();
        var cardPhone = form[MyPayGaDefaults.CardPhoneFormField].ToString().Trim();

        var model = await PrepareRetryModelAsync(order, await _attemptStore.GetLatestAsync(order));
        model.Phone = phone;
        if (form.ContainsKey(MyPayGaDefaults.CardPhoneFormField))
            model.CardPhone = cardPhone;

        // Same reading as the checkout's payment-info form (names only; absent = the only enabled channel).
        var (chosen, channelErrorKey) = MyPayGaPaymentMethod.ReadChannel(form, _settings);
        if (chosen is not { } channel || channelErrorKey is not null)
        {
            model.SelectedChannel = DefaultChannel();
            model.Errors.Add(await _localizationService.GetResourceAsync(channelErrorKey ?? WebKeys.RetryChannelUnavailable));
            return View(MyPayGaViewPaths.Retry, model);
        }

        model.SelectedChannel = channel;

        // The very rules of the checkout's payment-info form and of StartAsync (format, Gabonese operator).
        string? phoneForMyPayGa = null;
        if (channel == PaymentChannel.MobileMoney)
        {
            var validation = await _phoneValidator.ValidateAsync(phone);
            if (!validation.IsValid)
            {
                model.Errors.Add(validation.ErrorMessage ?? await _localizationService.GetResourceAsync(WebKeys.RetryUnavailable));
                return View(MyPayGaViewPaths.Retry, model);
            }

            phoneForMyPayGa = validation.ForMyPayGa;
        }
        else if (cardPhone.Length > 0)
        {
            // The receipt phone gethash needs; left empty, StartAsync uses the one on file (or says one is needed).
            var validation = await _phoneValidator.ValidateReceiptPhoneAsync(cardPhone);
            if (!validation.IsValid)
            {
                model.Errors.Add(validation.ErrorMessage ?? await _localizationService.GetResourceAsync(WebKeys.RetryUnavailable));
                return View(MyPayGaViewPaths.Retry, model);
            }

            phoneForMyPayGa = validation.ForMyPayGa;
        }

        var result = await _checkoutService.StartAsync(order, channel, phoneForMyPayGa, cancellationToken);
        if (!result.Success)
        {
            model.Errors.Add(!string.IsNullOrWhiteSpace(result.ErrorMessage)
                ? result.ErrorMessage
                : await _localizationService.GetResourceAsync(WebKeys.RetryUnavailable));
            return View(MyPayGaViewPaths.Retry, model);
        }

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
            return await CannotPayViewAsync(order);

        var attempt = await _attemptStore.GetLatestAsync(order);
        if (attempt is null || attempt.Channel != PaymentChannel.Card || attempt.PaymentToken is null)
            return RedirectToRoute(MyPayGaDefaults.Routes.Retry, new { orderGuid = order.OrderGuid });

        CardFormPostView form;
        try
        {
            var client = await _accountProvider.GetClientAsync(order.StoreId);
            var post = client.DescribeCardForm(attempt.PaymentToken);
            form = new CardFormPostView(post.Url.AbsoluteUri, post.Fields);
        }
        catch (MyPayGaException ex)
        {
            await _logger.WarningAsync($"MyPayGa: the card form of order {order.CustomOrderNumber} could not be prepared ({ex.Kind}).", ex);
            return await ResultViewAsync(order, PaymentResultKind.Unavailable, WebKeys.ResultUnavailableTitle,
                WebKeys.ResultUnavailableMessage);
        }

        var model = new CardRedirectModel
        {
            OrderGuid = order.OrderGuid,
            CustomOrderNumber = order.CustomOrderNumber,
            AmountText = await FormatXafAsync(attempt.AmountXaf),
            FormUrl = form.Url,
            Fields = form.Fields,
        };

        return View(MyPayGaViewPaths.CardRedirect, model);
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
        {
            return View(MyPayGaViewPaths.Result, new PaymentResultModel
            {
                Kind = PaymentResultKind.OrderNotFound,
                Title = await _localizationService.GetResourceAsync(WebKeys.ResultOrderNotFoundTitle),
                Message = await _localizationService.GetResourceAsync(WebKeys.ResultOrderNotFoundMessage),
                CustomerOrdersUrl = RouteUrl(NopRouteNames.General.CUSTOMER_ORDERS, null),
            });
        }

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
            case PaymentState.HeldForReview:
                return await ResultViewAsync(order, PaymentResultKind.HeldForReview, WebKeys.ResultHeldForReviewTitle,
                    WebKeys.StatusHeldForReview);
            case PaymentState.AmountMismatch:
                return await ResultViewAsync(order, PaymentResultKind.AmountMismatch, WebKeys.ResultAmountMismatchTitle,
                    WebKeys.StatusAmountMismatch);
            default:
                var model = await ResultModelAsync(order, PaymentResultKind.Failed, WebKeys.ResultFailedTitle,
                    CanPay(order) ? WebKeys.StatusFailed : WebKeys.StatusOrderCancelled);
                model.Reason = await FailureReasonAsync(order, snapshot);
                return View(MyPayGaViewPaths.Result, model);
        }
    }

    #endregion

    #region Utilities

    private sealed record CardFormPostView(string Url, IReadOnlyList<KeyValuePair<string, string>> Fields);

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

    /// <summary>The JSON the page polls, and the first state the page renders.</summary>
    private async Task<PaymentStatusResponse> BuildStatusAsync(Order order, PaymentStatusSnapshot snapshot, PaymentChannel channel)
    {
        var state = JsonNamingPolicyName(snapshot.State);
        switch (snapshot.State)
        {
            case PaymentState.Paid:
                return new()
                {
                    State = state,
                    Message = await _localizationService.GetResourceAsync(WebKeys.StatusPaid),
                    RedirectUrl = CompletedUrl(order),
                    Final = true,
                };
            case PaymentState.NotStarted:
                return new()
                {
                    State = state,
                    Message = await _localizationService.GetResourceAsync(WebKeys.StatusNotStarted),
                    RedirectUrl = RouteUrl(MyPayGaDefaults.Routes.Retry, new { orderGuid = order.OrderGuid }),
                    Final = true,
                };
            case PaymentState.Failed:
                var canPay = CanPay(order);
                var reason = canPay ? await FailureReasonAsync(order, snapshot) : null;
                return new()
                {
                    State = state,
                    Message = canPay ? await FailureMessageAsync(reason)
                        : await _localizationService.GetResourceAsync(WebKeys.StatusOrderCancelled),
                    RetryUrl = canPay ? RouteUrl(MyPayGaDefaults.Routes.Retry, new { orderGuid = order.OrderGuid }) : null,
                    Title = await _localizationService.GetResourceAsync(WebKeys.ResultFailedTitle),
                    Instructions = canPay ? await _localizationService.GetResourceAsync(WebKeys.PendingFailedInstructions) : string.Empty,
                    Final = true,
                    AwaitingReason = canPay && reason is null && snapshot.Attempt is { } failed
                        && _timeProvider.GetUtcNow().UtcDateTime - failed.CreatedOnUtc < ReasonMayArriveFor,
                };
            case PaymentState.HeldForReview:
                return new()
                {
                    State = state,
                    Message = await _localizationService.GetResourceAsync(WebKeys.StatusHeldForReview),
                    Title = await _localizationService.GetResourceAsync(WebKeys.ResultHeldForReviewTitle),
                    Instructions = string.Empty,
                    Final = true,
                };
            case PaymentState.AmountMismatch:
                return new()
                {
                    State = state,
                    Message = await _localizationService.GetResourceAsync(WebKeys.StatusAmountMismatch),
                    Title = await _localizationService.GetResourceAsync(WebKeys.ResultAmountMismatchTitle),
                    Instructions = string.Empty,
                    Final = true,
                };
            case PaymentState.ProviderUnavailable:
                return new()
                {
                    State = state,
                    Message = await _localizationService.GetResourceAsync(WebKeys.StatusProviderUnavailable),
                };
            default:
                return new()
                {
                    State = state,
                    Message = await _localizationService.GetResourceAsync(channel == PaymentChannel.Card
                        ? WebKeys.StatusPendingCard : WebKeys.StatusPending),
                };
        }
    }

    /// <summary>"pending", "paid", "heldForReview", ... (the enum name in camel case).</summary>
    internal static string JsonNamingPolicyName(PaymentState state) =>
        System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(state.ToString());

    /// <summary>
    /// Why the payment failed, in MyPayGa's words: its status text unless that is a bare "Failed", else what its
    /// callback (or a refused payment-request) said about the same attempt. Display only; null when nothing says more.
    /// </summary>
    private async Task<string?> FailureReasonAsync(Order order, PaymentStatusSnapshot snapshot)
    {
        if (!ProviderMessages.IsBareStatusWord(snapshot.ProviderMessage) || snapshot.Attempt is null)
            return ProviderMessages.Reason(snapshot.ProviderMessage, null);

        return await Task.FromResult(ProviderMessages.Reason(snapshot.ProviderMessage, snapshot.Attempt.DisplayMessage));
    }

    private async Task<string> FailureMessageAsync(Order order, PaymentStatusSnapshot snapshot) =>
        await FailureMessageAsync(await FailureReasonAsync(order, snapshot));

    private async Task<string> FailureMessageAsync(string? reason) =>
        reason is null
            ? await _localizationService.GetResourceAsync(WebKeys.StatusFailed)
            : string.Format(CultureInfo.CurrentCulture, await _localizationService.GetResourceAsync(WebKeys.StatusFailedWithReason), reason);

    private async Task<RetryModel> PrepareRetryModelAsync(Order order, MyPayGaAttempt? attempt)
    {
        var card = IsEnabled(PaymentChannel.Card);
        // A card payment needs a phone (gethash): the one on file is prefilled, and one must be typed when there is none.
        var phoneOnFile = card ? await _checkoutService.GetPhoneOnFileAsync(order) : null;
        return new()
        {
            OrderGuid = order.OrderGuid,
            CustomOrderNumber = order.CustomOrderNumber,
            AmountText = await OrderAmountTextAsync(order, attempt),
            MobileMoneyEnabled = IsEnabled(PaymentChannel.MobileMoney),
            CardEnabled = card,
            CardPhone = phoneOnFile?.Display,
            CardPhoneRequired = card && phoneOnFile is null,
        };
    }

    /// <summary>Enabled and usable (a card needs the public key): the same rule as the checkout's form.</summary>
    private bool IsEnabled(PaymentChannel channel) => MyPayGaCheckoutService.IsEnabled(_settings, channel);

    private PaymentChannel DefaultChannel() =>
        !IsEnabled(PaymentChannel.MobileMoney) && IsEnabled(PaymentChannel.Card) ? PaymentChannel.Card : PaymentChannel.MobileMoney;

    private async Task<IActionResult> CannotPayViewAsync(Order order) =>
        await ResultViewAsync(order, PaymentResultKind.CannotPay, WebKeys.ResultCannotPayTitle, WebKeys.ResultCannotPayMessage);

    private async Task<IActionResult> ResultViewAsync(Order order, PaymentResultKind kind, string titleKey, string messageKey) =>
        View(MyPayGaViewPaths.Result, await ResultModelAsync(order, kind, titleKey, messageKey));

    private async Task<PaymentResultModel> ResultModelAsync(Order order, PaymentResultKind kind, string titleKey, string messageKey) => new()
    {
        Kind = kind,
        Title = await _localizationService.GetResourceAsync(titleKey),
        Message = await _localizationService.GetResourceAsync(messageKey),
        CustomOrderNumber = order.CustomOrderNumber,
        RetryUrl = kind is PaymentResultKind.Failed or PaymentResultKind.Unavailable && CanPay(order)
            ? RouteUrl(MyPayGaDefaults.Routes.Retry, new { orderGuid = order.OrderGuid })
            : null,
        OrderDetailsUrl = RouteUrl(NopRouteNames.Standard.ORDER_DETAILS, new { orderId = order.Id }),
    };

    /// <summary>The amount of the latest attempt; before any attempt, the order total converted (display only).</summary>
    private async Task<string?> OrderAmountTextAsync(Order order, MyPayGaAttempt? attempt)
    {
        if (attempt is not null)
            return await FormatXafAsync(attempt.AmountXaf);

        try
        {
            return await FormatXafAsync(await _xafAmountService.ToXafAsync(order.OrderTotal));
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private async Task<string> FormatXafAsync(long amount) =>
        string.Format(CultureInfo.CurrentCulture, await _localizationService.GetResourceAsync(WebKeys.CommonAmountXaf),
            amount.ToString("N0", CultureInfo.CurrentCulture));

    private async Task<string?> OperatorNameAsync(string? phone)
    {
        var key = PhoneDisplay.OperatorResourceKey(phone);
        return key is null ? null : await _localizationService.GetResourceAsync(key);
    }

    private int ElapsedSeconds(DateTime startedOnUtc)
    {
        var seconds = (_timeProvider.GetUtcNow().UtcDateTime - startedOnUtc).TotalSeconds;
        return seconds <= 0 ? 0 : (int)Math.Min(seconds, int.MaxValue);
    }

    private RedirectToRouteResult RedirectToCompleted(Order order) =>
        RedirectToRoute(NopRouteNames.Standard.CHECKOUT_COMPLETED, new { orderId = order.Id });

    private string CompletedUrl(Order order) =>
        RouteUrl(NopRouteNames.Standard.CHECKOUT_COMPLETED, new { orderId = order.Id });

    /// <summary>A route URL; the plugin's routes and nopCommerce's are always registered, so null is a bug.</summary>
    private string RouteUrl(string routeName, object? values) =>
        Url.RouteUrl(routeName, values) ?? throw new InvalidOperationException($"Route '{routeName}' is not registered.");

    #endregion
}
