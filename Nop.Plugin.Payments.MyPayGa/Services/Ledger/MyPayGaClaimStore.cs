using System.Globalization;
using Nop.Data;
using Nop.Plugin.Payments.MyPayGa.Domain;

namespace Nop.Plugin.Payments.MyPayGa.Services.Ledger;

/// <summary>
/// Once-only markers in the store's database (table MyPayGaClaim, unique ClaimKey). Inserting a key is atomic in the
/// database every instance shares: exactly one caller wins, whatever nopCommerce's ILocker does.
/// </summary>
public interface IMyPayGaClaimStore
{
    /// <summary>The new claim when this caller inserted <paramref name="key"/> first; null when it already exists.</summary>
    Task<MyPayGaClaim?> TryClaimAsync(string key, int orderId, string? detail = null);

    Task<MyPayGaClaim?> GetAsync(string key);

    /// <summary>Claims whose key starts with <paramref name="prefix"/>, newest first.</summary>
    Task<IReadOnlyList<MyPayGaClaim>> GetByPrefixAsync(string prefix, int max);

    /// <summary>Marks the claimed action done (with what it decided).</summary>
    Task CompleteAsync(MyPayGaClaim claim, string? detail = null);

    /// <summary>
    /// Removes a claim that was never completed, for a caller taking over after its holder died; true for exactly one
    /// caller (a conditional delete counted by the database).
    /// </summary>
    Task<bool> TryTakeOverAsync(MyPayGaClaim stale);

    /// <summary>Removes a claim (a lease given back).</summary>
    Task ReleaseAsync(MyPayGaClaim claim);

    /// <summary>Deletes completed claims older than <paramref name="olderThanUtc"/> whose key starts with <paramref name="prefix"/>.</summary>
    Task<int> PurgeAsync(string prefix, DateTime olderThanUtc);
}

/// <summary>Claim keys, in one place so that every path that does a thing uses the same key for it.</summary>
public static class ClaimKeys
{
    /// <summary>Marking the order paid (Detail: the id of the attempt that paid it).</summary>
    public static string OrderPaid(int orderId) => $"order-{Id(orderId)}-paid";

    /// <summary>Cancelling the order (failure or expiry).</summary>
    public static string OrderCancelled(int orderId) => $"order-{Id(orderId)}-cancelled";

    /// <summary>
    /// What an attempt paid by MyPayGa is (Detail: the AttemptStatus: Paid, DoublePayment, HeldForReview,
    /// AmountMismatch, PaidOrderClosed); its note is written by whoever inserts it.
    /// </summary>
    public static string AttemptPaid(int attemptId) => $"attempt-{Id(attemptId)}-paid";

    /// <summary>An attempt MyPayGa reports failed; its note is written by whoever inserts it.</summary>
    public static string AttemptFailed(int attemptId) => $"attempt-{Id(attemptId)}-failed";

    /// <summary>An attempt given up after the follow window without a final answer (note once).</summary>
    public static string AttemptTimedOut(int attemptId) => $"attempt-{Id(attemptId)}-timedout";

    /// <summary>
    /// A read lease (farm): held while one instance reads the attempt's paiement-detail, so that the others wait for its
    /// answer in the shared cache instead of reading too. Given back at once; taken over when its holder died.
    /// </summary>
    public static string AttemptReading(int attemptId) => $"attempt-{Id(attemptId)}-reading";

    /// <summary>A person's decision about an attempt that needed one (accept, refund...).</summary>
    public static string AttemptReviewed(int attemptId) => $"attempt-{Id(attemptId)}-reviewed";

    /// <summary>A refund whose unknown outcome was settled (by the next refund or the reconciliation).</summary>
    public static string RefundResolved(int refundRowId) => $"refund-{Id(refundRowId)}-resolved";

    public const string ReconciliationRunPrefix = "recon-run-";

    /// <summary>One reconciliation per interval across the farm: "recon-run-{interval start, UTC}".</summary>
    public static string ReconciliationRun(DateTime intervalStartUtc) =>
        ReconciliationRunPrefix + intervalStartUtc.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);

    /// <summary>Held while a reconciliation runs (never two at once), given back at its end.</summary>
    public const string ReconciliationLease = "recon-lease";

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}

public class MyPayGaClaimStore : IMyPayGaClaimStore
{
    /// <summary>Who claims: enough to find the process in a farm's logs.</summary>
    internal static readonly string Owner = $"{Environment.MachineName}:{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}";

    private readonly IRepository<MyPayGaClaim> _repository;

    public MyPayGaClaimStore(IRepository<MyPayGaClaim> repository)
    {
        _repository = repository;
    }

    public async Task<MyPayGaClaim?> TryClaimAsync(string key, int orderId, string? detail = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var claim = new MyPayGaClaim
        {
            ClaimKey = key,
            OrderId = orderId,
            CreatedOnUtc = DateTime.UtcNow,
            Owner = Owner,
            Detail = Cut(detail),
        };
        return await UniqueInsert.TryInsertAsync(_repository, claim, async () => await GetAsync(key) is not null) ? claim : null;
    }

    public async Task<MyPayGaClaim?> GetAsync(string key) =>
        (await _repository.GetAllAsync(query => query.Where(claim => claim.ClaimKey == key), getCacheKey: null)).FirstOrDefault();

    public async Task<IReadOnlyList<MyPayGaClaim>> GetByPrefixAsync(string prefix, int max) =>
        (await _repository.GetAllAsync(query => query
            .Where(claim => claim.ClaimKey.StartsWith(prefix))
            .OrderByDescending(claim => claim.CreatedOnUtc)
            .ThenByDescending(claim => claim.Id)
            .Take(max), getCacheKey: null)).ToList();

    public async Task CompleteAsync(MyPayGaClaim claim, string? detail = null)
    {
        ArgumentNullException.ThrowIfNull(claim);
        claim.CompletedOnUtc = DateTime.UtcNow;
        if (detail is not null)
            claim.Detail = Cut(detail);
        await _repository.UpdateAsync(claim, publishEvent: false);
    }

    public async Task<bool> TryTakeOverAsync(MyPayGaClaim stale)
    {
        ArgumentNullException.ThrowIfNull(stale);
        var id = stale.Id;
        return await _repository.DeleteAsync(claim => claim.Id == id && claim.CompletedOnUtc == null) == 1;
    }

    public async Task ReleaseAsync(MyPayGaClaim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var id = claim.Id;
        await _repository.DeleteAsync(row => row.Id == id);
    }

    public Task<int> PurgeAsync(string prefix, DateTime olderThanUtc) =>
        _repository.DeleteAsync(claim => claim.ClaimKey.StartsWith(prefix) && claim.CompletedOnUtc != null && claim.CreatedOnUtc < olderThanUtc);

    private static string? Cut(string? text) => text is { Length: > 2000 } ? text[..2000] : text;
}
