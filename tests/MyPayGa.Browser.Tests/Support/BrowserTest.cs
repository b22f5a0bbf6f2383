using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MyPayGa.Browser.Tests;
using MyPayGa.Browser.Tests.Host;
using MyPayGa.Sandbox;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Orders;
using NUnit.Framework.Interfaces;

namespace MyPayGa.Browser.Tests.Support;

/// <summary>
/// One shopper per test: a new customer in the store and a fresh browser context carrying that customer's cookie.
/// Screenshots go to {work directory}/screenshots/{test}-{step}.png for a person to look at.
/// </summary>
public abstract class BrowserTest
{
    private readonly List<string> _documentRequests = [];
    private readonly List<string> _statusPolls = [];
    private int _screenshotNumber;

    protected static StoreHost Host => BrowserSession.Host;
    protected static SandboxServer Sandbox => BrowserSession.Sandbox;

    protected IBrowserContext Context { get; private set; } = null!;
    protected IPage Page { get; private set; } = null!;
    protected Customer Customer { get; private set; } = null!;

    /// <summary>False in the tests of a browser without JavaScript.</summary>
    protected virtual bool JavaScriptEnabled => true;

    /// <summary>Full-page documents the browser loaded (navigations, redirects, form posts), in order.</summary>
    protected IReadOnlyList<string> DocumentRequests => _documentRequests;

    /// <summary>Requests of the pending page's script to the status endpoint.</summary>
    protected IReadOnlyList<string> StatusPolls => _statusPolls;

    public static string ScreenshotFolder => Path.Combine(TestContext.CurrentContext.WorkDirectory, "screenshots");

