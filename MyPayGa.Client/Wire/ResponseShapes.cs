using System.Text.Json;
using MyPayGa.Client.Json;
using MyPayGa.Client.Models;

namespace MyPayGa.Client.Wire;

/// <summary>
/// How one endpoint's answer is read: straight from the UTF-8 body into the public record, in one pass (no document,
/// no intermediate objects), with the field names exactly as MyPayGa documents them. <see cref="Status"/> and
/// <see cref="Message"/> give what the client checks on commands; <see cref="Problem"/> a shape error of a 200.
/// </summary>
internal abstract class ResponseShape<T>
    where T : class
{
    /// <summary>The reader is on the root StartObject; returns on its EndObject.</summary>
    public abstract T Read(ref Utf8JsonReader reader);

    public abstract MyPayGaStatus Status(T response);

    public abstract string? Message(T response);

    /// <summary>What is missing from a successful command's answer, or null.</summary>
    public virtual string? Problem(T response) => null;
}

/// <summary>The shape of each endpoint's answer (API.md, "Responses"). The odd names are mapped here, once.</summary>
internal static class ResponseShapes
{
    public static readonly ResponseShape<GetHashResponse> GetHash = new GetHashShape();
    public static readonly ResponseShape<MobilePaymentResponse> MobilePayment = new MobilePaymentShape();
    public static readonly ResponseShape<PaymentDetailResponse> PaymentDetail = new PaymentDetailShape();
    public static readonly ResponseShape<ClientTransferResponse> ClientTransfer = new ClientTransferShape();
    public static readonly ResponseShape<ClientTransferStatusResponse> ClientTransferStatus = new ClientTransferStatusShape();
    public static readonly ResponseShape<FeesResponse> Fees = new FeesShape();
    public static readonly ResponseShape<CreateRefundResponse> CreateRefund = new CreateRefundShape();
    public static readonly ResponseShape<SendRefundResponse> SendRefund = new SendRefundShape();
    public static readonly ResponseShape<RefundInfoResponse> RefundInfo = new RefundInfoShape();
    public static readonly ResponseShape<PaymentLinkResponse> PaymentLink = new PaymentLinkShape();
    public static readonly ResponseShape<CancelLinkResponse> CancelLink = new CancelLinkShape();

    private sealed class GetHashShape : ResponseShape<GetHashResponse>
    {
        private static readonly FieldNames Names = new("code", "message", "hash", "payment_token", "uniqueID");

        public override GetHashResponse Read(ref Utf8JsonReader reader)
        {
            MyPayGaStatus code = default;
            string? message = null, hash = null, token = null, uniqueId = null;
            ulong seen = 0;
            while (WireJson.NextProperty(ref reader))
            {
                switch (Names.Next(ref reader, ref seen))
                {
                    case 0: code = WireJson.Status(ref reader); break;
                    case 1: message = WireJson.Text(ref reader); break;
                    case 2: hash = WireJson.Text(ref reader); break;
                    case 3: token = WireJson.Text(ref reader); break;
                    case 4: uniqueId = WireJson.Text(ref reader); break;
                    default: reader.Skip(); break;
                }
            }

            return new GetHashResponse { Code = code, Message = message, Hash = hash, PaymentToken = token ?? "", UniqueId = uniqueId };
        }

        public override MyPayGaStatus Status(GetHashResponse response) => response.Code;

        public override string? Message(GetHashResponse response) => response.Message;

        public override string? Problem(GetHashResponse response) =>
            string.IsNullOrWhiteSpace(response.PaymentToken) ? "status 200 without a payment_token" : null;
    }

    private sealed class MobilePaymentShape : ResponseShape<MobilePaymentResponse>
    {
        private static readonly FieldNames Names = new("statusRequest", "message", "payment_token", "description", "transaction");
        private static readonly FieldNames TransactionNames = new("amount", "country", "currency", "id");

        public override MobilePaymentResponse Read(ref Utf8JsonReader reader)
        {
            MyPayGaStatus status = default;
            string? message = null, token = null, description = null;
            MobilePaymentTransaction? transaction = null;
            ulong seen = 0;
            while (WireJson.NextProperty(ref reader))
            {
                switch (Names.Next(ref reader, ref seen))
                {
                    case 0: status = WireJson.Status(ref reader); break;
                    case 1: message = WireJson.Text(ref reader); break;
                    case 2: token = WireJson.Text(ref reader); break;
                    case 3: description = WireJson.Text(ref reader); break;
                    case 4: transaction = WireJson.Object(ref reader, ReadTransaction, "transaction"); break;
                    default: reader.Skip(); break;
                }
            }

            return new MobilePaymentResponse { StatusRequest = status, Message = message, PaymentToken = token, Description = description, Transaction = transaction };
        }

