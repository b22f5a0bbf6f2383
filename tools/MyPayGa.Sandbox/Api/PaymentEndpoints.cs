using MyPayGa.Sandbox.Domain;

namespace MyPayGa.Sandbox.Api;

/// <summary>Endpoints 1, 2 and 4: gethash, payment-request, paiement-detail.</summary>
internal static class PaymentEndpoints
{
    private static readonly StatusField HashStatus = new("code", Numeric: false);
    private static readonly StatusField RequestStatus = new("statusRequest", Numeric: false);
    private static readonly StatusField DetailStatus = new("code", Numeric: false);

    /// <summary>POST /payment/gethash — every documented parameter is required ("Obligatoire : Oui").</summary>
    public static async Task<IResult> GetHash(HttpContext context, SandboxOptions options, PaymentService payments)
    {
        var p = await RequestParams.ReadAsync(context.Request, context.RequestAborted);
        if (ApiKeys.Check(p["apikey"], KeyKind.Secret, options) is { } keyError)
        {
            return ApiResults.Unauthorized(context, keyError);
        }
        if (p.FirstMissing("uniqueID", "amount", "email", "firstname", "lastname", "phone", "description") is { } missing)
        {
            return ApiResults.Missing(context, HashStatus, missing);
        }
        if (!Money.TryParseAmount(p["amount"], out var amount, out var amountError))
        {
            return ApiResults.Fail(context, HashStatus, amountError);
        }
        var payment = payments.Create(new NewPayment(p["uniqueID"]!, amount, p["email"], p["firstname"], p["lastname"],
            p["phone"], p["description"]));
        return ApiResults.Ok(context, new
        {
            code = "200",
            message = "References created successfully",
            hash = payment.Hash,
            payment_token = payment.Token,
            uniqueID = payment.UniqueId,
        }, "200");
    }

    /// <summary>POST /mpayment/payment-request — the doc's own examples omit email and firstname, so only these are required.</summary>
    public static async Task<IResult> PaymentRequest(HttpContext context, SandboxOptions options,
        PaymentService payments, MerchantConfig merchant)
    {
        var p = await RequestParams.ReadAsync(context.Request, context.RequestAborted);
        if (ApiKeys.Check(p["apikey"], KeyKind.Secret, options) is { } keyError)
        {
            return ApiResults.Unauthorized(context, keyError);
        }
        var token = p["payment_token"];
        (string, object?) echo = ("payment_token", token);
        if (p.FirstMissing("payment_token", "amount", "client_phone") is { } missing)
        {
            return ApiResults.Missing(context, RequestStatus, missing, echo);
        }
        if (!Money.TryParseAmount(p["amount"], out var amount, out var amountError))
        {
            return ApiResults.Fail(context, RequestStatus, amountError, "400", echo);
        }
        var result = payments.RequestMobile(token!, amount, p["client_phone"]!);
        if (!result.IsOk)
        {
            return ApiResults.Fail(context, RequestStatus, result.Error!, "400", echo);
        }
        return ApiResults.Ok(context, new
        {
            message = "Request Sent.Please Wait.",
            payment_token = token,
            description = $"Paiement - {merchant.Current.MerchantName}",
            statusRequest = "200",
            transaction = new
            {
                amount,
                country = "GA",
                currency = "CFA",
                id = result.Value!.TransactionId,
            },
        }, "200");
    }

    /// <summary>GET /payment/paiement-detail?payment_ref=TOKEN.</summary>
    public static async Task<IResult> Detail(HttpContext context, SandboxOptions options, PaymentService payments)
    {
        var p = await RequestParams.ReadAsync(context.Request, context.RequestAborted);
        if (ApiKeys.Check(p["apikey"], KeyKind.Secret, options) is { } keyError)
        {
            return ApiResults.Unauthorized(context, keyError);
        }
        var reference = p["payment_ref"];
        if (reference is null)
        {
            return NotFound(context, "400", "Missing parameter: payment_ref.");
        }
        var payment = payments.Get(reference);
        if (payment is null)
        {
            return NotFound(context, "404", "Payment not found");
        }
        return ApiResults.Ok(context, DetailBody(payment), payment.OrderStatus);
    }

    internal static object DetailBody(PaymentSnapshot s)
    {
        var fees = Money.Fees(s.Amount);
        return new
        {
            payment = new[]
            {
                new
                {
                    merchand_ref = s.UniqueId,
                    payment_token = s.Token,
                    paymentMethod = s.PaymentMethod,
                    mobile_callback = s.Channel == PaymentChannel.MobileMoney && s.IsFinal ? 1 : 0,
                    OrderStatus = s.OrderStatus,
                    message_data = s.StatusText,
                    totalAmount = s.Amount,
                    clientNumber = s.ClientPhone ?? s.Phone,
                    orderDateTime = GabonTime.Format(s.CreatedAt),
                    pmt_banque = s.BankCode,
                    last_4_digits = s.CardLast4 ?? "0000",
                    nom_prenom_client = s.Channel == PaymentChannel.Card
                        ? $"{s.LastName} {s.FirstName}".Trim()
                        : null,
                    frais_transaction = fees,
                    montant_net = s.Amount - fees,
                    final_status = s.OrderStatus,
                },
            },
            code = "200",
            final_status = s.OrderStatus,
            merchand_ref = s.UniqueId,
            environnement = "test",
        };
    }

    private static IResult NotFound(HttpContext context, string code, string message)
    {
        context.Items[ApiResults.ProviderStatusItem] = code;
        context.Items[ApiResults.NoteItem] = message;
        return Results.Json(new { payment = Array.Empty<object>(), code, final_status = code, message }, ApiResults.Json);
    }
}
