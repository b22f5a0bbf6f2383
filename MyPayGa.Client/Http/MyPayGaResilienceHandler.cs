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
/// timeout (<see cref="MyPayGaAccount.Timeout"/>, carried per request in <see cref="MyPayGaCall"/>).
/// The body is read inside the attempt, so a slow or broken body counts as that attempt's failure.
/// </summary>
internal sealed class MyPayGaResilienceHandler : DelegatingHandler
{
    private static readonly ResiliencePropertyKey<MyPayGaCall> CallKey = new("MyPayGa.Call");
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
                var attempt = Call(args.Context)?.AttemptTimeout ?? DefaultAttemptTimeout;
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
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, Call(args.Context))),
                OnRetry = args =>
                {
                    var call = Call(args.Context);
                    _logger.LogDebug(
                        "MyPayGa {Endpoint}: attempt {Attempt} failed ({Reason}); retrying in {DelayMs} ms",
                        call?.Endpoint.Name, args.AttemptNumber + 1, Describe(args.Outcome), (long)args.RetryDelay.TotalMilliseconds);
                    return default;
                },
            });
        }

        builder.AddTimeout(new TimeoutStrategyOptions
        {
            Name = "MyPayGa.AttemptTimeout",
            TimeoutGenerator = args => ValueTask.FromResult(Call(args.Context)?.AttemptTimeout ?? DefaultAttemptTimeout),
        });

        return builder.Build();
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Options.TryGetValue(MyPayGaCall.Key, out var call);
        call ??= new MyPayGaCall(new Endpoint("(unknown)", request.Method, request.RequestUri?.AbsolutePath ?? "", ParameterEncoding.Query, RetryClass.OnlyIfNotSent), DefaultAttemptTimeout);

        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(CallKey, call);
        context.Properties.Set(RequestKey, request);
        try
        {
            var outcome = await _pipeline.ExecuteOutcomeAsync(
                static async (ctx, handler) =>
                {
                    var request = ctx.Properties.GetValue(RequestKey, null!);
                    var call = ctx.Properties.GetValue(CallKey, null!);
                    call.Attempts++;
                    try
                    {
                        var response = await handler.SendInnerAsync(request, ctx.CancellationToken).ConfigureAwait(false);
                        try
                        {
                            await response.Content.LoadIntoBufferAsync(ctx.CancellationToken).ConfigureAwait(false);
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
                },
                context,
                this).ConfigureAwait(false);

            outcome.ThrowIfException();
            return outcome.Result!;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private Task<HttpResponseMessage> SendInnerAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);

    private static MyPayGaCall? Call(ResilienceContext context) =>
        context.Properties.TryGetValue(CallKey, out var call) ? call : null;

    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, MyPayGaCall? call)
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
}
