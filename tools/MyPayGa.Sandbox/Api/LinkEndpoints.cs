using MyPayGa.Sandbox.Domain;
using MyPayGa.Sandbox.Pages;

namespace MyPayGa.Sandbox.Api;

/// <summary>Endpoints 11, 12, 13: generateLink, getLink, linkCancel; plus the link's own payment page.</summary>
internal static class LinkEndpoints
{
    private static readonly StatusField Status = new("code", Numeric: true);

    /// <summary>POST /payment/generateLink — the parameters every example sends are required.</summary>
    public static async Task<IResult> Generate(HttpContext context, SandboxOptions options, LinkService links)
    {
        var p = await RequestParams.ReadAsync(context.Request, context.RequestAborted);
        if (ApiKeys.Check(p["apikey"], KeyKind.Secret, options) is { } keyError)
        {
            return ApiResults.Unauthorized(context, keyError);
        }
        if (p.FirstMissing("amount", "firstname", "lastname", "email", "phone", "description") is { } missing)
        {
            return ApiResults.Missing(context, Status, missing);
        }
        if (!Money.TryParseAmount(p["amount"], out var amount, out var amountError))
        {
            return ApiResults.Fail(context, Status, amountError);
        }
        var baseUrl = MerchantSettings.Blank(options.PublicBaseUrl) ?? $"{context.Request.Scheme}://{context.Request.Host}";
        var link = links.Create(new NewLink(amount, p["firstname"], p["lastname"], p["email"], p["phone"], p["description"]), baseUrl);
        return ApiResults.Ok(context, new
        {
            message = "Link created",
            code = 200,
            link = new
            {
                order_ref = link.OrderRef,
                description = link.Description,
                email = link.Email,
                phone = link.Phone,
                expired = link.Expired ? 1 : 0,
                paid = link.Paid ? 1 : 0,
                url = link.Url,
            },
        }, "200");
    }

    /// <summary>POST /payment/getLink/{ref} — ref is the link's token_url (as the example shows) or its order_ref.</summary>
    public static async Task<IResult> Get(HttpContext context, string reference, SandboxOptions options, LinkService links)
    {
        var p = await RequestParams.ReadAsync(context.Request, context.RequestAborted);
        if (ApiKeys.Check(p["apikey"], KeyKind.Secret, options) is { } keyError)
        {
            return ApiResults.Unauthorized(context, keyError);
        }
        var link = links.Get(reference);
        if (link is null)
        {
            return ApiResults.Fail(context, Status, "Link not found", "404");
        }
        // "Link created" is what the reference answers when reading a link.
        return ApiResults.Ok(context, new
        {
            message = "Link created",
            created_at = GabonTime.Format(link.CreatedAt),
            link = new
            {
                @ref = link.Token,
                description = link.Description,
                email = link.Email,
                phone = link.Phone,
                expired = link.Expired ? 1 : 0,
                final_status = link.FinalStatus,
                url = link.Url,
            },
        }, link.FinalStatus);
    }

    /// <summary>GET /payment/linkCancel/{ref} and /mpayment/linkCancel/{ref}.</summary>
    public static async Task<IResult> Cancel(HttpContext context, string reference, SandboxOptions options, LinkService links)
    {
        var p = await RequestParams.ReadAsync(context.Request, context.RequestAborted);
        if (ApiKeys.Check(p["apikey"], KeyKind.Secret, options) is { } keyError)
        {
            return ApiResults.Unauthorized(context, keyError);
        }
        var link = links.Cancel(reference);
        if (link is null)
        {
            return ApiResults.Fail(context, Status, "Link not found", "404", ("link", reference));
        }
        return ApiResults.Ok(context, new
        {
            message = "Link updated : Changed to Expired",
            code = 200,
            link = reference,
        }, "200");
    }

    /// <summary>GET /payment/sharedLink/pay?token_url=... — the page a link's url opens.</summary>
    public static IResult Page(HttpContext context, LinkService links, MerchantConfig merchant)
    {
        var token = context.Request.Query["token_url"].ToString();
        var link = string.IsNullOrWhiteSpace(token) ? null : links.Get(token);
        return link is null
            ? Html.Message("Payment link", "Unknown payment link.", StatusCodes.Status404NotFound, "ko")
            : SharedLinkPage.Render(link, merchant.Current);
    }

    /// <summary>POST /payment/sharedLink/pay (token_url, phone) — pays the link by mobile money.</summary>
    public static async Task<IResult> Pay(HttpContext context, LinkService links, MerchantConfig merchant)
    {
        var p = await RequestParams.ReadAsync(context.Request, context.RequestAborted);
        var token = p["token_url"];
        var link = token is null ? null : links.Get(token);
        if (link is null)
        {
            return Html.Message("Payment link", "Unknown payment link.", StatusCodes.Status404NotFound, "ko");
        }
        var phone = p["phone"];
        if (phone is null)
        {
            return SharedLinkPage.Render(link, merchant.Current, "Enter a mobile money number.");
        }
        var result = links.Pay(link.Token, phone);
        if (!result.IsOk)
        {
            context.Items[ApiResults.NoteItem] = result.Error;
            return SharedLinkPage.Render(links.Get(link.Token) ?? link, merchant.Current, result.Error);
        }
        return SharedLinkPage.Requested(result.Value!, merchant.Current);
    }
}
