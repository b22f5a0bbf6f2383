using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace MyPayGa.Sandbox.Api;

/// <summary>Name of an endpoint's status field and whether MyPayGa writes it as a number or a string.</summary>
public sealed record StatusField(string Name, bool Numeric)
{
    public object Value(string code) => Numeric ? int.Parse(code, System.Globalization.CultureInfo.InvariantCulture) : code;
}

/// <summary>JSON answers shaped like MyPayGa's: business errors are HTTP 200 with "400" inside the body.</summary>
internal static class ApiResults
{
    public const string ProviderStatusItem = "sandbox.providerStatus";
    public const string NoteItem = "sandbox.note";

    /// <summary>Accents written as-is ("à", "é"): valid JSON and readable.</summary>
    public static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static IResult Ok(HttpContext context, object body, string providerStatus)
    {
        context.Items[ProviderStatusItem] = providerStatus;
        return Results.Json(body, Json);
    }

    /// <summary>A MyPayGa business error: HTTP 200, the endpoint's status field set to <paramref name="code"/>.</summary>
    public static IResult Fail(HttpContext context, StatusField status, string message, string code = "400",
        params (string Name, object? Value)[] extra)
    {
        context.Items[ProviderStatusItem] = code;
        context.Items[NoteItem] = message;
        var body = new Dictionary<string, object?> { ["message"] = message };
        foreach (var (name, value) in extra)
        {
            body[name] = value;
        }
        body[status.Name] = status.Value(code);
        return Results.Json(body, Json);
    }

    /// <summary>A refused key: HTTP 401 with a JSON body.</summary>
    public static IResult Unauthorized(HttpContext context, string message)
    {
        context.Items[ProviderStatusItem] = "401";
        context.Items[NoteItem] = message;
        return Results.Json(new { statusRequest = "401", message }, Json, statusCode: StatusCodes.Status401Unauthorized);
    }

    public static IResult Missing(HttpContext context, StatusField status, string parameter,
        params (string Name, object? Value)[] extra) =>
        Fail(context, status, $"Missing parameter: {parameter}.", "400", extra);
}
