using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Nop.Core.Domain.Orders;
using Nop.Data;
using Nop.Plugin.Payments.MyPayGa.Domain;
using Nop.Plugin.Payments.MyPayGa.Services.Ledger;
using Nop.Services.Common;
using Nop.Services.Logging;
using Nop.Services.Orders;

namespace Nop.Plugin.Payments.MyPayGa.Services;

/// <summary>
/// The attempts of every order, in the plugin's table MyPayGaAttempt. Version 4.90.1 kept them as JSON in an order
/// generic attribute; an order that still has only that is imported the first time it is read.
/// </summary>
public class PaymentAttemptStore : IPaymentAttemptStore
{
    /// <summary>Order generic attribute where 4.90.1 kept the attempts (read once, to import them).</summary>
    internal const string LegacyAttemptsAttribute = "MyPayGa.PaymentAttempts";

    internal static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly IRepository<MyPayGaAttempt> _repository;
    private readonly IGenericAttributeService _genericAttributeService;
    private readonly IOrderService _orderService;
    private readonly ILogger _logger;

    public PaymentAttemptStore(IRepository<MyPayGaAttempt> repository,
        IGenericAttributeService genericAttributeService,
        IOrderService orderService,
        ILogger logger)
    {
        _repository = repository;
        _genericAttributeService = genericAttributeService;
        _orderService = orderService;
        _logger = logger;
    }

    public async Task<IReadOnlyList<MyPayGaAttempt>> GetAttemptsAsync(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var attempts = await ReadAsync(order.Id);
        if (attempts.Count > 0)
            return attempts;

        return await ImportLegacyAsync(order) ? await ReadAsync(order.Id) : attempts;
    }

    public async Task<MyPayGaAttempt?> GetLatestAsync(Order order) => (await GetAttemptsAsync(order)).LastOrDefault();

    public async Task<MyPayGaAttempt?> GetByIdAsync(int attemptId) =>
        (await _repository.GetAllAsync(query => query.Where(a => a.Id == attemptId), getCacheKey: null)).FirstOrDefault();

    public async Task<bool> TryReserveAsync(MyPayGaAttempt attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        attempt.ReservationKey = ReservationKey(attempt.OrderId, attempt.Number);
        var key = attempt.ReservationKey;
        return await UniqueInsert.TryInsertAsync(_repository, attempt,
            async () => (await _repository.GetAllAsync(query => query.Where(a => a.ReservationKey == key), getCacheKey: null)).Count > 0);
    }

    public Task UpdateAsync(MyPayGaAttempt attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        return _repository.UpdateAsync(attempt, publishEvent: false);
    }

    public async Task<MyPayGaAttempt?> FindByTokenAsync(string? paymentToken)
    {
        var token = paymentToken?.Trim();
        if (string.IsNullOrEmpty(token) || token.Length > 200)
            return null;
        return (await _repository.GetAllAsync(query => query.Where(a => a.PaymentToken == token).OrderBy(a => a.Id), getCacheKey: null))
            .FirstOrDefault();
    }

    public async Task<Order?> FindOrderAsync(string? merchantReference, string? paymentToken) =>
        (await FindPaymentAsync(merchantReference, paymentToken))?.Order;

    public async Task<FoundPayment?> FindPaymentAsync(string? merchantReference, string? paymentToken)
    {
        var reference = merchantReference?.Trim();
        var token = paymentToken?.Trim();

        // The token is the strongest link: it is MyPayGa's, and only this store asked for it. One query brings the
        // attempt and its order's other attempts (a callback's check needs them all).
        if (!string.IsNullOrEmpty(token) && token.Length <= 200)
        {
            var rows = await _repository.GetAllAsync(query => query
                .Where(a => query.Any(named => named.PaymentToken == token && named.OrderId == a.OrderId))
                .OrderBy(a => a.Id), getCacheKey: null);
            // Tokens are MyPayGa's and unique; should two orders ever hold one, the first attempt given it wins.
            var attempt = rows.FirstOrDefault(a => string.Equals(a.PaymentToken, token, StringComparison.Ordinal));
            if (attempt is not null)
            {
                var byToken = await _orderService.GetOrderByIdAsync(attempt.OrderId);
                // A reference that names another attempt than the token's is a forged or confused hint.
                if (byToken is null || (!string.IsNullOrEmpty(reference) && !string.Equals(reference, attempt.UniqueId, StringComparison.Ordinal)))
                    return null;
                return new FoundPayment(byToken, attempt, rows.Where(a => a.OrderId == attempt.OrderId).OrderBy(a => a.Number).ToList());
            }
        }

        if (string.IsNullOrEmpty(reference) || reference.Length > 100)
            return null;

        var byReference = await _repository.GetAllAsync(query => query.Where(a => a.UniqueId == reference).OrderBy(a => a.Id), getCacheKey: null);
        foreach (var attempt in byReference)
        {
            // With a token, it must be this attempt's (a reference alone can be typed by anyone).
            if (!string.IsNullOrEmpty(token) && !string.Equals(attempt.PaymentToken, token, StringComparison.Ordinal))
                continue;
            if (await _orderService.GetOrderByIdAsync(attempt.OrderId) is { } order)
                return await FoundAsync(order, attempts => attempts.FirstOrDefault(a => a.Id == attempt.Id));
        }

        // A payment made through a payment link names the link's order_ref (MyPayGa's) and a payment token this store
        // never saw: the order is found by the link; the status processor then reads the link itself (getLink).
        var byLink = await _repository.GetAllAsync(query => query.Where(a => a.LinkOrderRef == reference).OrderBy(a => a.Id), getCacheKey: null);
        foreach (var attempt in byLink)
        {
            if (await _orderService.GetOrderByIdAsync(attempt.OrderId) is { } order)
                return await FoundAsync(order, _ => null);
        }

        // An order of 4.90.1 whose attempts are still in its attribute: found by its number, then imported.
        foreach (var customOrderNumber in CandidateOrderNumbers(reference))
        {
            var order = await _orderService.GetOrderByCustomOrderNumberAsync(customOrderNumber);
            if (order is null || byReference.Any(a => a.OrderId == order.Id))
                continue;
            var attempts = await GetAttemptsAsync(order);
            var named = string.IsNullOrEmpty(token)
                ? attempts.FirstOrDefault(a => string.Equals(a.UniqueId, reference, StringComparison.Ordinal))
                : attempts.FirstOrDefault(a => string.Equals(a.PaymentToken, token, StringComparison.Ordinal));
            if (named is not null)
                return new FoundPayment(order, named, attempts);
        }

        return null;
    }