    [SetUp]
    public async Task OpenBrowserAsync()
    {
        _screenshotNumber = 0;
        lock (_documentRequests)
        {
            _documentRequests.Clear();
            _statusPolls.Clear();
        }

        BrowserSession.ResetSandbox();
        var settings = BrowserSession.NewSettings(Sandbox);
        foreach (var property in typeof(Nop.Plugin.Payments.MyPayGa.MyPayGaSettings).GetProperties())
            property.SetValue(Host.Settings, property.GetValue(settings));
        Host.Log.Clear();
        Host.Localization.ClearMissingKeys();

        Customer = Host.Orders.AddCustomer();
        Context = await BrowserSession.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            JavaScriptEnabled = JavaScriptEnabled,
            ViewportSize = new ViewportSize { Width = 1100, Height = 900 },
            Locale = "en-US",
        });
        await Context.AddCookiesAsync(
        [
            new Cookie { Name = TestWorkContext.CookieName, Value = Customer.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Url = Host.BaseUrl.AbsoluteUri },
        ]);
        Context.SetDefaultNavigationTimeout(Timings.NavigationTimeoutMs);
        Page = await Context.NewPageAsync();
        Page.Request += (_, request) =>
        {
            lock (_documentRequests)
            {
                if (request.ResourceType == "document")
                    _documentRequests.Add(request.Method + " " + request.Url);
                else if (request.Url.Contains("/mypayga/status/", StringComparison.Ordinal))
                    _statusPolls.Add(request.Url);
            }
        };
    }

    [TearDown]
    public async Task CloseBrowserAsync()
    {
        if (Context is null)
            return; // the session did not start: its own failure says why
        try
        {
            if (TestContext.CurrentContext.Result.Outcome.Status == TestStatus.Failed)
            {
                await ScreenshotAsync("at-failure");
                TestContext.Out.WriteLine("Page: " + Page.Url);
                TestContext.Out.WriteLine("Documents loaded:" + string.Concat(DocumentRequests.Select(d => "\n  " + d)));
                TestContext.Out.WriteLine("Store log:" + string.Concat(Host.Log.Entries.Select(e => "\n  " + e)));
                TestContext.Out.WriteLine("Sandbox journal:" + string.Concat(Sandbox.Events()
                    .Where(e => e.Kind != "request" || e.HttpStatus >= 400)
                    .Select(e => $"\n  {e.Kind} {e.Method} {e.Path} {e.HttpStatus} {e.ProviderStatus} {e.Target} {e.Note} {e.Error}")));
            }
        }
        finally
        {
            await Context.CloseAsync();
        }
    }

    /// <summary>Saves a full-page screenshot: {test}-{n}-{step}.png.</summary>
    protected async Task ScreenshotAsync(string step)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        var name = $"{TestContext.CurrentContext.Test.MethodName}-{++_screenshotNumber:00}-{step}.png";
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name), FullPage = true });
    }

    /// <summary>The store's checkout page: chooses the channel (and types the number), then confirms the order.</summary>
    protected async Task<Order> PlaceOrderAsync(string? phone, bool card = false, string? screenshot = null)
    {
        await Page.GotoAsync(Host.Url("test/checkout"));
        if (card)
        {
            await Page.CheckAsync("#mypayga-channel-card");
        }
        else
        {
            await Page.CheckAsync("#mypayga-channel-mobile");
            await Page.FillAsync("#mypayga-phone", phone ?? string.Empty);
        }

        if (screenshot is not null)
            await ScreenshotAsync(screenshot);

        await Page.ClickAsync("button.confirm-order-button");
        return LatestOrder() ?? throw new AssertionException("No order was placed: " + await Page.InnerTextAsync("body"));
    }

    protected Order? LatestOrder() =>
        Host.Orders.SearchOrdersAsync(customerId: Customer.Id).GetAwaiter().GetResult().FirstOrDefault();

    protected Order Stored(Order order) => Host.Orders.Get(order.Id);

    /// <summary>The payment token of the order's newest attempt (the plugin's attempt table).</summary>
    protected string? LatestToken(Order order) =>
        Host.State.Attempts.Rows.Where(a => a.OrderId == order.Id).MaxBy(a => a.Number)?.PaymentToken;

    /// <summary>
    /// Until the page is at a URL, by polling the page's URL. Not Page.WaitForURLAsync: it missed the navigation of the
    /// card page, which posts itself away while still loading (about one run in three). The locator assertions that
    /// follow wait for the content.
    /// </summary>
    protected Task WaitForUrlAsync(Regex url) =>
        Assertions.Expect(Page).ToHaveURLAsync(url, new PageAssertionsToHaveURLOptions { Timeout = Timings.NavigationTimeoutMs });

    protected Task WaitForPendingPageAsync() =>
        WaitForUrlAsync(new Regex("/mypayga/pending/[0-9a-f-]{36}$"));

    protected Task WaitForCompletedPageAsync(Order order) =>
        WaitForUrlAsync(new Regex($"/checkout/completed/{order.Id}$"));

    protected async Task AssertCompletedPageAsync(Order order)
    {
        await WaitForCompletedPageAsync(order);
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync($"Order completed #{order.Id}");
    }

    /// <summary>Paid in the store, by exactly one call of IOrderProcessingService.MarkOrderAsPaidAsync.</summary>
    protected void AssertPaidOnce(Order order)
    {
        var stored = Stored(order);
        Assert.Multiple(() =>
        {
            Assert.That(stored.PaymentStatus, Is.EqualTo(Nop.Core.Domain.Payments.PaymentStatus.Paid), "payment status in the store");
            Assert.That(Host.OrderProcessing.MarkOrderAsPaidCalls(order.Id), Is.EqualTo(1), "MarkOrderAsPaidAsync calls");
        });
    }

    /// <summary>No server error was logged and every resource the pages asked for exists.</summary>
    protected void AssertStoreHealthy()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Host.Log.Entries.Where(e => e.StartsWith("Error", StringComparison.Ordinal)), Is.Empty, "errors in the store log");
            Assert.That(Host.Localization.MissingKeys, Is.Empty, "resource keys without an English text");
        });
    }

    /// <summary>Waits until nothing is left to happen in the sandbox (outcomes and callbacks delivered).</summary>
    /// <summary>Fills and submits the sandbox's hosted card form (the page must be on it).</summary>
    protected async Task PayOnCardFormAsync(string cardNumber)
    {
        await Page.FillAsync("#card_number", cardNumber);
        await Page.FillAsync("#expiry", "12/30");
        await Page.FillAsync("#cvv", "123");
        await Page.ClickAsync("#pay");
    }

    protected static async Task WhenSandboxIdleAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await Sandbox.WhenIdleAsync(timeout.Token);
    }

    /// <summary>The store's answers to the sandbox's callbacks for a payment.</summary>
    protected static IReadOnlyList<int?> CallbackAnswers(string paymentToken) =>
        Sandbox.Events().Where(e => e.Kind == "callback" && e.PaymentToken == paymentToken).Select(e => e.HttpStatus).ToList();
}
