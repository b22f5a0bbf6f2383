using MyPayGa.Sandbox.Domain;
using MyPayGa.Sandbox.Pages;

namespace MyPayGa.Sandbox.Api;

/// <summary>Endpoint 3: the card form (mpgga-form-cbpay) and its Pay button.</summary>
internal static class CardFormEndpoints
{
    /// <summary>GET or POST /mpgga-form-cbpay with payment_token and the PUBLIC key.</summary>
    public static async Task<IResult> Form(HttpContext context, SandboxOptions options, PaymentService payments,
        MerchantConfig merchant)
    {
        var p = await RequestParams.ReadAsync(context.Request, context.RequestAborted);
        if (ApiKeys.Check(p["apikey"], KeyKind.Public, options) is { } keyError)
        {
            return ApiResults.Unauthorized(context, keyError);
        }
        var token = p["payment_token"];
        if (token is null)
        {
            return Error(context, "Missing parameter: payment_token.");
        }
        var payment = payments.ForCardForm(token);
        return payment.IsOk
            ? CardFormPage.Render(payment.Value!, merchant.Current)
            : Error(context, payment.Error!);
    }

    /// <summary>POST /mpgga-form-cbpay/pay: decides by the card table, then 303 to the success or failure URL.</summary>
    public static async Task<IResult> Pay(HttpContext context, PaymentService payments, MerchantConfig merchant)
    {
        var p = await RequestParams.ReadAsync(context.Request, context.RequestAborted);
        var token = p["payment_token"];
        var card = p["card_number"];
        if (token is null || card is null)
        {
            return Error(context, $"Missing parameter: {(token is null ? "payment_token" : "card_number")}.");
        }
        var result = payments.PayByCard(token, card);
        if (!result.IsOk)
        {
            return Error(context, result.Error!);
        }
        var outcome = result.Value!;
        context.Items[ApiResults.ProviderStatusItem] = outcome.Payment.OrderStatus;
        context.Items[ApiResults.NoteItem] = outcome.Card.Status;
        var target = ReturnUrls.For(merchant.Current, outcome.Payment, outcome.Card.Succeeds);
        if (target is null)
        {
            return CardFormPage.Outcome(outcome);
        }
        context.Response.Headers.Location = target;
        return Results.StatusCode(StatusCodes.Status303SeeOther);
    }

    private static IResult Error(HttpContext context, string message)
    {
        context.Items[ApiResults.NoteItem] = message;
        return Html.Message("Card payment", message, StatusCodes.Status400BadRequest, "ko");
    }
}
