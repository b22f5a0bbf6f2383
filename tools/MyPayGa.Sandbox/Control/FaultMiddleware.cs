using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace MyPayGa.Sandbox.Control;

/// <summary>Applies armed <see cref="FaultRule"/>s to MyPayGa-side requests (never to the control API).</summary>
internal sealed class FaultMiddleware(
    RequestDelegate next,
    FaultRegistry faults,
    TimeProvider time,
    IHostApplicationLifetime lifetime)
{
    private const string GenericTruncatedJson = """{"message":"Request Sent.Please Wait.","statusRequest":"200","transac""";

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments(JournalMiddleware.ControlPrefix))
        {
            await next(context);
            return;
        }
        var rule = faults.TryTake(context.Request.Path.Value ?? "/");
        if (rule is null)
        {
            await next(context);
            return;
        }
        context.Items[JournalMiddleware.FaultsItem] = new[] { Describe(rule) };

        if (rule.Kind == FaultKind.Latency)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(rule.DelayMs ?? 1000), time, context.RequestAborted);
            await next(context);
            return;
        }

        string? realBody = null;
        if (rule.AfterHandler)
        {
            var original = context.Response.Body;
            using var buffer = new MemoryStream();
            context.Response.Body = buffer;
            try
            {
                await next(context);
            }
            finally
            {
                context.Response.Body = original;
            }
            realBody = Encoding.UTF8.GetString(buffer.ToArray());
            context.Response.Clear();
        }

        switch (rule.Kind)
        {
            case FaultKind.HttpError:
                await WriteHtmlError(context, rule.StatusCode);
                break;
            case FaultKind.Timeout:
                await HoldAsync(context, rule);
                break;
            case FaultKind.Malformed:
                var source = string.IsNullOrEmpty(realBody) ? GenericTruncatedJson : realBody;
                var truncated = source[..Math.Max(1, source.Length / 2)];
                context.Response.StatusCode = StatusCodes.Status200OK;
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(truncated, Encoding.UTF8);
                break;
            case FaultKind.Empty:
                context.Response.StatusCode = StatusCodes.Status200OK;
                context.Response.ContentType = "application/json";
                context.Response.ContentLength = 0;
                break;
            case FaultKind.Drop:
                context.Abort();
                break;
        }
    }

    private async Task HoldAsync(HttpContext context, FaultRule rule)
    {
        var hold = TimeSpan.FromMilliseconds(Math.Min(rule.DelayMs ?? FaultRule.TimeoutCap.TotalMilliseconds,
            FaultRule.TimeoutCap.TotalMilliseconds));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        try
        {
            await Task.Delay(hold, time, stop.Token);
        }
        catch (OperationCanceledException)
        {
            context.Abort();
            return;
        }
        await WriteHtmlError(context, StatusCodes.Status504GatewayTimeout);
    }

    private static Task WriteHtmlError(HttpContext context, int status)
    {
        var title = $"{status} {ReasonPhrases.GetReasonPhrase(status)}";
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync(
            $"<html>\r\n<head><title>{title}</title></head>\r\n<body>\r\n<center><h1>{title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n",
            Encoding.UTF8);
    }

    private static string Describe(FaultRule rule)
    {
        var detail = rule.Kind switch
        {
            FaultKind.Latency => $" {rule.DelayMs ?? 1000} ms",
            FaultKind.HttpError => $" {rule.StatusCode}",
            _ => "",
        };
        return $"{FaultRule.KindName(rule.Kind)}{detail}{(rule.AfterHandler ? " (after the endpoint ran)" : "")} [fault {rule.Id}]";
    }
}
