using System.Globalization;
using Microsoft.AspNetCore.Http;
using MyPayGa.Client.Models;
using Nop.Core;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Orders;
using Nop.Core.Http;
using Nop.Plugin.Payments.MyPayGa.Domain;
using Nop.Plugin.Payments.MyPayGa.Models;
using Nop.Plugin.Payments.MyPayGa.Services;
using Nop.Services.Localization;
using Nop.Services.Logging;
using Nop.Services.Orders;
using Nop.Web.Framework.Mvc.Routing;
using static Nop.Plugin.Payments.MyPayGa.Localization.LocaleResources;

namespace Nop.Plugin.Payments.MyPayGa.Factories;

/// <summary>What the shopper posted on the retry page (already trimmed).</summary>
/// <param name="Channel">The channel chosen, when it is one the store offers; null otherwise.</param>
/// <param name="Phone">The Mobile Money number as typed.</param>
/// <param name="CardPhone">The card's receipt phone as typed; null when the field was not posted.</param>
public sealed record RetryPostedValues(PaymentChannel? Channel, string Phone, string? CardPhone);

/// <summary>
/// Prepares the view models of the shopper's pages (pending page and its polling, retry, card auto-post, result pages)
/// and of the checkout's payment-info block. Reads only the order it is given, which the caller has found among the
/// current customer's own orders. Never changes anything.
/// </summary>
public interface IMyPayGaPublicModelFactory
{
    /// <summary>"Confirm on your phone" / "waiting for the bank", with the status as first rendered.</summary>
    Task<PendingPageModel> PreparePendingPageModelAsync(Order order, PaymentStatusSnapshot snapshot);

    /// <summary>What the pending page's script polls (and the state the page renders first).</summary>
    Task<PaymentStatusResponse> PrepareStatusResponseAsync(Order order, PaymentStatusSnapshot snapshot);

    /// <summary>The retry page as first shown: the last channel and number, why the last attempt failed.</summary>
    /// <param name="startError">Why starting the payment at checkout failed, when the shopper was sent here for it.</param>
    Task<RetryModel> PrepareRetryModelAsync(Order order, PaymentStatusSnapshot snapshot, string? startError = null);

    /// <summary>
    /// The retry page shown again after a post: what was typed, the errors found, and what starting the payment answered
    /// when it was tried and did not succeed.
    /// </summary>
    Task<RetryModel> PrepareRetryModelAsync(Order order, RetryPostedValues posted, IReadOnlyList<string> errors,
        PaymentStartResult? startResult = null);

    /// <summary>The page whose form the browser posts to MyPayGa's card form.</summary>
    Task<CardRedirectModel> PrepareCardRedirectModelAsync(Order order, MyPayGaAttempt attempt, CardFormPost form);

    /// <summary>A result page of a known kind (cannot pay, unavailable, held, mismatch, failed without reason).</summary>
    Task<PaymentResultModel> PrepareResultModelAsync(Order order, PaymentResultKind kind);

    /// <summary>What a return page shows for a payment that is neither paid nor still waiting.</summary>
    Task<PaymentResultModel> PrepareReturnResultModelAsync(Order order, PaymentStatusSnapshot snapshot);

    /// <summary>A return page that found no order of the shopper.</summary>
    Task<PaymentResultModel> PrepareOrderNotFoundModelAsync();

    /// <summary>The checkout's payment-info block; <paramref name="posted"/> is the form shown again after an error.</summary>
    Task<PaymentInfoModel> PreparePaymentInfoModelAsync(IFormCollection? posted);
}

/// <inheritdoc />
public class MyPayGaPublicModelFactory : IMyPayGaPublicModelFactory
{
    /// <summary>How long after an attempt started a failure without a reason may still get one from the callback.</summary>
    internal static readonly TimeSpan ReasonMayArriveFor = TimeSpan.FromMinutes(10);

    private readonly ILocalizationService _localizationService;
    private readonly INopUrlHelper _urlHelper;
    private readonly IWorkContext _workContext;
    private readonly IStoreContext _storeContext;
    private readonly IShoppingCartService _shoppingCartService;
    private readonly IOrderTotalCalculationService _orderTotalCalculationService;
    private readonly ILogger _logger;
    private readonly IPaymentAttemptStore _attemptStore;
    private readonly IMyPayGaCheckoutService _checkoutService;
    private readonly IXafAmountService _xafAmountService;
    private readonly IXafAmountFormatter _xafAmountFormatter;
    private readonly MyPayGaSettings _settings;
    private readonly TimeProvider _timeProvider;

