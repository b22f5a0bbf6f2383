using System.Globalization;
using MyPayGa.Client;
using MyPayGa.Client.Models;
using MyPayGa.Client.Phones;
using Nop.Core.Caching;
using Nop.Core.Domain.Common;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.MyPayGa.Domain;
using Nop.Services.Common;
using Nop.Services.Configuration;
using Nop.Services.Customers;
using Nop.Services.Localization;
using Nop.Services.Logging;
using Nop.Services.Orders;
using Nop.Services.Stores;
using static Nop.Plugin.Payments.MyPayGa.Localization.LocaleResources;

namespace Nop.Plugin.Payments.MyPayGa.Services;

/// <summary>
/// Starts a MyPayGa payment for an order: gethash, record the attempt, then the mobile-money push or the card form.
/// Runs under the order's lock (the one the status processor uses), on a freshly loaded order, so two tabs cannot
/// push twice and a payment being settled is never overwritten.
/// </summary>
public class MyPayGaCheckoutService : IMyPayGaCheckoutService
{
    /// <summary>Generous: gethash and payment-request, each with its timeout, run inside the lock.</summary>
    internal static readonly TimeSpan StartLockTime = TimeSpan.FromMinutes(2);

    private readonly IMyPayGaAccountProvider _accountProvider;
    private readonly IXafAmountService _xafAmountService;
    private readonly IPaymentAttemptStore _attemptStore;
    private readonly IPaymentStatusCache _statusCache;
    private readonly MyPayGaPhoneValidator _phoneValidator;
    private readonly ISettingService _settingService;
    private readonly IOrderService _orderService;
    private readonly IAddressService _addressService;
    private readonly ICustomerService _customerService;
    private readonly IStoreService _storeService;
    private readonly ILocalizationService _localizationService;
    private readonly ILocker _locker;
    private readonly ILogger _logger;

    public MyPayGaCheckoutService(IMyPayGaAccountProvider accountProvider,
        IXafAmountService xafAmountService,
        IPaymentAttemptStore attemptStore,
        IPaymentStatusCache statusCache,
        MyPayGaPhoneValidator phoneValidator,
        ISettingService settingService,
        IOrderService orderService,
        IAddressService addressService,
        ICustomerService customerService,
        IStoreService storeService,
        ILocalizationService localizationService,
        ILocker locker,
        ILogger logger)
    {
        _accountProvider = accountProvider;
        _xafAmountService = xafAmountService;
        _attemptStore = attemptStore;
        _statusCache = statusCache;
        _phoneValidator = phoneValidator;
        _settingService = settingService;
        _orderService = orderService;
        _addressService = addressService;
        _customerService = customerService;
        _storeService = storeService;
        _localizationService = localizationService;
        _locker = locker;
        _logger = logger;
    }

    public async Task<PaymentStartResult> StartAsync(Order order, PaymentChannel channel, string? phone,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);

        if (!IsPayable(order))
            return await FailAsync(ServiceKeys.StartOrderNotPayable);

        var settings = await _settingService.LoadSettingAsync<MyPayGaSettings>(order.StoreId);
        if (!Enum.IsDefined(channel) || !IsEnabled(settings, channel))
            return await FailAsync(ServiceKeys.ValidationChannelDisabled);

        PhoneValidationResult? validPhone = null;
        if (channel == PaymentChannel.MobileMoney)
        {
            validPhone = await _phoneValidator.ValidateAsync(phone);
            if (!validPhone.IsValid)
                return Fail(validPhone.ErrorMessage!);
        }
        else if (!string.IsNullOrWhiteSpace(phone))
        {
            validPhone = await _phoneValidator.ValidateReceiptPhoneAsync(phone);
            if (!validPhone.IsValid)
                return Fail(validPhone.ErrorMessage!);
        }

        PaymentStartResult? result = null;
        var locked = await _locker.PerformActionWithLockAsync(MyPayGaDefaults.OrderLockPrefix + order.Id, StartLockTime,
            async () => result = await StartLockedAsync(order, channel, validPhone, settings, cancellationToken));

        if (!locked)
            return await FailAsync(ServiceKeys.StartAlreadyInProgress);

