namespace MyPayGa.Client.Models;

public sealed record CreateRefundRequest
{
    public required string PaymentToken { get; init; }
    /// <summary>Whole XAF.</summary>
    public required long Amount { get; init; }
    public required string Description { get; init; }
}

public sealed record CreateRefundResponse
{
    public MyPayGaStatus StatusRequest { get; init; }
    public string? Message { get; init; }
    public decimal? TotalAmount { get; init; }
    public string? ClientNumber { get; init; }
    public decimal? TransactionFees { get; init; }
    public decimal? UpdatedFees { get; init; }
    public required string RefundId { get; init; }
}

public sealed record SendRefundResponse
{
    public MyPayGaStatus RefundStatus { get; init; }
    public string? Message { get; init; }
    public string? RefundId { get; init; }
}

public sealed record RefundInfoResponse
{
    public MyPayGaStatus StatusRequest { get; init; }
    public string? Message { get; init; }
    public bool Exists { get; init; }
    public RefundInfo? Refund { get; init; }
}

public sealed record RefundInfo
{
    public decimal? OrderAmount { get; init; }
    public decimal? Amount { get; init; }
    public MyPayGaStatus Status { get; init; }
    public string? RequestDate { get; init; }
    public string? OperationDate { get; init; }
    public string? PaymentMethod { get; init; }
    public string? RefundType { get; init; }
    public string? RefundId { get; init; }
    public string? Message { get; init; }
    public string? Description { get; init; }
}
