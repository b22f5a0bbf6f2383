using System.Globalization;
using Microsoft.AspNetCore.Http;
using MyPayGa.Client;
using MyPayGa.Client.Models;
using Nop.Core;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.MyPayGa.Domain;
using Nop.Plugin.Payments.MyPayGa.Localization;
using Nop.Plugin.Payments.MyPayGa.Services;
using Nop.Services.Cms;
using Nop.Services.Configuration;
using Nop.Services.Localization;
using Nop.Services.Logging;
using Nop.Services.Orders;
using Nop.Services.Payments;
using Nop.Services.Plugins;
using Nop.Services.ScheduleTasks;
using static Nop.Plugin.Payments.MyPayGa.Localization.LocaleResources;

namespace Nop.Plugin.Payments.MyPayGa;

/// <summary>
/// MyPayGa (Airtel Money, Moov Money, cards) as a nopCommerce redirection payment method. Thin: the order is placed
/// pending, PostProcessPaymentAsync starts the MyPayGa payment and sends the shopper to the plugin's pending / card /
/// retry page; the status processor settles the order.
/// </summary>
public partial class MyPayGaPaymentMethod : BasePlugin, IPaymentMethod, IWidgetPlugin
{
    private readonly IMyPayGaAccountProvider _accountProvider;
    private readonly IXafAmountService _xafAmountService;
    private readonly IMyPayGaCheckoutService _checkoutService;
    private readonly IPaymentAttemptStore _attemptStore;
    private readonly MyPayGaPhoneValidator _phoneValidator;
    private readonly ISettingService _settingService;
    private readonly IStoreContext _storeContext;
    private readonly IWorkContext _workContext;
    private readonly ILocalizationService _localizationService;
    private readonly ILanguageService _languageService;
    private readonly IOrderTotalCalculationService _orderTotalCalculationService;
    private readonly IOrderService _orderService;
    private readonly IHttpContextAccessor _httpContextAccessor;
    private readonly IWebHelper _webHelper;
    private readonly ILogger _logger;
    private readonly IScheduleTaskService _scheduleTaskService;
    private readonly IMyPayGaRefundService _refundService;
    private readonly IMyPayGaLocaleInstaller _localeInstaller;
    private readonly IMyPayGaSecretMigration _secretMigration;
    private readonly IMyPayGaMessageTemplateInstaller _messageTemplates;

    public MyPayGaPaymentMethod(IMyPayGaAccountProvider accountProvider,
        IXafAmountService xafAmountService,
        IMyPayGaCheckoutService checkoutService,
        IPaymentAttemptStore attemptStore,
        MyPayGaPhoneValidator phoneValidator,
        ISettingService settingService,
        IStoreContext storeContext,
        IWorkContext workContext,
        ILocalizationService localizationService,
        ILanguageService languageService,
        IOrderTotalCalculationService orderTotalCalculationService,
        IOrderService orderService,
        IHttpContextAccessor httpContextAccessor,
        IWebHelper webHelper,
        ILogger logger,
        IScheduleTaskService scheduleTaskService,
        IMyPayGaRefundService refundService,
        IMyPayGaLocaleInstaller localeInstaller,
        IMyPayGaSecretMigration secretMigration,
        IMyPayGaMessageTemplateInstaller messageTemplates)
    {
        _accountProvider = accountProvider;
        _xafAmountService = xafAmountService;
        _checkoutService = checkoutService;
        _attemptStore = attemptStore;
        _phoneValidator = phoneValidator;
        _settingService = settingService;
        _storeContext = storeContext;
        _workContext = workContext;
        _localizationService = localizationService;
        _languageService = languageService;
        _orderTotalCalculationService = orderTotalCalculationService;
        _orderService = orderService;
        _httpContextAccessor = httpContextAccessor;
        _webHelper = webHelper;
        _logger = logger;
        _scheduleTaskService = scheduleTaskService;
        _refundService = refundService;
        _localeInstaller = localeInstaller;
        _secretMigration = secretMigration;
        _messageTemplates = messageTemplates;
    }

    #region Checkout

