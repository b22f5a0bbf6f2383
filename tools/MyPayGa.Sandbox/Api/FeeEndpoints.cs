namespace MyPayGa.Sandbox.Api;

/// <summary>Endpoint 7: getFees. Same documented rates for every operator.</summary>
internal static class FeeEndpoints
{
    private static readonly StatusField Status = new("statusRequest", Numeric: true);

    /// <summary>Operator codes as pmt_banque reports them.</summary>
    public static readonly IReadOnlyDictionary<string, string> Operators = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["AM"] = "Airtel Money",
        ["MC"] = "Moov Money",
        ["OM"] = "Orange Money",
    };

    /// <summary>GET /mpayment/getFees?ope=AM&amp;country=GA — statusRequest is a NUMBER here, rates are strings.</summary>
    public static async Task<IResult> Get(HttpContext context, SandboxOptions options)
    {
        var p = await RequestParams.ReadAsync(context.Request, context.RequestAborted);
        if (ApiKeys.Check(p["apikey"], KeyKind.Secret, options) is { } keyError)
        {
            return ApiResults.Unauthorized(context, keyError);
        }
        if (p.FirstMissing("ope", "country") is { } missing)
        {
            return ApiResults.Missing(context, Status, missing);
        }
        var ope = p["ope"]!.ToUpperInvariant();
        if (!Operators.ContainsKey(ope))
        {
            return ApiResults.Fail(context, Status, "Unknown operator (ope): use AM (Airtel Money), MC (Moov Money) or OM (Orange Money).");
        }
        return ApiResults.Ok(context, new
        {
            message = "Request OK.",
            statusRequest = 200,
            fees = new
            {
                merchand_custom_fees = "0.0175",
                standard_fees = "0.0175",
                platform_fees = "0",
                bank_fees = "0.01",
                fees_source = "merchant",
                short_partner = ope,
                cty_partner = p["country"]!.ToUpperInvariant(),
                currency = "CFA",
            },
        }, "200");
    }
}