        private static MobilePaymentTransaction ReadTransaction(ref Utf8JsonReader reader)
        {
            decimal? amount = null;
            string? country = null, currency = null, id = null;
            ulong seen = 0;
            while (WireJson.NextProperty(ref reader))
            {
                switch (TransactionNames.Next(ref reader, ref seen))
                {
                    case 0: amount = WireJson.Decimal(ref reader); break;
                    case 1: country = WireJson.Text(ref reader); break;
                    case 2: currency = WireJson.Text(ref reader); break;
                    case 3: id = WireJson.Text(ref reader); break;
                    default: reader.Skip(); break;
                }
            }

            return new MobilePaymentTransaction { Amount = amount, Country = country, Currency = currency, Id = id };
        }

        public override MyPayGaStatus Status(MobilePaymentResponse response) => response.StatusRequest;

        public override string? Message(MobilePaymentResponse response) => response.Message;
    }

    private sealed class PaymentDetailShape : ResponseShape<PaymentDetailResponse>
    {
        private static readonly FieldNames Names = new("payment", "code", "final_status", "merchand_ref", "environnement", "message");
        private static readonly FieldNames EntryNames = new("merchand_ref", "payment_token", "paymentMethod", "mobile_callback", "OrderStatus",
            "message_data", "totalAmount", "clientNumber", "orderDateTime", "pmt_banque", "last_4_digits", "nom_prenom_client",
            "frais_transaction", "montant_net", "final_status");

        public override PaymentDetailResponse Read(ref Utf8JsonReader reader)
        {
            List<PaymentDetail>? payments = null;
            MyPayGaStatus code = default, finalStatus = default;
            string? merchantRef = null, environment = null, message = null;
            ulong seen = 0;
            while (WireJson.NextProperty(ref reader))
            {
                switch (Names.Next(ref reader, ref seen))
                {
                    case 0: payments = WireJson.List(ref reader, ReadEntry, "payment"); break;
                    case 1: code = WireJson.Status(ref reader); break;
                    case 2: finalStatus = WireJson.Status(ref reader); break;
                    case 3: merchantRef = WireJson.Text(ref reader); break;
                    case 4: environment = WireJson.Text(ref reader); break;
                    case 5: message = WireJson.Text(ref reader); break;
                    default: reader.Skip(); break;
                }
            }

            return new PaymentDetailResponse
            {
                Code = code,
                FinalStatus = finalStatus,
                MerchantRef = merchantRef,
                Environment = environment,
                Message = message,
                Payments = payments ?? [],
            };
        }

        private static PaymentDetail ReadEntry(ref Utf8JsonReader reader)
        {
            string? merchantRef = null, token = null, method = null, messageData = null, clientNumber = null, orderDateTime = null,
                bank = null, last4 = null, customer = null;
            int? mobileCallback = null;
            MyPayGaStatus orderStatus = default, finalStatus = default;
            decimal? totalAmount = null, fees = null, net = null;
            ulong seen = 0;
            while (WireJson.NextProperty(ref reader))
            {
                switch (EntryNames.Next(ref reader, ref seen))
                {
                    case 0: merchantRef = WireJson.Text(ref reader); break;
                    case 1: token = WireJson.Text(ref reader); break;
                    case 2: method = WireJson.Text(ref reader); break;
                    case 3: mobileCallback = WireJson.Integer(ref reader); break;
                    case 4: orderStatus = WireJson.Status(ref reader); break;
                    case 5: messageData = WireJson.Text(ref reader); break;
                    case 6: totalAmount = WireJson.Decimal(ref reader); break;
                    case 7: clientNumber = WireJson.Text(ref reader); break;
                    case 8: orderDateTime = WireJson.Text(ref reader); break;
                    case 9: bank = WireJson.Text(ref reader); break;
                    case 10: last4 = WireJson.Text(ref reader); break;
                    case 11: customer = WireJson.Text(ref reader); break;
                    case 12: fees = WireJson.Decimal(ref reader); break;
                    case 13: net = WireJson.Decimal(ref reader); break;
                    case 14: finalStatus = WireJson.Status(ref reader); break;
                    default: reader.Skip(); break;
                }
            }

            return new PaymentDetail
            {
                MerchantRef = merchantRef,
                PaymentToken = token,
                PaymentMethod = method,
                MobileCallback = mobileCallback,
                OrderStatus = orderStatus,
                MessageData = messageData,
                TotalAmount = totalAmount,
                ClientNumber = clientNumber,
                OrderDateTime = orderDateTime,
                PaymentBank = bank,
                Last4Digits = last4,
                CustomerName = customer,
                TransactionFees = fees,
                NetAmount = net,
                FinalStatus = finalStatus,
            };
        }

