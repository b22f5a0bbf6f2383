using MyPayGa.Client.Phones;

namespace Nop.Plugin.Payments.MyPayGa.Domain;

/// <summary>
/// One try at paying an order (one gethash). Kept as JSON in an order generic attribute
/// (<see cref="MyPayGaDefaults.AttemptsAttribute"/>), newest last; the newest token is also the order's
/// AuthorizationTransactionId.
/// </summary>
public sealed record PaymentAttempt
{
    /// <summary>1, 2, 3 ... per order.</summary>
    public required int Number { get; init; }
    /// <summary>The uniqueID sent to gethash: "{CustomOrderNumber}-{Number}".</summary>
    public required string UniqueId { get; init; }
    public required string PaymentToken { get; init; }
    public required PaymentChannel Channel { get; init; }
    /// <summary>Whole XAF asked of MyPayGa for this attempt (what the amount check compares with).</summary>
    public required long AmountXaf { get; init; }
    /// <summary>Phone digits as sent to MyPayGa (mobile money only). Shown only masked.</summary>
    public string? Phone { get; init; }
    public required DateTime CreatedOnUtc { get; init; }
}

/// <summary>Where an order's MyPayGa payment stands, as last read from MyPayGa.</summary>
public enum PaymentState
{
    /// <summary>No attempt has been started for the order.</summary>
    NotStarted,
    /// <summary>Started; MyPayGa does not report a final outcome yet.</summary>
    Pending,
    /// <summary>MyPayGa confirmed the payment for the right amount; the order is (now) paid.</summary>
    Paid,
    /// <summary>Card accepted "with risk" and the store holds such payments for review: not marked paid.</summary>
    HeldForReview,
    /// <summary>MyPayGa says the payment failed (the shopper may retry).</summary>
    Failed,
    /// <summary>MyPayGa says paid but the amount or currency does not match the attempt: never marked paid.</summary>
    AmountMismatch,
    /// <summary>MyPayGa could not be read (outage, timeout): nothing changed, try later.</summary>
    ProviderUnavailable,
}

/// <summary>What triggered a status check (written in order notes and logs).</summary>
public enum StatusTrigger
{
    Callback,
    ReturnPage,
    PendingPage,
    AdminCheck,
    Reconciliation,
}

/// <summary>The result of reading and applying an order's status.</summary>
public sealed record PaymentStatusSnapshot
{
    public required int OrderId { get; init; }
    public required PaymentState State { get; init; }
    /// <summary>The attempt the state is about (the newest one when none is final).</summary>
    public PaymentAttempt? Attempt { get; init; }
    /// <summary>MyPayGa's message (e.g. the failure reason), safe to show the shopper.</summary>
    public string? ProviderMessage { get; init; }
    /// <summary>True when this check moved the order (marked paid, etc.).</summary>
    public bool OrderChanged { get; init; }
    public required DateTime ReadOnUtc { get; init; }
}
