using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using MyPayGa.Client;
using MyPayGa.Client.Models;
using Nop.Plugin.Payments.MyPayGa.Domain;

namespace Nop.Plugin.Payments.MyPayGa.Services.Farm;

/// <summary>
/// What the instances of a store share about the payments they follow, so that a web farm costs MyPayGa no more reads
/// than one instance: the pending page's last status per order (with a generation that a new attempt renews), and the
/// last read of each attempt's paiement-detail (a few seconds). Never money decisions: those rest on the database's
/// claims. Nothing secret is stored: no key, no payment token, no phone number.
/// </summary>
/// <remarks>
/// On a farm this is nopCommerce's <see cref="IDistributedCache"/> (Redis when its DistributedCacheConfig is enabled);
/// on one instance (nopCommerce's in-memory IDistributedCache, or none) the same data stays in this process as objects.
/// </remarks>
public interface IPaymentStateStore
{
    /// <summary>True when other instances see what this one stores (a distributed cache).</summary>
    bool IsShared { get; }

    /// <summary>The order's status generation: renewed by <see cref="RenewGenerationAsync"/> (a new attempt).</summary>
    ValueTask<string> GetGenerationAsync(int orderId);

    /// <summary>Every instance's next look at the order's status misses (a new attempt started).</summary>
    ValueTask RenewGenerationAsync(int orderId);

    /// <summary>Same, blocking (for the synchronous IPaymentStatusCache.Invalidate).</summary>
    void RenewGeneration(int orderId);

    /// <summary>The order's last status, whatever its generation (the caller compares); null when none is alive.</summary>
    ValueTask<StoredStatus?> GetStatusAsync(int orderId);

    ValueTask SetStatusAsync(int orderId, StoredStatus status, TimeSpan lifetime);

    ValueTask RemoveStatusAsync(int orderId);

    /// <summary>The last read of an attempt's paiement-detail, when younger than the lifetime it was published with.</summary>
    ValueTask<SharedRead?> GetReadAsync(int attemptId);

    ValueTask PublishReadAsync(int attemptId, SharedRead read, TimeSpan lifetime);
}

/// <summary>A status kept for the pending page: the snapshot, under the generation it was computed in.</summary>
/// <param name="Snapshot">From a shared store its <see cref="PaymentStatusSnapshot.Attempt"/> is null: load <paramref name="AttemptId"/>.</param>
public sealed record StoredStatus(string Generation, PaymentStatusSnapshot Snapshot, int? AttemptId);

/// <summary>
/// What one read of an attempt's paiement-detail learnt: the fields the status processor decides on, or the error.
/// <see cref="Id"/> is new for each read, so that an instance can tell a read published after it looked (clock-free).
/// </summary>
public sealed record SharedRead
{
    public required string Id { get; init; }

    /// <summary>MyPayGa answered with an entry for this payment.</summary>
    public bool Found { get; init; }

    public string? OrderStatus { get; init; }
    public string? FinalStatus { get; init; }
    public string? MessageData { get; init; }
    public decimal? TotalAmount { get; init; }
    public string? PaymentMethod { get; init; }

    public MyPayGaErrorKind? ErrorKind { get; init; }
    public string? ErrorEndpoint { get; init; }
    public string? ErrorMessage { get; init; }
    public int? ErrorHttpStatus { get; init; }
    public string? ErrorProviderStatus { get; init; }
    public string? ErrorProviderMessage { get; init; }
    public bool ErrorOutcomeUnknown { get; init; }

    /// <summary>In this process only (never serialised): the objects themselves, to rebuild nothing.</summary>
    [JsonIgnore]
    public PaymentDetail? Detail { get; init; }

    [JsonIgnore]
    public MyPayGaException? Error { get; init; }

    [JsonIgnore]
    public bool IsError => ErrorKind is not null;

    /// <summary>The outcome MyPayGa gave (Pending for an error or an unknown payment).</summary>
    [JsonIgnore]
    public PaymentOutcome Outcome => IsError || !Found ? PaymentOutcome.Pending : ToDetail(null)!.Outcome;

