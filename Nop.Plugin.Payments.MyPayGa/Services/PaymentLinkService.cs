using System.Globalization;
using MyPayGa.Client;
using MyPayGa.Client.Models;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.MyPayGa.Domain;
using Nop.Plugin.Payments.MyPayGa.Services.Ledger;
using Nop.Services.Common;
using Nop.Services.Configuration;
using Nop.Services.Customers;
using Nop.Services.Localization;
using Nop.Services.Logging;
using Nop.Services.Orders;
using static Nop.Plugin.Payments.MyPayGa.Localization.LocaleResources;

namespace Nop.Plugin.Payments.MyPayGa.Services;

/// <summary>What an admin's link action did, with a text for the admin (no keys).</summary>
public sealed record LinkOutcome(bool Success, string Message, MyPayGaAttempt? Attempt = null);

/// <summary>What a new payment link would be (the confirmation step shows it), or why none can be made.</summary>
public sealed record LinkProposal
{
    public long AmountXaf { get; init; }
    public string FirstName { get; init; } = string.Empty;
    public string LastName { get; init; } = string.Empty;
    public string Email { get; init; } = string.Empty;
    /// <summary>Digits as sent to MyPayGa; shown masked.</summary>
    public string? Phone { get; init; }
    public string Description { get; init; } = string.Empty;
    /// <summary>Why no link can be made now (localised), or null.</summary>
    public string? Refusal { get; init; }
}

/// <summary>
/// Payment links for unpaid orders (generateLink, getLink through the status processor, linkCancel). A link is an attempt
/// (channel Link) so that it is followed, settled, listed and refunded-or-not like any attempt: one live link per order,
/// none while another payment may still be approved or money waits for a person, the attempt reserved (unique
/// "{orderId}-{n}") before generateLink.
/// </summary>
public interface IMyPayGaPaymentLinkService
{
    Task<LinkProposal> ProposeAsync(Order order);

    Task<LinkOutcome> CreateAsync(Order order, string? requestedBy, CancellationToken cancellationToken = default);

    /// <summary>linkCancel, then a fresh read of the order (the link turns failed once MyPayGa says it expired unpaid).</summary>
    Task<LinkOutcome> CancelAsync(Order order, int attemptId, string? requestedBy, CancellationToken cancellationToken = default);

    /// <summary>
    /// Cancels the order's links that can no longer be of use (the order was paid by another attempt, cancelled or
    /// refunded): each one once (claim), never the link that paid the order. Returns how many were cancelled.
    /// </summary>
    Task<int> CancelObsoleteLinksAsync(Order order, string reason, CancellationToken cancellationToken = default);
}

public class MyPayGaPaymentLinkService : IMyPayGaPaymentLinkService
{
    private readonly IPaymentAttemptStore _attemptStore;
    private readonly IPaymentStatusCache _statusCache;
    private readonly IMyPayGaAccountProvider _accountProvider;
    private readonly IMyPayGaCheckoutService _checkoutService;
    private readonly IXafAmountService _xafAmountService;
    private readonly IMyPayGaClaimStore _claims;
    private readonly ISettingService _settingService;
    private readonly IOrderService _orderService;
    private readonly IAddressService _addressService;
    private readonly ICustomerService _customerService;
    private readonly ILocalizationService _localizationService;
    private readonly IOrderNoteWriter _notes;
    private readonly OrderGuard _guard;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public MyPayGaPaymentLinkService(IPaymentAttemptStore attemptStore,
        IPaymentStatusCache statusCache,
        IMyPayGaAccountProvider accountProvider,
        IMyPayGaCheckoutService checkoutService,
        IXafAmountService xafAmountService,
        IMyPayGaClaimStore claims,
        ISettingService settingService,
        IOrderService orderService,
        IAddressService addressService,
        ICustomerService customerService,
        ILocalizationService localizationService,
        IOrderNoteWriter notes,
        OrderGuard guard,
        TimeProvider time,
        ILogger logger)
    {
        _attemptStore = attemptStore;
        _statusCache = statusCache;
        _accountProvider = accountProvider;
        _checkoutService = checkoutService;
        _xafAmountService = xafAmountService;
        _claims = claims;
        _settingService = settingService;
        _orderService = orderService;
        _addressService = addressService;
        _customerService = customerService;
        _localizationService = localizationService;
        _notes = notes;
        _guard = guard;
        _time = time;
        _logger = logger;
    }

