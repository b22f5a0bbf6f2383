using System.Globalization;
using MyPayGa.Client;
using MyPayGa.Client.Models;
using MyPayGa.Client.Phones;
using Nop.Core.Domain.Common;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.MyPayGa.Domain;
using Nop.Plugin.Payments.MyPayGa.Services.Ledger;
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
/// Starts a MyPayGa payment for an order: reserve the attempt, gethash, then the mobile-money push or the card form.
/// A new attempt is refused while an earlier push may still be approved, while money received waits for a person's
/// decision, and while another request starts one (one at a time per order in this process; attempt n is reserved in
/// the database, so two instances cannot both start it).
/// </summary>
public class MyPayGaCheckoutService : IMyPayGaCheckoutService
{
    /// <summary>How long a start waits for another check or start of the same order in this process.</summary>
    internal static readonly TimeSpan GuardWait = TimeSpan.FromSeconds(3);

    private readonly IMyPayGaAccountProvider _accountProvider;
    private readonly IXafAmountService _xafAmountService;
    private readonly IPaymentAttemptStore _attemptStore;
    private readonly IPaymentStatusCache _statusCache;
    private readonly IMyPayGaClaimStore _claims;
    private readonly MyPayGaPhoneValidator _phoneValidator;
    private readonly ISettingService _settingService;
    private readonly IOrderService _orderService;
    private readonly IAddressService _addressService;
    private readonly ICustomerService _customerService;
    private readonly IStoreService _storeService;
    private readonly ILocalizationService _localizationService;
    private readonly IOrderNoteWriter _notes;
    private readonly OrderGuard _guard;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public MyPayGaCheckoutService(IMyPayGaAccountProvider accountProvider,
        IXafAmountService xafAmountService,
        IPaymentAttemptStore attemptStore,
        IPaymentStatusCache statusCache,
        IMyPayGaClaimStore claims,
        MyPayGaPhoneValidator phoneValidator,
        ISettingService settingService,
        IOrderService orderService,
        IAddressService addressService,
        ICustomerService customerService,
        IStoreService storeService,
        ILocalizationService localizationService,
        IOrderNoteWriter notes,
        OrderGuard guard,
        TimeProvider time,
        ILogger logger)
    {
        _accountProvider = accountProvider;
        _xafAmountService = xafAmountService;
        _attemptStore = attemptStore;
        _statusCache = statusCache;
        _claims = claims;
        _phoneValidator = phoneValidator;
        _settingService = settingService;
        _orderService = orderService;
        _addressService = addressService;
        _customerService = customerService;
        _storeService = storeService;
        _localizationService = localizationService;
        _notes = notes;
        _guard = guard;
        _time = time;
        _logger = logger;
    }

    public async Task<PaymentStartResult> StartAsync(Order order, PaymentChannel channel, string? phone,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);

        if (!IsPayable(order))
            return await RefuseAsync(StartRefusal.OrderNotPayable, ServiceKeys.StartOrderNotPayable);

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

        // What MyPayGa says now about the earlier attempts decides whether a new one may start.
        var attempts = await _attemptStore.GetAttemptsAsync(order);
        if (attempts.Any(a => a.Status is AttemptStatus.Open or AttemptStatus.Starting))
        {
            await _statusCache.CheckAsync(order, StatusTrigger.RetryPage, cancellationToken: cancellationToken);
            attempts = await _attemptStore.GetAttemptsAsync(order);
        }

        PaymentStartResult? result;
        await using (var held = await _guard.TryEnterAsync(order.Id, GuardWait < _guard.Wait ? GuardWait : _guard.Wait, cancellationToken))
        {
            if (held is null)
                return await RefuseAsync(StartRefusal.AlreadyStarting, ServiceKeys.StartAlreadyInProgress);
            // Not the request's token from here on: a shopper closing the tab must not leave a reserved attempt
            // half-started, nor lose the answer of a push that may already be on its way to the phone.
            result = await StartGuardedAsync(order, channel, validPhone, settings, CancellationToken.None);
        }

