using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using MyPayGa.Client.Callbacks;
using Nop.Core;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.MyPayGa.Domain;
using Nop.Services.Configuration;
using Nop.Services.Logging;

namespace Nop.Plugin.Payments.MyPayGa.Services;

/// <summary>
/// Callback logic. The callback is a hint that says which payment to look at: the order is found from the hint in the
/// plugin's own table (never by asking MyPayGa), then the status processor re-reads the authoritative status. Nothing
/// in the body is trusted, and the answer tells the caller nothing about any payment: a status code and a fixed word.
/// </summary>
/// <remarks>
/// Signature secret: the callback reaches one store's URL, so the current store's CallbackSecret is tried first, then
/// the default (all stores, id 0) one. When a secret is configured, a callback without a valid <c>hash</c> is refused.
/// </remarks>
public class MyPayGaCallbackHandler : IMyPayGaCallbackHandler
{
    private readonly ISettingService _settingService;
    private readonly IMyPayGaKeyProtector _keyProtector;
    private readonly IStoreContext _storeContext;
    private readonly CallbackCoordinator _coordinator;
    private readonly IServiceScopeFactory _scopeFactory;
    private readonly ILogger _logger;

    public MyPayGaCallbackHandler(ISettingService settingService,
        IMyPayGaKeyProtector keyProtector,
        IStoreContext storeContext,
        CallbackCoordinator coordinator,
        IServiceScopeFactory scopeFactory,
        ILogger logger)
    {
        _settingService = settingService;
        _keyProtector = keyProtector;
        _storeContext = storeContext;
        _coordinator = coordinator;
        _scopeFactory = scopeFactory;
        _logger = logger;
    }

    public async Task<CallbackResult> HandleAsync(RawCallbackRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);

        var (parsed, secretConfigured) = await ParseAsync(request);
        if (!parsed.IsAccepted)
        {
            await _logger.WarningAsync($"MyPayGa callback ({Show(request.Method)}) rejected: {Show(parsed.Rejection?.Reason)}");
            return CallbackResult.BadRequest;
        }

        var hint = parsed.Hint!;
        if (secretConfigured && hint.Signature != SignatureCheck.Valid)
        {
            await _logger.WarningAsync($"MyPayGa callback ({Show(request.Method)}) rejected: a callback secret is configured and the callback carries no valid hash.");
            return CallbackResult.BadRequest;
        }

        var token = Normalise(hint.PaymentToken);
        var reference = Normalise(hint.MerchantReference);
        if (token is null && reference is null)
        {
            await _logger.WarningAsync($"MyPayGa callback ({Show(request.Method)}) rejected: it names no payment.");
            return CallbackResult.BadRequest;
        }

