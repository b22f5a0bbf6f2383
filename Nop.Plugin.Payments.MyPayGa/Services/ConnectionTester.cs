using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using MyPayGa.Client;
using Nop.Services.Localization;
using Nop.Services.Logging;
using static Nop.Plugin.Payments.MyPayGa.Localization.LocaleResources;

namespace Nop.Plugin.Payments.MyPayGa.Services;

/// <summary>How a connection test ended.</summary>
public enum ConnectionTestOutcome
{
    /// <summary>MyPayGa answered with a success status: it accepted the secret key.</summary>
    Success,
    /// <summary>MyPayGa refused the key (HTTP 401/403).</summary>
    KeyRefused,
    /// <summary>MyPayGa answered, but with a status other than success.</summary>
    Rejected,
    /// <summary>No answer: connection refused, DNS, TLS, timeout, 5xx...</summary>
    Unreachable,
    /// <summary>An answer nobody can read (HTML, empty, broken JSON).</summary>
    InvalidAnswer,
    /// <summary>Nothing was sent: the account of the selected environment is not usable (missing key, wrong environment...).</summary>
    NotConfigured,
}

/// <summary>The result of a connection test: what to tell the store owner. Holds no key.</summary>
public sealed record ConnectionTestResult
{
    public required ConnectionTestOutcome Outcome { get; init; }
    public required MyPayGaEnvironment Environment { get; init; }
    /// <summary>The API address that was (or would have been) called.</summary>
    public required string ApiBaseUrl { get; init; }
    /// <summary>Time of the call in milliseconds; null when nothing was sent.</summary>
    public long? ElapsedMs { get; init; }
    /// <summary>The localised explanation.</summary>
    public required string Message { get; init; }

    public bool Success => Outcome == ConnectionTestOutcome.Success;
}

/// <summary>"Test connection" of the configuration page.</summary>
public interface IMyPayGaConnectionTester
{
    /// <summary>
    /// Calls MyPayGa once with the saved keys of the store's selected environment and reports whether the secret key
    /// works. The call is getFees (a read: it creates nothing), whose answer tells an accepted key (status 200 with the
    /// account's fee rates) from a refused one (HTTP 401/403). Never throws for MyPayGa or configuration problems.
    /// </summary>
    Task<ConnectionTestResult> TestAsync(int storeId, CancellationToken cancellationToken = default);
}

/// <inheritdoc />
public partial class MyPayGaConnectionTester : IMyPayGaConnectionTester
{
    /// <summary>Any operator getFees knows; Airtel Money is MyPayGa's documented example.</summary>
    internal const string FeesOperator = "AM";
    internal const string FeesCountry = "GA";

    private readonly IMyPayGaAccountProvider _accountProvider;
    private readonly ILocalizationService _localizationService;
    private readonly ILogger _logger;

    public MyPayGaConnectionTester(IMyPayGaAccountProvider accountProvider, ILocalizationService localizationService, ILogger logger)
    {
        _accountProvider = accountProvider;
        _localizationService = localizationService;
        _logger = logger;
    }