        public override MyPayGaStatus Status(PaymentDetailResponse response) => response.Code;

        public override string? Message(PaymentDetailResponse response) => response.Message;
    }

    private sealed class ClientTransferShape : ResponseShape<ClientTransferResponse>
    {
        private static readonly FieldNames Names = new("statusRequest", "message", "description", "transfert");
        private static readonly FieldNames TransferNames = new("transfert_status", "amount", "transfert_id", "country", "currency");

        public override ClientTransferResponse Read(ref Utf8JsonReader reader)
        {
            MyPayGaStatus status = default;
            string? message = null, description = null;
            ClientTransfer? transfer = null;
            ulong seen = 0;
            while (WireJson.NextProperty(ref reader))
            {
                switch (Names.Next(ref reader, ref seen))
                {
                    case 0: status = WireJson.Status(ref reader); break;
                    case 1: message = WireJson.Text(ref reader); break;
                    case 2: description = WireJson.Text(ref reader); break;
                    case 3: transfer = WireJson.Object(ref reader, ReadTransfer, "transfert"); break;
                    default: reader.Skip(); break;
                }
            }

            return new ClientTransferResponse { StatusRequest = status, Message = message, Description = description, Transfer = transfer };
        }

        private static ClientTransfer ReadTransfer(ref Utf8JsonReader reader)
        {
            MyPayGaStatus status = default;
            decimal? amount = null;
            string? id = null, country = null, currency = null;
            ulong seen = 0;
            while (WireJson.NextProperty(ref reader))
            {
                switch (TransferNames.Next(ref reader, ref seen))
                {
                    case 0: status = WireJson.Status(ref reader); break;
                    case 1: amount = WireJson.Decimal(ref reader); break;
                    case 2: id = WireJson.Text(ref reader); break;
                    case 3: country = WireJson.Text(ref reader); break;
                    case 4: currency = WireJson.Text(ref reader); break;
                    default: reader.Skip(); break;
                }
            }

            return new ClientTransfer { TransferStatus = status, Amount = amount, TransferId = id, Country = country, Currency = currency };
        }

        public override MyPayGaStatus Status(ClientTransferResponse response) => response.StatusRequest;

        public override string? Message(ClientTransferResponse response) => response.Message;
    }

    private sealed class ClientTransferStatusShape : ResponseShape<ClientTransferStatusResponse>
    {
        private static readonly FieldNames Names = new("status", "message", "data");
        private static readonly FieldNames EntryNames = new("montant_demande", "statut_demande", "date_demande", "numero_de_compte",
            "description", "type_destinataire");

        public override ClientTransferStatusResponse Read(ref Utf8JsonReader reader)
        {
            MyPayGaStatus status = default;
            string? message = null;
            List<ClientTransferStatus>? data = null;
            ulong seen = 0;
            while (WireJson.NextProperty(ref reader))
            {
                switch (Names.Next(ref reader, ref seen))
                {
                    case 0: status = WireJson.Status(ref reader); break;
                    case 1: message = WireJson.Text(ref reader); break;
                    case 2: data = WireJson.List(ref reader, ReadEntry, "data"); break;
                    default: reader.Skip(); break;
                }
            }

            return new ClientTransferStatusResponse { Status = status, Message = message, Data = data ?? [] };
        }

