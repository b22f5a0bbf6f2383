namespace MyPayGa.Sandbox.Api;

/// <summary>
/// Turns an unexpected exception into a plain 500 without details (no developer page that would show the URL
/// and its apikey), and treats a client that went away as nothing to report.
/// </summary>
internal sealed class ErrorGuardMiddleware(RequestDelegate next, ILogger<ErrorGuardMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
            if (context.Response.StatusCode == StatusCodes.Status404NotFound && !context.Response.HasStarted &&
                context.GetEndpoint() is null)
            {
                await context.Response.WriteAsJsonAsync(new
                {
                    message = $"No such endpoint in the MyPayGa sandbox: {context.Request.Method} {context.Request.Path}. See GET / for the list.",
                });
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            logger.LogError("Sandbox error on {Method} {Path}: {Type}: {Message}", context.Request.Method,
                context.Request.Path.Value, ex.GetType().Name, ex.Message);
            if (!context.Response.HasStarted)
            {
                context.Response.Clear();
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                await context.Response.WriteAsJsonAsync(new { statusRequest = "500", message = "Sandbox internal error." });
            }
        }
    }
}