    public async Task<LinkProposal> ProposeAsync(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var proposal = await DescribeAsync(order);
        if (proposal.Refusal is not null)
            return proposal;
        var attempts = await _attemptStore.GetAttemptsAsync(order);
        var settings = await _settingService.LoadSettingAsync<MyPayGaSettings>(order.StoreId);
        return proposal with { Refusal = await RefusalAsync(attempts, settings) };
    }

    public async Task<LinkOutcome> CreateAsync(Order order, string? requestedBy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);

        // What MyPayGa says now about the earlier attempts decides, as for a shopper's retry.
        var attempts = await _attemptStore.GetAttemptsAsync(order);
        if (attempts.Any(a => a.Status is AttemptStatus.Open or AttemptStatus.Starting))
            await _statusCache.CheckAsync(order, StatusTrigger.AdminCheck, cancellationToken: cancellationToken);

        await using var held = await _guard.TryEnterAsync(order.Id, _guard.Wait, cancellationToken);
        if (held is null)
            return new LinkOutcome(false, await TextAsync(PanelKeys.OrderBusy));

        var fresh = await _orderService.GetOrderByGuidAsync(order.OrderGuid) ?? order;
        var proposal = await DescribeAsync(fresh);
        if (proposal.Refusal is not null)
            return new LinkOutcome(false, proposal.Refusal);

        var settings = await _settingService.LoadSettingAsync<MyPayGaSettings>(fresh.StoreId);
        attempts = await _attemptStore.GetAttemptsAsync(fresh);
        if (await RefusalAsync(attempts, settings) is { } refusal)
            return new LinkOutcome(false, refusal);

        IMyPayGaClient client;
        try
        {
            client = await _accountProvider.GetClientAsync(fresh.StoreId);
        }
        catch (MyPayGaException ex)
        {
            return new LinkOutcome(false, await TextAsync(PanelKeys.LinkFailed, ProviderErrors.Describe(ex)));
        }

        var number = attempts.Count == 0 ? 1 : attempts.Max(a => a.Number) + 1;
        var attempt = new MyPayGaAttempt
        {
            OrderId = fresh.Id,
            StoreId = fresh.StoreId,
            Number = number,
            UniqueId = $"{MyPayGaCheckoutService.OrderNumber(fresh)}-{number.ToString(CultureInfo.InvariantCulture)}",
            Channel = PaymentChannel.Link,
            AmountXaf = proposal.AmountXaf,
            OrderTotal = fresh.OrderTotal,
            Phone = proposal.Phone,
            CreatedOnUtc = UtcNow,
            Status = AttemptStatus.Starting,
            CreatedBy = Cut(requestedBy, 200),
        };
        // Reserved before anything reaches MyPayGa: attempt n of this order exists once, on every instance.
        if (!await _attemptStore.TryReserveAsync(attempt))
            return new LinkOutcome(false, await TextAsync(ServiceKeys.StartAlreadyInProgress));

        PaymentLinkResponse response;
        try
        {
            // Not the request's token: a closed tab must not leave a link made at MyPayGa and unknown here.
            response = await client.GenerateLinkAsync(new GenerateLinkRequest
            {
                FirstName = proposal.FirstName,
                LastName = proposal.LastName,
                Email = proposal.Email,
                Phone = proposal.Phone!,
                Amount = proposal.AmountXaf,
                Description = proposal.Description,
            }, CancellationToken.None);
        }
        catch (MyPayGaException ex)
        {
            await GiveUpAsync(attempt);
            await _notes.AddAsync(fresh, ex.OutcomeUnknown ? PanelKeys.NoteLinkOutcomeUnknown : PanelKeys.NoteLinkFailed,
                attempt.UniqueId, ProviderErrors.Describe(ex), requestedBy ?? string.Empty);
            if (ex.OutcomeUnknown)
                await _logger.WarningAsync($"MyPayGa: order {fresh.Id}: the answer to generateLink ({attempt.UniqueId}) was lost; a link may exist at MyPayGa that this store cannot follow. Check MyPayGa's dashboard.");
            return new LinkOutcome(false, await TextAsync(ex.OutcomeUnknown ? PanelKeys.LinkOutcomeUnknown : PanelKeys.LinkFailed, ProviderErrors.Describe(ex)));
        }

        var reference = response.Link is { } link ? PaymentLinkReader.ReferenceOf(link) : null;
        if (reference is null || response.Link!.Url is null)
        {
            await GiveUpAsync(attempt);
            await _notes.AddAsync(fresh, PanelKeys.NoteLinkOutcomeUnknown, attempt.UniqueId, "no link in the answer", requestedBy ?? string.Empty);
            return new LinkOutcome(false, await TextAsync(PanelKeys.LinkOutcomeUnknown, "no link in the answer"));
        }

