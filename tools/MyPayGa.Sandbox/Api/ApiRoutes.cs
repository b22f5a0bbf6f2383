using MyPayGa.Sandbox.Domain;
using MyPayGa.Sandbox.Pages;

namespace MyPayGa.Sandbox.Api;

/// <summary>The 13 documented endpoints at their documented paths, plus the sandbox's own pages.</summary>
internal static class ApiRoutes
{
    private static readonly string[] GetAndPost = ["GET", "POST"];

    public static void MapMyPayGaApi(this IEndpointRouteBuilder app)
    {
        // 1, 2, 4: payments
        app.MapPost("/payment/gethash", PaymentEndpoints.GetHash);
        app.MapPost("/mpayment/payment-request", PaymentEndpoints.PaymentRequest);
        app.MapGet("/payment/paiement-detail", PaymentEndpoints.Detail);

        // 3: card form (a browser posts it; GET accepted too) and its Pay button
        app.MapMethods("/mpgga-form-cbpay", GetAndPost, CardFormEndpoints.Form);
        app.MapPost(CardFormPage.PayPath, CardFormEndpoints.Pay);

        // 5, 6, 7: payouts and fees
        app.MapPost("/mpayment/sendClientTransfert", TransferEndpoints.Send);
        app.MapGet("/mpayment/getClientTransfert", TransferEndpoints.Get);
        app.MapGet("/mpayment/getFees", FeeEndpoints.Get);

        // 8, 9, 10: refunds (infos: header says POST, examples GET)
        app.MapPost("/refund/create", RefundEndpoints.Create);
        app.MapPost("/refund/send", RefundEndpoints.Send);
        app.MapMethods("/refund/infos", GetAndPost, RefundEndpoints.Infos);

        // 11, 12, 13: payment links (linkCancel: header says /mpayment/, examples /payment/)
        app.MapPost("/payment/generateLink", LinkEndpoints.Generate);
        app.MapPost("/payment/getLink/{reference}", LinkEndpoints.Get);
        app.MapGet("/payment/linkCancel/{reference}", LinkEndpoints.Cancel);
        app.MapGet("/mpayment/linkCancel/{reference}", LinkEndpoints.Cancel);
        app.MapGet(SharedLinkPage.Path, LinkEndpoints.Page);
        app.MapPost(SharedLinkPage.Path, LinkEndpoints.Pay);

        app.MapGet("/", (HttpContext context, MerchantConfig merchant, SandboxOptions options) =>
            HomePage.Render(merchant.Current, options, $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}/"));
    }
}