    /// <summary>The order is placed pending: the money is asked for in PostProcessPaymentAsync.</summary>
    public Task<ProcessPaymentResult> ProcessPaymentAsync(ProcessPaymentRequest processPaymentRequest) =>
        Task.FromResult(new ProcessPaymentResult { NewPaymentStatus = PaymentStatus.Pending });

    public async Task PostProcessPaymentAsync(PostProcessPaymentRequest postProcessPaymentRequest)
    {
        ArgumentNullException.ThrowIfNull(postProcessPaymentRequest);
        var order = postProcessPaymentRequest.Order;
        ArgumentNullException.ThrowIfNull(order);

        var storeLocation = _webHelper.GetStoreLocation();
        var target = await ChooseTargetAsync(order);
        Redirect(PageUrl(storeLocation, target, order.OrderGuid));
    }

    /// <summary>Which plugin page the shopper goes to after placing (or re-posting) the order; starts the payment when it can.</summary>
    private async Task<string> ChooseTargetAsync(Order order)
    {
        // "Complete payment" retry, or a second PostProcess for the same order: let the shopper confirm or change
        // the channel and number before anything is pushed again.
        if ((await _attemptStore.GetAttemptsAsync(order)).Count > 0)
            return MyPayGaDefaults.Routes.RetryPath;

        var (channel, phone) = ReadOrderChoice(order);
        // No choice recorded: the store skips the payment-info step for redirection methods.
        if (channel is null || (channel == PaymentChannel.MobileMoney && string.IsNullOrEmpty(phone)))
            return MyPayGaDefaults.Routes.RetryPath;

        var result = await _checkoutService.StartAsync(order, channel.Value, phone);
        if (!result.Success)
        {
            // The checkout only follows the redirect: the retry page tells the shopper what went wrong.
            if (!string.IsNullOrWhiteSpace(result.ErrorMessage))
                await _attemptStore.SaveStartErrorAsync(order, result.ErrorMessage, DateTime.UtcNow);
            return MyPayGaDefaults.Routes.RetryPath;
        }

        return channel == PaymentChannel.Card ? MyPayGaDefaults.Routes.CardRedirectPath : MyPayGaDefaults.Routes.PendingPath;
    }

    /// <summary>The hidden values put by GetPaymentInfoAsync, as saved in the order.</summary>
    internal static (PaymentChannel? Channel, string? Phone) ReadOrderChoice(Order order)
    {
        var values = new Nop.Services.Orders.CustomValues();
        values.FillByXml(order.CustomValuesXml);
        PaymentChannel? channel = values.TryGetValue(MyPayGaDefaults.ChannelCustomValue, out var channelValue)
            && TryParseChannel(channelValue.Value, out var parsed) ? parsed : null;
        var phone = values.TryGetValue(MyPayGaDefaults.PhoneCustomValue, out var phoneValue) ? phoneValue.Value?.Trim() : null;
        return (channel, string.IsNullOrEmpty(phone) ? null : phone);
    }

    internal static string PageUrl(string storeLocation, string routePath, Guid orderGuid) =>
        storeLocation + routePath.Replace("{orderGuid:guid}", orderGuid.ToString("D"), StringComparison.Ordinal);

    private void Redirect(string url)
    {
        var context = _httpContextAccessor.HttpContext;
        if (context is null || context.Response.HasStarted)
            return;
        context.Response.Redirect(url);
    }

    public Task<bool> CanRePostProcessPaymentAsync(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return Task.FromResult(order.PaymentStatus == PaymentStatus.Pending
            && order.OrderStatus != OrderStatus.Cancelled
            && !order.Deleted);
    }

    public async Task<bool> HidePaymentMethodAsync(IList<ShoppingCartItem> cart)
    {
        var storeId = cart?.FirstOrDefault()?.StoreId ?? (await _storeContext.GetCurrentStoreAsync())?.Id ?? 0;
        var settings = await _settingService.LoadSettingAsync<MyPayGaSettings>(storeId);
        if (!MyPayGaCheckoutService.IsEnabled(settings, PaymentChannel.MobileMoney) && !MyPayGaCheckoutService.IsEnabled(settings, PaymentChannel.Card))
            return true;
        if ((await _accountProvider.GetProblemsAsync(storeId)).Count > 0)
            return true;
        return await _xafAmountService.GetUnavailabilityReasonAsync() is not null;
    }