        private static ClientTransferStatus ReadEntry(ref Utf8JsonReader reader)
        {
            decimal? amount = null;
            string? status = null, date = null, account = null, description = null, recipient = null;
            ulong seen = 0;
            while (WireJson.NextProperty(ref reader))
            {
                switch (EntryNames.Next(ref reader, ref seen))
                {
                    case 0: amount = WireJson.Decimal(ref reader); break;
                    case 1: status = WireJson.Text(ref reader); break;
                    case 2: date = WireJson.Text(ref reader); break;
                    case 3: account = WireJson.Text(ref reader); break;
                    case 4: description = WireJson.Text(ref reader); break;
                    case 5: recipient = WireJson.Text(ref reader); break;
                    default: reader.Skip(); break;
                }
            }

            return new ClientTransferStatus
            {
                RequestedAmount = amount,
                Status = status,
                RequestDate = date,
                AccountNumber = account,
                Description = description,
                RecipientType = recipient,
            };
        }

        public override MyPayGaStatus Status(ClientTransferStatusResponse response) => response.Status;

        public override string? Message(ClientTransferStatusResponse response) => response.Message;
    }

    private sealed class FeesShape : ResponseShape<FeesResponse>
    {
        private static readonly FieldNames Names = new("statusRequest", "message", "fees");
        private static readonly FieldNames FeeNames = new("merchand_custom_fees", "standard_fees", "platform_fees", "bank_fees", "fees_source",
            "short_partner", "cty_partner", "currency");

        public override FeesResponse Read(ref Utf8JsonReader reader)
        {
            MyPayGaStatus status = default;
            string? message = null;
            Fees? fees = null;
            ulong seen = 0;
            while (WireJson.NextProperty(ref reader))
            {
                switch (Names.Next(ref reader, ref seen))
                {
                    case 0: status = WireJson.Status(ref reader); break;
                    case 1: message = WireJson.Text(ref reader); break;
                    case 2: fees = WireJson.Object(ref reader, ReadFees, "fees"); break;
                    default: reader.Skip(); break;
                }
            }

            return new FeesResponse { StatusRequest = status, Message = message, Fees = fees };
        }

        private static Fees ReadFees(ref Utf8JsonReader reader)
        {
            decimal? custom = null, standard = null, platform = null, bank = null;
            string? source = null, partner = null, country = null, currency = null;
            ulong seen = 0;
            while (WireJson.NextProperty(ref reader))
            {
                switch (FeeNames.Next(ref reader, ref seen))
                {
                    case 0: custom = WireJson.Decimal(ref reader); break;
                    case 1: standard = WireJson.Decimal(ref reader); break;
                    case 2: platform = WireJson.Decimal(ref reader); break;
                    case 3: bank = WireJson.Decimal(ref reader); break;
                    case 4: source = WireJson.Text(ref reader); break;
                    case 5: partner = WireJson.Text(ref reader); break;
                    case 6: country = WireJson.Text(ref reader); break;
                    case 7: currency = WireJson.Text(ref reader); break;
                    default: reader.Skip(); break;
                }
            }

            return new Fees
            {
                MerchantCustomFees = custom,
                StandardFees = standard,
                PlatformFees = platform,
                BankFees = bank,
                FeesSource = source,
                Partner = partner,
                PartnerCountry = country,
                Currency = currency,
            };
        }

        public override MyPayGaStatus Status(FeesResponse response) => response.StatusRequest;

        public override string? Message(FeesResponse response) => response.Message;
    }

    private sealed class CreateRefundShape : ResponseShape<CreateRefundResponse>
    {
        private static readonly FieldNames Names = new("statusRequest", "message", "totalAmount", "clientNumber", "frais_transaction",
            "updatedFees", "refundId");

        public override CreateRefundResponse Read(ref Utf8JsonReader reader)
        {
            MyPayGaStatus status = default;
            string? message = null, clientNumber = null, refundId = null;
            decimal? total = null, fees = null, updatedFees = null;
            ulong seen = 0;
            while (WireJson.NextProperty(ref reader))
            {
                switch (Names.Next(ref reader, ref seen))
                {
                    case 0: status = WireJson.Status(ref reader); break;
                    case 1: message = WireJson.Text(ref reader); break;
                    case 2: total = WireJson.Decimal(ref reader); break;
                    case 3: clientNumber = WireJson.Text(ref reader); break;
                    case 4: fees = WireJson.Decimal(ref reader); break;
                    case 5: updatedFees = WireJson.Decimal(ref reader); break;
                    case 6: refundId = WireJson.Text(ref reader); break;
                    default: reader.Skip(); break;
                }
            }

            return new CreateRefundResponse
            {
                StatusRequest = status,
                Message = message,
                TotalAmount = total,
                ClientNumber = clientNumber,
                TransactionFees = fees,
                UpdatedFees = updatedFees,
                RefundId = refundId ?? "",
            };
        }

