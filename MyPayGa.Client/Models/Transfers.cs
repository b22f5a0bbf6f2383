namespace MyPayGa.Client.Models;

/// <summary>sendClientTransfert: pays money out to a phone.</summary>
public sealed record ClientTransferRequest
{
    /// <summary>Whole XAF.</summary>
    public required long Amount { get; init; }
    public required string ReceiverPhone { get; init; }
    public string Country { get; init; } = "GA";
    /// <summary>type_clt; "client" in every documented example.</summary>
    public string ClientType { get; init; } = "client";
}

public sealed record ClientTransferResponse
{
    public MyPayGaStatus StatusRequest { get; init; }
    public string? Message { get; init; }
    public string? Description { get; init; }
    public ClientTransfer? Transfer { get; init; }
}

public sealed record ClientTransfer
{
    public MyPayGaStatus TransferStatus { get; init; }
    public decimal? Amount { get; init; }
    public string? TransferId { get; init; }
    public string? Country { get; init; }
    public string? Currency { get; init; }
}

public sealed record ClientTransferStatusResponse
{
    public MyPayGaStatus Status { get; init; }
    public string? Message { get; init; }
    public IReadOnlyList<ClientTransferStatus> Data { get; init; } = [];
}

public sealed record ClientTransferStatus
{
    public decimal? RequestedAmount { get; init; }
    /// <summary>statut_demande, e.g. "Echec-solde ins.".</summary>
    public string? Status { get; init; }
    public string? RequestDate { get; init; }
    public string? AccountNumber { get; init; }
    public string? Description { get; init; }
    public string? RecipientType { get; init; }
}

/// <summary>getFees: rates as fractions (0.0175 = 1.75 %).</summary>
public sealed record FeesResponse
{
    public MyPayGaStatus StatusRequest { get; init; }
    public string? Message { get; init; }
    public Fees? Fees { get; init; }
}

public sealed record Fees
{
    public decimal? MerchantCustomFees { get; init; }
    public decimal? StandardFees { get; init; }
    public decimal? PlatformFees { get; init; }
    public decimal? BankFees { get; init; }
    public string? FeesSource { get; init; }
    public string? Partner { get; init; }
    public string? PartnerCountry { get; init; }
    public string? Currency { get; init; }
}