        await _statusCache.InvalidateAsync(order.Id);
        return result;
    }

    /// <summary>Why no new attempt may start now, or null. Decided under the order's guard, on what the database holds.</summary>
    private async Task<PaymentStartResult?> RefusalAsync(IReadOnlyList<MyPayGaAttempt> attempts, MyPayGaSettings settings)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        // Another request (on another instance: this one is serialised) is between its reservation and gethash's answer.
        if (attempts.Any(a => a.Status == AttemptStatus.Starting && a.PaymentToken is null && now - a.CreatedOnUtc < PaymentStatusProcessor.StartTimeout))
            return await RefuseAsync(StartRefusal.AlreadyStarting, ServiceKeys.StartAlreadyInProgress);

        if (attempts.Any(a => PaymentAttemptStore.NeedsReview.Contains(a.Status) && a.ReviewedOnUtc is null))
            return await RefuseAsync(StartRefusal.AwaitingReview, LedgerKeys.StartAwaitingReview);

        // A payment link the store sent may be paid at any moment: a second way to pay would take the money twice.
        if (attempts.Any(a => a.Channel == PaymentChannel.Link && a.Status is AttemptStatus.Open or AttemptStatus.Starting))
            return await RefuseAsync(StartRefusal.PaymentLinkOpen, PanelKeys.StartPaymentLinkOpen);

        // A push is approved on the phone within minutes; until then the earlier prompt could still take the money.
        var window = TimeSpan.FromMinutes(Math.Clamp(settings.PushApprovalMinutes, 0, 60));
        var livePush = attempts
            .Where(a => a.Channel == PaymentChannel.MobileMoney && a.Status is AttemptStatus.Open or AttemptStatus.Starting)
            .Where(a => now - a.CreatedOnUtc < window)
            .MaxBy(a => a.CreatedOnUtc);
        if (livePush is not null)
        {
            var minutes = Math.Max(1, (int)Math.Ceiling((window - (now - livePush.CreatedOnUtc)).TotalMinutes));
            return await RefuseAsync(StartRefusal.EarlierPushMayStillBeApproved, LedgerKeys.StartEarlierPushPending,
                MyPayGaPhoneValidator.MaskForLog(livePush.Phone), minutes);
        }

        return null;
    }

    private async Task<PaymentStartResult> StartGuardedAsync(Order staleOrder, PaymentChannel channel,
        PhoneValidationResult? phone, MyPayGaSettings settings, CancellationToken cancellationToken)
    {
        // Re-read without nopCommerce's per-request cache: another request may have settled the order meanwhile.
        var order = await _orderService.GetOrderByGuidAsync(staleOrder.OrderGuid) ?? staleOrder;
        if (!IsPayable(order))
            return await RefuseAsync(StartRefusal.OrderNotPayable, ServiceKeys.StartOrderNotPayable);

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
            return await RefuseAsync(StartRefusal.OrderNotPayable, ServiceKeys.StartOrderNotPayable);

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

        var payer = await GetPayerAsync(order);
        // gethash requires a phone (MyPayGa answers "Missing parameter: phone"): say so plainly rather than relay that.
        var hashPhone = phone?.ForMyPayGa ?? payer.Phone?.ForMyPayGa;
        if (string.IsNullOrEmpty(hashPhone))
            return await FailAsync(ServiceKeys.StartCardPhoneMissing);

        var attempts = await _attemptStore.GetAttemptsAsync(order);
        if (await RefusalAsync(attempts, settings) is { } refusal)
            return refusal;
        var number = attempts.Count == 0 ? 1 : attempts.Max(a => a.Number) + 1;
        var uniqueId = $"{OrderNumber(order)}-{number.ToString(CultureInfo.InvariantCulture)}";
        var attempt = new MyPayGaAttempt
        {
            OrderId = order.Id,
            StoreId = order.StoreId,
            Number = number,
            UniqueId = uniqueId,
            Channel = channel,
            AmountXaf = amountXaf,
            OrderTotal = order.OrderTotal,
            Phone = channel == PaymentChannel.MobileMoney ? phone?.ForMyPayGa : null,
            CreatedOnUtc = _time.GetUtcNow().UtcDateTime,
            Status = AttemptStatus.Starting,
        };

        // Reserved before anything reaches MyPayGa: attempt n of this order exists once, on every instance.
        if (!await _attemptStore.TryReserveAsync(attempt))
            return await RefuseAsync(StartRefusal.AlreadyStarting, ServiceKeys.StartAlreadyInProgress);

        var description = await DescribeAsync(order, settings);
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
            // gethash pushes nothing to the shopper and shows no card form: without its token nothing can be paid.
            attempt.Status = AttemptStatus.NotStarted;
            attempt.FinalOnUtc = _time.GetUtcNow().UtcDateTime;
            await _attemptStore.UpdateAsync(attempt);
            await NoteFailureAsync(order, uniqueId, ex);
            return await FailAsync(ex.Kind == MyPayGaErrorKind.Configuration ? ServiceKeys.StartNotAvailable : ServiceKeys.StartProviderUnavailable);
        }

        // Recorded before payment-request: if its answer is lost, the status processor still follows the payment.
        attempt.PaymentToken = hash.PaymentToken;
        attempt.Status = AttemptStatus.Open;
        await _attemptStore.UpdateAsync(attempt);
        await _notes.AddAsync(order, ServiceKeys.NoteAttemptCreated, uniqueId,
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

            await _notes.AddAsync(order, ServiceKeys.NotePushSent, uniqueId, phone.Display!, response.Message ?? string.Empty);
            return new PaymentStartResult { Success = true, Attempt = attempt };
        }
        catch (MyPayGaException ex)
        {
            await NoteFailureAsync(order, uniqueId, ex);
            if (ex.Kind == MyPayGaErrorKind.Rejected && !ex.OutcomeUnknown)
            {
                // MyPayGa refused the push: no prompt reached the phone, so the shopper may try again at once. The
                // operator's words may be all the shopper ever gets (paiement-detail may only say "Failed").
                await _attemptStore.SaveDisplayMessageAsync(attempt, ex.ProviderMessage);
                attempt.Status = AttemptStatus.Failed;
                attempt.FinalOnUtc = _time.GetUtcNow().UtcDateTime;
                await _attemptStore.UpdateAsync(attempt);
                await _claims.TryClaimAsync(ClaimKeys.AttemptFailed(attempt.Id), order.Id, "push refused");
            }

            var key = ex.OutcomeUnknown ? ServiceKeys.StartOutcomeUnknown
                : ex.Kind == MyPayGaErrorKind.Rejected && LooksLikeInsufficientFunds(ex.ProviderMessage) ? ServiceKeys.StartInsufficientFunds
                : ex.Kind == MyPayGaErrorKind.Rejected ? ServiceKeys.StartRejected
                : ex.Kind == MyPayGaErrorKind.Configuration ? ServiceKeys.StartNotAvailable
                : ServiceKeys.StartProviderUnavailable;
            // The shopper reads why in their own words; MyPayGa's text is in the order note above.
            var reason = key == ServiceKeys.StartRejected
                ? await RefusalReasons.DescribeAsync(_localizationService, ex.ProviderMessage, PaymentChannel.MobileMoney)
                : string.Empty;
            var message = string.Format(CultureInfo.CurrentCulture, await _localizationService.GetResourceAsync(key), reason).Trim();
            // An unknown outcome keeps the attempt open: the prompt may still reach the phone and be paid.
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
        RefusalReasons.Classify(providerMessage) == RefusalReason.InsufficientFunds;

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

    private async Task NoteFailureAsync(Order order, string? uniqueId, MyPayGaException ex)
    {
        var detail = ProviderErrors.Describe(ex);
        await _notes.AddAsync(order, ServiceKeys.NoteStartFailed, uniqueId ?? OrderNumber(order), detail);
        await _logger.WarningAsync($"MyPayGa: starting the payment of order {order.Id} failed: {detail}");
    }

    private async Task<PaymentStartResult> FailAsync(string key) => Fail(await _localizationService.GetResourceAsync(key));

    private async Task<PaymentStartResult> RefuseAsync(StartRefusal refusal, string key, params object[] args)
    {
        var text = await _localizationService.GetResourceAsync(key);
        return new PaymentStartResult
        {
            Success = false,
            Refusal = refusal,
            ErrorMessage = args.Length == 0 ? text : string.Format(CultureInfo.CurrentCulture, text, args),
        };
    }

    private static PaymentStartResult Fail(string message) => new() { Success = false, ErrorMessage = message };
}
