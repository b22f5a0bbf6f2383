using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MyPayGa.Client.Wire;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace MyPayGa.Client.Http;

/// <summary>
/// Timeouts and retries of the MyPayGa named HttpClient, with Polly.Core only. From outside in: the total timeout,
/// the retry (reads on transient failures; any endpoint when the connection could not be made), the per-attempt
/// timeout (<see cref="MyPayGaAccount.Timeout"/>, carried per request by <see cref="MyPayGaRequestMessage"/>).
/// The body is read inside the attempt, into a pooled buffer of at most the request's cap
/// (<see cref="BufferedBody"/>), so a slow or broken body counts as that attempt's failure. When nothing fails, a call
/// allocates nothing here beyond what Polly's strategies and the async state machines need: the context is pooled
/// and the request travels as the callback's state.
/// </summary>
internal sealed partial class MyPayGaResilienceHandler : DelegatingHandler
{
    private static readonly ResiliencePropertyKey<HttpRequestMessage> RequestKey = new("MyPayGa.Request");
    private static readonly TimeSpan DefaultAttemptTimeout = TimeSpan.FromSeconds(20);

    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly MyPayGaResilienceOptions _options;
    private readonly ILogger _logger;

    public MyPayGaResilienceHandler(MyPayGaResilienceOptions options, ILogger<MyPayGaResilienceHandler>? logger = null)
    {
        _options = options;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _pipeline = Build(options);
    }

    private ResiliencePipeline<HttpResponseMessage> Build(MyPayGaResilienceOptions options)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = options.TimeProvider };

        builder.AddTimeout(new TimeoutStrategyOptions
        {
            Name = "MyPayGa.TotalTimeout",
            TimeoutGenerator = args =>
            {
                var attempt = AttemptTimeout(args.Context);
                return ValueTask.FromResult(options.TotalTimeout > attempt ? options.TotalTimeout : attempt);
            },
        });

        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                Name = "MyPayGa.Retry",
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.MaxRetryDelay > TimeSpan.Zero ? options.MaxRetryDelay : null,
                UseJitter = options.UseJitter,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, Request(args.Context) as MyPayGaRequestMessage)),
                OnRetry = args =>
                {
                    if (_logger.IsEnabled(LogLevel.Debug))
                    {
                        LogRetry(_logger, (Request(args.Context) as MyPayGaRequestMessage)?.Endpoint.Name ?? "(unknown)",
                            args.AttemptNumber + 1, Describe(args.Outcome), (long)args.RetryDelay.TotalMilliseconds);
                    }

                    return default;
                },
            });
        }

        builder.AddTimeout(new TimeoutStrategyOptions
        {
            Name = "MyPayGa.AttemptTimeout",
            TimeoutGenerator = args => ValueTask.FromResult(AttemptTimeout(args.Context)),
        });

        return builder.Build();
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(RequestKey, request);
        try
        {
            var outcome = await _pipeline.ExecuteOutcomeAsync(
                static (ctx, state) => state.Handler.AttemptAsync(state.Request, ctx.CancellationToken),
                context,
                (Handler: this, Request: request)).ConfigureAwait(false);

            outcome.ThrowIfException();
            return outcome.Result!;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>One attempt: send, then read the body (up to the cap) before the attempt's timeout ends.</summary>
    private async ValueTask<Outcome<HttpResponseMessage>> AttemptAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var call = request as MyPayGaRequestMessage;
        if (call is not null)
        {
            call.Attempts++;
        }

        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            try
            {
                response.Content = await BufferedBody.ReadAsync(response.Content, call?.MaxResponseBytes ?? _options.EffectiveMaxResponseBytes,
                    cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                response.Dispose();
                throw;
            }

            return Outcome.FromResult(response);
        }
        catch (Exception ex)
        {
            return Outcome.FromException<HttpResponseMessage>(ex);
        }
    }

    private static HttpRequestMessage? Request(ResilienceContext context) =>
        context.Properties.TryGetValue(RequestKey, out var request) ? request : null;

    private static TimeSpan AttemptTimeout(ResilienceContext context) =>
        Request(context) is MyPayGaRequestMessage { AttemptTimeout: var timeout } ? timeout : DefaultAttemptTimeout;

    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, MyPayGaRequestMessage? call)
    {
        var isRead = call?.Endpoint.Retry == RetryClass.Read;
        if (outcome.Exception is { } exception)
        {
            if (exception is OperationCanceledException)
            {
                return false; // the caller gave up
            }

            return FailureClassifier.IsConnectFailure(exception) || (isRead && FailureClassifier.IsTransientAfterSend(exception));
        }

        return isRead && outcome.Result is { } response && FailureClassifier.IsTransientStatus((int)response.StatusCode);
    }

    private static string Describe(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is { } ex
            ? KeyRedactor.Redact(ex.GetType().Name + ": " + ex.Message)
            : "HTTP " + (int)(outcome.Result?.StatusCode ?? 0);

    [LoggerMessage(Level = LogLevel.Debug, Message = "MyPayGa {Endpoint}: attempt {Attempt} failed ({Reason}); retrying in {DelayMs} ms")]
    private static partial void LogRetry(ILogger logger, string endpoint, int attempt, string reason, long delayMs);
}