        public override MyPayGaStatus Status(CreateRefundResponse response) => response.StatusRequest;

        public override string? Message(CreateRefundResponse response) => response.Message;

        public override string? Problem(CreateRefundResponse response) =>
            string.IsNullOrWhiteSpace(response.RefundId) ? "status 200 without a refundId" : null;
    }

    private sealed class SendRefundShape : ResponseShape<SendRefundResponse>
    {
        private static readonly FieldNames Names = new("RefundStatus", "message", "refund_id");

        public override SendRefundResponse Read(ref Utf8JsonReader reader)
        {
            MyPayGaStatus status = default;
            string? message = null, refundId = null;
            ulong seen = 0;
            while (WireJson.NextProperty(ref reader))
            {
                switch (Names.Next(ref reader, ref seen))
                {
                    case 0: status = WireJson.Status(ref reader); break;
                    case 1: message = WireJson.Text(ref reader); break;
                    case 2: refundId = WireJson.Text(ref reader); break;
                    default: reader.Skip(); break;
                }
            }

            return new SendRefundResponse { RefundStatus = status, Message = message, RefundId = refundId };
        }

        public override MyPayGaStatus Status(SendRefundResponse response) => response.RefundStatus;

        public override string? Message(SendRefundResponse response) => response.Message;
    }

    private sealed class RefundInfoShape : ResponseShape<RefundInfoResponse>
    {
        private static readonly FieldNames Names = new("statusRequest", "message", "exists", "refund");
        private static readonly FieldNames RefundNames = new("orderAmount", "amount", "status", "requestDate", "opeDate", "paymentMethod",
            "refundType", "refundId", "message", "description");

        public override RefundInfoResponse Read(ref Utf8JsonReader reader)
        {
            MyPayGaStatus status = default;
            string? message = null;
            bool? exists = null;
            RefundInfo? refund = null;
            ulong seen = 0;
            while (WireJson.NextProperty(ref reader))
            {
                switch (Names.Next(ref reader, ref seen))
                {
                    case 0: status = WireJson.Status(ref reader); break;
                    case 1: message = WireJson.Text(ref reader); break;
                    case 2: exists = WireJson.Boolean(ref reader); break;
                    case 3: refund = WireJson.Object(ref reader, ReadRefund, "refund"); break;
                    default: reader.Skip(); break;
                }
            }

            return new RefundInfoResponse { StatusRequest = status, Message = message, Exists = exists ?? false, Refund = refund };
        }

        private static RefundInfo ReadRefund(ref Utf8JsonReader reader)
        {
            decimal? orderAmount = null, amount = null;
            MyPayGaStatus status = default;
            string? requested = null, operated = null, method = null, type = null, id = null, message = null, description = null;
            ulong seen = 0;
            while (WireJson.NextProperty(ref reader))
            {
                switch (RefundNames.Next(ref reader, ref seen))
                {
                    case 0: orderAmount = WireJson.Decimal(ref reader); break;
                    case 1: amount = WireJson.Decimal(ref reader); break;
                    case 2: status = WireJson.Status(ref reader); break;
                    case 3: requested = WireJson.Text(ref reader); break;
                    case 4: operated = WireJson.Text(ref reader); break;
                    case 5: method = WireJson.Text(ref reader); break;
                    case 6: type = WireJson.Text(ref reader); break;
                    case 7: id = WireJson.Text(ref reader); break;
                    case 8: message = WireJson.Text(ref reader); break;
                    case 9: description = WireJson.Text(ref reader); break;
                    default: reader.Skip(); break;
                }
            }

            return new RefundInfo
            {
                OrderAmount = orderAmount,
                Amount = amount,
                Status = status,
                RequestDate = requested,
                OperationDate = operated,
                PaymentMethod = method,
                RefundType = type,
                RefundId = id,
                Message = message,
                Description = description,
            };
        }

        public override MyPayGaStatus Status(RefundInfoResponse response) => response.StatusRequest;

        public override string? Message(RefundInfoResponse response) => response.Message;
    }

    private sealed class PaymentLinkShape : ResponseShape<PaymentLinkResponse>
    {
        private static readonly FieldNames Names = new("code", "message", "created_at", "link");
        private static readonly FieldNames LinkNames = new("order_ref", "ref", "description", "email", "phone", "expired", "paid", "final_status", "url");

