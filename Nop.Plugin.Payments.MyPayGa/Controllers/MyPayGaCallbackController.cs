using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using MyPayGa.Client.Callbacks;
using Nop.Plugin.Payments.MyPayGa.Services;
using Nop.Services.Logging;

namespace Nop.Plugin.Payments.MyPayGa.Controllers;

/// <summary>
/// The URL MyPayGa calls with the final status of a payment. A plain controller: no antiforgery, no store-access
/// filters, no language prefix. It only hands the raw request to <see cref="IMyPayGaCallbackHandler"/>, which
/// treats it as a hint and re-reads the status from MyPayGa; it answers the handler's status code in plain text.
/// </summary>
[IgnoreAntiforgeryToken]
public class MyPayGaCallbackController : Controller
{
    /// <summary>Largest body read; a MyPayGa callback is a few hundred bytes.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>Headers never passed on (nothing of the handler needs them; they may hold credentials).</summary>
    private static readonly HashSet<string> DroppedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Cookie", "Authorization", "Proxy-Authorization",
    };

    private readonly IMyPayGaCallbackHandler _handler;
    private readonly ILogger _logger;

    public MyPayGaCallbackController(IMyPayGaCallbackHandler handler, ILogger logger)
    {
        _handler = handler;
        _logger = logger;
    }

    // No action parameters: MVC then binds nothing and its form value provider never consumes the body. No verb
    // attribute either: any method reaches this action, so that others get a clear 405 rather than nopCommerce's 404 page.
    [BufferBody]
    public async Task<IActionResult> Handle()
    {
        var cancellationToken = HttpContext.RequestAborted;
        if (!HttpMethods.IsGet(Request.Method) && !HttpMethods.IsPost(Request.Method))
        {
            Response.Headers.Allow = "GET, POST";
            return PlainText(StatusCodes.Status405MethodNotAllowed, "Method not allowed");
        }

        if (Request.ContentLength is > MaxBodyBytes)
            return PlainText(StatusCodes.Status413PayloadTooLarge, "Request body too large.");

        string body;
        try
        {
            if (Request.Body.CanSeek)
                Request.Body.Position = 0;
            var read = await ReadBodyAsync(Request.Body, MaxBodyBytes, cancellationToken);
            if (read is null)
                return PlainText(StatusCodes.Status413PayloadTooLarge, "Request body too large.");
            body = read.Length == 0 ? FormAlreadyRead() ?? read : read;
        }
        catch (Exception ex) when (ex is IOException or BadHttpRequestException)
        {
            return PlainText(StatusCodes.Status400BadRequest, CallbackResult.BadRequest.Message);
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in Request.Headers)
        {
            if (!DroppedHeaders.Contains(header.Key))
                headers[header.Key] = header.Value.ToString();
        }

        var request = new RawCallbackRequest
        {
            Method = Request.Method,
            QueryString = Request.QueryString.HasValue ? Request.QueryString.Value : null,
            ContentType = Request.ContentType,
            Body = body,
            Headers = headers,
        };

        CallbackResult result;
        try
        {
            result = await _handler.HandleAsync(request, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The caller went away; nothing useful can be answered.
            return PlainText(StatusCodes.Status503ServiceUnavailable, CallbackResult.RetryLater.Message);
        }
        catch (Exception ex)
        {
            // Not the caller's fault (database, bug): ask for a later retry instead of a 500 page.
            await _logger.ErrorAsync("MyPayGa: the callback could not be processed.", ex);
            return PlainText(StatusCodes.Status503ServiceUnavailable, CallbackResult.RetryLater.Message);
        }

        var status = result.HttpStatusCode is >= 200 and <= 599 ? result.HttpStatusCode : StatusCodes.Status200OK;
        return PlainText(status, string.IsNullOrEmpty(result.Message) ? "OK" : result.Message);
    }

    /// <summary>
    /// When something upstream already parsed the form (and the body could not be rewound), the fields as a
    /// form-urlencoded body: the handler reads fields, so the order and escaping of the original do not matter.
    /// </summary>
    private string? FormAlreadyRead()
    {
        if (!Request.HasFormContentType || HttpContext.Features.Get<IFormFeature>()?.Form is not { Count: > 0 } form)
            return null;

        return string.Join("&", form.SelectMany(field => field.Value.Select(value =>
            Uri.EscapeDataString(field.Key) + "=" + Uri.EscapeDataString(value ?? string.Empty))));
    }

    /// <summary>Makes the body re-readable before anything (model binding, filters) can consume it.</summary>
    [AttributeUsage(AttributeTargets.Method)]
    private sealed class BufferBodyAttribute : Attribute, IResourceFilter
    {
        public void OnResourceExecuting(ResourceExecutingContext context) => context.HttpContext.Request.EnableBuffering();

        public void OnResourceExecuted(ResourceExecutedContext context)
        {
        }
    }

    /// <summary>Reads at most <paramref name="limit"/> bytes as UTF-8; null when the body is longer.</summary>
    internal static async Task<string?> ReadBodyAsync(Stream body, int limit, CancellationToken cancellationToken)
    {
        var buffer = new byte[limit + 1];
        var total = 0;
        while (total <= limit)
        {
            var read = await body.ReadAsync(buffer.AsMemory(total, buffer.Length - total), cancellationToken);
            if (read == 0)
                break;
            total += read;
        }

        return total > limit ? null : Encoding.UTF8.GetString(buffer, 0, total);
    }

    private static ContentResult PlainText(int statusCode, string message) => new()
    {
        StatusCode = statusCode,
        Content = message,
        ContentType = "text/plain; charset=utf-8",
    };
}
