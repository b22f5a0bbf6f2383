namespace MyPayGa.Client.Models;

public sealed record GenerateLinkRequest
{
    public required string FirstName { get; init; }
    public required string LastName { get; init; }
    public required string Email { get; init; }
    public required string Phone { get; init; }
    /// <summary>Whole XAF.</summary>
    public required long Amount { get; init; }
    public required string Description { get; init; }
}

public sealed record PaymentLinkResponse
{
    public MyPayGaStatus Code { get; init; }
    public string? Message { get; init; }
    /// <summary>getLink only.</summary>
    public string? CreatedAt { get; init; }
    public PaymentLink? Link { get; init; }
}

public sealed record PaymentLink
{
    /// <summary><c>order_ref</c> (generateLink) or <c>ref</c> (getLink).</summary>
    public string? Reference { get; init; }
    public string? Description { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public bool Expired { get; init; }
    /// <summary>generateLink's <c>paid</c>.</summary>
    public bool? Paid { get; init; }
    /// <summary>getLink's <c>final_status</c>.</summary>
    public MyPayGaStatus FinalStatus { get; init; }
    public Uri? Url { get; init; }
}

public sealed record CancelLinkResponse
{
    public MyPayGaStatus Code { get; init; }
    public string? Message { get; init; }
    public string? LinkReference { get; init; }
}