    public async Task<ConnectionTestResult> TestAsync(int storeId, CancellationToken cancellationToken = default)
    {
        var account = await _accountProvider.GetAccountAsync(storeId);
        var environment = await EnvironmentNameAsync(account.Environment);
        var apiBaseUrl = account.ApiBaseUrl.ToString();

        ConnectionTestResult Result(ConnectionTestOutcome outcome, string message, long? elapsedMs) => new()
        {
            Outcome = outcome,
            Environment = account.Environment,
            ApiBaseUrl = apiBaseUrl,
            ElapsedMs = elapsedMs,
            Message = message,
        };

        var problems = await _accountProvider.GetProblemsAsync(storeId);
        if (problems.Count > 0)
            return Result(ConnectionTestOutcome.NotConfigured, await TextAsync(AdminKeys.TestConnectionNotConfigured, environment, string.Join(" ", problems)), null);

        IMyPayGaClient client;
        try
        {
            client = await _accountProvider.GetClientAsync(storeId);
        }
        catch (MyPayGaException ex)
        {
            return Result(ConnectionTestOutcome.NotConfigured, await TextAsync(AdminKeys.TestConnectionNotConfigured, environment, ex.Message), null);
        }

        var stopwatch = Stopwatch.StartNew();
        ConnectionTestResult result;
        try
        {
            var fees = await client.GetFeesAsync(FeesOperator, FeesCountry, cancellationToken);
            stopwatch.Stop();
            result = fees.StatusRequest.IsSuccess
                ? Result(ConnectionTestOutcome.Success, await TextAsync(AdminKeys.TestConnectionSuccess, environment), stopwatch.ElapsedMilliseconds)
                : Result(ConnectionTestOutcome.Rejected, await TextAsync(AdminKeys.TestConnectionRejected, environment,
                    Describe(fees.StatusRequest.Raw, fees.Message, account)), stopwatch.ElapsedMilliseconds);
        }
        catch (MyPayGaException ex)
        {
            stopwatch.Stop();
            var elapsed = stopwatch.ElapsedMilliseconds;
            result = ex switch
            {
                { Kind: MyPayGaErrorKind.HttpError, HttpStatus: 401 or 403 } =>
                    Result(ConnectionTestOutcome.KeyRefused, await TextAsync(AdminKeys.TestConnectionKeyRefused, environment), elapsed),
                { Kind: MyPayGaErrorKind.InvalidResponse } =>
                    Result(ConnectionTestOutcome.InvalidAnswer, await TextAsync(AdminKeys.TestConnectionInvalidAnswer, Redact(ex.Message, account)), elapsed),
                { Kind: MyPayGaErrorKind.Configuration } =>
                    Result(ConnectionTestOutcome.NotConfigured, await TextAsync(AdminKeys.TestConnectionNotConfigured, environment, Redact(ex.Message, account)), null),
                { Kind: MyPayGaErrorKind.Rejected } or { Kind: MyPayGaErrorKind.HttpError, HttpStatus: < 500 and not 408 and not 429 } =>
                    Result(ConnectionTestOutcome.Rejected, await TextAsync(AdminKeys.TestConnectionRejected, environment,
                        Describe(ex.ProviderStatus ?? ex.HttpStatus?.ToString(CultureInfo.InvariantCulture), ex.ProviderMessage ?? ex.Message, account)), elapsed),
                _ => Result(ConnectionTestOutcome.Unreachable, await TextAsync(AdminKeys.TestConnectionUnreachable, Redact(ex.Message, account)), elapsed),
            };
        }

        await _logger.InformationAsync(string.Format(CultureInfo.InvariantCulture,
            "MyPayGa: connection test of store {0}: {1} ({2} environment, {3}, {4} ms)",
            storeId, result.Outcome, account.Environment, apiBaseUrl, result.ElapsedMs?.ToString(CultureInfo.InvariantCulture) ?? "-"));
        return result;
    }

    private async Task<string> EnvironmentNameAsync(MyPayGaEnvironment environment) =>
        await _localizationService.GetResourceAsync(environment == MyPayGaEnvironment.Production ? WebKeys.EnvironmentProduction : WebKeys.EnvironmentTest);

    private async Task<string> TextAsync(string key, params object[] args) =>
        string.Format(CultureInfo.CurrentCulture, await _localizationService.GetResourceAsync(key), args);

    private static string Describe(string? status, string? message, MyPayGaAccount account)
    {
        var text = string.IsNullOrWhiteSpace(message) ? "(no message)" : message.Trim();
        if (text.Length > 300)
            text = text[..300] + "…";
        return Redact(string.IsNullOrWhiteSpace(status) ? text : $"status {status}, {text}", account);
    }

    /// <summary>MyPayGa's own words may echo a key: the account's keys, and anything shaped like a key, are masked.</summary>
    internal static string Redact(string text, MyPayGaAccount account)
    {
        foreach (var key in new[] { account.SecretKey, account.PublicKey, account.CallbackSecret })
        {
            if (!string.IsNullOrWhiteSpace(key) && key.Trim().Length >= 4)
                text = text.Replace(key.Trim(), "***", StringComparison.Ordinal);
        }

        return KeyShape().Replace(text, "***");
    }

    [GeneratedRegex(@"\b(?:stest|sprod|ptest|pprod|spub)_[A-Za-z0-9_\-]+", RegexOptions.IgnoreCase)]
    private static partial Regex KeyShape();
}
