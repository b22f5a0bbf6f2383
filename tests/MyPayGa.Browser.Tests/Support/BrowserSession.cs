using Microsoft.Playwright;
using MyPayGa.Browser.Tests.Host;
using MyPayGa.Browser.Tests.Support;
using MyPayGa.Sandbox;
using Nop.Plugin.Payments.MyPayGa;

// In the root namespace: a SetUpFixture applies to the tests of its namespace and below.
namespace MyPayGa.Browser.Tests;

/// <summary>
/// Once for the whole run: the MyPayGa sandbox, the test store in front of it, and Debian's Chromium driven by
/// Playwright. Chromium is never downloaded: a machine without /usr/bin/chromium fails every test with a message
/// saying what to install.
/// </summary>
[SetUpFixture]
public sealed class BrowserSession
{
    public const string DefaultChromiumPath = "/usr/bin/chromium";

    /// <summary>Another Chromium (e.g. on a developer's machine); CI uses Debian's.</summary>
    public const string ChromiumPathVariable = "MYPAYGA_CHROMIUM";

    /// <summary>Launch arguments known to work with Debian's Chromium in a container (no sandbox user namespaces, no GPU).</summary>
    public static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private static SandboxServer? _sandbox;
    private static StoreHost? _host;
    private static IPlaywright? _playwright;
    private static IBrowser? _browser;

    public static SandboxServer Sandbox => _sandbox ?? throw new InvalidOperationException("The sandbox did not start.");
    public static StoreHost Host => _host ?? throw new InvalidOperationException("The test store did not start.");
    public static IBrowser Browser => _browser ?? throw new InvalidOperationException("Chromium did not start.");

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        var chromium = Environment.GetEnvironmentVariable(ChromiumPathVariable) is { Length: > 0 } custom ? custom : DefaultChromiumPath;
        if (!File.Exists(chromium))
        {
            Assert.Fail($"Chromium was not found at {chromium}. The browser tests drive Debian's Chromium and never download " +
                "a browser: install it with `apt-get update && apt-get install -y chromium` (CI does), or point " +
                $"{ChromiumPathVariable} at another Chromium.");
        }

        if (Directory.Exists(BrowserTest.ScreenshotFolder))
            Directory.Delete(BrowserTest.ScreenshotFolder, recursive: true);

        _sandbox = await SandboxServer.StartAsync(new SandboxOptions
        {
            OutcomeDelayMs = Timings.OutcomeDelayMs,
            CallbackDelayMs = Timings.CallbackDelayMs,
        });
        _host = await StoreHost.StartAsync(NewSettings(_sandbox));
        ResetSandbox();

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ChromiumArgs,
        });
        Assertions.SetDefaultExpectTimeout(Timings.ExpectTimeoutMs);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_browser is not null)
            await _browser.CloseAsync();
        _playwright?.Dispose();
        if (_host is not null)
            await _host.DisposeAsync();
        if (_sandbox is not null)
            await _sandbox.DisposeAsync();
    }

    /// <summary>The store's MyPayGa settings: test environment, the sandbox's test keys and URLs.</summary>
    public static MyPayGaSettings NewSettings(SandboxServer sandbox) => new()
    {
        Environment = global::MyPayGa.Client.MyPayGaEnvironment.Test,
        TestSecretKey = sandbox.SecretKey,
        TestPublicKey = sandbox.PublicKey,
        ApiBaseUrlOverride = sandbox.BaseUrl.AbsoluteUri,
        CardFormUrlOverride = new Uri(sandbox.BaseUrl, "mpgga-form-cbpay").AbsoluteUri,
        MobileMoneyEnabled = true,
        CardEnabled = true,
        RequestTimeoutSeconds = 10,
        StatusCacheSeconds = 1,
        CancelOrderOnFailure = false,
    };

    /// <summary>The merchant as declared in MyPayGa's dashboard: the store's callback, success and failure URLs.</summary>
    public static void ResetSandbox()
    {
        Sandbox.ClearFaults();
        Sandbox.ConfigureMerchant(m => m with
        {
            CallbackUrl = Host.Url("mypayga/callback"),
            SuccessUrl = Host.Url("mypayga/return/success"),
            FailureUrl = Host.Url("mypayga/return/failure"),
            CallbackFormat = CallbackFormat.Form,
            OutcomeDelayMs = Timings.OutcomeDelayMs,
            CallbackDelayMs = Timings.CallbackDelayMs,
            CallbackRetries = 2,
            CallbackRetryBackoffMs = 200,
            ReturnQuery = ReturnQueryMode.None,
        });
    }
}

/// <summary>Short sandbox delays keep the suite fast; the pending page itself polls every 3 s.</summary>
public static class Timings
{
    public const int OutcomeDelayMs = 1000;
    public const int CallbackDelayMs = 100;
    public const int ExpectTimeoutMs = 15_000;
    /// <summary>Long enough for an outcome, a callback and two polls of the pending page.</summary>
    public const int NavigationTimeoutMs = 20_000;
}
