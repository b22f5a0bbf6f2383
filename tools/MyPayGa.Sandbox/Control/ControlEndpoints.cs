using System.Text.Json;
using System.Text.Json.Serialization;
using MyPayGa.Sandbox.Callbacks;
using MyPayGa.Sandbox.Domain;

namespace MyPayGa.Sandbox.Control;

/// <summary>The control API under /_sandbox/ (JSON). Never mixed with MyPayGa paths.</summary>
internal static class ControlEndpoints
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static void MapControlApi(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup(JournalMiddleware.ControlPrefix);

        g.MapGet("/merchant", (SandboxControl c) => Ok(MerchantView(c.Merchant)));
        g.MapPut("/merchant", UpdateMerchant);

        g.MapGet("/faults", (SandboxControl c) => Ok(c.Faults.Select(FaultView)));
        g.MapPost("/faults", AddFault);
        g.MapDelete("/faults", (SandboxControl c) =>
        {
            c.ClearFaults();
            return Results.NoContent();
        });

        g.MapPost("/callbacks/{token}", DeliverCallback);

        g.MapGet("/payments", (SandboxControl c) => Ok(c.Payments));
        g.MapGet("/payments/{token}", (string token, SandboxControl c) =>
            c.GetPayment(token) is { } p ? Ok(p) : NotFound("Unknown payment_token."));
        g.MapPost("/payments/{token}/card", PayByCard);
        g.MapPost("/payments/{token}/complete", Complete);

        g.MapGet("/events", (long? after, string? kind, SandboxControl c) =>
            Ok(c.Events(after ?? 0).Where(e => kind is null || e.Kind.Equals(kind, StringComparison.OrdinalIgnoreCase))));

        g.MapPost("/reset", (SandboxControl c) =>
        {
            c.Reset();
            return Results.NoContent();
        });
        g.MapPost("/wait-idle", async (SandboxControl c, CancellationToken ct) =>
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
            limit.CancelAfter(TimeSpan.FromSeconds(30));
            await c.WhenIdleAsync(limit.Token);
            return Results.NoContent();
        });
    }

    private sealed record MerchantUpdate(
        string? MerchantName,
        string? CallbackUrl,
        string? SuccessUrl,
        string? FailureUrl,
        string? CallbackFormat,
        string? CallbackSecret,
        int? OutcomeDelayMs,
        int? CallbackDelayMs,
        int? CallbackRetries,
        int? CallbackRetryBackoffMs,
        int? CallbackTimeoutMs,
        string? ReturnQuery);

    private static async Task<IResult> UpdateMerchant(HttpContext context, SandboxControl control)
    {
        var (update, error) = await ReadAsync<MerchantUpdate>(context);
        if (error is not null)
        {
            return BadRequest(error);
        }
        update ??= new MerchantUpdate(null, null, null, null, null, null, null, null, null, null, null, null);

        CallbackFormat? format = null;
        if (update.CallbackFormat is not null)
        {
            if (!TryParseName<CallbackFormat>(update.CallbackFormat, out var f))
            {
                return BadRequest("callbackFormat must be form, json or query.");
            }
            format = f;
        }
        ReturnQueryMode? returnQuery = null;
        if (update.ReturnQuery is not null)
        {
            if (!TryParseName<ReturnQueryMode>(update.ReturnQuery, out var r))
            {
                return BadRequest("returnQuery must be none, token or full.");
            }
            returnQuery = r;
        }
        foreach (var (name, url) in new[] { ("callbackUrl", update.CallbackUrl), ("successUrl", update.SuccessUrl), ("failureUrl", update.FailureUrl) })
        {
            if (!string.IsNullOrWhiteSpace(url) &&
                !(Uri.TryCreate(url, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps)))
            {
                return BadRequest($"{name} must be an absolute http(s) URL, or \"\" to clear it.");
            }
        }
        if (update.CallbackDelayMs is < 0 || update.CallbackRetries is < 0 or > 10 || update.CallbackRetryBackoffMs is < 0 ||
            update.CallbackTimeoutMs is <= 0)
        {
            return BadRequest("callbackDelayMs and callbackRetryBackoffMs must be ≥ 0, callbackRetries 0-10, callbackTimeoutMs > 0.");
        }

        // Null: unchanged. "": cleared.
        var settings = control.ConfigureMerchant(s => s with
        {
            MerchantName = string.IsNullOrWhiteSpace(update.MerchantName) ? s.MerchantName : update.MerchantName.Trim(),
            CallbackUrl = update.CallbackUrl is null ? s.CallbackUrl : MerchantSettings.Blank(update.CallbackUrl),
            SuccessUrl = update.SuccessUrl is null ? s.SuccessUrl : MerchantSettings.Blank(update.SuccessUrl),
            FailureUrl = update.FailureUrl is null ? s.FailureUrl : MerchantSettings.Blank(update.FailureUrl),
            CallbackFormat = format ?? s.CallbackFormat,
            CallbackSecret = update.CallbackSecret is null ? s.CallbackSecret : MerchantSettings.Blank(update.CallbackSecret),
            OutcomeDelayMs = update.OutcomeDelayMs ?? s.OutcomeDelayMs,
            CallbackDelayMs = update.CallbackDelayMs ?? s.CallbackDelayMs,
            CallbackRetries = update.CallbackRetries ?? s.CallbackRetries,
            CallbackRetryBackoffMs = update.CallbackRetryBackoffMs ?? s.CallbackRetryBackoffMs,
            CallbackTimeoutMs = update.CallbackTimeoutMs ?? s.CallbackTimeoutMs,
            ReturnQuery = returnQuery ?? s.ReturnQuery,
        });
        return Ok(MerchantView(settings));
    }

    private static object MerchantView(MerchantSettings s)
    {
        var warnings = new List<string>();
        if (s.CallbackUrl is not null && !CallbackDispatcher.TryGetTarget(s.CallbackUrl, out _, out var refusal))
        {
            warnings.Add(refusal);
        }
        return new
        {
            s.MerchantName,
            s.CallbackUrl,
            s.SuccessUrl,
            s.FailureUrl,
            CallbackFormat = s.CallbackFormat.ToString().ToLowerInvariant(),
            // The secret itself is never shown.
            CallbackSecretConfigured = s.CallbackSecret is not null,
            s.OutcomeDelayMs,
            s.CallbackDelayMs,
            s.CallbackRetries,
            s.CallbackRetryBackoffMs,
            s.CallbackTimeoutMs,
            ReturnQuery = s.ReturnQuery.ToString().ToLowerInvariant(),
            Warnings = warnings.Count > 0 ? warnings : null,
        };
    }

    private sealed record FaultRequest(
        string? Endpoint,
        string? Kind,
        int? DelayMs,
        int? LatencyMs,
        int? Ms,
        int? StatusCode,
        int? Count,
        bool? AfterHandler);

    private static async Task<IResult> AddFault(HttpContext context, SandboxControl control)
    {
        var (request, error) = await ReadAsync<FaultRequest>(context);
        if (error is not null || request is null)
        {
            return BadRequest(error ?? "A JSON body is required: {\"endpoint\": \"/payment/gethash\", \"kind\": \"http-error\"}.");
        }
        if (!FaultRule.TryParseKind(request.Kind, out var kind))
        {
            return BadRequest("kind must be latency, http-error, timeout, malformed, empty or drop.");
        }
        try
        {
            var rule = control.AddFault(new FaultRule
            {
                Endpoint = request.Endpoint ?? "*",
                Kind = kind,
                DelayMs = request.DelayMs ?? request.LatencyMs ?? request.Ms,
                StatusCode = request.StatusCode ?? 503,
                Count = request.Count ?? 1,
                AfterHandler = request.AfterHandler ?? false,
            });
            return Results.Json(FaultView(rule), Json, statusCode: StatusCodes.Status201Created);
        }
        catch (ArgumentException ex)
        {
            return BadRequest(ex.Message.Split(" (Parameter")[0]);
        }
    }

    private static object FaultView(FaultRule r) => new
    {
        r.Id,
        r.Endpoint,
        Kind = FaultRule.KindName(r.Kind),
        r.DelayMs,
        StatusCode = r.Kind == FaultKind.HttpError ? r.StatusCode : (int?)null,
        r.Count,
        r.AfterHandler,
    };

    private sealed record CallbackRequestBody(
        int? Times,
        string? Format,
        string? Status,
        string? Message,
        long? Amount,
        bool? WithHash,
        bool? TamperHash);

    private static async Task<IResult> DeliverCallback(HttpContext context, string token, SandboxControl control)
    {
        var (body, error) = await ReadAsync<CallbackRequestBody>(context);
        if (error is not null)
        {
            return BadRequest(error);
        }
        CallbackFormat? format = null;
        if (body?.Format is { } name)
        {
            if (!TryParseName<CallbackFormat>(name, out var f))
            {
                return BadRequest("format must be form, json or query.");
            }
            format = f;
        }
        var request = new CallbackRequest
        {
            Times = body?.Times ?? 1,
            Format = format,
            Status = body?.Status,
            Message = body?.Message,
            Amount = body?.Amount,
            WithHash = body?.WithHash,
            TamperHash = body?.TamperHash ?? false,
        };
        var deliveries = await control.DeliverCallbackAsync(token, request, context.RequestAborted);
        return deliveries is null ? NotFound("Unknown payment_token.") : Ok(new { deliveries });
    }

    private sealed record CardBody(string? CardNumber);

    private static async Task<IResult> PayByCard(HttpContext context, string token, SandboxControl control)
    {
        var (body, error) = await ReadAsync<CardBody>(context);
        if (error is not null || string.IsNullOrWhiteSpace(body?.CardNumber))
        {
            return BadRequest(error ?? "cardNumber is required.");
        }
        if (control.GetPayment(token) is null)
        {
            return NotFound("Unknown payment_token.");
        }
        var result = control.PayByCard(token, body.CardNumber);
        return result.IsOk ? Ok(result.Value!) : Conflict(result.Error!);
    }

    private sealed record CompleteBody(string? Status, string? Message);

    private static async Task<IResult> Complete(HttpContext context, string token, SandboxControl control)
    {
        var (body, error) = await ReadAsync<CompleteBody>(context);
        if (error is not null || body?.Status is not ("200" or "400"))
        {
            return BadRequest(error ?? "status must be \"200\" or \"400\".");
        }
        if (control.GetPayment(token) is null)
        {
            return NotFound("Unknown payment_token.");
        }
        var result = control.Complete(token, body.Status == "200", body.Message);
        return result.IsOk ? Ok(result.Value!) : Conflict(result.Error!);
    }

    /// <summary>An optional JSON body: (null, null) when empty, an error text when it does not parse.</summary>
    private static async Task<(T? Value, string? Error)> ReadAsync<T>(HttpContext context) where T : class
    {
        using var reader = new StreamReader(context.Request.Body);
        var text = await reader.ReadToEndAsync(context.RequestAborted);
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, null);
        }
        try
        {
            return (JsonSerializer.Deserialize<T>(text, Json), null);
        }
        catch (JsonException ex)
        {
            return (null, $"Invalid JSON body: {ex.Message}");
        }
    }

    private static bool TryParseName<T>(string text, out T value) where T : struct, Enum =>
        Enum.TryParse(text.Trim(), ignoreCase: true, out value) && !int.TryParse(text, out _) && Enum.IsDefined(value);

    private static IResult Ok(object value) => Results.Json(value, Json);
    private static IResult BadRequest(string error) => Results.Json(new { error }, Json, statusCode: StatusCodes.Status400BadRequest);
    private static IResult NotFound(string error) => Results.Json(new { error }, Json, statusCode: StatusCodes.Status404NotFound);
    private static IResult Conflict(string error) => Results.Json(new { error }, Json, statusCode: StatusCodes.Status409Conflict);
}
