using MyPayGa.Client;
using MyPayGa.Client.Callbacks;
using Nop.Core;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.MyPayGa.Domain;
using Nop.Services.Configuration;
using Nop.Services.Logging;
using Nop.Services.Stores;

namespace Nop.Plugin.Payments.MyPayGa.Services;

/// <summary>
/// Callback logic. The callback is a hint that says which payment to look at: the order is found from the hint, then
/// the status processor re-reads the authoritative status from MyPayGa. Nothing in the body is trusted.
/// </summary>
/// <remarks>
/// Signature secret: the callback reaches one store's URL, so the current store's CallbackSecret is tried first, then
/// the default (all stores, id 0) one — in a multi-store install where each store has its own MyPayGa account, each
/// account's callback URL must point to its own store. A callback without a hash is accepted as a hint (MyPayGa does
/// not document signing); one with a hash that no configured secret verifies is rejected.
/// </remarks>
public class MyPayGaCallbackHandler : IMyPayGaCallbackHandler
{
    private readonly IPaymentAttemptStore _attemptStore;
    private readonly IPaymentStatusProcessor _processor;
    private readonly IPaymentStatusCache _statusCache;
    private readonly IMyPayGaAccountProvider _accountProvider;
    private readonly ISettingService _settingService;
    private readonly IStoreContext _storeContext;
    private readonly IStoreService _storeService;
    private readonly ILogger _logger;

    public MyPayGaCallbackHandler(IPaymentAttemptStore attemptStore,
        IPaymentStatusProcessor processor,
        IPaymentStatusCache statusCache,
        IMyPayGaAccountProvider accountProvider,
        ISettingService settingService,
        IStoreContext storeContext,
        IStoreService storeService,
        ILogger logger)
    {
        _attemptStore = attemptStore;
        _processor = processor;
        _statusCache = statusCache;
        _accountProvider = accountProvider;
        _settingService = settingService;
        _storeContext = storeContext;
        _storeService = storeService;
        _logger = logger;
    }

    public async Task<CallbackResult> HandleAsync(RawCallbackRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);

        var parsed = await ParseAsync(request);
        if (!parsed.IsAccepted)
        {
            var reason = parsed.Rejection?.Reason ?? "unreadable callback";
            await _logger.WarningAsync($"MyPayGa callback ({request.Method}) rejected: {reason}");
            return new CallbackResult(400, reason);
        }

        var hint = parsed.Hint!;
        var (order, providerDown) = await FindOrderAsync(hint, cancellationToken);
        CallbackResult result;
        if (order is null)
        {
            result = providerDown
                ? new CallbackResult(503, "MyPayGa could not be reached to identify the payment; retry later.")
                : new CallbackResult(404, "unknown payment");
        }
        else
        {
            await KeepMessageAsync(order, hint);
            var snapshot = await _processor.ProcessAsync(order, StatusTrigger.Callback, cancellationToken);
            _statusCache.Invalidate(order.Id);
            result = snapshot.State == PaymentState.ProviderUnavailable
                ? new CallbackResult(503, "MyPayGa could not be reached to confirm the status; retry later.", snapshot)
                : new CallbackResult(200, "OK " + snapshot.State, snapshot);
        }