        // 200 copies of one callback share one lookup and one check; at most a few checks run at once. What it claims is
        // part of the key: a callback saying "paid" never joins a check started for one saying "failed" (the news may
        // have changed in between), and only a read saying the same may answer it without a new one.
        var claim = hint.ClaimedStatus.IsSuccess ? CallbackClaim.Paid : hint.ClaimedStatus.IsFailure ? CallbackClaim.Failed : CallbackClaim.None;
        var key = CallbackCoordinator.Key(token, reference, claim);
        // One log line per shared check, written by the check itself: 200 copies of a callback are one line, not 200
        // rows in nopCommerce's log table in the middle of the burst; an unknown payment remembered writes none.
        var outcome = await _coordinator.RunAsync(key, () => SettleAndLogAsync(request.Method, hint, token, reference, claim), cancellationToken);
        return outcome.Result;
    }

    private async Task<CallbackOutcome> SettleAndLogAsync(string method, CallbackHint hint, string? token, string? reference, CallbackClaim claim)
    {
        var outcome = await SettleAsync(hint, token, reference, claim);
        await _logger.InformationAsync(
            $"MyPayGa callback ({Show(method)}): reference {Show(reference)}, token {Show(token)}, " +
            $"claimed status {Show(hint.ClaimedStatus.ToString())}, amount {hint.ClaimedAmount?.ToString(CultureInfo.InvariantCulture) ?? "-"}, " +
            $"phone {MyPayGaPhoneValidator.MaskForLog(hint.ClientPhone)}, signature {hint.Signature}, " +
            $"order {outcome.OrderId?.ToString(CultureInfo.InvariantCulture) ?? "-"} → {outcome.Result.HttpStatusCode} ({outcome.Detail}); " +
            "identical callbacks arriving meanwhile share this check");
        return outcome;
    }

    /// <summary>Runs in a scope of its own: the request that started it may end before the others sharing it.</summary>
    private async Task<CallbackOutcome> SettleAsync(CallbackHint hint, string? token, string? reference, CallbackClaim claim)
    {
        await using var scope = _scopeFactory.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var attempts = services.GetRequiredService<IPaymentAttemptStore>();

        // The payment, its order and the order's attempts: for a token, one query (the check below reuses them).
        var found = await attempts.FindPaymentAsync(reference, token);
        var order = found?.Order;
        if (order is null || !string.Equals(order.PaymentMethodSystemName, MyPayGaDefaults.SystemName, StringComparison.OrdinalIgnoreCase))
            return new CallbackOutcome(CallbackResult.UnknownPayment, null, "unknown payment", Cacheable: true);

        var attempt = found!.Attempt;
        await KeepMessageAsync(attempts, attempt, hint, token);

        // Not the caller's token: the check is shared, and one caller leaving must not cancel it for the others.
        var snapshot = await services.GetRequiredService<IPaymentStatusCache>().CheckAsync(order, StatusTrigger.Callback,
            new StatusCheckOptions { HintAttemptId = attempt?.Id, Claim = claim, KnownAttempts = found.Attempts }, CancellationToken.None);
        // 200 only when the payment was really looked at; otherwise MyPayGa must deliver it again.
        var result = snapshot.Unconfirmed ? CallbackResult.RetryLater : CallbackResult.Ok;
        return new CallbackOutcome(result, order.Id, snapshot.State.ToString(), Cacheable: false);
    }

    /// <summary>
    /// The callback often carries the operator's words ("you have insufficient funds") where paiement-detail only says
    /// "Failed": they are kept for the attempt, to be shown if MyPayGa confirms the failure. Display only, and only from a
    /// callback that proves it knows the payment (its token, or a valid signature): a reference alone is guessable.
    /// A success claim's message is not kept: shown beside a failure it would contradict it.
    /// </summary>
    private static async Task KeepMessageAsync(IPaymentAttemptStore attempts, MyPayGaAttempt? attempt, CallbackHint hint, string? token)
    {
        var message = hint.ClaimedMessage;
        if (attempt is null || string.IsNullOrWhiteSpace(message)
            || (hint.ClaimedStatus.IsSuccess && !message.TrimStart().StartsWith("Refus", StringComparison.OrdinalIgnoreCase)))
            return;

        var proven = hint.Signature == SignatureCheck.Valid
            || (token is not null && string.Equals(attempt.PaymentToken, token, StringComparison.Ordinal));
        if (proven)
            await attempts.SaveDisplayMessageAsync(attempt, message);
    }

    private async Task<(CallbackParseResult Result, bool SecretConfigured)> ParseAsync(RawCallbackRequest request)
    {
        var store = await _storeContext.GetCurrentStoreAsync();
        var secrets = new List<string>();
        var unreadable = false;
        foreach (var storeId in new[] { store?.Id ?? 0, 0 }.Distinct())
        {
            // Stored encrypted since 4.90.2: the decrypted value signs, never the ciphertext.
            var stored = _keyProtector.Read((await _settingService.LoadSettingAsync<MyPayGaSettings>(storeId)).CallbackSecret);
            unreadable |= stored.State == StoredSecretState.Unreadable;
            var secret = stored.IsUsable ? stored.Value?.Trim() : null;
            if (!string.IsNullOrEmpty(secret) && !secrets.Contains(secret, StringComparer.Ordinal))
                secrets.Add(secret);
        }

        // A secret that cannot be decrypted is still a secret the owner configured: unsigned callbacks stay refused.
        if (secrets.Count == 0)
            return (MyPayGaCallbackParser.Parse(request, null), unreadable);

        CallbackParseResult? first = null;
        foreach (var secret in secrets)
        {
            var result = MyPayGaCallbackParser.Parse(request, secret);
            if (result.IsAccepted && result.Hint!.Signature == SignatureCheck.Valid)
                return (result, true);
            first ??= result;
        }

        return (first!, true);
    }

    private static string? Normalise(string? value)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) || trimmed.Length > 200 ? null : trimmed;
    }

    /// <summary>Whatever a request carries is cut before it reaches a log line.</summary>
    internal static string Show(string? value) =>
        string.IsNullOrWhiteSpace(value) ? "-"
        : value.Trim() is { Length: > 80 } text ? text[..80] + "…"
        : value.Trim();
}