        attempt.LinkReference = reference;
        attempt.LinkOrderRef = Cut(response.Link.Reference?.Trim(), 100);
        attempt.LinkUrl = Cut(response.Link.Url.ToString(), 500);
        attempt.PaymentToken = PaymentLinkReader.TokenFor(reference);
        attempt.Status = AttemptStatus.Open;
        await _attemptStore.UpdateAsync(attempt);
        _statusCache.Invalidate(fresh.Id);
        await _notes.AddAsync(fresh, PanelKeys.NoteLinkCreated, attempt.UniqueId, PaymentStatusProcessor.Amount(attempt.AmountXaf),
            attempt.LinkOrderRef ?? reference, requestedBy ?? string.Empty);
        return new LinkOutcome(true, await TextAsync(PanelKeys.LinkCreated, PaymentStatusProcessor.Amount(attempt.AmountXaf)), attempt);
    }

    public async Task<LinkOutcome> CancelAsync(Order order, int attemptId, string? requestedBy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        var attempt = (await _attemptStore.GetAttemptsAsync(order)).FirstOrDefault(a => a.Id == attemptId);
        if (attempt is not { Channel: PaymentChannel.Link, LinkReference: not null }
            || attempt.Status is not (AttemptStatus.Open or AttemptStatus.TimedOut))
            return new LinkOutcome(false, await TextAsync(PanelKeys.LinkNotCancellable));

        var message = await SendCancelAsync(order, attempt, requestedBy ?? string.Empty, cancellationToken);
        if (message is not null)
            return new LinkOutcome(false, message, attempt);

        // MyPayGa now calls the link expired: the read settles it (failed), or finds it was paid just before.
        await _statusCache.CheckAsync(order, StatusTrigger.AdminCheck, new StatusCheckOptions { IncludeOverdue = true }, cancellationToken);
        return new LinkOutcome(true, await TextAsync(PanelKeys.LinkCancelled), await _attemptStore.GetByIdAsync(attempt.Id));
    }

    public async Task<int> CancelObsoleteLinksAsync(Order order, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        var links = (await _attemptStore.GetAttemptsAsync(order))
            .Where(a => a is { Channel: PaymentChannel.Link, LinkReference: not null }
                        && a.Status is AttemptStatus.Open or AttemptStatus.TimedOut
                        && !string.Equals(a.PaymentToken, order.CaptureTransactionId, StringComparison.Ordinal))
            .ToList();
        var cancelled = 0;
        foreach (var link in links)
        {
            // Once per link on every instance; a failed cancellation gives the claim back so that it is tried again.
            var claim = await _claims.TryClaimAsync(PanelClaimKeys.LinkCancelled(link.Id), order.Id, reason);
            if (claim is null)
                continue;
            if (await SendCancelAsync(order, link, reason, cancellationToken) is null)
            {
                await _claims.CompleteAsync(claim);
                cancelled++;
            }
            else
            {
                await _claims.ReleaseAsync(claim);
            }
        }

        return cancelled;
    }

    /// <summary>linkCancel with a note; null when MyPayGa confirmed, else the text for the admin.</summary>
    private async Task<string?> SendCancelAsync(Order order, MyPayGaAttempt attempt, string who, CancellationToken cancellationToken)
    {
        try
        {
            var client = await _accountProvider.GetClientAsync(order.StoreId);
            await client.CancelLinkAsync(attempt.LinkReference!, cancellationToken);
        }
        catch (MyPayGaException ex)
        {
            await _logger.WarningAsync($"MyPayGa: order {order.Id}: the payment link {attempt.UniqueId} could not be cancelled. {ProviderErrors.Describe(ex)}");
            return await TextAsync(PanelKeys.LinkCancelFailed, ProviderErrors.Describe(ex));
        }

        await _notes.AddAsync(order, PanelKeys.NoteLinkCancelled, attempt.UniqueId, attempt.LinkOrderRef ?? attempt.LinkReference!, who);
        return null;
    }

    /// <summary>The amount, the customer and the description of a new link, or why none can be made for this order.</summary>
    private async Task<LinkProposal> DescribeAsync(Order order)
    {
        if (!MyPayGaCheckoutService.IsPayable(order))
            return new LinkProposal { Refusal = await TextAsync(ServiceKeys.StartOrderNotPayable) };

        long amountXaf;
        try
        {
            amountXaf = await _xafAmountService.ToXafAsync(order.OrderTotal);
        }
        catch (InvalidOperationException)
        {
            return new LinkProposal { Refusal = await _xafAmountService.GetUnavailabilityReasonAsync() ?? await TextAsync(ServiceKeys.StartNotAvailable) };
        }

        if (amountXaf <= 0)
            return new LinkProposal { Refusal = await TextAsync(ServiceKeys.StartOrderNotPayable) };

        var address = await _addressService.GetAddressByIdAsync(order.BillingAddressId);
        var customer = await _customerService.GetCustomerByIdAsync(order.CustomerId);
        static string First(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim() ?? string.Empty;
        var phone = await _checkoutService.GetPhoneOnFileAsync(order);
        var proposal = new LinkProposal
        {
            AmountXaf = amountXaf,
            FirstName = Cut(First(address?.FirstName, customer?.FirstName, "Client"), 100)!,
            LastName = Cut(First(address?.LastName, customer?.LastName, "-"), 100)!,
            Email = Cut(First(address?.Email, customer?.Email), 200)!,
            Phone = phone?.ForMyPayGa,
            Description = Cut(await _notes.TextAsync(order.StoreId, PanelKeys.LinkDescription, MyPayGaCheckoutService.OrderNumber(order)), 200)!,
        };

        // generateLink requires both (MyPayGa sends the link to the customer's e-mail and phone).
        if (string.IsNullOrEmpty(proposal.Phone))
            return proposal with { Refusal = await TextAsync(PanelKeys.LinkNeedsPhone) };
        if (string.IsNullOrEmpty(proposal.Email))
            return proposal with { Refusal = await TextAsync(PanelKeys.LinkNeedsEmail) };
        return proposal;
    }

    /// <summary>The checkout's rules for a new attempt, and one live link per order.</summary>
    private async Task<string?> RefusalAsync(IReadOnlyList<MyPayGaAttempt> attempts, MyPayGaSettings settings)
    {
        var now = UtcNow;
        if (attempts.Any(a => a.Status == AttemptStatus.Starting && a.PaymentToken is null && now - a.CreatedOnUtc < PaymentStatusProcessor.StartTimeout))
            return await TextAsync(ServiceKeys.StartAlreadyInProgress);
        if (attempts.Any(a => PaymentAttemptStore.NeedsReview.Contains(a.Status) && a.ReviewedOnUtc is null))
            return await TextAsync(PanelKeys.LinkAwaitingDecision);
        if (attempts.Any(a => a.Channel == PaymentChannel.Link && a.Status is AttemptStatus.Open or AttemptStatus.Starting))
            return await TextAsync(PanelKeys.LinkAlreadyOpen);

        var window = TimeSpan.FromMinutes(Math.Clamp(settings.PushApprovalMinutes, 0, 60));
        var livePush = attempts
            .Where(a => a.Channel == PaymentChannel.MobileMoney && a.Status is AttemptStatus.Open or AttemptStatus.Starting)
            .Where(a => now - a.CreatedOnUtc < window)
            .MaxBy(a => a.CreatedOnUtc);
        if (livePush is not null)
        {
            var minutes = Math.Max(1, (int)Math.Ceiling((window - (now - livePush.CreatedOnUtc)).TotalMinutes));
            return await TextAsync(PanelKeys.LinkPushPending, MyPayGaPhoneValidator.MaskForLog(livePush.Phone), minutes);
        }

        return null;
    }

    /// <summary>Nothing can be paid on a link nobody knows the address of.</summary>
    private async Task GiveUpAsync(MyPayGaAttempt attempt)
    {
        attempt.Status = AttemptStatus.NotStarted;
        attempt.FinalOnUtc = UtcNow;
        await _attemptStore.UpdateAsync(attempt);
    }

    private async Task<string> TextAsync(string key, params object?[] args)
    {
        var text = await _localizationService.GetResourceAsync(key);
        return args.Length == 0 ? text : string.Format(CultureInfo.CurrentCulture, text, args);
    }

    private DateTime UtcNow => _time.GetUtcNow().UtcDateTime;

    private static string? Cut(string? text, int length) => text is null || text.Length <= length ? text : text[..length];
}

/// <summary>Claim keys of the admin panel (beside <see cref="ClaimKeys"/>, which the ledger owns).</summary>
public static class PanelClaimKeys
{
    /// <summary>A payment link cancelled because its order no longer needs it (paid otherwise, cancelled, refunded).</summary>
    public static string LinkCancelled(int attemptId) => $"attempt-{attemptId.ToString(CultureInfo.InvariantCulture)}-linkcancelled";
}