        await _logger.InformationAsync(
            $"MyPayGa callback ({request.Method}): reference {Show(hint.MerchantReference)}, token {Show(hint.PaymentToken)}, " +
            $"claimed status {hint.ClaimedStatus}, amount {hint.ClaimedAmount?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}, " +
            $"phone {MyPayGaPhoneValidator.MaskForLog(hint.ClientPhone)}, signature {hint.Signature}, order {order?.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"} " +
            $"→ {result.HttpStatusCode} {result.Message}");
        return result;
    }

    private async Task<CallbackParseResult> ParseAsync(RawCallbackRequest request)
    {
        var store = await _storeContext.GetCurrentStoreAsync();
        var secrets = new List<string>();
        foreach (var storeId in new[] { store?.Id ?? 0, 0 }.Distinct())
        {
            // Decrypted by the account provider (the setting is stored encrypted since 4.90.2).
            var secret = (await _accountProvider.GetAccountAsync(storeId)).CallbackSecret?.Trim();
            if (!string.IsNullOrEmpty(secret) && !secrets.Contains(secret, StringComparer.Ordinal))
                secrets.Add(secret);
        }

        if (secrets.Count == 0)
            return MyPayGaCallbackParser.Parse(request, null);

        CallbackParseResult? first = null;
        foreach (var secret in secrets)
        {
            var result = MyPayGaCallbackParser.Parse(request, secret);
            if (result.IsAccepted)
                return result;
            first ??= result;
        }

        return first!;
    }

    /// <summary>The order the hint points to, and whether MyPayGa was unreachable while resolving a token.</summary>
    private async Task<(Order? Order, bool ProviderDown)> FindOrderAsync(CallbackHint hint, CancellationToken cancellationToken)
    {
        var token = hint.PaymentToken?.Trim();
        if (!string.IsNullOrEmpty(hint.MerchantReference))
        {
            var order = await _attemptStore.FindOrderAsync(hint.MerchantReference, token);
            if (order is not null)
                return (Ours(order) ? order : null, false);
        }

        if (string.IsNullOrEmpty(token))
            return (null, false);

        // Token only (or a reference that did not match): ask MyPayGa which merchant reference the token belongs to,
        // with each distinct account of the stores.
        var providerDown = false;
        var asked = new HashSet<string>(StringComparer.Ordinal);
        var storeIds = (await _storeService.GetAllStoresAsync()).Select(s => s.Id).Prepend(0).Distinct();
        foreach (var storeId in storeIds)
        {
            IMyPayGaClient client;
            try
            {
                client = await _accountProvider.GetClientAsync(storeId);
            }
            catch (MyPayGaException)
            {
                continue; // not configured for this store
            }

            var account = client.Account;
            if (!asked.Add($"{account.ApiBaseUrl}|{account.SecretKey}"))
                continue;

            try
            {
                var detail = await client.GetPaymentDetailAsync(token, cancellationToken);
                var merchantReference = detail.Find(token)?.MerchantRef ?? detail.MerchantRef;
                if (string.IsNullOrWhiteSpace(merchantReference))
                    continue;

                var order = await _attemptStore.FindOrderAsync(merchantReference, token);
                if (order is not null)
                    return (Ours(order) ? order : null, false);
            }
            catch (MyPayGaException ex)
            {
                providerDown = true;
                await _logger.WarningAsync($"MyPayGa callback: the token could not be looked up (store {storeId}). {ProviderErrors.Describe(ex)}");
            }
        }

        return (null, providerDown);
    }

    /// <summary>
    /// The callback often carries the operator's words ("you have insufficient funds") where paiement-detail only says
    /// "Failed": they are kept for the attempt the hint names, to be shown if MyPayGa confirms the failure. Display only.
    /// A success claim's message is not kept: shown beside a failure it would contradict it.
    /// </summary>
    private async Task KeepMessageAsync(Order order, CallbackHint hint)
    {
        var message = hint.ClaimedMessage;
        if (string.IsNullOrWhiteSpace(message)
            || (hint.ClaimedStatus.IsSuccess && !message.TrimStart().StartsWith("Refus", StringComparison.OrdinalIgnoreCase)))
            return;

        var token = hint.PaymentToken?.Trim();
        var reference = hint.MerchantReference?.Trim();
        var attempts = await _attemptStore.GetAttemptsAsync(order);
        var attempt = !string.IsNullOrEmpty(token)
            ? attempts.FirstOrDefault(a => string.Equals(a.PaymentToken, token, StringComparison.Ordinal))
            : attempts.FirstOrDefault(a => string.Equals(a.UniqueId, reference, StringComparison.Ordinal));
        if (attempt is not null)
            await _attemptStore.SaveProviderMessageAsync(order, attempt.UniqueId, message);
    }

    private static bool Ours(Order order) =>
        string.Equals(order.PaymentMethodSystemName, MyPayGaDefaults.SystemName, StringComparison.OrdinalIgnoreCase);

    private static string Show(string? value) =>
        string.IsNullOrWhiteSpace(value) ? "-" : value.Trim() is { Length: > 80 } text ? text[..80] + "…" : value.Trim();
}
