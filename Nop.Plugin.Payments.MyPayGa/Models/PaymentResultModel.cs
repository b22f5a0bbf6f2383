using Nop.Web.Framework.Models;

namespace Nop.Plugin.Payments.MyPayGa.Models;

/// <summary>Why the result page is shown.</summary>
public enum PaymentResultKind
{
    Failed,
    HeldForReview,
    AmountMismatch,
    OrderNotFound,
    CannotPay,
    Unavailable,
}

/// <summary>The page telling the shopper where a payment stands when it is not a success.</summary>
public record PaymentResultModel : BaseNopModel
{
    public PaymentResultKind Kind { get; set; }

    /// <summary>Page heading (localised).</summary>
    public required string Title { get; set; }

    /// <summary>The explanation (localised).</summary>
    public required string Message { get; set; }

    /// <summary>MyPayGa's reason (e.g. insufficient funds), when it gave one.</summary>
    public string? Reason { get; set; }

    public string? CustomOrderNumber { get; set; }

    public string? RetryUrl { get; set; }

    public string? OrderDetailsUrl { get; set; }

    public string? CustomerOrdersUrl { get; set; }
}
