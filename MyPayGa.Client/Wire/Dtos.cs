using System.Text.Json;
using System.Text.Json.Serialization;
using MyPayGa.Client.Json;

namespace MyPayGa.Client.Wire;

// The bodies as MyPayGa sends them (field names exactly as documented). Mapped to the public records in
// ResponseMapper; nothing here is public.

internal sealed class GetHashDto
{
    [JsonPropertyName("code")] public MyPayGaStatus Code { get; set; }
    [JsonPropertyName("message")] public string? Message { get; set; }
    [JsonPropertyName("hash")] public string? Hash { get; set; }
    [JsonPropertyName("payment_token")] public string? PaymentToken { get; set; }
    [JsonPropertyName("uniqueID")] public string? UniqueId { get; set; }
}

internal sealed class MobilePaymentDto
{
    [JsonPropertyName("statusRequest")] public MyPayGaStatus StatusRequest { get; set; }
    [JsonPropertyName("message")] public string? Message { get; set; }
    [JsonPropertyName("payment_token")] public string? PaymentToken { get; set; }
    [JsonPropertyName("description")] public string? Description { get; set; }
    [JsonPropertyName("transaction")] public TransactionDto? Transaction { get; set; }
}

internal sealed class TransactionDto
{
    [JsonPropertyName("amount")] public decimal? Amount { get; set; }
    [JsonPropertyName("country")] public string? Country { get; set; }
    [JsonPropertyName("currency")] public string? Currency { get; set; }
    [JsonPropertyName("id")] public string? Id { get; set; }
}

internal sealed class PaymentDetailDto
{
    [JsonPropertyName("payment")]
    [JsonConverter(typeof(SingleOrArrayConverter<PaymentEntryDto>))]
    public List<PaymentEntryDto>? Payment { get; set; }

    [JsonPropertyName("code")] public MyPayGaStatus Code { get; set; }
    [JsonPropertyName("final_status")] public MyPayGaStatus FinalStatus { get; set; }
    [JsonPropertyName("merchand_ref")] public string? MerchantRef { get; set; }
    [JsonPropertyName("environnement")] public string? Environment { get; set; }
    [JsonPropertyName("message")] public string? Message { get; set; }
}

internal sealed class PaymentEntryDto
{
    [JsonPropertyName("merchand_ref")] public string? MerchantRef { get; set; }
    [JsonPropertyName("payment_token")] public string? PaymentToken { get; set; }
    [JsonPropertyName("paymentMethod")] public string? PaymentMethod { get; set; }
    [JsonPropertyName("mobile_callback")] public string? MobileCallback { get; set; }
    [JsonPropertyName("OrderStatus")] public MyPayGaStatus OrderStatus { get; set; }
    [JsonPropertyName("message_data")] public string? MessageData { get; set; }
    [JsonPropertyName("totalAmount")] public decimal? TotalAmount { get; set; }
    [JsonPropertyName("clientNumber")] public string? ClientNumber { get; set; }
    [JsonPropertyName("orderDateTime")] public string? OrderDateTime { get; set; }
    [JsonPropertyName("pmt_banque")] public string? PaymentBank { get; set; }
    [JsonPropertyName("last_4_digits")] public string? Last4Digits { get; set; }
    [JsonPropertyName("nom_prenom_client")] public string? CustomerName { get; set; }
    [JsonPropertyName("frais_transaction")] public decimal? TransactionFees { get; set; }
    [JsonPropertyName("montant_net")] public decimal? NetAmount { get; set; }
    [JsonPropertyName("final_status")] public MyPayGaStatus FinalStatus { get; set; }
}

internal sealed class ClientTransferDto
{
    [JsonPropertyName("statusRequest")] public MyPayGaStatus StatusRequest { get; set; }
    [JsonPropertyName("message")] public string? Message { get; set; }
    [JsonPropertyName("description")] public string? Description { get; set; }
    [JsonPropertyName("transfert")] public TransferDto? Transfer { get; set; }
}

internal sealed class TransferDto
{
    [JsonPropertyName("transfert_status")] public MyPayGaStatus TransferStatus { get; set; }
    [JsonPropertyName("amount")] public decimal? Amount { get; set; }
    [JsonPropertyName("transfert_id")] public string? TransferId { get; set; }
    [JsonPropertyName("country")] public string? Country { get; set; }
    [JsonPropertyName("currency")] public string? Currency { get; set; }
}

internal sealed class ClientTransferStatusDto
{
    [JsonPropertyName("status")] public MyPayGaStatus Status { get; set; }
    [JsonPropertyName("message")] public string? Message { get; set; }

    [JsonPropertyName("data")]
    [JsonConverter(typeof(SingleOrArrayConverter<TransferStatusEntryDto>))]
    public List<TransferStatusEntryDto>? Data { get; set; }
}

