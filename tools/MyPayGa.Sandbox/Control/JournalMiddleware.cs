using MyPayGa.Sandbox.Api;

namespace MyPayGa.Sandbox.Control;

/// <summary>Records every MyPayGa-side request (not the control API) in the journal, keys redacted.</summary>
internal sealed class JournalMiddleware(RequestDelegate next, EventJournal journal, ILogger<JournalMiddleware> logger)
{
    public const string ControlPrefix = "/_sandbox";
    public const string FaultsItem = "sandbox.faults";

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments(ControlPrefix))
        {
            await next(context);
            return;
        }
        var query = Redaction.Redact(context.Request.Query.Select(q => KeyValuePair.Create(q.Key, q.Value.ToString())));
        IReadOnlyDictionary<string, string>? form = null;
        string? bodyNote = null;
        if (context.Request.HasFormContentType)
        {
            try
            {
                var read = await context.Request.ReadFormAsync(context.RequestAborted);
                form = Redaction.Redact(read.Select(f => KeyValuePair.Create(f.Key, f.Value.ToString())));
            }
            catch (InvalidDataException)
            {
                bodyNote = "unreadable form body";
            }
        }
        try
        {
            await next(context);
        }
        finally
        {
            var aborted = context.RequestAborted.IsCancellationRequested;
            var provider = context.Items[ApiResults.ProviderStatusItem] as string;
            var note = string.Join("; ", new[]
            {
                bodyNote,
                context.Items[ApiResults.NoteItem] as string,
                aborted ? "connection aborted" : null,
            }.Where(n => n is not null));
            journal.Add(new JournalEntry
            {
                Kind = "request",
                Method = context.Request.Method,
                Path = context.Request.Path.Value,
                Query = query.Count > 0 ? query : null,
                Form = form is { Count: > 0 } ? form : null,
                HttpStatus = aborted ? null : context.Response.StatusCode,
                ProviderStatus = provider,
                Faults = context.Items[FaultsItem] as IReadOnlyList<string>,
                Note = note.Length > 0 ? note : null,
            });
            logger.LogInformation("{Method} {Path} -> HTTP {Status}, MyPayGa status {Provider}", context.Request.Method,
                context.Request.Path.Value, aborted ? "(aborted)" : context.Response.StatusCode.ToString(), provider ?? "-");
        }
    }
}
