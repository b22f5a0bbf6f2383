using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MyPayGa.Client.Http;
using MyPayGa.Client.Json;
using MyPayGa.Client.Models;
using MyPayGa.Client.Wire;
using Polly.Timeout;

namespace MyPayGa.Client;

/// <summary>
/// The MyPayGa API client for one account, over the named HttpClient <see cref="MyPayGaClientFactory.HttpClientName"/>
/// (timeouts and retries come from its <c>MyPayGaResilienceHandler</c>, registered by
/// <see cref="MyPayGaServiceCollectionExtensions.AddMyPayGaClient(Microsoft.Extensions.DependencyInjection.IServiceCollection)"/>).
/// Usually created by <see cref="IMyPayGaClientFactory"/>.
/// </summary>
public sealed partial class MyPayGaClient : IMyPayGaClient
{
    private const int MaxLoggedBodyBytes = 4000;

    private readonly Func<HttpClient> _httpClient;
    private readonly ILogger _logger;
    private readonly MyPayGaResilienceOptions _resilience;
    private readonly string _apiKey;
    private readonly string _baseUrl;
    private readonly int _maxResponseBytes;
    private readonly TimeSpan _budget;

    // Set once a response came back through the resilience handler (its body already buffered): from then on its
    // total timeout bounds every call, and the client's own safety net (a timer per call) is not needed.
    private volatile bool _handlerSeen;

    /// <summary>Throws <see cref="MyPayGaException"/> (Configuration) when the account is not usable.</summary>
    public MyPayGaClient(IHttpClientFactory httpClientFactory, MyPayGaAccount account,
        ILogger<MyPayGaClient>? logger = null, MyPayGaResilienceOptions? resilience = null)
        : this(new HttpClientSource(httpClientFactory ?? throw new ArgumentNullException(nameof(httpClientFactory))).Get, account, logger, resilience)
    {
    }

    internal MyPayGaClient(Func<HttpClient> httpClient, MyPayGaAccount account, ILogger? logger, MyPayGaResilienceOptions? resilience)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(account);
        var problems = account.Validate();
        if (problems.Count > 0)
        {
            throw new MyPayGaException(MyPayGaErrorKind.Configuration, "(account)",
                "The MyPayGa account is not usable: " + string.Join(" ", problems));
        }