    public async Task<IReadOnlyDictionary<int, IReadOnlyList<MyPayGaAttempt>>> GetAttemptsOfOrdersAsync(IReadOnlyCollection<int> orderIds)
    {
        ArgumentNullException.ThrowIfNull(orderIds);
        var result = new Dictionary<int, IReadOnlyList<MyPayGaAttempt>>();
        foreach (var chunk in orderIds.Distinct().Chunk(OrdersPerQuery))
        {
            var rows = await _repository.GetAllAsync(query => query.Where(a => chunk.Contains(a.OrderId)), getCacheKey: null);
            foreach (var group in rows.GroupBy(a => a.OrderId))
                result[group.Key] = group.OrderBy(a => a.Number).ToList();
        }

        return result;
    }

    /// <summary>Orders whose attempts one query of <see cref="GetAttemptsOfOrdersAsync"/> brings (an IN list of their ids).</summary>
    internal const int OrdersPerQuery = 500;

    private async Task<FoundPayment> FoundAsync(Order order, Func<IReadOnlyList<MyPayGaAttempt>, MyPayGaAttempt?> named)
    {
        var attempts = await GetAttemptsAsync(order);
        return new FoundPayment(order, named(attempts), attempts);
    }

    public async Task<IReadOnlyList<MyPayGaAttempt>> GetAttemptsToFollowAsync(DateTime createdAfterUtc, int max)
    {
        var open = (int)AttemptStatus.Open;
        var starting = (int)AttemptStatus.Starting;
        return (await _repository.GetAllAsync(query => query
            .Where(a => (a.StatusId == open || a.StatusId == starting) && a.CreatedOnUtc >= createdAfterUtc)
            .OrderByDescending(a => a.CreatedOnUtc)
            .ThenByDescending(a => a.Id)
            .Take(max), getCacheKey: null)).ToList();
    }

    public async Task<IReadOnlyList<MyPayGaAttempt>> GetOverdueAsync(DateTime createdBeforeUtc, int max)
    {
        var open = (int)AttemptStatus.Open;
        var starting = (int)AttemptStatus.Starting;
        return (await _repository.GetAllAsync(query => query
            .Where(a => (a.StatusId == open || a.StatusId == starting) && a.CreatedOnUtc < createdBeforeUtc)
            .OrderBy(a => a.Id)
            .Take(max), getCacheKey: null)).ToList();
    }

    public async Task<IReadOnlyList<MyPayGaAttempt>> GetNeedingReviewAsync(int max)
    {
        var statuses = NeedsReview.Select(s => (int)s).ToArray();
        return (await _repository.GetAllAsync(query => query
            .Where(a => statuses.Contains(a.StatusId) && a.ReviewedOnUtc == null)
            .OrderByDescending(a => a.Id)
            .Take(max), getCacheKey: null)).ToList();
    }

    /// <summary>Money received that automation leaves to a person.</summary>
    public static readonly IReadOnlySet<AttemptStatus> NeedsReview = new HashSet<AttemptStatus>
    {
        AttemptStatus.HeldForReview, AttemptStatus.AmountMismatch, AttemptStatus.DoublePayment, AttemptStatus.PaidOrderClosed,
    };

    public async Task SaveDisplayMessageAsync(MyPayGaAttempt attempt, string? message)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        if (ProviderMessages.IsBareStatusWord(message))
            return;

