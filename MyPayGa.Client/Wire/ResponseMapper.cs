using System.Globalization;
using System.Text.Json;
using MyPayGa.Client.Models;

namespace MyPayGa.Client.Wire;

/// <summary>From the wire DTOs to the public records.</summary>
internal static class ResponseMapper
{
    public static GetHashResponse Map(GetHashDto d) => new()
    {
        Code = d.Code,
        Message = d.Message,
        Hash = d.Hash,
        PaymentToken = d.PaymentToken ?? "",
        UniqueId = d.UniqueId,
    };

    public static MobilePaymentResponse Map(MobilePaymentDto d) => new()
    {
        StatusRequest = d.StatusRequest,
        Message = d.Message,
        PaymentToken = d.PaymentToken,
        Description = d.Description,
        Transaction = d.Transaction is { } t
            ? new MobilePaymentTransaction { Amount = t.Amount, Country = t.Country, Currency = t.Currency, Id = t.Id }
            : null,
    };

    public static PaymentDetailResponse Map(PaymentDetailDto d) => new()
    {
        Code = d.Code,
        FinalStatus = d.FinalStatus,
        MerchantRef = d.MerchantRef,
        Environment = d.Environment,
        Message = d.Message,
        Payments = (d.Payment ?? []).Select(p => new PaymentDetail
        {
            MerchantRef = p.MerchantRef,
            PaymentToken = p.PaymentToken,
            PaymentMethod = p.PaymentMethod,
            MobileCallback = int.TryParse(p.MobileCallback, NumberStyles.Integer, CultureInfo.InvariantCulture, out var mc) ? mc : null,
            OrderStatus = p.OrderStatus,
            MessageData = p.MessageData,
            TotalAmount = p.TotalAmount,
            ClientNumber = p.ClientNumber,
            OrderDateTime = p.OrderDateTime,
            PaymentBank = p.PaymentBank,
            Last4Digits = p.Last4Digits,
            CustomerName = p.CustomerName,
            TransactionFees = p.TransactionFees,
            NetAmount = p.NetAmount,
            FinalStatus = p.FinalStatus,
        }).ToList(),
    };

    public static ClientTransferResponse Map(ClientTransferDto d) => new()
    {
        StatusRequest = d.StatusRequest,
        Message = d.Message,
        Description = d.Description,
        Transfer = d.Transfer is { } t
            ? new ClientTransfer { TransferStatus = t.TransferStatus, Amount = t.Amount, TransferId = t.TransferId, Country = t.Country, Currency = t.Currency }
            : null,
    };

    public static ClientTransferStatusResponse Map(ClientTransferStatusDto d) => new()
    {
        Status = d.Status,
        Message = d.Message,
        Data = (d.Data ?? []).Select(e => new ClientTransferStatus
        {
            RequestedAmount = e.RequestedAmount,
            Status = e.Status,
            RequestDate = e.RequestDate,
            AccountNumber = e.AccountNumber,
            Description = e.Description,
            RecipientType = e.RecipientType,
        }).ToList(),
    };

    public static FeesResponse Map(FeesResponseDto d) => new()
    {
        StatusRequest = d.StatusRequest,
        Message = d.Message,
        Fees = d.Fees is { } f
            ? new Fees
            {
                MerchantCustomFees = f.MerchantCustomFees,
                StandardFees = f.StandardFees,
                PlatformFees = f.PlatformFees,
                BankFees = f.BankFees,
                FeesSource = f.FeesSource,
                Partner = f.Partner,
                PartnerCountry = f.PartnerCountry,
                Currency = f.Currency,
            }
            : null,
    };

    public static CreateRefundResponse Map(CreateRefundDto d) => new()
    {
        StatusRequest = d.StatusRequest,
        Message = d.Message,
        TotalAmount = d.TotalAmount,
        ClientNumber = d.ClientNumber,
        TransactionFees = d.TransactionFees,
        UpdatedFees = d.UpdatedFees,
        RefundId = d.RefundId ?? "",
    };

    public static SendRefundResponse Map(SendRefundDto d) => new()
    {
        RefundStatus = d.RefundStatus,
        Message = d.Message,
        RefundId = d.RefundId,
    };

    public static RefundInfoResponse Map(RefundInfoDto d) => new()
    {
        StatusRequest = d.StatusRequest,
        Message = d.Message,
        Exists = d.Exists ?? false,
        Refund = d.Refund is { } r
            ? new RefundInfo
            {
                OrderAmount = r.OrderAmount,
                Amount = r.Amount,
                Status = r.Status,
                RequestDate = r.RequestDate,
                OperationDate = r.OperationDate,
                PaymentMethod = r.PaymentMethod,
                RefundType = r.RefundType,
                RefundId = r.RefundId,
                Message = r.Message,
                Description = r.Description,
            }
            : null,
    };

    public static PaymentLinkResponse Map(PaymentLinkDto d) => new()
    {
        Code = d.Code,
        Message = d.Message,
        CreatedAt = d.CreatedAt,
        Link = d.Link is { } l
            ? new PaymentLink
            {
                Reference = l.OrderRef ?? l.Ref,
                Description = l.Description,
                Email = l.Email,
                Phone = l.Phone,
                Expired = l.Expired ?? false,
                Paid = l.Paid,
                FinalStatus = l.FinalStatus,
                Url = Uri.TryCreate(l.Url, UriKind.Absolute, out var url) ? url : null,
            }
            : null,
    };

    public static CancelLinkResponse Map(CancelLinkDto d) => new()
    {
        Code = d.Code,
        Message = d.Message,
        LinkReference = d.Link is { } link ? LinkReference(link) : null,
    };

    private static string? LinkReference(JsonElement link) => link.ValueKind switch
    {
        JsonValueKind.String => link.GetString(),
        JsonValueKind.Number => link.GetRawText(),
        JsonValueKind.Object when link.TryGetProperty("ref", out var r) && r.ValueKind == JsonValueKind.String => r.GetString(),
        JsonValueKind.Object when link.TryGetProperty("order_ref", out var o) && o.ValueKind == JsonValueKind.String => o.GetString(),
        _ => null,
    };
}
