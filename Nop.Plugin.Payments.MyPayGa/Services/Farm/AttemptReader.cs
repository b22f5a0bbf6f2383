using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using MyPayGa.Client;
using MyPayGa.Client.Models;
using Nop.Plugin.Payments.MyPayGa.Domain;
using Nop.Plugin.Payments.MyPayGa.Services.Ledger;

namespace Nop.Plugin.Payments.MyPayGa.Services.Farm;

/// <summary>How recent a read of an attempt must be for what the caller decides.</summary>
public enum ReadFreshness
{
    /// <summary>
    /// A final answer (paid, failed) read by any instance within <see cref="AttemptReader.ReuseWindow"/> will do, else a
    /// fresh read (the reconciliation; a callback's other attempts). A recent "pending" is never reused.
    /// </summary>
    Recent,

    /// <summary>A read that answers after the caller asked: in flight then (on any instance), or made now.</summary>
    Fresh,

    /// <summary>
    /// A callback claiming success for this attempt: fresh, or a recent read that already says paid (the same
    /// news; copies of one callback then cost no read). A recent "pending" or "failed" is never enough.
    /// </summary>
    FreshOrPaid,

    /// <summary>A callback claiming failure for this attempt: fresh, or a recent read that already says failed.</summary>
    FreshOrFailed,
}

/// <summary>What one read of an attempt gave: MyPayGa's entry for it (null when unknown), or why it could not be read.</summary>
public readonly record struct AttemptReadResult(PaymentDetail? Detail, MyPayGaException? Error);

/// <summary>
/// The status processor's read phase for one attempt: paiement-detail, coalesced across requests and instances. Reads
/// of one attempt in this process share one call in flight; across a farm, the last read (published in the shared
/// store for <see cref="AttemptReader.ReuseWindow"/>) is reused when the caller's freshness allows, and a short lease in
/// the database (a claim) makes the other instances wait for the one reading instead of reading too.
/// </summary>
public interface IAttemptReader
{
    Task<AttemptReadResult> ReadAsync(IMyPayGaClient client, MyPayGaAttempt attempt, ReadFreshness freshness,
        CancellationToken cancellationToken = default);
}

/// <summary>Reads of attempts in flight in this process (singleton): callers asking for the same attempt share one.</summary>
public sealed class AttemptReadFlights
{
    private readonly ConcurrentDictionary<int, Lazy<Task<SharedRead>>> _flights = new();

    internal int Count => _flights.Count;

    public bool TryGet(int attemptId, out Task<SharedRead> flight)
    {
        if (_flights.TryGetValue(attemptId, out var lazy))
        {
            flight = lazy.Value;
            return true;
        }

        flight = null!;
        return false;
    }

    public Task<SharedRead> GetOrStart(int attemptId, Func<Task<SharedRead>> read)
    {
        var lazy = _flights.GetOrAdd(attemptId, id => new Lazy<Task<SharedRead>>(() => RunAsync(id, read)));
        return lazy.Value;
    }

    private async Task<SharedRead> RunAsync(int attemptId, Func<Task<SharedRead>> read)
    {
        try
        {
            return await read();
        }
        finally
        {
            _flights.TryRemove(attemptId, out _);
        }
    }
}

/// <inheritdoc cref="IAttemptReader"/>
/// <remarks>
/// Money rule: a read that answers a callback is one made after the callback arrived, or one in flight when it arrived
/// (shared), or a recent one that already says what the callback claims (paid, failed). "After it arrived" is told
/// without comparing the clocks of two machines: every read has a new id, and a read published after this instance
/// looked at the store (a different id) answered after the callback arrived.
/// </remarks>
public sealed class AttemptReader : IAttemptReader
{
    /// <summary>How long a read is reused by any instance for <see cref="ReadFreshness.Recent"/> callers.</summary>
    public static readonly TimeSpan ReuseWindow = TimeSpan.FromSeconds(2);

    /// <summary>How long an instance waits for another one's read before reading itself (a holder that died).</summary>
    internal static readonly TimeSpan LeaseWait = TimeSpan.FromSeconds(30);

    /// <summary>A read lease older than this belongs to an instance that died: taken over.</summary>
    internal static readonly TimeSpan LeaseLifetime = TimeSpan.FromMinutes(2);

    private readonly IPaymentStateStore _store;
    private readonly AttemptReadFlights _flights;
    private readonly IServiceScopeFactory _scopeFactory;

    public AttemptReader(IPaymentStateStore store, AttemptReadFlights flights, IServiceScopeFactory scopeFactory)
    {
        _store = store;
        _flights = flights;
        _scopeFactory = scopeFactory;
    }

    /// <summary>The freshness a check needs for one attempt (see the money rule).</summary>
    public static ReadFreshness FreshnessFor(StatusTrigger trigger, StatusCheckOptions options, MyPayGaAttempt attempt) => trigger switch
    {
        StatusTrigger.Callback when options.HintAttemptId == attempt.Id => options.Claim switch
        {
            CallbackClaim.Paid => ReadFreshness.FreshOrPaid,
            CallbackClaim.Failed => ReadFreshness.FreshOrFailed,
            _ => ReadFreshness.Fresh,
        },
        // The periodic sweep, and a callback's other attempts (the callback is not about them): a read of the last seconds.
        StatusTrigger.Reconciliation or StatusTrigger.Callback => ReadFreshness.Recent,
        // The pending page (its snapshot cache already spaces its checks), a shopper back from the card form or asking
        // for a new push, a person asking for a check: what MyPayGa says now — shared with a read in flight, on any instance.
        _ => ReadFreshness.Fresh,
    };