    public async Task<decimal> GetAdditionalHandlingFeeAsync(IList<ShoppingCartItem> cart)
    {
        var storeId = cart?.FirstOrDefault()?.StoreId ?? (await _storeContext.GetCurrentStoreAsync())?.Id ?? 0;
        var settings = await _settingService.LoadSettingAsync<MyPayGaSettings>(storeId);
        return await _orderTotalCalculationService.CalculatePaymentAdditionalFeeAsync(cart,
            settings.AdditionalFee, settings.AdditionalFeePercentage);
    }

    public async Task<IList<string>> ValidatePaymentFormAsync(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var settings = await LoadCurrentStoreSettingsAsync();
        var (channel, errorKey) = ReadChannel(form, settings);
        if (errorKey is not null)
            return [await _localizationService.GetResourceAsync(errorKey)];

        if (channel == PaymentChannel.MobileMoney)
        {
            var phone = await _phoneValidator.ValidateAsync(form[MyPayGaDefaults.PhoneFormField].ToString());
            if (!phone.IsValid)
                return [phone.ErrorMessage!];
        }
        else
        {
            // gethash requires a phone: the one typed, else the billing phone; required only when there is none on file.
            var typed = form[MyPayGaDefaults.CardPhoneFormField].ToString();
            if (!string.IsNullOrWhiteSpace(typed))
            {
                var phone = await _phoneValidator.ValidateReceiptPhoneAsync(typed);
                if (!phone.IsValid)
                    return [phone.ErrorMessage!];
            }
            else if (await _checkoutService.GetPhoneOnFileAsync(await _workContext.GetCurrentCustomerAsync()) is null)
            {
                return [await _localizationService.GetResourceAsync(ServiceKeys.ValidationCardPhoneRequired)];
            }
        }

        return [];
    }

    public async Task<ProcessPaymentRequest> GetPaymentInfoAsync(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var request = new ProcessPaymentRequest();
        var settings = await LoadCurrentStoreSettingsAsync();
        var (channel, errorKey) = ReadChannel(form, settings);
        if (errorKey is not null || channel is null)
            return request;

        if (channel == PaymentChannel.MobileMoney)
        {
            var phone = await _phoneValidator.ValidateAsync(form[MyPayGaDefaults.PhoneFormField].ToString());
            if (!phone.IsValid)
                return request;

            request.CustomValues[await _localizationService.GetResourceAsync(ServiceKeys.CustomValueMobileMoneyNumber)] = phone.Display!;
            request.CustomValues.Add(new(MyPayGaDefaults.PhoneCustomValue, phone.ForMyPayGa!, displayToCustomer: false));
        }
        else
        {
            request.CustomValues[await _localizationService.GetResourceAsync(ServiceKeys.CustomValuePaymentChannel)] =
                await _localizationService.GetResourceAsync(ServiceKeys.ChannelCard);
            // Only a phone typed for the receipt; left empty, StartAsync uses the billing phone.
            var typed = form[MyPayGaDefaults.CardPhoneFormField].ToString();
            if (!string.IsNullOrWhiteSpace(typed) && await _phoneValidator.ValidateReceiptPhoneAsync(typed) is { IsValid: true } phone)
                request.CustomValues.Add(new(MyPayGaDefaults.PhoneCustomValue, phone.ForMyPayGa!, displayToCustomer: false));
        }

        request.CustomValues.Add(new(MyPayGaDefaults.ChannelCustomValue, channel.Value.ToString(), displayToCustomer: false));
        return request;
    }

    /// <summary>The chosen channel, or the resource key of the error. Absent means the only enabled channel.</summary>
    internal static (PaymentChannel? Channel, string? ErrorKey) ReadChannel(IFormCollection form, MyPayGaSettings settings)
    {
        var raw = form[MyPayGaDefaults.ChannelFormField].ToString().Trim();
        if (string.IsNullOrEmpty(raw))
        {
            return (MyPayGaCheckoutService.IsEnabled(settings, PaymentChannel.MobileMoney), MyPayGaCheckoutService.IsEnabled(settings, PaymentChannel.Card)) switch
            {
                (true, false) => (PaymentChannel.MobileMoney, null),
                (false, true) => (PaymentChannel.Card, null),
                (false, false) => (null, ServiceKeys.ValidationChannelDisabled),
                _ => (null, ServiceKeys.ValidationChannelRequired),
            };
        }

        if (!TryParseChannel(raw, out var channel))
            return (null, ServiceKeys.ValidationChannelRequired);

        return MyPayGaCheckoutService.IsEnabled(settings, channel) ? (channel, null) : (null, ServiceKeys.ValidationChannelDisabled);
    }