        public override PaymentLinkResponse Read(ref Utf8JsonReader reader)
        {
            MyPayGaStatus code = default;
            string? message = null, createdAt = null;
            PaymentLink? link = null;
            ulong seen = 0;
            while (WireJson.NextProperty(ref reader))
            {
                switch (Names.Next(ref reader, ref seen))
                {
                    case 0: code = WireJson.Status(ref reader); break;
                    case 1: message = WireJson.Text(ref reader); break;
                    case 2: createdAt = WireJson.Text(ref reader); break;
                    case 3: link = WireJson.Object(ref reader, ReadLink, "link"); break;
                    default: reader.Skip(); break;
                }
            }

            return new PaymentLinkResponse { Code = code, Message = message, CreatedAt = createdAt, Link = link };
        }

        private static PaymentLink ReadLink(ref Utf8JsonReader reader)
        {
            string? orderRef = null, reference = null, description = null, email = null, phone = null, url = null;
            bool? expired = null, paid = null;
            MyPayGaStatus finalStatus = default;
            ulong seen = 0;
            while (WireJson.NextProperty(ref reader))
            {
                switch (LinkNames.Next(ref reader, ref seen))
                {
                    case 0: orderRef = WireJson.Text(ref reader); break;
                    case 1: reference = WireJson.Text(ref reader); break;
                    case 2: description = WireJson.Text(ref reader); break;
                    case 3: email = WireJson.Text(ref reader); break;
                    case 4: phone = WireJson.Text(ref reader); break;
                    case 5: expired = WireJson.Boolean(ref reader); break;
                    case 6: paid = WireJson.Boolean(ref reader); break;
                    case 7: finalStatus = WireJson.Status(ref reader); break;
                    case 8: url = WireJson.Text(ref reader); break;
                    default: reader.Skip(); break;
                }
            }

            return new PaymentLink
            {
                Reference = orderRef ?? reference,
                Description = description,
                Email = email,
                Phone = phone,
                Expired = expired ?? false,
                Paid = paid,
                FinalStatus = finalStatus,
                Url = Uri.TryCreate(url, UriKind.Absolute, out var absolute) ? absolute : null,
            };
        }

        public override MyPayGaStatus Status(PaymentLinkResponse response) => response.Code;

        public override string? Message(PaymentLinkResponse response) => response.Message;
    }

    private sealed class CancelLinkShape : ResponseShape<CancelLinkResponse>
    {
        private static readonly FieldNames Names = new("code", "message", "link");
        private static readonly FieldNames LinkNames = new("ref", "order_ref");

        public override CancelLinkResponse Read(ref Utf8JsonReader reader)
        {
            MyPayGaStatus code = default;
            string? message = null, link = null;
            ulong seen = 0;
            while (WireJson.NextProperty(ref reader))
            {
                switch (Names.Next(ref reader, ref seen))
                {
                    case 0: code = WireJson.Status(ref reader); break;
                    case 1: message = WireJson.Text(ref reader); break;
                    case 2: link = ReadLink(ref reader); break;
                    default: reader.Skip(); break;
                }
            }

            return new CancelLinkResponse { Code = code, Message = message, LinkReference = link };
        }

        /// <summary>The reference as a string (documented); an object with ref/order_ref is tolerated.</summary>
        private static string? ReadLink(ref Utf8JsonReader reader)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                    return WireJson.String(ref reader);
                case JsonTokenType.Number:
                    return WireJson.NumberText(ref reader);
                case JsonTokenType.StartObject:
                    string? reference = null, orderRef = null;
                    ulong seen = 0;
                    while (WireJson.NextProperty(ref reader))
                    {
                        switch (LinkNames.Next(ref reader, ref seen))
                        {
                            case 0 when reader.TokenType == JsonTokenType.String: reference = WireJson.String(ref reader); break;
                            case 1 when reader.TokenType == JsonTokenType.String: orderRef = WireJson.String(ref reader); break;
                            default: reader.Skip(); break;
                        }
                    }

                    return reference ?? orderRef;
                case JsonTokenType.StartArray:
                    reader.Skip();
                    return null;
                default:
                    return null;
            }
        }

        public override MyPayGaStatus Status(CancelLinkResponse response) => response.Code;

        public override string? Message(CancelLinkResponse response) => response.Message;
    }
}