    public async Task<AttemptReadResult> ReadAsync(IMyPayGaClient client, MyPayGaAttempt attempt, ReadFreshness freshness,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(attempt);
        if (attempt.PaymentToken is null)
            throw new ArgumentException("The attempt has no payment token.", nameof(attempt));

        // In flight in this process: it answers after we asked, whatever the freshness.
        if (_flights.TryGet(attempt.Id, out var inFlight))
            return Result(await inFlight.WaitAsync(cancellationToken), attempt);

        var seen = await _store.GetReadAsync(attempt.Id);
        if (seen is not null && Satisfies(seen, freshness))
            return Result(seen, attempt);

        // Not the caller's token inside: others share this read, and one leaving must not cancel it for all.
        var flight = _flights.GetOrStart(attempt.Id, () => ReadSharedAsync(client, attempt, seen?.Id));
        return Result(await flight.WaitAsync(cancellationToken), attempt);
    }

    /// <summary>Whether a read found in the store (published before we looked) is enough for the caller.</summary>
    internal static bool Satisfies(SharedRead read, ReadFreshness freshness) => freshness switch
    {
        // A final answer does not go stale in seconds; a "pending" (or an error) does: it is only shared in flight.
        ReadFreshness.Recent => read.Outcome is PaymentOutcome.Paid or PaymentOutcome.PaidWithRisk or PaymentOutcome.Failed,
        ReadFreshness.FreshOrPaid => read.Outcome is PaymentOutcome.Paid or PaymentOutcome.PaidWithRisk,
        ReadFreshness.FreshOrFailed => read.Outcome == PaymentOutcome.Failed,
        _ => false,
    };

    private async Task<SharedRead> ReadSharedAsync(IMyPayGaClient client, MyPayGaAttempt attempt, string? seenId)
    {
        // Published since we looked (another flight just ended): it answered after we asked.
        if (await PublishedSinceAsync(attempt.Id, seenId) is { } published)
            return published;
        if (!_store.IsShared)
            return await ReadAndPublishAsync(client, attempt);

        await using var scope = _scopeFactory.CreateAsyncScope();
        var claims = scope.ServiceProvider.GetRequiredService<IMyPayGaClaimStore>();
        var key = ClaimKeys.AttemptReading(attempt.Id);
        var waited = Stopwatch.StartNew();
        for (var conflicts = 0; ;)
        {
            MyPayGaClaim? lease;
            try
            {
                lease = await claims.TryClaimAsync(key, attempt.OrderId);
            }
            catch (Exception) when (++conflicts < 3)
            {
                // A lease is given back at once: its holder may have removed it between our refused insert and the
                // claim store's look for it, which then reports the insert's error. Another instance has just read.
                if (await PublishedSinceAsync(attempt.Id, seenId) is { } justRead)
                    return justRead;
                continue;
            }

            if (lease is not null)
            {
                try
                {
                    return await PublishedSinceAsync(attempt.Id, seenId) ?? await ReadAndPublishAsync(client, attempt);
                }
                finally
                {
                    await claims.ReleaseAsync(lease);
                }
            }

            // Another instance is reading this attempt: wait for what it publishes.
            for (var polls = 1; ; polls++)
            {
                if (waited.Elapsed > LeaseWait)
                    return await ReadAndPublishAsync(client, attempt);
                await Task.Delay(PollDelay(polls));
                if (await PublishedSinceAsync(attempt.Id, seenId) is { } theirs)
                    return theirs;
                if (polls % 8 != 0)
                    continue;
                var holder = await claims.GetAsync(key);
                if (holder is null)
                    break; // given back without publishing (its read was cancelled): take it
                if (DateTime.UtcNow - holder.CreatedOnUtc > LeaseLifetime && await claims.TryTakeOverAsync(holder))
                    break;
            }
        }
    }

    private async Task<SharedRead?> PublishedSinceAsync(int attemptId, string? seenId) =>
        await _store.GetReadAsync(attemptId) is { } read && !string.Equals(read.Id, seenId, StringComparison.Ordinal) ? read : null;

    private async Task<SharedRead> ReadAndPublishAsync(IMyPayGaClient client, MyPayGaAttempt attempt)
    {
        SharedRead read;
        try
        {
            var response = await client.GetPaymentDetailAsync(attempt.PaymentToken!, CancellationToken.None);
            read = SharedRead.Of(FindDetail(response, attempt));
        }
        catch (MyPayGaException ex)
        {
            read = SharedRead.Of(ex);
        }

        await _store.PublishReadAsync(attempt.Id, read, ReuseWindow);
        return read;
    }

    private static TimeSpan PollDelay(int polls) => TimeSpan.FromMilliseconds(Math.Min(10 * polls, 100));

    private static AttemptReadResult Result(SharedRead read, MyPayGaAttempt attempt) =>
        new(read.ToDetail(attempt.PaymentToken), read.ToError());

    private static PaymentDetail? FindDetail(PaymentDetailResponse response, MyPayGaAttempt attempt)
    {
        var detail = response.Find(attempt.PaymentToken!);
        // An entry naming another payment is not this attempt's status, whatever it says.
        if (detail is not null && !string.IsNullOrEmpty(detail.PaymentToken)
            && !string.Equals(detail.PaymentToken, attempt.PaymentToken, StringComparison.Ordinal))
            return null;
        return detail;
    }
}
