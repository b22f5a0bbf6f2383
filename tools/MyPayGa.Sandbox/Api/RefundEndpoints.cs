using System.Text.Json;
using MyPayGa.Sandbox.Domain;

namespace MyPayGa.Sandbox.Api;

/// <summary>Endpoints 8, 9, 10: refund/create, refund/send, refund/infos.</summary>
internal static class RefundEndpoints
{
    private static readonly StatusField CreateStatus = new("statusRequest", Numeric: true);
    private static readonly StatusField SendStatus = new("RefundStatus", Numeric: false);
    private static readonly StatusField InfoStatus = new("statusRequest", Numeric: false);

    /// <summary>POST /refund/create — only for a successful payment, up to what is left to refund.</summary>
    public static async Task<IResult> Create(HttpContext context, SandboxOptions options, RefundService refunds)
    {
        var p = await RequestParams.ReadAsync(context.Request, context.RequestAborted);
        if (ApiKeys.Check(p["apikey"], KeyKind.Secret, options) is { } keyError)
        {
            return ApiResults.Unauthorized(context, keyError);
        }
        if (p.FirstMissing("payment_token", "amount") is { } missing)
        {
            return ApiResults.Missing(context, CreateStatus, missing);
        }
        if (!Money.TryParseAmount(p["amount"], out var amount, out var amountError))
        {
            return ApiResults.Fail(context, CreateStatus, amountError);
        }
        var result = refunds.Create(p["payment_token"]!, amount, p["description"] ?? "");
        if (!result.IsOk)
        {
            return ApiResults.Fail(context, CreateStatus, result.Error!);
        }
        var r = result.Value!;
        return ApiResults.Ok(context, new
        {
            message = "Refund created",
            statusRequest = 200,
            totalAmount = r.Amount,
            clientNumber = r.ClientNumber,
            frais_transaction = r.Fees,
            updatedFees = 0,
            refundId = r.Id,
        }, "200");
    }

    /// <summary>
    /// POST /refund/send — on success the body is written byte for byte as documented, trailing comma included:
    /// it is not valid JSON, and clients must survive it.
    /// </summary>
    public static async Task<IResult> Send(HttpContext context, SandboxOptions options, RefundService refunds)
    {
        var p = await RequestParams.ReadAsync(context.Request, context.RequestAborted);
        if (ApiKeys.Check(p["apikey"], KeyKind.Secret, options) is { } keyError)
        {
            return ApiResults.Unauthorized(context, keyError);
        }
        var id = p["refund_id"];
        if (id is null)
        {
            return ApiResults.Missing(context, SendStatus, "refund_id");
        }
        var result = refunds.Send(id);
        if (!result.IsOk)
        {
            return ApiResults.Fail(context, SendStatus, result.Error!, "400", ("refund_id", id));
        }
        context.Items[ApiResults.ProviderStatusItem] = "200";
        var body = $$"""{"message": "Refund OK.", "refund_id": {{JsonSerializer.Serialize(result.Value!.Id)}}, "RefundStatus": "200",}""";
        return Results.Text(body, "application/json", System.Text.Encoding.UTF8);
    }

    /// <summary>GET or POST /refund/infos?refId=ID (the section header says POST, every example GET).</summary>
    public static async Task<IResult> Infos(HttpContext context, SandboxOptions options, RefundService refunds)
    {
        var p = await RequestParams.ReadAsync(context.Request, context.RequestAborted);
        if (ApiKeys.Check(p["apikey"], KeyKind.Secret, options) is { } keyError)
        {
            return ApiResults.Unauthorized(context, keyError);
        }
        var id = p["refId"];
        if (id is null)
        {
            return ApiResults.Missing(context, InfoStatus, "refId", ("exists", 0), ("refund", null));
        }
        var r = refunds.Get(id);
        if (r is null)
        {
            return ApiResults.Fail(context, InfoStatus, "Refund not found", "404", ("exists", 0), ("refund", null));
        }
        return ApiResults.Ok(context, new
        {
            message = "Refund found",
            exists = 1,
            refund = new
            {
                orderAmount = r.OrderAmount,
                amount = r.Amount,
                status = r.IsSent ? "200" : "201",
                requestDate = GabonTime.Format(r.RequestedAt),
                opeDate = GabonTime.Format(r.SentAt),
                paymentMethod = r.PaymentMethod,
                refundType = "TO",
                refundId = r.Id,
                message = r.IsSent ? "Remboursement effectué." : "Remboursement en attente de validation.",
                description = r.Description,
            },
            statusRequest = "200",
        }, "200");
    }
}
