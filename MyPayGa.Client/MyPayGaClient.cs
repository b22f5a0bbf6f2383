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
public sealed class MyPayGaClient : IMyPayGaClient
{
    private const int MaxLoggedBodyChars = 4000;

    private readonly Func<HttpClient> _httpClient;
    private readonly ILogger _logger;
    private readonly MyPayGaResilienceOptions _resilience;

    /// <summary>Throws <see cref="MyPayGaException"/> (Configuration) when the account is not usable.</summary>
    public MyPayGaClient(IHttpClientFactory httpClientFactory, MyPayGaAccount account,
        ILogger<MyPayGaClient>? logger = null, MyPayGaResilienceOptions? resilience = null)
        : this(CreateFrom(httpClientFactory), account, logger, resilience)
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
    }

    private static Func<HttpClient> CreateFrom(IHttpClientFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return () => factory.CreateClient(MyPayGaClientFactory.HttpClientName);
    }

    public MyPayGaAccount Account { get; }

    private string ApiKey => Account.SecretKey.Trim();

    public async Task<GetHashResponse> GetHashAsync(GetHashRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequirePositive(request.Amount, nameof(request.Amount));
        var dto = await CallAsync<GetHashDto>(WireFormat.GetHash, null,
            [request.Email, request.FirstName, request.LastName, request.UniqueId, Amount(request.Amount), request.Phone, request.Description],
            d => d.Code, d => d.Message, isCommand: true,
            d => string.IsNullOrWhiteSpace(d.PaymentToken) ? "status 200 without a payment_token" : null,
            cancellationToken).ConfigureAwait(false);
        return ResponseMapper.Map(dto);
    }

    public async Task<MobilePaymentResponse> RequestMobilePaymentAsync(MobilePaymentRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequirePositive(request.Amount, nameof(request.Amount));
        RequireText(request.PaymentToken, nameof(request.PaymentToken));
        var dto = await CallAsync<MobilePaymentDto>(WireFormat.PaymentRequest, null,
            [request.Email, request.FirstName, request.LastName, request.PaymentToken, Amount(request.Amount), request.ClientPhone, request.Description],
            d => d.StatusRequest, d => d.Message, isCommand: true, null, cancellationToken).ConfigureAwait(false);
        return ResponseMapper.Map(dto);
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

    public async Task<PaymentDetailResponse> GetPaymentDetailAsync(string paymentToken, CancellationToken cancellationToken = default)
    {
        RequireText(paymentToken, nameof(paymentToken));
        var dto = await CallAsync<PaymentDetailDto>(WireFormat.PaymentDetail, null, [paymentToken],
            d => d.Code, d => d.Message, isCommand: false, null, cancellationToken).ConfigureAwait(false);
        return ResponseMapper.Map(dto);
    }

    public async Task<ClientTransferResponse> SendClientTransferAsync(ClientTransferRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequirePositive(request.Amount, nameof(request.Amount));
        var dto = await CallAsync<ClientTransferDto>(WireFormat.SendClientTransfer, null,
            [Amount(request.Amount), request.ReceiverPhone, request.Country, request.ClientType],
            d => d.StatusRequest, d => d.Message, isCommand: true, null, cancellationToken).ConfigureAwait(false);
        return ResponseMapper.Map(dto);
    }

    public async Task<ClientTransferStatusResponse> GetClientTransferAsync(string transferReference, CancellationToken cancellationToken = default)
    {
        RequireText(transferReference, nameof(transferReference));
        var dto = await CallAsync<ClientTransferStatusDto>(WireFormat.GetClientTransfer, null, [transferReference],
            d => d.Status, d => d.Message, isCommand: false, null, cancellationToken).ConfigureAwait(false);
        return ResponseMapper.Map(dto);
    }

    public async Task<FeesResponse> GetFeesAsync(string operatorCode, string country = "GA", CancellationToken cancellationToken = default)
    {
        RequireText(operatorCode, nameof(operatorCode));
        RequireText(country, nameof(country));
        var dto = await CallAsync<FeesResponseDto>(WireFormat.GetFees, null, [operatorCode, country],
            d => d.StatusRequest, d => d.Message, isCommand: false, null, cancellationToken).ConfigureAwait(false);
        return ResponseMapper.Map(dto);
    }

    public async Task<CreateRefundResponse> CreateRefundAsync(CreateRefundRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequirePositive(request.Amount, nameof(request.Amount));
        RequireText(request.PaymentToken, nameof(request.PaymentToken));
        var dto = await CallAsync<CreateRefundDto>(WireFormat.CreateRefund, null,
            [request.PaymentToken, Amount(request.Amount), request.Description],
            d => d.StatusRequest, d => d.Message, isCommand: true,
            d => string.IsNullOrWhiteSpace(d.RefundId) ? "status 200 without a refundId" : null,
            cancellationToken).ConfigureAwait(false);
        return ResponseMapper.Map(dto);
    }

    public async Task<SendRefundResponse> SendRefundAsync(string refundId, CancellationToken cancellationToken = default)
    {
        RequireText(refundId, nameof(refundId));
        var dto = await CallAsync<SendRefundDto>(WireFormat.SendRefund, null, [refundId],
            d => d.RefundStatus, d => d.Message, isCommand: true, null, cancellationToken).ConfigureAwait(false);
        return ResponseMapper.Map(dto);
    }

    public async Task<RefundInfoResponse> GetRefundAsync(string refundId, CancellationToken cancellationToken = default)
    {
        RequireText(refundId, nameof(refundId));
        var dto = await CallAsync<RefundInfoDto>(WireFormat.RefundInfo, null, [refundId],
            d => d.StatusRequest, d => d.Message, isCommand: false, null, cancellationToken).ConfigureAwait(false);
        return ResponseMapper.Map(dto);
    }

    public async Task<PaymentLinkResponse> GenerateLinkAsync(GenerateLinkRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequirePositive(request.Amount, nameof(request.Amount));
        var dto = await CallAsync<PaymentLinkDto>(WireFormat.GenerateLink, null,
            [request.FirstName, request.LastName, request.Email, request.Phone, Amount(request.Amount), request.Description],
            d => d.Code, d => d.Message, isCommand: true, null, cancellationToken).ConfigureAwait(false);
        return ResponseMapper.Map(dto);
    }

    public async Task<PaymentLinkResponse> GetLinkAsync(string linkReference, CancellationToken cancellationToken = default)
    {
        RequireText(linkReference, nameof(linkReference));
        var dto = await CallAsync<PaymentLinkDto>(WireFormat.GetLink, linkReference, [],
            d => d.Code, d => d.Message, isCommand: false, null, cancellationToken).ConfigureAwait(false);
        return ResponseMapper.Map(dto);
    }

    public async Task<CancelLinkResponse> CancelLinkAsync(string linkReference, CancellationToken cancellationToken = default)
    {
        RequireText(linkReference, nameof(linkReference));
        var dto = await CallAsync<CancelLinkDto>(WireFormat.CancelLink, linkReference, [],
            d => d.Code, d => d.Message, isCommand: true, null, cancellationToken).ConfigureAwait(false);
        return ResponseMapper.Map(dto);
    }

    /// <summary>
    /// One call: build the request from the wire table, send it through the named client, read and parse the body,
    /// check the status of commands, log one line. Every failure becomes a <see cref="MyPayGaException"/>, except the
    /// caller's own cancellation (OperationCanceledException).
    /// </summary>
    private async Task<TDto> CallAsync<TDto>(Endpoint endpoint, string? pathReference, string[] values,
        Func<TDto, MyPayGaStatus> status, Func<TDto, string?> message, bool isCommand, Func<TDto, string?>? shapeProblem,
        CancellationToken cancellationToken)
        where TDto : class
    {
        var call = new MyPayGaCall(endpoint, Account.Timeout);
        var stopwatch = Stopwatch.StartNew();
        int? httpStatus = null;
        string? providerStatus = null;

        try
        {
            using var request = RequestBuilder.Build(endpoint, Account.ApiBaseUrl, ApiKey, pathReference, values);
            request.Options.Set(MyPayGaCall.Key, call);
            if (_logger.IsEnabled(LogLevel.Debug))
            {
                _logger.LogDebug("MyPayGa {Endpoint}: {Method} {Url}", endpoint.Name, request.Method.Method, KeyRedactor.Redact(request.RequestUri!.ToString()));
            }

            // A safety net for a client built without the resilience handler; with it, its total timeout fires first.
            var budget = (_resilience.TotalTimeout > Account.Timeout ? _resilience.TotalTimeout : Account.Timeout) + TimeSpan.FromSeconds(5);
            using var budgetCts = new CancellationTokenSource(budget, _resilience.TimeProvider);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budgetCts.Token);

            string body;
            try
            {
                using var response = await _httpClient().SendAsync(request, linked.Token).ConfigureAwait(false);
                httpStatus = (int)response.StatusCode;
                body = await response.Content.ReadAsStringAsync(linked.Token).ConfigureAwait(false);

                if (!response.IsSuccessStatusCode)
                {
                    throw HttpError(endpoint, response.StatusCode, response.ReasonPhrase, body, call);
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or OperationCanceledException or TimeoutRejectedException
                                       && !cancellationToken.IsCancellationRequested)
            {
                throw Translate(ex, endpoint, call, httpStatus);
            }

            if (_logger.IsEnabled(LogLevel.Trace))
            {
                _logger.LogTrace("MyPayGa {Endpoint}: body {Body}", endpoint.Name, KeyRedactor.Redact(Truncate(body)));
            }

            var dto = Parse<TDto>(endpoint, body, httpStatus, call);
            var statusValue = status(dto);
            providerStatus = statusValue.Raw;

            if (isCommand)
            {
                if (statusValue.Raw is null)
                {
                    throw Error(call, MyPayGaErrorKind.InvalidResponse, endpoint.Name,
                        $"MyPayGa answered {endpoint.Name} without a status; the outcome is unknown.",
                        httpStatus, null, message(dto), body);
                }

                if (!statusValue.IsSuccess)
                {
                    var providerMessage = message(dto);
                    throw Error(call, MyPayGaErrorKind.Rejected, endpoint.Name,
                        $"MyPayGa refused {endpoint.Name}: status {statusValue.Raw}" + (string.IsNullOrWhiteSpace(providerMessage) ? "." : $", \"{providerMessage}\"."),
                        httpStatus, statusValue.Raw, providerMessage, body);
                }

                if (shapeProblem?.Invoke(dto) is { } problem)
                {
                    throw Error(call, MyPayGaErrorKind.InvalidResponse, endpoint.Name,
                        $"MyPayGa answered {endpoint.Name} with {problem}.", httpStatus, statusValue.Raw, message(dto), body);
                }
            }

            _logger.LogInformation(
                "MyPayGa {Endpoint}: HTTP {HttpStatus}, status {ProviderStatus}, {ElapsedMs} ms, attempt {Attempts}",
                endpoint.Name, httpStatus, providerStatus ?? "(none)", stopwatch.ElapsedMilliseconds, call.Attempts);
            return dto;
        }
        catch (MyPayGaException ex)
        {
            _logger.LogWarning(
                "MyPayGa {Endpoint} failed ({ErrorKind}): HTTP {HttpStatus}, status {ProviderStatus}, {ElapsedMs} ms, attempt {Attempts}: {Error}",
                endpoint.Name, ex.Kind, ex.HttpStatus ?? httpStatus, ex.ProviderStatus ?? providerStatus ?? "(none)",
                stopwatch.ElapsedMilliseconds, call.Attempts, ex.Message);
            throw;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _logger.LogInformation(
                "MyPayGa {Endpoint}: cancelled by the caller after {ElapsedMs} ms, attempt {Attempts}",
                endpoint.Name, stopwatch.ElapsedMilliseconds, call.Attempts);
            throw;
        }
    }

    private MyPayGaException Translate(Exception ex, Endpoint endpoint, MyPayGaCall call, int? httpStatus)
    {
        var host = Account.ApiBaseUrl.Authority;
        return ex switch
        {
            TimeoutRejectedException or OperationCanceledException => Error(call, MyPayGaErrorKind.Timeout, endpoint.Name,
                $"MyPayGa ({host}) did not answer {endpoint.Name} in time ({Seconds(Account.Timeout)} s per attempt, {call.Attempts} attempt(s)); the request may or may not have been processed.",
                httpStatus, innerException: ex),
            _ when FailureClassifier.IsConnectFailure(ex) => Error(call, MyPayGaErrorKind.ConnectionFailed, endpoint.Name,
                $"Could not connect to MyPayGa ({host}) for {endpoint.Name} after {call.Attempts} attempt(s): {Reason(ex)}. Nothing was sent.",
                innerException: ex),
            _ => Error(call, MyPayGaErrorKind.ConnectionLost, endpoint.Name,
                $"The connection to MyPayGa ({host}) broke during {endpoint.Name} after the request was sent: {Reason(ex)}. The outcome is unknown.",
                httpStatus, innerException: ex),
        };
    }

    private MyPayGaException HttpError(Endpoint endpoint, HttpStatusCode statusCode, string? reasonPhrase, string body, MyPayGaCall call)
    {
        var code = (int)statusCode;
        var (providerStatus, providerMessage) = BestEffortStatus(body);
        var text = statusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
            ? $"MyPayGa refused the API key for {endpoint.Name} (HTTP {code}): check the secret key and that it belongs to the {(Account.Environment == MyPayGaEnvironment.Production ? "production" : "test")} environment."
            : $"MyPayGa answered {endpoint.Name} with HTTP {code} {reasonPhrase}".TrimEnd() + ".";
        return Error(call, MyPayGaErrorKind.HttpError, endpoint.Name, text, code, providerStatus, providerMessage, body);
    }

    private static TDto Parse<TDto>(Endpoint endpoint, string body, int? httpStatus, MyPayGaCall call)
        where TDto : class
    {
        var trimmed = body.AsSpan().TrimStart();
        string? problem = null;
        if (trimmed.IsEmpty)
        {
            problem = "an empty body";
        }
        else if (trimmed[0] == '<')
        {
            problem = "an HTML page instead of JSON (an error page or a proxy?)";
        }
        else if (trimmed[0] != '{')
        {
            problem = "a body that is not a JSON object";
        }

        if (problem is null)
        {
            try
            {
                var dto = JsonSerializer.Deserialize<TDto>(body, MyPayGaJson.Options);
                if (dto is not null)
                {
                    return dto;
                }

                problem = "a null body";
            }
            catch (JsonException ex)
            {
                problem = "a body that is not valid JSON (" + ex.Message + ")";
            }
        }

        throw Error(call, MyPayGaErrorKind.InvalidResponse, endpoint.Name,
            $"MyPayGa answered {endpoint.Name} with {problem}; nothing is assumed.", httpStatus, rawBody: body);
    }

    private static MyPayGaException Error(MyPayGaCall call, MyPayGaErrorKind kind, string endpoint, string message,
        int? httpStatus = null, string? providerStatus = null, string? providerMessage = null, string? rawBody = null,
        Exception? innerException = null) =>
        new(kind, endpoint, message, httpStatus, providerStatus, providerMessage, rawBody, innerException) { Attempts = call.Attempts };

    private static (string? Status, string? Message) BestEffortStatus(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { AllowTrailingCommas = true, MaxDepth = 16 });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, null);
            }

            string? Read(params string[] names)
            {
                foreach (var name in names)
                {
                    if (document.RootElement.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.String or JsonValueKind.Number)
                    {
                        return value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();
                    }
                }

                return null;
            }

            return (Read("statusRequest", "code", "status", "RefundStatus"), Read("message"));
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static string Reason(Exception ex)
    {
        var innermost = ex;
        while (innermost.InnerException is not null)
        {
            innermost = innermost.InnerException;
        }

        return ReferenceEquals(innermost, ex) ? ex.Message : $"{ex.Message} ({innermost.Message})";
    }

    private static string Amount(long amount) => amount.ToString(CultureInfo.InvariantCulture);

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Truncate(string body) =>
        body.Length <= MaxLoggedBodyChars ? body : body[..MaxLoggedBodyChars] + "…";

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
}