        _httpClient = httpClient;
        Account = account;
        _logger = logger ?? NullLogger.Instance;
        _resilience = resilience ?? new MyPayGaResilienceOptions();
        _apiKey = account.SecretKey.Trim();
        _baseUrl = RequestBuilder.BasePrefix(account.ApiBaseUrl);
        _maxResponseBytes = _resilience.EffectiveMaxResponseBytes;
        // A safety net for a client built without the resilience handler; with it, its total timeout fires first.
        _budget = (_resilience.TotalTimeout > account.Timeout ? _resilience.TotalTimeout : account.Timeout) + TimeSpan.FromSeconds(5);
    }

    public MyPayGaAccount Account { get; }

    public Task<GetHashResponse> GetHashAsync(GetHashRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequirePositive(request.Amount, nameof(request.Amount));
        return SendAsync(Build(WireFormat.GetHash, null,
            [request.Email, request.FirstName, request.LastName, request.UniqueId, Amount(request.Amount), request.Phone, request.Description]),
            ResponseShapes.GetHash, isCommand: true, cancellationToken);
    }

    public Task<MobilePaymentResponse> RequestMobilePaymentAsync(MobilePaymentRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequirePositive(request.Amount, nameof(request.Amount));
        RequireText(request.PaymentToken, nameof(request.PaymentToken));
        return SendAsync(Build(WireFormat.PaymentRequest, null,
            [request.Email, request.FirstName, request.LastName, request.PaymentToken, Amount(request.Amount), request.ClientPhone, request.Description]),
            ResponseShapes.MobilePayment, isCommand: true, cancellationToken);
    }

    public CardFormPost DescribeCardForm(string paymentToken)
    {
        RequireText(paymentToken, nameof(paymentToken));
        if (string.IsNullOrWhiteSpace(Account.PublicKey))
        {
            throw new MyPayGaException(MyPayGaErrorKind.Configuration, MyPayGaEndpoints.CardForm,
                "No public key is configured: card payments need the account's public key (ptest_/pprod_).");
        }

        var fields = RequestBuilder.Parameters(WireFormat.CardForm, Account.PublicKey.Trim(), [paymentToken]);
        return new CardFormPost(Account.CardFormUrl, fields);
    }

    public Task<PaymentDetailResponse> GetPaymentDetailAsync(string paymentToken, CancellationToken cancellationToken = default)
    {
        RequireText(paymentToken, nameof(paymentToken));
        return SendAsync(Build(WireFormat.PaymentDetail, null, [paymentToken]), ResponseShapes.PaymentDetail, isCommand: false, cancellationToken);
    }

    public Task<ClientTransferResponse> SendClientTransferAsync(ClientTransferRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequirePositive(request.Amount, nameof(request.Amount));
        return SendAsync(Build(WireFormat.SendClientTransfer, null,
            [Amount(request.Amount), request.ReceiverPhone, request.Country, request.ClientType]),
            ResponseShapes.ClientTransfer, isCommand: true, cancellationToken);
    }

    public Task<ClientTransferStatusResponse> GetClientTransferAsync(string transferReference, CancellationToken cancellationToken = default)
    {
        RequireText(transferReference, nameof(transferReference));
        return SendAsync(Build(WireFormat.GetClientTransfer, null, [transferReference]), ResponseShapes.ClientTransferStatus,
            isCommand: false, cancellationToken);
    }

    public Task<FeesResponse> GetFeesAsync(string operatorCode, string country = "GA", CancellationToken cancellationToken = default)
    {
        RequireText(operatorCode, nameof(operatorCode));
        RequireText(country, nameof(country));
        return SendAsync(Build(WireFormat.GetFees, null, [operatorCode, country]), ResponseShapes.Fees, isCommand: false, cancellationToken);
    }

    public Task<CreateRefundResponse> CreateRefundAsync(CreateRefundRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequirePositive(request.Amount, nameof(request.Amount));
        RequireText(request.PaymentToken, nameof(request.PaymentToken));
        return SendAsync(Build(WireFormat.CreateRefund, null, [request.PaymentToken, Amount(request.Amount), request.Description]),
            ResponseShapes.CreateRefund, isCommand: true, cancellationToken);
    }

    public Task<SendRefundResponse> SendRefundAsync(string refundId, CancellationToken cancellationToken = default)
    {
        RequireText(refundId, nameof(refundId));
        return SendAsync(Build(WireFormat.SendRefund, null, [refundId]), ResponseShapes.SendRefund, isCommand: true, cancellationToken);
    }

    public Task<RefundInfoResponse> GetRefundAsync(string refundId, CancellationToken cancellationToken = default)
    {
        RequireText(refundId, nameof(refundId));
        return SendAsync(Build(WireFormat.RefundInfo, null, [refundId]), ResponseShapes.RefundInfo, isCommand: false, cancellationToken);
    }

    public Task<PaymentLinkResponse> GenerateLinkAsync(GenerateLinkRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequirePositive(request.Amount, nameof(request.Amount));
        return SendAsync(Build(WireFormat.GenerateLink, null,
            [request.FirstName, request.LastName, request.Email, request.Phone, Amount(request.Amount), request.Description]),
            ResponseShapes.PaymentLink, isCommand: true, cancellationToken);
    }

    public Task<PaymentLinkResponse> GetLinkAsync(string linkReference, CancellationToken cancellationToken = default)
    {
        RequireText(linkReference, nameof(linkReference));
        return SendAsync(Build(WireFormat.GetLink, linkReference, []), ResponseShapes.PaymentLink, isCommand: false, cancellationToken);
    }

    public Task<CancelLinkResponse> CancelLinkAsync(string linkReference, CancellationToken cancellationToken = default)
    {
        RequireText(linkReference, nameof(linkReference));
        return SendAsync(Build(WireFormat.CancelLink, linkReference, []), ResponseShapes.CancelLink, isCommand: true, cancellationToken);
    }

    private MyPayGaRequestMessage Build(Endpoint endpoint, string? pathReference, ReadOnlySpan<string> values) =>
        RequestBuilder.Build(endpoint, _baseUrl, _apiKey, pathReference, values, Account.Timeout, _maxResponseBytes);

    /// <summary>
    /// One call: send the request through the named client, read the body (at most the cap), parse it in one pass,
    /// check the status of commands, log one line. Every failure becomes a <see cref="MyPayGaException"/>, except the
    /// caller's own cancellation (OperationCanceledException).
    /// </summary>
    private async Task<T> SendAsync<T>(MyPayGaRequestMessage request, ResponseShape<T> shape, bool isCommand, CancellationToken cancellationToken)
        where T : class
    {
        var endpoint = request.Endpoint;
        var started = Stopwatch.GetTimestamp();
        int? httpStatus = null;
        string? providerStatus = null;
        HttpResponseMessage? response = null;
        CancellationTokenSource? budget = null;
        var link = default(CancellationTokenRegistration);
        var token = cancellationToken;
        if (!_handlerSeen)
        {
            budget = new CancellationTokenSource(_budget, _resilience.TimeProvider);
            token = budget.Token;
            if (cancellationToken.CanBeCanceled)
            {
                link = cancellationToken.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), budget);
            }
        }

        try
        {
            if (_logger.IsEnabled(LogLevel.Debug))
            {
                LogRequest(_logger, endpoint.Name, request.Method.Method, KeyRedactor.Redact(request.RequestUri!.ToString()));
            }

            BufferedBody body;
            try
            {
                response = await _httpClient().SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
                httpStatus = (int)response.StatusCode;
                if (response.Content is BufferedBody buffered)
                {
                    _handlerSeen = true;
                }
                else
                {
                    // Without the resilience handler: read (and cap) the body here.
                    buffered = await BufferedBody.ReadAsync(response.Content, _maxResponseBytes, token).ConfigureAwait(false);
                    response.Content = buffered;
                }

                body = buffered;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                throw Translate(ex, request, httpStatus);
            }

            if (_logger.IsEnabled(LogLevel.Trace))
            {
                var bytes = body.Bytes.Span;
                LogBody(_logger, endpoint.Name, KeyRedactor.Redact(BodyText.Excerpt(bytes.Length > MaxLoggedBodyBytes ? bytes[..MaxLoggedBodyBytes] : bytes,
                    body.ContentType, body.Truncated || bytes.Length > MaxLoggedBodyBytes)));
            }

            if (!response.IsSuccessStatusCode)
            {
                throw HttpError(request, response.StatusCode, response.ReasonPhrase, body);
            }

            var result = Parse(shape, body, httpStatus.Value, request);
            var statusValue = shape.Status(result);
            providerStatus = statusValue.Raw;

            if (isCommand)
            {
                if (statusValue.Raw is null)
                {
                    throw Error(request, MyPayGaErrorKind.InvalidResponse,
                        $"MyPayGa answered {endpoint.Name} without a status; the outcome is unknown.",
                        httpStatus, null, shape.Message(result), Excerpt(body));
                }

                if (!statusValue.IsSuccess)
                {
                    var providerMessage = shape.Message(result);
                    throw Error(request, MyPayGaErrorKind.Rejected,
                        $"MyPayGa refused {endpoint.Name}: status {statusValue.Raw}" + (string.IsNullOrWhiteSpace(providerMessage) ? "." : $", \"{MyPayGaException.Cut(providerMessage, 200)}\"."),
                        httpStatus, statusValue.Raw, providerMessage, Excerpt(body));
                }

                if (shape.Problem(result) is { } problem)
                {
                    throw Error(request, MyPayGaErrorKind.InvalidResponse,
                        $"MyPayGa answered {endpoint.Name} with {problem}.", httpStatus, statusValue.Raw, shape.Message(result), Excerpt(body));
                }
            }

            LogCall(_logger, endpoint.Name, httpStatus, providerStatus ?? "(none)", ElapsedMs(started), request.Attempts);
            return result;
        }
        catch (MyPayGaException ex)
        {
            LogFailure(_logger, endpoint.Name, ex.Kind, ex.HttpStatus ?? httpStatus, ex.ProviderStatus ?? providerStatus ?? "(none)",
                ElapsedMs(started), request.Attempts, ex.Message);
            throw;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            LogCancelled(_logger, endpoint.Name, ElapsedMs(started), request.Attempts);
            throw;
        }
        finally
        {
            link.Dispose();
            budget?.Dispose();
            response?.Dispose();
            request.Dispose();
        }
    }

    private MyPayGaException Translate(Exception ex, MyPayGaRequestMessage request, int? httpStatus)
    {
        var host = Account.ApiBaseUrl.Authority;
        var name = request.Endpoint.Name;
        return ex switch
        {
            MyPayGaException already => already,
            TimeoutRejectedException or OperationCanceledException => Error(request, MyPayGaErrorKind.Timeout,
                $"MyPayGa ({host}) did not answer {name} in time ({Seconds(Account.Timeout)} s per attempt, {request.Attempts} attempt(s)); the request may or may not have been processed.",
                httpStatus, innerException: ex),
            _ when FailureClassifier.IsConnectFailure(ex) => Error(request, MyPayGaErrorKind.ConnectionFailed,
                $"Could not connect to MyPayGa ({host}) for {name} after {request.Attempts} attempt(s): {Reason(ex)}. Nothing was sent.",
                innerException: ex),
            HttpRequestException or IOException => Error(request, MyPayGaErrorKind.ConnectionLost,
                $"The connection to MyPayGa ({host}) broke during {name} after the request was sent: {Reason(ex)}. The outcome is unknown.",
                httpStatus, innerException: ex),
            _ => Error(request, MyPayGaErrorKind.ConnectionLost,
                $"The call to MyPayGa ({host}) for {name} failed unexpectedly ({ex.GetType().Name}: {Reason(ex)}); the request may have been sent. The outcome is unknown.",
                httpStatus, innerException: ex),
        };
    }

    private MyPayGaException HttpError(MyPayGaRequestMessage request, HttpStatusCode statusCode, string? reasonPhrase, BufferedBody body)
    {
        var code = (int)statusCode;
        var name = request.Endpoint.Name;
        var (providerStatus, providerMessage) = BodyText.BestEffortStatus(body.Bytes.Span, body.ContentType, body.Truncated);
        var text = statusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
            ? $"MyPayGa refused the API key for {name} (HTTP {code}): check the secret key and that it belongs to the {(Account.Environment == MyPayGaEnvironment.Production ? "production" : "test")} environment."
            : $"MyPayGa answered {name} with HTTP {code} {MyPayGaException.Cut(reasonPhrase ?? "", 80)}".TrimEnd() + ".";
        return Error(request, MyPayGaErrorKind.HttpError, text, code, providerStatus, providerMessage, Excerpt(body));
    }

    private T Parse<T>(ResponseShape<T> shape, BufferedBody body, int httpStatus, MyPayGaRequestMessage request)
        where T : class
    {
        string? problem;
        byte[]? rented = null;
        try
        {
            if (body.Truncated)
            {
                problem = $"a body over {_maxResponseBytes / 1024} KiB (MyPayGa answers are a few KB), not read";
            }
            else if (!BodyText.TryGetUtf8(body.Bytes, body.ContentType, out var utf8, out rented, out problem))
            {
                // problem says why
            }
            else
            {
                var text = utf8.Span.TrimStart(" \t\r\n"u8);
                if (text.IsEmpty)
                {
                    problem = "an empty body";
                }
                else if (text[0] == (byte)'<')
                {
                    problem = "an HTML page instead of JSON (an error page or a proxy?)";
                }
                else if (text[0] != (byte)'{')
                {
                    problem = "a body that is not a JSON object";
                }
                else
                {
                    var reader = new Utf8JsonReader(text, WireJson.ReaderOptions);
                    reader.Read();
                    var result = shape.Read(ref reader);
                    if (reader.Read())
                    {
                        throw new JsonException("content after the JSON object");
                    }

                    return result;
                }
            }
        }
        catch (JsonException ex)
        {
            problem = "a body that is not valid JSON (" + ex.Message + ")";
        }
        catch (WireFormatException ex)
        {
            problem = ex.Message;
        }
        finally
        {
            BodyText.Return(rented);
        }

        throw Error(request, MyPayGaErrorKind.InvalidResponse,
            $"MyPayGa answered {request.Endpoint.Name} with {problem}; nothing is assumed.", httpStatus, rawBody: Excerpt(body));
    }

    private static string Excerpt(BufferedBody body) => BodyText.Excerpt(body.Bytes.Span, body.ContentType, body.Truncated);

    private static MyPayGaException Error(MyPayGaRequestMessage request, MyPayGaErrorKind kind, string message,
        int? httpStatus = null, string? providerStatus = null, string? providerMessage = null, string? rawBody = null,
        Exception? innerException = null) =>
        new(kind, request.Endpoint.Name, message, httpStatus, providerStatus, providerMessage, rawBody, innerException)
        {
            Attempts = request.Attempts,
            OutcomeUnknown = request.Endpoint.MovesMoney
                ? MyPayGaException.MoneyOutcomeUnknown(kind, httpStatus, providerStatus)
                : MyPayGaException.DefaultOutcomeUnknown(kind, httpStatus),
        };

    private static string Reason(Exception ex)
    {
        var innermost = ex;
        while (innermost.InnerException is not null)
        {
            innermost = innermost.InnerException;
        }

        return ReferenceEquals(innermost, ex) ? ex.Message : $"{ex.Message} ({innermost.Message})";
    }

    private static long ElapsedMs(long started) => (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;

    private static string Amount(long amount) => amount.ToString(CultureInfo.InvariantCulture);

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);

    private static void RequirePositive(long amount, string name)
    {
        if (amount <= 0)
        {
            throw new ArgumentOutOfRangeException(name, amount, "The amount must be a positive number of whole XAF.");
        }
    }

    private static void RequireText(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{name} is required.", name);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "MyPayGa {Endpoint}: {Method} {Url}")]
    private static partial void LogRequest(ILogger logger, string endpoint, string method, string url);

    [LoggerMessage(Level = LogLevel.Trace, Message = "MyPayGa {Endpoint}: body {Body}")]
    private static partial void LogBody(ILogger logger, string endpoint, string body);

    [LoggerMessage(Level = LogLevel.Information, Message = "MyPayGa {Endpoint}: HTTP {HttpStatus}, status {ProviderStatus}, {ElapsedMs} ms, attempt {Attempts}")]
    private static partial void LogCall(ILogger logger, string endpoint, int? httpStatus, string providerStatus, long elapsedMs, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MyPayGa {Endpoint} failed ({ErrorKind}): HTTP {HttpStatus}, status {ProviderStatus}, {ElapsedMs} ms, attempt {Attempts}: {Error}")]
    private static partial void LogFailure(ILogger logger, string endpoint, MyPayGaErrorKind errorKind, int? httpStatus, string providerStatus,
        long elapsedMs, int attempts, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "MyPayGa {Endpoint}: cancelled by the caller after {ElapsedMs} ms, attempt {Attempts}")]
    private static partial void LogCancelled(ILogger logger, string endpoint, long elapsedMs, int attempts);
}