    public static SharedRead Of(PaymentDetail? detail) => new()
    {
        Id = NewId(),
        Found = detail is not null,
        OrderStatus = detail?.OrderStatus.Raw,
        FinalStatus = detail?.FinalStatus.Raw,
        MessageData = detail?.MessageData,
        TotalAmount = detail?.TotalAmount,
        PaymentMethod = detail?.PaymentMethod,
        Detail = detail,
    };

    public static SharedRead Of(MyPayGaException error) => new()
    {
        Id = NewId(),
        ErrorKind = error.Kind,
        ErrorEndpoint = error.Endpoint,
        ErrorMessage = error.Message,
        ErrorHttpStatus = error.HttpStatus,
        ErrorProviderStatus = error.ProviderStatus,
        ErrorProviderMessage = error.ProviderMessage,
        ErrorOutcomeUnknown = error.OutcomeUnknown,
        Error = error,
    };

    /// <summary>The detail as the processor reads it (the attempt's own token put back: it is never stored).</summary>
    public PaymentDetail? ToDetail(string? paymentToken) => IsError || !Found ? null : Detail ?? new PaymentDetail
    {
        PaymentToken = paymentToken,
        OrderStatus = new MyPayGaStatus(OrderStatus),
        FinalStatus = new MyPayGaStatus(FinalStatus),
        MessageData = MessageData,
        TotalAmount = TotalAmount,
        PaymentMethod = PaymentMethod,
    };

    public MyPayGaException? ToError() => !IsError ? null : Error ?? new MyPayGaException(ErrorKind!.Value, ErrorEndpoint ?? "paiement-detail",
        ErrorMessage ?? "MyPayGa could not be read.", ErrorHttpStatus, ErrorProviderStatus, ErrorProviderMessage)
    {
        OutcomeUnknown = ErrorOutcomeUnknown,
    };

    private static string NewId() => Guid.NewGuid().ToString("N");
}

/// <summary>Picks the store: shared when nopCommerce's IDistributedCache is a distributed one, in this process otherwise.</summary>
public static class PaymentStateStores
{
    public static IPaymentStateStore Create(IServiceProvider services)
    {
        var time = services.GetService<TimeProvider>() ?? TimeProvider.System;
        // ASP.NET Core registers an in-memory IDistributedCache for MVC; nopCommerce replaces it with Redis (or SQL
        // Server) when its distributed cache is enabled. The in-memory one is this process only: keep objects instead.
        return services.GetService<IDistributedCache>() is { } cache and not MemoryDistributedCache
            ? new DistributedPaymentStateStore(cache)
            : new InProcessPaymentStateStore(time);
    }
}