        var cleaned = ProviderMessages.Clean(message)!;
        if (string.Equals(attempt.DisplayMessage, cleaned, StringComparison.Ordinal))
            return;
        attempt.DisplayMessage = cleaned;
        await _repository.UpdateAsync(attempt, publishEvent: false);
    }

    public async Task SaveStartErrorAsync(Order order, string message, DateTime createdOnUtc)
    {
        ArgumentNullException.ThrowIfNull(order);
        var text = ProviderMessages.Clean(message);
        if (text is null)
            return;

        await _genericAttributeService.SaveAttributeAsync(order, MyPayGaDefaults.StartErrorAttribute,
            JsonSerializer.Serialize(new StartError(text, createdOnUtc), JsonOptions));
    }

    public async Task<string?> TakeStartErrorAsync(Order order, DateTime nowUtc, TimeSpan maxAge)
    {
        ArgumentNullException.ThrowIfNull(order);
        var json = await _genericAttributeService.GetAttributeAsync<string>(order, MyPayGaDefaults.StartErrorAttribute);
        if (string.IsNullOrWhiteSpace(json))
            return null;

        // Read once: an empty value deletes the attribute.
        await _genericAttributeService.SaveAttributeAsync(order, MyPayGaDefaults.StartErrorAttribute, string.Empty);
        try
        {
            var error = JsonSerializer.Deserialize<StartError>(json, JsonOptions);
            var age = nowUtc - (error?.CreatedOnUtc ?? DateTime.MinValue);
            return error is not null && age >= TimeSpan.Zero && age <= maxAge ? ProviderMessages.Clean(error.Message) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    internal static string ReservationKey(int orderId, int number) =>
        orderId.ToString(CultureInfo.InvariantCulture) + "-" + number.ToString(CultureInfo.InvariantCulture);

    /// <summary>"{CustomOrderNumber}-{n}": the order number is everything before the last '-'; the whole text as a fallback.</summary>
    internal static IEnumerable<string> CandidateOrderNumbers(string reference)
    {
        var dash = reference.LastIndexOf('-');
        if (dash > 0 && int.TryParse(reference[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out _))
            yield return reference[..dash];
        yield return reference;
    }

    private async Task<IReadOnlyList<MyPayGaAttempt>> ReadAsync(int orderId) =>
        (await _repository.GetAllAsync(query => query.Where(a => a.OrderId == orderId).OrderBy(a => a.Number), getCacheKey: null)).ToList();

    /// <summary>
    /// 4.90.1's attempts of this order, copied into the table (each reserved by its number, so two requests importing
    /// at once copy each attempt once). The one that paid the order (CaptureTransactionId) is Paid, the others Open: the
    /// status processor reads them again. True when the order had such attempts (imported now or by a request before).
    /// </summary>
    private async Task<bool> ImportLegacyAsync(Order order)
    {
        var json = await _genericAttributeService.GetAttributeAsync<string>(order, LegacyAttemptsAttribute);
        if (string.IsNullOrWhiteSpace(json))
            return false;

        List<LegacyAttempt> legacy;
        try
        {
            legacy = JsonSerializer.Deserialize<List<LegacyAttempt>>(json, JsonOptions) ?? [];
        }
        catch (JsonException)
        {
            await _logger.ErrorAsync($"MyPayGa: the payment attempts stored on order {order.Id} by version 4.90.1 cannot be read; they are left as they are.");
            return false;
        }

        var imported = legacy.Count > 0; // also when another request imported them first: re-read
        foreach (var old in legacy.Where(a => a.Number > 0 && !string.IsNullOrWhiteSpace(a.PaymentToken)).OrderBy(a => a.Number))
        {
            var paid = string.Equals(old.PaymentToken, order.CaptureTransactionId, StringComparison.Ordinal);
            await TryReserveAsync(new MyPayGaAttempt
            {
                OrderId = order.Id,
                StoreId = order.StoreId,
                Number = old.Number,
                UniqueId = old.UniqueId ?? string.Empty,
                PaymentToken = old.PaymentToken,
                Channel = old.Channel,
                AmountXaf = old.AmountXaf,
                OrderTotal = order.OrderTotal,
                Phone = old.Phone,
                CreatedOnUtc = old.CreatedOnUtc == default ? order.CreatedOnUtc : old.CreatedOnUtc,
                Status = paid ? AttemptStatus.Paid : AttemptStatus.Open,
                ReceivedAmountXaf = paid ? old.AmountXaf : null,
                FinalOnUtc = paid ? order.PaidDateUtc ?? DateTime.UtcNow : null,
            });
        }

        return imported;
    }

    private sealed record LegacyAttempt(int Number, string? UniqueId, string? PaymentToken, PaymentChannel Channel,
        long AmountXaf, string? Phone, DateTime CreatedOnUtc);

    private sealed record StartError(string Message, DateTime CreatedOnUtc);
}