internal sealed class TransferStatusEntryDto
{
    [JsonPropertyName("montant_demande")] public decimal? RequestedAmount { get; set; }
    [JsonPropertyName("statut_demande")] public string? Status { get; set; }
    [JsonPropertyName("date_demande")] public string? RequestDate { get; set; }
    [JsonPropertyName("numero_de_compte")] public string? AccountNumber { get; set; }
    [JsonPropertyName("description")] public string? Description { get; set; }
    [JsonPropertyName("type_destinataire")] public string? RecipientType { get; set; }
}

internal sealed class FeesResponseDto
{
    [JsonPropertyName("statusRequest")] public MyPayGaStatus StatusRequest { get; set; }
    [JsonPropertyName("message")] public string? Message { get; set; }
    [JsonPropertyName("fees")] public FeesDto? Fees { get; set; }
}

internal sealed class FeesDto
{
    [JsonPropertyName("merchand_custom_fees")] public decimal? MerchantCustomFees { get; set; }
    [JsonPropertyName("standard_fees")] public decimal? StandardFees { get; set; }
    [JsonPropertyName("platform_fees")] public decimal? PlatformFees { get; set; }
    [JsonPropertyName("bank_fees")] public decimal? BankFees { get; set; }
    [JsonPropertyName("fees_source")] public string? FeesSource { get; set; }
    [JsonPropertyName("short_partner")] public string? Partner { get; set; }
    [JsonPropertyName("cty_partner")] public string? PartnerCountry { get; set; }
    [JsonPropertyName("currency")] public string? Currency { get; set; }
}

internal sealed class CreateRefundDto
{
    [JsonPropertyName("statusRequest")] public MyPayGaStatus StatusRequest { get; set; }
    [JsonPropertyName("message")] public string? Message { get; set; }
    [JsonPropertyName("totalAmount")] public decimal? TotalAmount { get; set; }
    [JsonPropertyName("clientNumber")] public string? ClientNumber { get; set; }
    [JsonPropertyName("frais_transaction")] public decimal? TransactionFees { get; set; }
    [JsonPropertyName("updatedFees")] public decimal? UpdatedFees { get; set; }
    [JsonPropertyName("refundId")] public string? RefundId { get; set; }
}

internal sealed class SendRefundDto
{
    [JsonPropertyName("RefundStatus")] public MyPayGaStatus RefundStatus { get; set; }
    [JsonPropertyName("message")] public string? Message { get; set; }
    [JsonPropertyName("refund_id")] public string? RefundId { get; set; }
}

internal sealed class RefundInfoDto
{
    [JsonPropertyName("statusRequest")] public MyPayGaStatus StatusRequest { get; set; }
    [JsonPropertyName("message")] public string? Message { get; set; }
    [JsonPropertyName("exists")] public bool? Exists { get; set; }
    [JsonPropertyName("refund")] public RefundDto? Refund { get; set; }
}

internal sealed class RefundDto
{
    [JsonPropertyName("orderAmount")] public decimal? OrderAmount { get; set; }
    [JsonPropertyName("amount")] public decimal? Amount { get; set; }
    [JsonPropertyName("status")] public MyPayGaStatus Status { get; set; }
    [JsonPropertyName("requestDate")] public string? RequestDate { get; set; }
    [JsonPropertyName("opeDate")] public string? OperationDate { get; set; }
    [JsonPropertyName("paymentMethod")] public string? PaymentMethod { get; set; }
    [JsonPropertyName("refundType")] public string? RefundType { get; set; }
    [JsonPropertyName("refundId")] public string? RefundId { get; set; }
    [JsonPropertyName("message")] public string? Message { get; set; }
    [JsonPropertyName("description")] public string? Description { get; set; }
}

internal sealed class PaymentLinkDto
{
    [JsonPropertyName("code")] public MyPayGaStatus Code { get; set; }
    [JsonPropertyName("message")] public string? Message { get; set; }
    [JsonPropertyName("created_at")] public string? CreatedAt { get; set; }
    [JsonPropertyName("link")] public LinkDto? Link { get; set; }
}

internal sealed class LinkDto
{
    [JsonPropertyName("order_ref")] public string? OrderRef { get; set; }
    [JsonPropertyName("ref")] public string? Ref { get; set; }
    [JsonPropertyName("description")] public string? Description { get; set; }
    [JsonPropertyName("email")] public string? Email { get; set; }
    [JsonPropertyName("phone")] public string? Phone { get; set; }
    [JsonPropertyName("expired")] public bool? Expired { get; set; }
    [JsonPropertyName("paid")] public bool? Paid { get; set; }
    [JsonPropertyName("final_status")] public MyPayGaStatus FinalStatus { get; set; }
    [JsonPropertyName("url")] public string? Url { get; set; }
}

internal sealed class CancelLinkDto
{
    [JsonPropertyName("code")] public MyPayGaStatus Code { get; set; }
    [JsonPropertyName("message")] public string? Message { get; set; }

    /// <summary>The reference as a string (documented); an object with ref/order_ref is tolerated.</summary>
    [JsonPropertyName("link")] public JsonElement? Link { get; set; }
}
