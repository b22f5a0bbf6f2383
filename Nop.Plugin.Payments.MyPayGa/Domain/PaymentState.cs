namespace Nop.Plugin.Payments.MyPayGa.Domain;

/// <summary>Where an order's MyPayGa payment stands, as last read from MyPayGa.</summary>
public enum PaymentState
{
    /// <summary>No attempt has been started for the order.</summary>
    NotStarted,
    /// <summary>Started; MyPayGa does not report a final outcome yet.</summary>
    Pending,
    /// <summary>MyPayGa confirmed the payment for the right amount; the order is (now) paid.</summary>
    Paid,
    /// <summary>
    /// Money received that a person must decide about: a card accepted "with risk" that the store holds for review, or
    /// a payment for an order that could no longer take it. Not marked paid.
    /// </summary>
    HeldForReview,
    /// <summary>MyPayGa says the payment failed (the shopper may retry).</summary>
    Failed,
    /// <summary>MyPayGa says paid but the amount or currency does not match the attempt: never marked paid.</summary>
    AmountMismatch,
    /// <summary>MyPayGa could not be read (outage, timeout): nothing changed, try later.</summary>
    ProviderUnavailable,
    /// <summary>Another request is settling this order right now: nothing was decided by this check; ask again.</summary>
    Busy,
}

/// <summary>What triggered a status check (written in order notes and logs).</summary>
public enum StatusTrigger
{
    Callback,
    ReturnPage,
    PendingPage,
    AdminCheck,
    Reconciliation,
    /// <summary>The shopper asked for a new attempt (the retry page): the earlier ones are read first.</summary>
    RetryPage,
}

/// <summary>The result of reading and applying an order's status.</summary>
public sealed record PaymentStatusSnapshot
{
    public required int OrderId { get; init; }
    public required PaymentState State { get; init; }
    /// <summary>The attempt the state is about (the newest one when none is final).</summary>
    public MyPayGaAttempt? Attempt { get; init; }
    /// <summary>MyPayGa's message (e.g. the failure reason), safe to show the shopper.</summary>
    public string? ProviderMessage { get; init; }
    /// <summary>True when this check moved the order (marked paid, etc.).</summary>
    public bool OrderChanged { get; init; }
    /// <summary>
    /// True when the check could not look at everything it had to (MyPayGa unreachable for an attempt that may still be
    /// paid, or the order busy): a callback is then answered 503 so that MyPayGa delivers it again.
    /// </summary>
    public bool Unconfirmed { get; init; }
    public required DateTime ReadOnUtc { get; init; }
}