    /// <summary>Only the names ("MobileMoney", "Card"), never numbers.</summary>
    internal static bool TryParseChannel(string? value, out PaymentChannel channel)
    {
        channel = default;
        return !string.IsNullOrWhiteSpace(value)
            && !char.IsAsciiDigit(value.Trim()[0]) && value.Trim()[0] != '-'
            && Enum.TryParse(value.Trim(), ignoreCase: true, out channel)
            && Enum.IsDefined(channel);
    }

    private async Task<MyPayGaSettings> LoadCurrentStoreSettingsAsync()
    {
        var store = await _storeContext.GetCurrentStoreAsync();
        return await _settingService.LoadSettingAsync<MyPayGaSettings>(store?.Id ?? 0);
    }

    public Type GetPublicViewComponent() => typeof(Components.PaymentInfoViewComponent);

    public async Task<string> GetPaymentMethodDescriptionAsync() =>
        await _localizationService.GetResourceAsync(ServiceKeys.PaymentMethodDescription);

    #endregion

    #region Refund, capture, void, recurring

    /// <summary>
    /// nopCommerce's Refund and Partial refund buttons. The money comes back from the attempt that paid the order, in XAF
    /// at the rate of the payment (never re-converted at today's rate), through <see cref="IMyPayGaRefundService"/>: one
    /// refund at a time per order, never more than that attempt received, never sent twice.
    /// </summary>
    public async Task<RefundPaymentResult> RefundAsync(RefundPaymentRequest refundPaymentRequest)
    {
        ArgumentNullException.ThrowIfNull(refundPaymentRequest);
        var order = refundPaymentRequest.Order;
        ArgumentNullException.ThrowIfNull(order);
        var result = new RefundPaymentResult();

        // nopCommerce turns an exception into an order note holding its full text: every failure is caught here
        // and told in words an admin can act on, without keys.
        try
        {
            var attempts = await _attemptStore.GetAttemptsAsync(order);
            var attempt = attempts.FirstOrDefault(a => a.PaymentToken is not null
                              && string.Equals(a.PaymentToken, order.CaptureTransactionId, StringComparison.Ordinal))
                          ?? attempts.LastOrDefault(a => a.Status == AttemptStatus.Paid);
            if (attempt is null)
            {
                result.AddError(await ResourceAsync(ServiceKeys.RefundNoPaidPayment, MyPayGaCheckoutService.OrderNumber(order)));
                return result;
            }

            // Partial: converted at the rate of the payment; full: everything not refunded yet (decided by the service,
            // after any earlier refund whose outcome was unknown is settled).
            long? amountXaf = refundPaymentRequest.IsPartialRefund
                ? ToXafAtPaymentRate(attempt, refundPaymentRequest.AmountToRefund)
                : null;

            var customer = await _workContext.GetCurrentCustomerAsync();
            var outcome = await _refundService.RefundAsync(new RefundCommand(order, attempt, amountXaf, RefundReason.OrderRefund,
                customer?.Email ?? customer?.Username));
            if (!outcome.MoneySent)
            {
                result.AddError(outcome.Message);
                return result;
            }

            result.NewPaymentStatus = refundPaymentRequest.IsPartialRefund ? PaymentStatus.PartiallyRefunded : PaymentStatus.Refunded;
            return result;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await _logger.ErrorAsync($"MyPayGa: refund of order {order.Id} failed unexpectedly ({ex.GetType().Name}).");
            result.AddError(await ResourceAsync(ServiceKeys.RefundUnavailable, ex.GetType().Name));
            return result;
        }
    }