    public MyPayGaPublicModelFactory(ILocalizationService localizationService,
        INopUrlHelper urlHelper,
        IWorkContext workContext,
        IStoreContext storeContext,
        IShoppingCartService shoppingCartService,
        IOrderTotalCalculationService orderTotalCalculationService,
        ILogger logger,
        IPaymentAttemptStore attemptStore,
        IMyPayGaCheckoutService checkoutService,
        IXafAmountService xafAmountService,
        IXafAmountFormatter xafAmountFormatter,
        MyPayGaSettings settings,
        TimeProvider timeProvider)
    {
        _localizationService = localizationService;
        _urlHelper = urlHelper;
        _workContext = workContext;
        _storeContext = storeContext;
        _shoppingCartService = shoppingCartService;
        _orderTotalCalculationService = orderTotalCalculationService;
        _logger = logger;
        _attemptStore = attemptStore;
        _checkoutService = checkoutService;
        _xafAmountService = xafAmountService;
        _xafAmountFormatter = xafAmountFormatter;
        _settings = settings;
        _timeProvider = timeProvider;
    }

    #region Pending page and status

    public async Task<PendingPageModel> PreparePendingPageModelAsync(Order order, PaymentStatusSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(snapshot);

        var attempt = snapshot.Attempt ?? await _attemptStore.GetLatestAsync(order);
        var channel = attempt?.Channel ?? PaymentChannel.MobileMoney;
        return new PendingPageModel
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
    }

