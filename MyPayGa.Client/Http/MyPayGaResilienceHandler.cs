using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MyPayGa.Client.Wire;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace MyPayGa.Client.Http;

/// <summary>
/// Timeouts and retries of the MyPayGa named HttpClient. The retries are Polly.Core's retry strategy (reads on
/// transient failures; any endpoint when the connection could not be made), with an exponential backoff from
/// <see cref="MyPayGaResilienceOptions.RetryBaseDelay"/> up to <see cref="MyPayGaResilienceOptions.MaxRetryDelay"/>
/// (with jitter: between half and all of it). The timeouts are this handler's own, one cancellation source per
/// attempt: an attempt ends after <see cref="MyPayGaAccount.Timeout"/> (carried by <see cref="MyPayGaRequestMessage"/>)
/// or when the call's total budget (<see cref="MyPayGaResilienceOptions.TotalTimeout"/>, never less than the attempt
/// timeout) runs out, whichever comes first; backoff delays are cut to what is left of the budget, and no attempt
/// starts once it is spent. A timed-out attempt fails with Polly's <see cref="TimeoutRejectedException"/>.
/// The body is read inside the attempt, into a pooled buffer of at most the request's cap (<see cref="BufferedBody"/>),
/// so a slow or broken body counts as that attempt's failure.
/// When nothing fails, a call does one attempt without entering Polly at all (a failure that may be retried enters the
/// retry pipeline, which replays it as its first attempt) and allocates here only this method's task and a registration
/// on the caller's token: the attempt's async state and the cancellation sources are pooled (measured: build.ps1 bench).
/// </summary>
internal sealed partial class MyPayGaResilienceHandler : DelegatingHandler
{
    private static readonly ResiliencePropertyKey<HttpRequestMessage> RequestKey = new("MyPayGa.Request");
    private static readonly ResiliencePropertyKey<object> ForeignDeadlineKey = new("MyPayGa.Deadline");
    private static readonly TimeSpan DefaultAttemptTimeout = TimeSpan.FromSeconds(20);

    private readonly ResiliencePipeline<HttpResponseMessage>? _retry;
    private readonly MyPayGaResilienceOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ConcurrentQueue<CancellationTokenSource> _sources = new();

    public MyPayGaResilienceHandler(MyPayGaResilienceOptions options, ILogger<MyPayGaResilienceHandler>? logger = null)
    {
        _options = options;
        _time = options.TimeProvider;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _retry = options.MaxRetries > 0 ? BuildRetry(options) : null;
    }

