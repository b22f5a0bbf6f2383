using MyPayGa.Sandbox.Domain;

namespace MyPayGa.Sandbox.Api;

/// <summary>Endpoints 5 and 6: sendClientTransfert, getClientTransfert.</summary>
internal static class TransferEndpoints
{
    private static readonly StatusField SendStatus = new("statusRequest", Numeric: false);
    private static readonly StatusField GetStatus = new("status", Numeric: false);

    /// <summary>POST /mpayment/sendClientTransfert. The answer is "200" even when the payout later fails (see getClientTransfert).</summary>
    public static async Task<IResult> Send(HttpContext context, SandboxOptions options, TransferService transfers)
    {
        var p = await RequestParams.ReadAsync(context.Request, context.RequestAborted);
        if (ApiKeys.Check(p["apikey"], KeyKind.Secret, options) is { } keyError)
        {
            return ApiResults.Unauthorized(context, keyError);
        }
        if (p.FirstMissing("amount", "receiver_phone") is { } missing)
        {
            return ApiResults.Missing(context, SendStatus, missing);
        }
        if (!Money.TryParseAmount(p["amount"], out var amount, out var amountError))
        {
            return ApiResults.Fail(context, SendStatus, amountError);
        }
        var receiver = p["receiver_phone"]!;
        if (PhoneNumbers.Normalise(receiver) is null)
        {
            return ApiResults.Fail(context, SendStatus, "receiver_phone is not a phone number.");
        }
        var country = (p["country"] ?? "GA").ToUpperInvariant();
        var type = p["type_clt"] ?? "client";
        var transfer = transfers.Send(amount, receiver, country, type);
        return ApiResults.Ok(context, new
        {
            message = $"Vous avez envoye {amount} FCFA à {receiver}.",
            description = $"Balance Transfert to {type}",
            statusRequest = "200",
            transfert = new
            {
                transfert_status = "200",
                amount = amount.ToString(System.Globalization.CultureInfo.InvariantCulture),
                transfert_id = transfer.Id,
                country,
                currency = "CFA",
            },
        }, "200");
    }

    /// <summary>GET /mpayment/getClientTransfert?trans_ref=ID — valid JSON (the reference's example is not).</summary>
    public static async Task<IResult> Get(HttpContext context, SandboxOptions options, TransferService transfers)
    {
        var p = await RequestParams.ReadAsync(context.Request, context.RequestAborted);
        if (ApiKeys.Check(p["apikey"], KeyKind.Secret, options) is { } keyError)
        {
            return ApiResults.Unauthorized(context, keyError);
        }
        var reference = p["trans_ref"];
        if (reference is null)
        {
            return ApiResults.Missing(context, GetStatus, "trans_ref", ("data", Array.Empty<object>()));
        }
        var t = transfers.Get(reference);
        if (t is null)
        {
            return ApiResults.Fail(context, GetStatus, "Transaction not found", "404", ("data", Array.Empty<object>()));
        }
        return ApiResults.Ok(context, new
        {
            status = "200",
            message = "Transaction found",
            data = new[]
            {
                new
                {
                    montant_demande = t.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    statut_demande = t.StatusText,
                    date_demande = GabonTime.Format(t.RequestedAt),
                    numero_de_compte = t.ReceiverPhone,
                    description = t.ReceiverType == "client" ? "Transfert client" : $"Transfert {t.ReceiverType}",
                    type_destinataire = t.ReceiverType,
                },
            },
        }, "200");
    }
}