/// <summary>One instance: objects in this process, expired by the clock, swept every minute.</summary>
public sealed class InProcessPaymentStateStore : IPaymentStateStore
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    /// <summary>A renewed generation is forgotten after this (longer than any status lives).</summary>
    internal static readonly TimeSpan GenerationLifetime = TimeSpan.FromMinutes(10);

    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<int, Entry<StoredStatus>> _statuses = new();
    private readonly ConcurrentDictionary<int, Entry<SharedRead>> _reads = new();
    private readonly ConcurrentDictionary<int, Entry<string>> _generations = new();
    private long _generationCounter;
    private long _lastSweepTicks;

    public InProcessPaymentStateStore(TimeProvider time)
    {
        _time = time;
        _lastSweepTicks = time.GetUtcNow().UtcTicks;
    }

    public bool IsShared => false;

    internal int StatusCount => _statuses.Count;

    internal int EntryCount => _statuses.Count + _reads.Count + _generations.Count;

    public ValueTask<string> GetGenerationAsync(int orderId) =>
        ValueTask.FromResult(Alive(_generations, orderId) ?? "0");

    public ValueTask RenewGenerationAsync(int orderId)
    {
        RenewGeneration(orderId);
        return ValueTask.CompletedTask;
    }

    public void RenewGeneration(int orderId)
    {
        var generation = Interlocked.Increment(ref _generationCounter).ToString(System.Globalization.CultureInfo.InvariantCulture);
        _generations[orderId] = new Entry<string>(generation, Now + GenerationLifetime);
        _statuses.TryRemove(orderId, out _);
    }

    public ValueTask<StoredStatus?> GetStatusAsync(int orderId)
    {
        Sweep();
        return ValueTask.FromResult(Alive(_statuses, orderId));
    }

    public ValueTask SetStatusAsync(int orderId, StoredStatus status, TimeSpan lifetime)
    {
        _statuses[orderId] = new Entry<StoredStatus>(status, Now + lifetime);
        return ValueTask.CompletedTask;
    }

    public ValueTask RemoveStatusAsync(int orderId)
    {
        _statuses.TryRemove(orderId, out _);
        return ValueTask.CompletedTask;
    }

    public ValueTask<SharedRead?> GetReadAsync(int attemptId) => ValueTask.FromResult(Alive(_reads, attemptId));

    public ValueTask PublishReadAsync(int attemptId, SharedRead read, TimeSpan lifetime)
    {
        Sweep();
        _reads[attemptId] = new Entry<SharedRead>(read, Now + lifetime);
        return ValueTask.CompletedTask;
    }

    private DateTimeOffset Now => _time.GetUtcNow();

    private T? Alive<T>(ConcurrentDictionary<int, Entry<T>> map, int key) where T : class =>
        map.TryGetValue(key, out var entry) && entry.ExpiresUtc > Now ? entry.Value : null;

    private void Sweep()
    {
        var now = Now;
        var last = Interlocked.Read(ref _lastSweepTicks);
        if (now.UtcTicks - last < SweepInterval.Ticks || Interlocked.CompareExchange(ref _lastSweepTicks, now.UtcTicks, last) != last)
            return;

        SweepMap(_statuses, now);
        SweepMap(_reads, now);
        SweepMap(_generations, now);
    }

    private static void SweepMap<T>(ConcurrentDictionary<int, Entry<T>> map, DateTimeOffset now)
    {
        foreach (var pair in map)
        {
            if (pair.Value.ExpiresUtc <= now)
                map.TryRemove(pair);
        }
    }

    private sealed record Entry<T>(T Value, DateTimeOffset ExpiresUtc);
}

/// <summary>
/// A farm: nopCommerce's IDistributedCache (Redis), which every instance reads and writes at once. JSON of small
/// records; a failing cache is a miss (the plugin then works as on one instance), never an error for the shopper.
/// </summary>
public sealed class DistributedPaymentStateStore : IPaymentStateStore
{
    /// <summary>Longer than any status lives (StatusCacheSeconds is at most 300 s).</summary>
    internal static readonly TimeSpan GenerationLifetime = TimeSpan.FromHours(1);

    private const string Prefix = "Nop.Plugin.Payments.MyPayGa.";
    private readonly IDistributedCache _cache;

    public DistributedPaymentStateStore(IDistributedCache cache)
    {
        _cache = cache;
    }

    public bool IsShared => true;

    public async ValueTask<string> GetGenerationAsync(int orderId)
    {
        var bytes = await TryAsync(() => _cache.GetAsync(GenerationKey(orderId)));
        return bytes is { Length: > 0 } ? Encoding.UTF8.GetString(bytes) : "0";
    }

    public async ValueTask RenewGenerationAsync(int orderId)
    {
        await TryAsync(async () =>
        {
            await _cache.SetAsync(GenerationKey(orderId), NewGeneration(), Expiring(GenerationLifetime));
            return true;
        });
        // Not needed for coherence (the generation decides), but frees the entry at once.
        await TryAsync(async () =>
        {
            await _cache.RemoveAsync(StatusKey(orderId));
            return true;
        });
    }

    public void RenewGeneration(int orderId)
    {
        try
        {
            _cache.Set(GenerationKey(orderId), NewGeneration(), Expiring(GenerationLifetime));
            _cache.Remove(StatusKey(orderId));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The status then lives until it expires (StatusCacheSeconds, a minute for a final state).
        }
    }

