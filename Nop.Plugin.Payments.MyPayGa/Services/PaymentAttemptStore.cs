using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.MyPayGa.Domain;
using Nop.Services.Common;
using Nop.Services.Logging;
using Nop.Services.Orders;

namespace Nop.Plugin.Payments.MyPayGa.Services;

/// <summary>
/// The attempts of an order, kept as a JSON string in the order's generic attribute
/// <see cref="MyPayGaDefaults.AttemptsAttribute"/> (store 0, shared), oldest first.
/// </summary>
public class PaymentAttemptStore : IPaymentAttemptStore
{
    internal static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly IGenericAttributeService _genericAttributeService;
    private readonly IOrderService _orderService;
    private readonly ILogger _logger;

    public PaymentAttemptStore(IGenericAttributeService genericAttributeService, IOrderService orderService, ILogger logger)
    {
        _genericAttributeService = genericAttributeService;
        _orderService = orderService;
        _logger = logger;
    }

    public async Task<IReadOnlyList<PaymentAttempt>> GetAttemptsAsync(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);

        var json = await _genericAttributeService.GetAttributeAsync<string>(order, MyPayGaDefaults.AttemptsAttribute);
        if (string.IsNullOrWhiteSpace(json))
            return [];

        if (TryParse(json, out var attempts))
            return attempts;

        await _logger.ErrorAsync($"MyPayGa: the payment attempts stored on order {order.Id} cannot be read; they are left as they are.");
        return [];
    }

    public async Task<PaymentAttempt?> GetLatestAsync(Order order) =>
        (await GetAttemptsAsync(order)).LastOrDefault();

    public async Task AddAsync(Order order, PaymentAttempt attempt)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(attempt);

        var json = await _genericAttributeService.GetAttributeAsync<string>(order, MyPayGaDefaults.AttemptsAttribute);
        var attempts = new List<PaymentAttempt>();
        if (!string.IsNullOrWhiteSpace(json))
        {
            // Never overwrite a history that cannot be read: it may hold the token of a paid attempt.
            if (!TryParse(json, out var existing))
                throw new InvalidOperationException($"The MyPayGa payment attempts stored on order {order.Id} cannot be read.");
            attempts.AddRange(existing);
        }

        if (attempts.Any(a => a.Number == attempt.Number || a.PaymentToken == attempt.PaymentToken))
            throw new InvalidOperationException($"Order {order.Id} already has payment attempt {attempt.UniqueId}.");

        attempts.Add(attempt);
        await _genericAttributeService.SaveAttributeAsync(order, MyPayGaDefaults.AttemptsAttribute,
            JsonSerializer.Serialize(attempts, JsonOptions));

        order.AuthorizationTransactionId = attempt.PaymentToken;
        await _orderService.UpdateOrderAsync(order);
    }

    public async Task<Order?> FindOrderAsync(string? merchantReference, string? paymentToken)
    {
        var reference = merchantReference?.Trim();
        var token = paymentToken?.Trim();
        // A token alone cannot be looked up here (nopCommerce has no query by transaction id): the caller first asks
        // MyPayGa which merchant reference the token belongs to.
        if (string.IsNullOrEmpty(reference))
            return null;

        foreach (var customOrderNumber in CandidateOrderNumbers(reference))
        {
            var order = await _orderService.GetOrderByCustomOrderNumberAsync(customOrderNumber);
            if (order is null)
                continue;

            var attempts = await GetAttemptsAsync(order);
            // When the token is known it must be one of this order's: a reference alone could be typed by anyone.
            var belongs = string.IsNullOrEmpty(token)
                ? attempts.Any(a => string.Equals(a.UniqueId, reference, StringComparison.Ordinal))
                : attempts.Any(a => string.Equals(a.PaymentToken, token, StringComparison.Ordinal));
            if (belongs)
                return order;
        }

        return null;
    }

    public async Task SaveProviderMessageAsync(Order order, string uniqueId, string? message)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (string.IsNullOrWhiteSpace(uniqueId) || ProviderMessages.IsBareStatusWord(message))
            return;

        var cleaned = ProviderMessages.Clean(message)!;
        var messages = await GetProviderMessagesAsync(order);
        if (messages.TryGetValue(uniqueId, out var kept) && string.Equals(kept, cleaned, StringComparison.Ordinal))
            return;

        messages[uniqueId] = cleaned;
        await _genericAttributeService.SaveAttributeAsync(order, MyPayGaDefaults.ProviderMessagesAttribute,
            JsonSerializer.Serialize(messages, JsonOptions));
    }

    public async Task<string?> GetProviderMessageAsync(Order order, string uniqueId)
    {
        ArgumentNullException.ThrowIfNull(order);
        return (await GetProviderMessagesAsync(order)).TryGetValue(uniqueId, out var message) ? message : null;
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

    private sealed record StartError(string Message, DateTime CreatedOnUtc);

    /// <summary>Display-only texts: an unreadable map is simply empty.</summary>
    private async Task<Dictionary<string, string>> GetProviderMessagesAsync(Order order)
    {
        var json = await _genericAttributeService.GetAttributeAsync<string>(order, MyPayGaDefaults.ProviderMessagesAttribute);
        if (!string.IsNullOrWhiteSpace(json))
        {
            try
            {
                if (JsonSerializer.Deserialize<Dictionary<string, string>>(json, JsonOptions) is { } map)
                    return new Dictionary<string, string>(map, StringComparer.Ordinal);
            }
            catch (JsonException)
            {
            }
        }

        return new Dictionary<string, string>(StringComparer.Ordinal);
    }

    /// <summary>"{CustomOrderNumber}-{n}": the order number is everything before the last '-'; the whole text as a fallback.</summary>
    internal static IEnumerable<string> CandidateOrderNumbers(string reference)
    {
        var dash = reference.LastIndexOf('-');
        if (dash > 0 && int.TryParse(reference[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out _))
            yield return reference[..dash];
        yield return reference;
    }

    private static bool TryParse(string json, out IReadOnlyList<PaymentAttempt> attempts)
    {
        try
        {
            var list = JsonSerializer.Deserialize<List<PaymentAttempt>>(json, JsonOptions) ?? [];
            attempts = list.OrderBy(a => a.Number).ToList();
            return true;
        }
        catch (JsonException)
        {
            attempts = [];
            return false;
        }
    }
}