    public async Task<PaymentStatusResponse> PrepareStatusResponseAsync(Order order, PaymentStatusSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(snapshot);

        var attempt = snapshot.Attempt ?? await _attemptStore.GetLatestAsync(order);
        return await BuildStatusAsync(order, snapshot, attempt?.Channel ?? PaymentChannel.MobileMoney);
    }

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
                    RedirectUrl = RouteUrl(NopRouteNames.Standard.CHECKOUT_COMPLETED, new { orderId = order.Id }),
                    Final = true,
                };
            case PaymentState.NotStarted:
                return new()
                {
                    State = state,
                    Message = await _localizationService.GetResourceAsync(WebKeys.StatusNotStarted),
                    RedirectUrl = RetryUrl(order),
                    Final = true,
                };
            case PaymentState.Failed:
                var canPay = CanPay(order);
                var reason = canPay ? FailureReason(snapshot) : null;
                return new()
                {
                    State = state,
                    Message = canPay ? await FailureMessageAsync(reason, snapshot.Attempt?.Channel ?? channel)
                        : await _localizationService.GetResourceAsync(WebKeys.StatusOrderCancelled),
                    RetryUrl = canPay ? RetryUrl(order) : null,
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

    #endregion

    #region Retry page

    public async Task<RetryModel> PrepareRetryModelAsync(Order order, PaymentStatusSnapshot snapshot, string? startError = null)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(snapshot);

        var attempt = snapshot.Attempt ?? await _attemptStore.GetLatestAsync(order);
        var model = await PrepareRetryBaseAsync(order, attempt);
        // What the shopper chose last: the latest attempt, else the checkout's choice (a start that failed there).
        var (checkoutChannel, checkoutPhone) = attempt is null ? MyPayGaPaymentMethod.ReadOrderChoice(order) : (null, null);
        var lastChannel = attempt?.Channel ?? checkoutChannel;
        model.SelectedChannel = lastChannel is { } last && IsEnabled(last) ? last : DefaultChannel();
        // The number MyPayGa just refused is not offered again (the box above names it); one never tried (gethash
        // failed, MyPayGa unreachable) or still waiting is.
        var refused = snapshot.State == PaymentState.Failed && attempt is { Status: AttemptStatus.Failed };
        model.Phone = attempt is null ? checkoutPhone : refused ? null : attempt.Phone;
        if (refused && attempt is { Channel: PaymentChannel.MobileMoney })
            model.LastFailedPhone = PhoneDisplay.Mask(attempt.Phone);
        if (checkoutChannel == PaymentChannel.Card && checkoutPhone is not null)
            model.CardPhone = checkoutPhone; // the receipt phone typed at checkout
        model.NoAttemptYet = attempt is null;
        if (snapshot.State == PaymentState.Failed)
            model.LastFailureMessage = await FailureMessageAsync(FailureReason(snapshot), attempt?.Channel ?? PaymentChannel.MobileMoney);
        // Say now what a post would be refused for (the checkout service decides, on the same rules).
        await ApplyBlockAsync(model, await _attemptStore.GetAttemptsAsync(order));
        model.PreviousRequestMayBePending = model.Block == RetryBlock.None
            && snapshot.State is PaymentState.Pending or PaymentState.ProviderUnavailable
            && attempt is { Channel: PaymentChannel.MobileMoney, Status: AttemptStatus.Open };
        if (!string.IsNullOrWhiteSpace(startError))
            model.Errors.Add(startError);

        return model;
    }

    public async Task<RetryModel> PrepareRetryModelAsync(Order order, RetryPostedValues posted, IReadOnlyList<string> errors,
        PaymentStartResult? startResult = null)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(posted);
        ArgumentNullException.ThrowIfNull(errors);

        var model = await PrepareRetryBaseAsync(order, await _attemptStore.GetLatestAsync(order));
        model.Phone = posted.Phone;
        if (posted.CardPhone is not null)
            model.CardPhone = posted.CardPhone;
        model.SelectedChannel = posted.Channel is { } channel && IsEnabled(channel) ? channel : DefaultChannel();
        model.Errors.AddRange(errors);
        if (startResult is not { Success: false })
            return model;

        var message = !string.IsNullOrWhiteSpace(startResult.ErrorMessage)
            ? startResult.ErrorMessage
            : await _localizationService.GetResourceAsync(WebKeys.RetryUnavailable);
        switch (startResult.Refusal)
        {
            case StartRefusal.EarlierPushMayStillBeApproved:
            case StartRefusal.AwaitingReview:
                // The page's state, with the countdown to the end of the push window or without a form.
                await ApplyBlockAsync(model, await _attemptStore.GetAttemptsAsync(order));
                if (model.Block == RetryBlock.None)
                    model.Errors.Add(message); // settled in between: what the service said still holds for this post
                break;
            case StartRefusal.AlreadyStarting:
                model.Block = RetryBlock.AlreadyStarting;
                model.BlockMessage = message;
                break;
            default:
                model.Errors.Add(message);
                // MyPayGa refused the push to that number: the message says why; the number is not offered again.
                if (startResult.Attempt is { Status: AttemptStatus.Failed, Channel: PaymentChannel.MobileMoney })
                    model.Phone = null;
                break;
        }

        return model;
    }

    /// <summary>
    /// Why a new payment would be refused now, on the checkout service's rules: money received that waits for the store
    /// (no form), or a Mobile Money request younger than the push approval window (a countdown to its end).
    /// </summary>
    private async Task ApplyBlockAsync(RetryModel model, IReadOnlyList<MyPayGaAttempt> attempts)
    {
        if (attempts.Any(a => PaymentAttemptStore.NeedsReview.Contains(a.Status) && a.ReviewedOnUtc is null))
        {
            model.Block = RetryBlock.AwaitingReview;
            model.BlockMessage = await _localizationService.GetResourceAsync(LedgerKeys.StartAwaitingReview);
            return;
        }

        var now = _timeProvider.GetUtcNow().UtcDateTime;
        var window = TimeSpan.FromMinutes(Math.Clamp(_settings.PushApprovalMinutes, 0, 60));
        var livePush = attempts
            .Where(a => a.Channel == PaymentChannel.MobileMoney && a.Status is AttemptStatus.Open or AttemptStatus.Starting)
            .Where(a => now - a.CreatedOnUtc < window)
            .MaxBy(a => a.CreatedOnUtc);
        if (livePush is null)
            return;

        model.Block = RetryBlock.EarlierPushPending;
        model.WaitSeconds = Math.Max(1, (int)Math.Ceiling((livePush.CreatedOnUtc + window - now).TotalSeconds));
        var phone = PhoneDisplay.Mask(livePush.Phone);
        model.BlockMessage = phone is null
            ? await _localizationService.GetResourceAsync(ShopperKeys.RetryEarlierPushPendingNoPhone)
            : string.Format(CultureInfo.CurrentCulture, await _localizationService.GetResourceAsync(ShopperKeys.RetryEarlierPushPending), phone);
    }

    private async Task<RetryModel> PrepareRetryBaseAsync(Order order, MyPayGaAttempt? attempt)
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
            PendingUrl = RouteUrl(MyPayGaDefaults.Routes.Pending, new { orderGuid = order.OrderGuid }),
            OrderDetailsUrl = RouteUrl(NopRouteNames.Standard.ORDER_DETAILS, new { orderId = order.Id }),
        };
    }

    #endregion

    #region Card page and result pages

    public async Task<CardRedirectModel> PrepareCardRedirectModelAsync(Order order, MyPayGaAttempt attempt, CardFormPost form)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(attempt);
        ArgumentNullException.ThrowIfNull(form);

        return new CardRedirectModel
        {
            OrderGuid = order.OrderGuid,
            CustomOrderNumber = order.CustomOrderNumber,
            AmountText = await FormatXafAsync(attempt.AmountXaf),
            FormUrl = form.Url.AbsoluteUri,
            Fields = form.Fields,
        };
    }

    public async Task<PaymentResultModel> PrepareResultModelAsync(Order order, PaymentResultKind kind)
    {
        ArgumentNullException.ThrowIfNull(order);

        var (titleKey, messageKey) = kind switch
        {
            PaymentResultKind.CannotPay => (WebKeys.ResultCannotPayTitle, WebKeys.ResultCannotPayMessage),
            PaymentResultKind.Unavailable => (WebKeys.ResultUnavailableTitle, WebKeys.ResultUnavailableMessage),
            PaymentResultKind.HeldForReview => (WebKeys.ResultHeldForReviewTitle, WebKeys.StatusHeldForReview),
            PaymentResultKind.AmountMismatch => (WebKeys.ResultAmountMismatchTitle, WebKeys.StatusAmountMismatch),
            PaymentResultKind.Failed => (WebKeys.ResultFailedTitle, CanPay(order) ? WebKeys.StatusFailed : WebKeys.StatusOrderCancelled),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a result page of an order."),
        };

        return new PaymentResultModel
        {
            Kind = kind,
            Title = await _localizationService.GetResourceAsync(titleKey),
            Message = await _localizationService.GetResourceAsync(messageKey),
            CustomOrderNumber = order.CustomOrderNumber,
            RetryUrl = kind is PaymentResultKind.Failed or PaymentResultKind.Unavailable && CanPay(order) ? RetryUrl(order) : null,
            OrderDetailsUrl = RouteUrl(NopRouteNames.Standard.ORDER_DETAILS, new { orderId = order.Id }),
        };
    }

    public async Task<PaymentResultModel> PrepareReturnResultModelAsync(Order order, PaymentStatusSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(snapshot);

        switch (snapshot.State)
        {
            case PaymentState.HeldForReview:
                return await PrepareResultModelAsync(order, PaymentResultKind.HeldForReview);
            case PaymentState.AmountMismatch:
                return await PrepareResultModelAsync(order, PaymentResultKind.AmountMismatch);
            default:
                var model = await PrepareResultModelAsync(order, PaymentResultKind.Failed);
                var reason = FailureReason(snapshot);
                if (reason is not null)
                {
                    var channel = (snapshot.Attempt ?? await _attemptStore.GetLatestAsync(order))?.Channel ?? PaymentChannel.MobileMoney;
                    model.Reason = await RefusalReasons.DescribeAsync(_localizationService, reason, channel);
                }

                return model;
        }
    }

    public async Task<PaymentResultModel> PrepareOrderNotFoundModelAsync() => new()
    {
        Kind = PaymentResultKind.OrderNotFound,
        Title = await _localizationService.GetResourceAsync(WebKeys.ResultOrderNotFoundTitle),
        Message = await _localizationService.GetResourceAsync(WebKeys.ResultOrderNotFoundMessage),
        CustomerOrdersUrl = RouteUrl(NopRouteNames.General.CUSTOMER_ORDERS, null),
    };

    #endregion

    #region Payment info (checkout)

    public async Task<PaymentInfoModel> PreparePaymentInfoModelAsync(IFormCollection? posted)
    {
        // A card also needs the public key: the same rule as the form's validation.
        var mobileMoney = IsEnabled(PaymentChannel.MobileMoney);
        var card = IsEnabled(PaymentChannel.Card);
        // A card payment needs a phone (gethash): the billing phone, when there is one, is prefilled.
        var customer = await _workContext.GetCurrentCustomerAsync();
        var phoneOnFile = card ? await _checkoutService.GetPhoneOnFileAsync(customer) : null;
        var model = new PaymentInfoModel
        {
            MobileMoneyEnabled = mobileMoney,
            CardEnabled = card,
            SelectedChannel = !mobileMoney && card ? PaymentChannel.Card : PaymentChannel.MobileMoney,
            CardPhone = phoneOnFile?.Display,
            CardPhoneRequired = card && phoneOnFile is null,
            XafAmountText = await CartXafAmountTextAsync(customer),
        };

        // What the shopper already posted (the form is shown again after an error).
        if (posted is not null)
        {
            if (MyPayGaPaymentMethod.ReadChannel(posted, _settings) is ({ } channel, null))
                model.SelectedChannel = channel;
            var phone = posted[MyPayGaDefaults.PhoneFormField].ToString().Trim();
            model.Phone = phone.Length == 0 ? null : phone;
            if (posted.ContainsKey(MyPayGaDefaults.CardPhoneFormField))
            {
                var cardPhone = posted[MyPayGaDefaults.CardPhoneFormField].ToString().Trim();
                model.CardPhone = cardPhone.Length == 0 ? null : cardPhone;
            }
        }

        return model;
    }

    /// <summary>
    /// When the shopper sees prices in another currency: the cart's total as the order will have it (nopCommerce's own
    /// calculation, the payment method's fee included), converted to whole XAF as the payment will be. Null otherwise,
    /// or when the total cannot be known yet; never an error in the checkout.
    /// </summary>
    private async Task<string?> CartXafAmountTextAsync(Customer customer)
    {
        if (!await _xafAmountFormatter.ShopperSeesAnotherCurrencyAsync())
            return null;

        decimal? total;
        try
        {
            var store = await _storeContext.GetCurrentStoreAsync();
            var cart = await _shoppingCartService.GetShoppingCartAsync(customer, ShoppingCartType.ShoppingCart, store.Id);
            if (cart is not { Count: > 0 })
                return null;

            (total, _, _, _, _, _) = await _orderTotalCalculationService.GetShoppingCartTotalAsync(cart);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await _logger.WarningAsync("MyPayGa: the cart's total could not be read for the amount in XAF of the payment step.", ex);
            return null;
        }

        if (total is not { } amount)
            return null; // not known yet (e.g. shipping not chosen)

        try
        {
            return await FormatXafAsync(await _xafAmountService.ToXafAsync(amount));
        }
        catch (InvalidOperationException)
        {
            return null; // XAF is not available: MyPayGa is not offered then
        }
    }

    #endregion

    #region Utilities

    /// <summary>Still waiting for a payment: a new attempt may be started.</summary>
    private static bool CanPay(Order order) => MyPayGaCheckoutService.IsPayable(order);

    /// <summary>Enabled and usable (a card needs the public key): the same rule as the checkout's form.</summary>
    private bool IsEnabled(PaymentChannel channel) => MyPayGaCheckoutService.IsEnabled(_settings, channel);

    private PaymentChannel DefaultChannel() =>
        !IsEnabled(PaymentChannel.MobileMoney) && IsEnabled(PaymentChannel.Card) ? PaymentChannel.Card : PaymentChannel.MobileMoney;

    /// <summary>
    /// MyPayGa's words about why the payment failed: its status text unless that is a bare "Failed", else what its
    /// callback (or a refused payment-request) said about the same attempt; null when nothing says more. Never shown as
    /// they are: <see cref="RefusalReasons"/> turns them into the shopper's sentence.
    /// </summary>
    private static string? FailureReason(PaymentStatusSnapshot snapshot) =>
        ProviderMessages.Reason(snapshot.ProviderMessage,
            ProviderMessages.IsBareStatusWord(snapshot.ProviderMessage) ? snapshot.Attempt?.DisplayMessage : null);

    /// <summary>"The payment did not go through." and, when MyPayGa said why, the reason in the shopper's words.</summary>
    private async Task<string> FailureMessageAsync(string? providerReason, PaymentChannel channel) =>
        providerReason is null
            ? await _localizationService.GetResourceAsync(WebKeys.StatusFailed)
            : string.Format(CultureInfo.CurrentCulture, await _localizationService.GetResourceAsync(WebKeys.StatusFailedWithReason),
                await RefusalReasons.DescribeAsync(_localizationService, providerReason, channel));

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

    /// <summary>As the store writes its XAF prices ("6 000 FCFA").</summary>
    private Task<string> FormatXafAsync(long amount) => _xafAmountFormatter.FormatAsync(amount);

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

    private string RetryUrl(Order order) => RouteUrl(MyPayGaDefaults.Routes.Retry, new { orderGuid = order.OrderGuid });

    /// <summary>A route URL; the plugin's routes and nopCommerce's are always registered, so an empty one is a bug.</summary>
    private string RouteUrl(string routeName, object? values)
    {
        var url = _urlHelper.RouteUrl(routeName, values);
        return string.IsNullOrEmpty(url) ? throw new InvalidOperationException($"Route '{routeName}' is not registered.") : url;
    }

    #endregion
}