        _statusCache.Invalidate(order.Id);
        return result!;
    }

    private async Task<PaymentStartResult> StartLockedAsync(Order staleOrder, PaymentChannel channel,
        PhoneValidationResult? phone, MyPayGaSettings settings, CancellationToken cancellationToken)
    {
        // Re-read without nopCommerce's per-request cache: another request may have settled the order meanwhile,
        // and saving a stale copy would undo that.
        var order = await _orderService.GetOrderByGuidAsync(staleOrder.OrderGuid) ?? staleOrder;
        if (!IsPayable(order))
            return await FailAsync(ServiceKeys.StartOrderNotPayable);

        long amountXaf;
        try
        {
            amountXaf = await _xafAmountService.ToXafAsync(order.OrderTotal);
        }
        catch (InvalidOperationException)
        {
            await _orderService.AddMyPayGaNoteAsync(order, await _xafAmountService.GetUnavailabilityReasonAsync() ?? "XAF unavailable.");
            return await FailAsync(ServiceKeys.StartNotAvailable);
        }

        if (amountXaf <= 0)
            return await FailAsync(ServiceKeys.StartOrderNotPayable);

        IMyPayGaClient client;
        try
        {
            client = await _accountProvider.GetClientAsync(order.StoreId);
        }
        catch (MyPayGaException ex)
        {
            await NoteFailureAsync(order, null, ex);
            return await FailAsync(ServiceKeys.StartNotAvailable);
        }

        var attempts = await _attemptStore.GetAttemptsAsync(order);
        var number = attempts.Count == 0 ? 1 : attempts.Max(a => a.Number) + 1;
        var orderNumber = OrderNumber(order);
        var uniqueId = $"{orderNumber}-{number.ToString(CultureInfo.InvariantCulture)}";
        var payer = await GetPayerAsync(order);
        var description = await DescribeAsync(order, settings);
        // gethash requires a phone (MyPayGa answers "Missing parameter: phone"): say so plainly rather than relay that.
        var hashPhone = phone?.ForMyPayGa ?? payer.Phone?.ForMyPayGa;
        if (string.IsNullOrEmpty(hashPhone))
            return await FailAsync(ServiceKeys.StartCardPhoneMissing);

        GetHashResponse hash;
        try
        {
            hash = await client.GetHashAsync(new GetHashRequest
            {
                Email = payer.Email,
                FirstName = payer.FirstName,
                LastName = payer.LastName,
                UniqueId = uniqueId,
                Amount = amountXaf,
                Phone = hashPhone,
                Description = description,
            }, cancellationToken);
        }
        catch (MyPayGaException ex)
        {
            await NoteFailureAsync(order, uniqueId, ex);
            // gethash pushes nothing to the shopper, so even a lost answer only means "retry".
            return await FailAsync(ex.Kind == MyPayGaErrorKind.Configuration ? ServiceKeys.StartNotAvailable : ServiceKeys.StartProviderUnavailable);
        }

        var attempt = new PaymentAttempt
        {
            Number = number,
            UniqueId = uniqueId,
            PaymentToken = hash.PaymentToken,
            Channel = channel,
            AmountXaf = amountXaf,
            Phone = channel == PaymentChannel.MobileMoney ? phone?.ForMyPayGa : null,
            CreatedOnUtc = DateTime.UtcNow,
        };

        // Recorded before payment-request: if its answer is lost, the status processor can still find the payment.
        await _attemptStore.AddAsync(order, attempt);
        await NoteAsync(order, ServiceKeys.NoteAttemptCreated, uniqueId,
            await ChannelNameAsync(channel), amountXaf.ToString("N0", CultureInfo.InvariantCulture), attempt.PaymentToken);

        if (channel == PaymentChannel.Card)
        {
            var form = client.DescribeCardForm(attempt.PaymentToken);
            return new PaymentStartResult { Success = true, Attempt = attempt, CardForm = form };
        }

        try
        {
            var response = await client.RequestMobilePaymentAsync(new MobilePaymentRequest
            {
                Email = payer.Email,
                FirstName = payer.FirstName,
                LastName = payer.LastName,
                PaymentToken = attempt.PaymentToken,
                Amount = amountXaf,
                ClientPhone = phone!.ForMyPayGa!,
                Description = description,
            }, cancellationToken);

            await NoteAsync(order, ServiceKeys.NotePushSent, uniqueId, phone.Display!, response.Message ?? string.Empty);
            return new PaymentStartResult { Success = true, Attempt = attempt };
        }
        catch (MyPayGaException ex)
        {
            await NoteFailureAsync(order, uniqueId, ex);
            // The operator's refusal may be all the shopper ever gets: paiement-detail may later only say "Failed".
            if (ex.Kind == MyPayGaErrorKind.Rejected)
                await _attemptStore.SaveProviderMessageAsync(order, uniqueId, ex.ProviderMessage);
            var key = ex.OutcomeUnknown ? ServiceKeys.StartOutcomeUnknown
                : ex.Kind == MyPayGaErrorKind.Rejected && LooksLikeInsufficientFunds(ex.ProviderMessage) ? ServiceKeys.StartInsufficientFunds
                : ex.Kind == MyPayGaErrorKind.Rejected ? ServiceKeys.StartRejected
                : ex.Kind == MyPayGaErrorKind.Configuration ? ServiceKeys.StartNotAvailable
                : ServiceKeys.StartProviderUnavailable;
            var message = string.Format(CultureInfo.CurrentCulture, await _localizationService.GetResourceAsync(key),
                ex.ProviderMessage ?? string.Empty);
            // Keep the attempt: after an unknown outcome the prompt may still reach the phone and be paid.
            return new PaymentStartResult { Success = false, Attempt = attempt, ErrorMessage = message };
        }
    }

    internal static bool IsPayable(Order order) =>
        string.Equals(order.PaymentMethodSystemName, MyPayGaDefaults.SystemName, StringComparison.OrdinalIgnoreCase)
        && order.PaymentStatus == PaymentStatus.Pending
        && order.OrderStatus != OrderStatus.Cancelled
        && !order.Deleted;

    /// <summary>Enabled in the settings and usable: the card form needs the public key of the chosen environment.</summary>
    internal static bool IsEnabled(MyPayGaSettings settings, PaymentChannel channel) => channel switch
    {
        PaymentChannel.MobileMoney => settings.MobileMoneyEnabled,
        PaymentChannel.Card => settings.CardEnabled && !string.IsNullOrWhiteSpace(
            settings.Environment == MyPayGaEnvironment.Production ? settings.ProductionPublicKey : settings.TestPublicKey),
        _ => false,
    };

    internal static string OrderNumber(Order order) =>
        string.IsNullOrWhiteSpace(order.CustomOrderNumber) ? order.Id.ToString(CultureInfo.InvariantCulture) : order.CustomOrderNumber.Trim();

    internal static bool LooksLikeInsufficientFunds(string? providerMessage) =>
        providerMessage is not null
        && (providerMessage.Contains("insuf", StringComparison.OrdinalIgnoreCase)
            || providerMessage.Contains("solde", StringComparison.OrdinalIgnoreCase));

    private sealed record Payer(string FirstName, string LastName, string Email, PhoneNumber? Phone);

    private async Task<Payer> GetPayerAsync(Order order)
    {
        var address = await _addressService.GetAddressByIdAsync(order.BillingAddressId);
        var customer = await _customerService.GetCustomerByIdAsync(order.CustomerId);
        static string First(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim() ?? string.Empty;

        return new Payer(
            First(address?.FirstName, customer?.FirstName, "Client"),
            First(address?.LastName, customer?.LastName, OrderNumber(order)),
            First(address?.Email, customer?.Email),
            PhoneOnFile(address, customer));
    }

    public async Task<PhoneNumber?> GetPhoneOnFileAsync(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return (await GetPayerAsync(order)).Phone;
    }

    public async Task<PhoneNumber?> GetPhoneOnFileAsync(Customer customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var address = customer.BillingAddressId is { } id and > 0 ? await _addressService.GetAddressByIdAsync(id) : null;
        return PhoneOnFile(address, customer);
    }

    /// <summary>The billing address's phone, else the customer's, whichever first reads as a phone number.</summary>
    internal static PhoneNumber? PhoneOnFile(Address? billingAddress, Customer? customer)
    {
        foreach (var candidate in new[] { billingAddress?.PhoneNumber, customer?.Phone })
        {
            if (PhoneNumber.TryParse(candidate, out var phone, out _))
                return phone;
        }

        return null;
    }

    private async Task<string> DescribeAsync(Order order, MyPayGaSettings settings)
    {
        var storeName = (await _storeService.GetStoreByIdAsync(order.StoreId))?.Name ?? string.Empty;
        var template = string.IsNullOrWhiteSpace(settings.PaymentDescriptionTemplate) ? "Order {0} - {1}" : settings.PaymentDescriptionTemplate;
        try
        {
            return string.Format(CultureInfo.InvariantCulture, template, OrderNumber(order), storeName).Trim();
        }
        catch (FormatException)
        {
            return $"Order {OrderNumber(order)}";
        }
    }

    private async Task<string> ChannelNameAsync(PaymentChannel channel) =>
        await _localizationService.GetResourceAsync(channel == PaymentChannel.Card ? ServiceKeys.ChannelCard : ServiceKeys.ChannelMobileMoney);

    private async Task NoteAsync(Order order, string key, params object[] args) =>
        await _orderService.AddMyPayGaNoteAsync(order,
            string.Format(CultureInfo.InvariantCulture, await _localizationService.GetResourceAsync(key), args));

    private async Task NoteFailureAsync(Order order, string? uniqueId, MyPayGaException ex)
    {
        var detail = ProviderErrors.Describe(ex);
        await NoteAsync(order, ServiceKeys.NoteStartFailed, uniqueId ?? OrderNumber(order), detail);
        await _logger.WarningAsync($"MyPayGa: starting the payment of order {order.Id} failed: {detail}");
    }

    private async Task<PaymentStartResult> FailAsync(string key) => Fail(await _localizationService.GetResourceAsync(key));

    private static PaymentStartResult Fail(string message) => new() { Success = false, ErrorMessage = message };
}