    /// <summary>
    /// An amount in the primary store currency as XAF at the rate the attempt was paid at (its XAF over the order total
    /// then), rounded to whole francs.
    /// </summary>
    internal static long ToXafAtPaymentRate(MyPayGaAttempt attempt, decimal amountInPrimaryCurrency)
    {
        if (attempt.OrderTotal <= 0)
            return 0;
        return (long)Math.Round(amountInPrimaryCurrency * attempt.AmountXaf / attempt.OrderTotal, 0, MidpointRounding.AwayFromZero);
    }

    public Task<CapturePaymentResult> CaptureAsync(CapturePaymentRequest capturePaymentRequest) =>
        Task.FromResult(new CapturePaymentResult { Errors = ["Capture method not supported"] });

    public Task<VoidPaymentResult> VoidAsync(VoidPaymentRequest voidPaymentRequest) =>
        Task.FromResult(new VoidPaymentResult { Errors = ["Void method not supported"] });

    public Task<ProcessPaymentResult> ProcessRecurringPaymentAsync(ProcessPaymentRequest processPaymentRequest) =>
        Task.FromResult(new ProcessPaymentResult { Errors = ["Recurring payment not supported"] });

    public Task<CancelRecurringPaymentResult> CancelRecurringPaymentAsync(CancelRecurringPaymentRequest cancelPaymentRequest) =>
        Task.FromResult(new CancelRecurringPaymentResult { Errors = ["Recurring payment not supported"] });

    #endregion

    #region Plugin

    public override string GetConfigurationPageUrl() => $"{_webHelper.GetStoreLocation()}Admin/MyPayGa/Configure";

    public override async Task InstallAsync()
    {
        await _settingService.SaveSettingAsync(new MyPayGaSettings());
        await _localeInstaller.AddToAllLanguagesAsync();
        await _messageTemplates.EnsureAsync();
        await ReconciliationTaskRegistration.EnsureAsync(_scheduleTaskService);
        await SetWidgetActiveAsync(active: true);
        await base.InstallAsync();
    }

    /// <summary>
    /// Deletes every setting of the plugin, for all stores — the saved keys included — its texts, its message template
    /// (the owner's edits and copies too) and its task.
    /// </summary>
    public override async Task UninstallAsync()
    {
        await _settingService.DeleteSettingAsync<MyPayGaSettings>();
        await _localizationService.DeleteLocaleResourcesAsync(MyPayGaDefaults.ResourcePrefix);
        await _messageTemplates.RemoveAsync();
        if (await _scheduleTaskService.GetTaskByTypeAsync(PendingPaymentReconciliationTask.TaskType) is { } task)
            await _scheduleTaskService.DeleteTaskAsync(task);
        await SetWidgetActiveAsync(active: false);
        await base.UninstallAsync();
    }

    public override async Task UpdateAsync(string currentVersion, string targetVersion)
    {
        // Every language, one by one: new keys are added (also to languages created since the last update), changed
        // texts updated; the merchant's own edits of the plugin's texts are overwritten too.
        await _localeInstaller.AddToAllLanguagesAsync();
        // Secrets saved in clear by versions before 4.90.2 are encrypted (all stores and per-store overrides).
        await _secretMigration.ProtectClearSecretsAsync();
        // The payment-link e-mail's template, for stores installed before it existed; one the owner already has is left alone.
        await _messageTemplates.EnsureAsync();
        await ReconciliationTaskRegistration.EnsureAsync(_scheduleTaskService);
        await SetWidgetActiveAsync(active: true);
        await base.UpdateAsync(currentVersion, targetVersion);
    }

    #endregion

    #region Properties

    public bool SupportCapture => false;

    public bool SupportPartiallyRefund => true;

    public bool SupportRefund => true;

    public bool SupportVoid => false;

    public RecurringPaymentType RecurringPaymentType => RecurringPaymentType.NotSupported;

    public PaymentMethodType PaymentMethodType => PaymentMethodType.Redirection;

    public bool SkipPaymentInfo => false;

    #endregion

    private async Task<string> ResourceAsync(string key, params object[] args)
    {
        var text = await _localizationService.GetResourceAsync(key);
        return args.Length == 0 ? text : string.Format(CultureInfo.InvariantCulture, text, args);
    }
}