    private ResiliencePipeline<HttpResponseMessage> BuildRetry(MyPayGaResilienceOptions options) =>
        new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = options.TimeProvider }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                Name = "MyPayGa.Retry",
                MaxRetryAttempts = options.MaxRetries,
                ShouldHandle = args => ValueTask.FromResult(
                    Remaining(args.Context) > MinimumAttemptTime && ShouldRetry(args.Outcome, Request(args.Context) as MyPayGaRequestMessage)),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(Backoff(args.AttemptNumber, Remaining(args.Context))),
                OnRetry = args =>
                {
                    if (_logger.IsEnabled(LogLevel.Debug))
                    {
                        LogRetry(_logger, (Request(args.Context) as MyPayGaRequestMessage)?.Endpoint.Name ?? "(unknown)",
                            args.AttemptNumber + 1, Describe(args.Outcome), (long)args.RetryDelay.TotalMilliseconds);
                    }

                    return default;
                },
            })
            .Build();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var attemptTimeout = (request as MyPayGaRequestMessage)?.AttemptTimeout ?? DefaultAttemptTimeout;
        var total = _options.TotalTimeout > attemptTimeout ? _options.TotalTimeout : attemptTimeout;
        var deadline = _time.GetTimestamp() + (long)(total.TotalSeconds * _time.TimestampFrequency);
        if (request is MyPayGaRequestMessage call)
        {
            call.Deadline = deadline;
        }

        // The first attempt runs here; only an outcome that may be retried enters Polly's retry pipeline, which starts by
        // replaying it (so its rules, delays and telemetry are those of a pipeline that made the attempt itself).
        var outcome = await AttemptAsync(request, attemptTimeout, deadline, cancellationToken).ConfigureAwait(false);
        if (_retry is not null && ShouldRetry(outcome, request as MyPayGaRequestMessage))
        {
            outcome = await RetryAsync(request, attemptTimeout, deadline, outcome, cancellationToken).ConfigureAwait(false);
        }

        outcome.ThrowIfException();
        return outcome.Result!;
    }

    private async ValueTask<Outcome<HttpResponseMessage>> RetryAsync(HttpRequestMessage request, TimeSpan attemptTimeout, long deadline,
        Outcome<HttpResponseMessage> first, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(RequestKey, request);
        if (request is not MyPayGaRequestMessage)
        {
            context.Properties.Set(ForeignDeadlineKey, deadline);
        }

        var replay = new StrongBox<Outcome<HttpResponseMessage>?>(first);
        try
        {
            return await _retry!.ExecuteOutcomeAsync(
                static (ctx, state) =>
                {
                    if (state.Replay.Value is { } done)
                    {
                        state.Replay.Value = null;
                        return new ValueTask<Outcome<HttpResponseMessage>>(done);
                    }

                    return state.Handler.AttemptAsync(state.Request, state.AttemptTimeout, state.Deadline, ctx.CancellationToken);
                },
                context,
                (Handler: this, Request: request, AttemptTimeout: attemptTimeout, Deadline: deadline, Replay: replay)).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>One attempt: send, then read the body (up to the cap), within the attempt timeout and the call's budget.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<Outcome<HttpResponseMessage>> AttemptAsync(HttpRequestMessage request, TimeSpan attemptTimeout, long deadline,
        CancellationToken cancellationToken)
    {
        var call = request as MyPayGaRequestMessage;
        var timeout = attemptTimeout;
        if (call is not { Attempts: 0 })
        {
            // A retry (or a request of someone else): bounded by what is left of the budget. A first attempt never is,
            // the budget being at least one attempt.
            var left = _time.GetElapsedTime(_time.GetTimestamp(), deadline);
            if (left <= MinimumAttemptTime)
            {
                // The budget is spent (by earlier attempts and delays): nothing is sent.
                return Outcome.FromException<HttpResponseMessage>(new TimeoutRejectedException(
                    "The total timeout of the MyPayGa call elapsed.", _options.TotalTimeout));
            }

            timeout = left < attemptTimeout ? left : attemptTimeout;
        }

        if (call is not null)
        {
            call.Attempts++;
        }

        var source = RentSource(timeout);
        var link = cancellationToken.CanBeCanceled
            ? cancellationToken.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), source)
            : default;
        try
        {
            var response = await base.SendAsync(request, source.Token).ConfigureAwait(false);
            try
            {
                response.Content = await BufferedBody.ReadAsync(response.Content, (request as MyPayGaRequestMessage)?.MaxResponseBytes
                    ?? _options.EffectiveMaxResponseBytes, source.Token).ConfigureAwait(false);
            }
            catch
            {
                response.Dispose();
                throw;
            }

            return Outcome.FromResult(response);
        }
        catch (OperationCanceledException ex) when (source.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return Outcome.FromException<HttpResponseMessage>(new TimeoutRejectedException(
                $"The MyPayGa attempt timed out after {timeout.TotalSeconds:0.###} s.", timeout, ex));
        }
        catch (Exception ex)
        {
            return Outcome.FromException<HttpResponseMessage>(ex);
        }
        finally
        {
            link.Dispose();
            ReturnSource(source);
        }
    }

    /// <summary>A cancellation source that cancels itself after <paramref name="timeout"/>, pooled with the system clock.</summary>
    private CancellationTokenSource RentSource(TimeSpan timeout)
    {
        if (!ReferenceEquals(_time, TimeProvider.System))
        {
            return new CancellationTokenSource(timeout, _time);
        }

        if (!_sources.TryDequeue(out var source))
        {
            source = new CancellationTokenSource();
        }

        source.CancelAfter(timeout);
        return source;
    }

    private void ReturnSource(CancellationTokenSource source)
    {
        if (ReferenceEquals(_time, TimeProvider.System) && _sources.Count < 256 && source.TryReset())
        {
            _sources.Enqueue(source);
        }
        else
        {
            source.Dispose();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            while (_sources.TryDequeue(out var source))
            {
                source.Dispose();
            }
        }

        base.Dispose(disposing);
    }

    /// <summary>The backoff before retry <paramref name="attempt"/> (0-based), cut to what is left of the budget.</summary>
    private TimeSpan Backoff(int attempt, TimeSpan left)
    {
        var baseMs = _options.RetryBaseDelay.TotalMilliseconds;
        if (baseMs <= 0)
        {
            return TimeSpan.Zero;
        }

        var ms = baseMs * Math.Pow(2, Math.Min(attempt, 30));
        if (_options.MaxRetryDelay > TimeSpan.Zero)
        {
            ms = Math.Min(ms, _options.MaxRetryDelay.TotalMilliseconds);
        }

        if (_options.UseJitter)
        {
            ms = ms / 2 + Random.Shared.NextDouble() * ms / 2;
        }

        var delay = TimeSpan.FromMilliseconds(ms);
        return delay < left ? delay : (left > TimeSpan.Zero ? left : TimeSpan.Zero);
    }

    /// <summary>
    /// Less budget than this is no budget: an attempt could not get an answer in it (timers also fire a few milliseconds
    /// early, which would otherwise start one more attempt cut at once).
    /// </summary>
    internal static readonly TimeSpan MinimumAttemptTime = TimeSpan.FromMilliseconds(50);

    private TimeSpan Remaining(ResilienceContext context)
    {
        long deadline;
        if (Request(context) is MyPayGaRequestMessage call)
        {
            deadline = call.Deadline;
        }
        else if (context.Properties.TryGetValue(ForeignDeadlineKey, out var boxed) && boxed is long foreign)
        {
            deadline = foreign;
        }
        else
        {
            return TimeSpan.MaxValue;
        }

        return _time.GetElapsedTime(_time.GetTimestamp(), deadline);
    }

    private static HttpRequestMessage? Request(ResilienceContext context) =>
        context.Properties.TryGetValue(RequestKey, out var request) ? request : null;

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
