using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nop.Plugin.Payments.MyPayGa.Models;

/// <summary>What the pending page's script polls (GET mypayga/status/{orderGuid}).</summary>
public sealed record PaymentStatusResponse
{
    internal static readonly JsonSerializerOptions SerializerOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The <see cref="Domain.PaymentState"/> in camel case: "pending", "paid", "failed", ...</summary>
    [JsonPropertyName("state")]
    public required string State { get; init; }

    /// <summary>A sentence for the shopper, in the working language.</summary>
    [JsonPropertyName("message")]
    public required string Message { get; init; }

    /// <summary>Where the browser should go now (the completed page when paid).</summary>
    [JsonPropertyName("redirectUrl")]
    public string? RedirectUrl { get; init; }

    /// <summary>The retry page, when the shopper may try again.</summary>
    [JsonPropertyName("retryUrl")]
    public string? RetryUrl { get; init; }

    /// <summary>The page heading for a final state that is not a payment (e.g. "Payment not completed"); null: unchanged.</summary>
    [JsonPropertyName("title")]
    public string? Title { get; init; }

    /// <summary>
    /// What replaces "confirm on your phone" for a final state that is not a payment; "" hides it; null: unchanged.
    /// </summary>
    [JsonPropertyName("instructions")]
    public string? Instructions { get; init; }

    /// <summary>True when polling should stop (nothing more will change by itself).</summary>
    [JsonPropertyName("final")]
    public bool Final { get; init; }

    /// <summary>
    /// Failed, but MyPayGa's reason has not arrived yet (its callback usually brings it a moment later): the page
    /// shows the failure and asks a few more times for the reason.
    /// </summary>
    [JsonPropertyName("awaitingReason")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool AwaitingReason { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this, SerializerOptions);
}