    public async ValueTask<StoredStatus?> GetStatusAsync(int orderId)
    {
        var bytes = await TryAsync(() => _cache.GetAsync(StatusKey(orderId)));
        if (bytes is not { Length: > 0 } || Deserialize(bytes, FarmJson.Default.SharedStatus) is not { } shared)
            return null;
        var snapshot = new PaymentStatusSnapshot
        {
            OrderId = shared.OrderId,
            State = shared.State,
            ProviderMessage = shared.ProviderMessage,
            Unconfirmed = shared.Unconfirmed,
            ReadOnUtc = shared.ReadOnUtc,
        };
        return new StoredStatus(shared.Generation, snapshot, shared.AttemptId);
    }

    public async ValueTask SetStatusAsync(int orderId, StoredStatus status, TimeSpan lifetime)
    {
        var shared = new SharedStatus
        {
            Generation = status.Generation,
            OrderId = status.Snapshot.OrderId,
            State = status.Snapshot.State,
            AttemptId = status.AttemptId,
            ProviderMessage = status.Snapshot.ProviderMessage,
            Unconfirmed = status.Snapshot.Unconfirmed,
            ReadOnUtc = status.Snapshot.ReadOnUtc,
        };
        var bytes = JsonSerializer.SerializeToUtf8Bytes(shared, FarmJson.Default.SharedStatus);
        await TryAsync(async () =>
        {
            await _cache.SetAsync(StatusKey(orderId), bytes, Expiring(lifetime));
            return true;
        });
    }

    public async ValueTask RemoveStatusAsync(int orderId) =>
        await TryAsync(async () =>
        {
            await _cache.RemoveAsync(StatusKey(orderId));
            return true;
        });

    public async ValueTask<SharedRead?> GetReadAsync(int attemptId)
    {
        var bytes = await TryAsync(() => _cache.GetAsync(ReadKey(attemptId)));
        return bytes is { Length: > 0 } ? Deserialize(bytes, FarmJson.Default.SharedRead) : null;
    }

    public async ValueTask PublishReadAsync(int attemptId, SharedRead read, TimeSpan lifetime)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(read, FarmJson.Default.SharedRead);
        await TryAsync(async () =>
        {
            await _cache.SetAsync(ReadKey(attemptId), bytes, Expiring(lifetime));
            return true;
        });
    }

    internal static string GenerationKey(int orderId) => Prefix + "generation." + Id(orderId);

    internal static string StatusKey(int orderId) => Prefix + "status." + Id(orderId);

    internal static string ReadKey(int attemptId) => Prefix + "read." + Id(attemptId);

    private static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static byte[] NewGeneration() => Encoding.UTF8.GetBytes(Guid.NewGuid().ToString("N"));

    private static DistributedCacheEntryOptions Expiring(TimeSpan lifetime) =>
        new() { AbsoluteExpirationRelativeToNow = lifetime > TimeSpan.Zero ? lifetime : TimeSpan.FromMilliseconds(1) };

    private static T? Deserialize<T>(byte[] bytes, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) where T : class
    {
        try
        {
            return JsonSerializer.Deserialize(bytes, type);
        }
        catch (JsonException)
        {
            return null; // written by another version: a miss
        }
    }

    private static async Task<T?> TryAsync<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return default;
        }
    }
}

/// <summary>The pending page's status as kept in a shared cache: no attempt entity, no token, no phone.</summary>
public sealed record SharedStatus
{
    public required string Generation { get; init; }
    public int OrderId { get; init; }
    public PaymentState State { get; init; }
    public int? AttemptId { get; init; }
    public string? ProviderMessage { get; init; }
    public bool Unconfirmed { get; init; }
    public DateTime ReadOnUtc { get; init; }
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SharedRead))]
[JsonSerializable(typeof(SharedStatus))]
internal sealed partial class FarmJson : JsonSerializerContext;