/// <summary>What one shared callback check produced.</summary>
public sealed record CallbackOutcome(CallbackResult Result, int? OrderId, string Detail, bool Cacheable);

/// <summary>
/// Singleton in front of the callback handler's work: identical callbacks in flight share one piece of work, at most
/// <see cref="MaxConcurrentChecks"/> run at once (a burst must not drain the store's database connections), and a
/// payment found to be unknown is remembered a minute (repeats cost nothing).
/// </summary>
public sealed class CallbackCoordinator
{
    /// <summary>Checks running at once; each holds one database connection at a time.</summary>
    public const int MaxConcurrentChecks = 16;

    /// <summary>How long a callback waits for a free slot before being told to come back (503).</summary>
    internal static readonly TimeSpan SlotWait = TimeSpan.FromSeconds(10);

    internal static readonly TimeSpan UnknownLifetime = TimeSpan.FromMinutes(1);
    private const int MaxRemembered = 10_000;

    private readonly ConcurrentDictionary<string, Lazy<Task<CallbackOutcome>>> _inFlight = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTime> _unknown = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _slots = new(MaxConcurrentChecks, MaxConcurrentChecks);
    private readonly TimeProvider _time;
    private int _running;
    private int _peakRunning;

    public CallbackCoordinator(TimeProvider time)
    {
        _time = time;
    }

    /// <summary>Highest number of checks seen running at once (tests and benchmarks).</summary>
    public int PeakConcurrentChecks => Volatile.Read(ref _peakRunning);

    /// <summary>One key per payment named and claim made: copies of one callback share it.</summary>
    public static string Key(string? token, string? reference, CallbackClaim claim) =>
        string.Concat(token ?? string.Empty, "\n", reference ?? string.Empty, claim switch
        {
            CallbackClaim.Paid => "\nP",
            CallbackClaim.Failed => "\nF",
            _ => "\n-",
        });

    public async Task<CallbackOutcome> RunAsync(string key, Func<Task<CallbackOutcome>> work, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        if (_unknown.TryGetValue(key, out var until))
        {
            if (until > now)
                return new CallbackOutcome(CallbackResult.UnknownPayment, null, "unknown payment (remembered)", Cacheable: true);
            _unknown.TryRemove(new KeyValuePair<string, DateTime>(key, until));
        }

        var lazy = _inFlight.GetOrAdd(key, k => new Lazy<Task<CallbackOutcome>>(() => RunSharedAsync(k, work)));
        return await lazy.Value.WaitAsync(cancellationToken);
    }

    private async Task<CallbackOutcome> RunSharedAsync(string key, Func<Task<CallbackOutcome>> work)
    {
        try
        {
            if (!await _slots.WaitAsync(SlotWait))
                return new CallbackOutcome(CallbackResult.RetryLater, null, "too many callbacks at once", Cacheable: false);
            try
            {
                var running = Interlocked.Increment(ref _running);
                InterlockedMax(ref _peakRunning, running);
                var outcome = await work();
                if (outcome.Cacheable && _unknown.Count < MaxRemembered)
                    _unknown[key] = _time.GetUtcNow().UtcDateTime + UnknownLifetime;
                return outcome;
            }
            finally
            {
                Interlocked.Decrement(ref _running);
                _slots.Release();
            }
        }
        finally
        {
            _inFlight.TryRemove(key, out _);
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
                return;
            current = seen;
        }
    }
}
