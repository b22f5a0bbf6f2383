namespace MyPayGa.Sandbox.Domain;

public enum PaymentChannel
{
    /// <summary>gethash done, no payment started yet.</summary>
    None,
    MobileMoney,
    Card,
}

public enum PaymentState
{
    Pending,
    Succeeded,
    Failed,
}

/// <summary>A payment as the sandbox holds it. Mutated only under <see cref="SandboxStore"/>'s lock.</summary>
internal sealed class Payment
{
    public required string Token { get; init; }
    public required string UniqueId { get; init; }
    public required long Amount { get; init; }
    public required string Hash { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public string? Email { get; init; }
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? Phone { get; init; }
    public string? Description { get; init; }
    public string? LinkToken { get; init; }

    public PaymentChannel Channel { get; set; }
    public PaymentState State { get; set; }
    /// <summary>A mobile-money push is waiting for its outcome.</summary>
    public bool InFlight { get; set; }
    public string? ClientPhone { get; set; }
    public Operator? Operator { get; set; }
    public string? TransactionId { get; set; }
    /// <summary>Status text: "Pending", "Success", "Failed", or the card's text ("Refus solde ins").</summary>
    public string StatusText { get; set; } = "Pending";
    public string? Message { get; set; }
    public string? CardBrand { get; set; }
    public string? CardLast4 { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }

    public PaymentSnapshot Snapshot(long refunded) => new()
    {
        Token = Token,
        UniqueId = UniqueId,
        Amount = Amount,
        Hash = Hash,
        CreatedAt = CreatedAt,
        Email = Email,
        FirstName = FirstName,
        LastName = LastName,
        Phone = Phone,
        Description = Description,
        LinkToken = LinkToken,
        Channel = Channel,
        State = State,
        InFlight = InFlight,
        ClientPhone = ClientPhone,
        OperatorCode = Operator?.Code,
        OperatorName = Operator?.Name,
        TransactionId = TransactionId,
        StatusText = StatusText,
        Message = Message,
        CardBrand = CardBrand,
        CardLast4 = CardLast4,
        CompletedAt = CompletedAt,
        RefundedAmount = refunded,
    };
}

/// <summary>A read-only copy of a payment's state.</summary>
public sealed record PaymentSnapshot
{
    public required string Token { get; init; }
    public required string UniqueId { get; init; }
    public required long Amount { get; init; }
    public required string Hash { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public string? Email { get; init; }
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? Phone { get; init; }
    public string? Description { get; init; }
    public string? LinkToken { get; init; }
    public PaymentChannel Channel { get; init; }
    public PaymentState State { get; init; }
    public bool InFlight { get; init; }
    public string? ClientPhone { get; init; }
    public string? OperatorCode { get; init; }
    public string? OperatorName { get; init; }
    public string? TransactionId { get; init; }
    public required string StatusText { get; init; }
    public string? Message { get; init; }
    public string? CardBrand { get; init; }
    public string? CardLast4 { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
    /// <summary>Sum of created and sent refunds.</summary>
    public long RefundedAmount { get; init; }

    public bool IsFinal => State != PaymentState.Pending;

    /// <summary>
    /// The status code MyPayGa reports: "201" while pending (invented), "200"/"400" for mobile money,
    /// and "200" for every card outcome (the documented quirk: the text decides).
    /// </summary>
    public string OrderStatus => State switch
    {
        PaymentState.Pending => "201",
        _ when Channel == PaymentChannel.Card => "200",
        PaymentState.Succeeded => "200",
        _ => "400",
    };

    /// <summary>paymentMethod as in paiement-detail; null before a channel was chosen.</summary>
    public string? PaymentMethod => Channel switch
    {
        PaymentChannel.MobileMoney => "Mobile Money",
        PaymentChannel.Card => "Carte Bancaire",
        _ => null,
    };

    /// <summary>pmt_banque: operator code for mobile money, card brand for cards.</summary>
    public string? BankCode => Channel == PaymentChannel.Card ? CardBrand : OperatorCode;
}

internal sealed class Refund
{
    public required string Id { get; init; }
    public required string PaymentToken { get; init; }
    public required long Amount { get; init; }
    public required long OrderAmount { get; init; }
    public required string Description { get; init; }
    public required string ClientNumber { get; init; }
    public required string PaymentMethod { get; init; }
    public required DateTimeOffset RequestedAt { get; init; }
    public DateTimeOffset? SentAt { get; set; }

    public RefundSnapshot Snapshot() => new(Id, PaymentToken, Amount, OrderAmount, Description, ClientNumber,
        PaymentMethod, RequestedAt, SentAt);
}

public sealed record RefundSnapshot(
    string Id,
    string PaymentToken,
    long Amount,
    long OrderAmount,
    string Description,
    string ClientNumber,
    string PaymentMethod,
    DateTimeOffset RequestedAt,
    DateTimeOffset? SentAt)
{
    public bool IsSent => SentAt is not null;
    public decimal Fees => Money.RefundFees(Amount);
}

public sealed record TransferSnapshot(
    string Id,
    long Amount,
    string ReceiverPhone,
    string Country,
    string ReceiverType,
    bool Succeeded,
    DateTimeOffset RequestedAt)
{
    public string StatusText => Succeeded ? "Succès" : "Echec-solde ins.";
}

internal sealed class PaymentLink
{
    public required string OrderRef { get; init; }
    public required string Token { get; init; }
    public required long Amount { get; init; }
    public required string Url { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public string? Description { get; init; }
    public bool Expired { get; set; }
    public bool Paid { get; set; }
    public List<string> PaymentTokens { get; } = [];

    public LinkSnapshot Snapshot() => new(OrderRef, Token, Amount, Url, CreatedAt, FirstName, LastName, Email, Phone,
        Description, Expired, Paid, [.. PaymentTokens]);
}

public sealed record LinkSnapshot(
    string OrderRef,
    string Token,
    long Amount,
    string Url,
    DateTimeOffset CreatedAt,
    string? FirstName,
    string? LastName,
    string? Email,
    string? Phone,
    string? Description,
    bool Expired,
    bool Paid,
    IReadOnlyList<string> PaymentTokens)
{
    /// <summary>As the getLink example shows for an unpaid link: "400" until paid, then "200".</summary>
    public string FinalStatus => Paid ? "200" : "400";
}

/// <summary>Either a value or a message saying why not (a MyPayGa "400").</summary>
public readonly record struct Result<T>(T? Value, string? Error)
{
    public bool IsOk => Error is null;
    public static Result<T> Ok(T value) => new(value, null);
    public static Result<T> Fail(string error) => new(default, error);
}
