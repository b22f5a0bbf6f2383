using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MyPayGa.Browser.Tests.Support;
using Nop.Plugin.Payments.MyPayGa.Localization;

namespace MyPayGa.Browser.Tests;

/// <summary>A browser without JavaScript can still pay: visible buttons do what the scripts would.</summary>
public sealed class NoJavaScriptTests : BrowserTest
{
    protected override bool JavaScriptEnabled => false;

    [Test]
    public async Task Card_page_offers_a_visible_button_that_posts_to_the_card_form()
    {
        var order = await PlaceOrderAsync(phone: null, card: true);
        await WaitForUrlAsync(new Regex("/mypayga/card/[0-9a-f-]{36}$"));
        var button = Page.Locator("button.mypayga-card-continue");
        await Assertions.Expect(button).ToBeVisibleAsync();
        // Nothing will happen by itself: no endless spinner.
        await Assertions.Expect(Page.Locator("#mypayga-card-spinner")).ToBeHiddenAsync();
        await ScreenshotAsync("card-page");

        await button.ClickAsync();
        await WaitForUrlAsync(new Regex("/mpgga-form-cbpay$"));
        await Page.FillAsync("#card_number", CardTests.SuccessCard);
        await Page.ClickAsync("#pay");

        await AssertCompletedPageAsync(order);
        await WhenSandboxIdleAsync();
        AssertPaidOnce(order);
        AssertStoreHealthy();
    }

    [Test]
    public async Task Pending_page_check_now_shows_the_payment_once_confirmed()
    {
        // No callback either: the shopper's "Check now" is what settles the order.
        Sandbox.ConfigureMerchant(m => m with { CallbackUrl = null });

        var order = await PlaceOrderAsync("074111111");
        await WaitForPendingPageAsync();
        // (Chromium with script execution disabled by Playwright still parses <noscript> as if scripts ran, so the
        // page's <noscript> hint cannot be checked here; the "Check now" button is what matters.)
        var checkNow = Page.Locator("form.mypayga-check-now button");
        await Assertions.Expect(checkNow).ToBeVisibleAsync();
        await ScreenshotAsync("pending");

        await WhenSandboxIdleAsync(); // the shopper confirmed on the phone
        // The page's own read of "pending" is reused for StatusCacheSeconds (1 s here): a press within that second shows
        // the same page again, by design. On a slow machine the page's read can end less than a second before the
        // confirmation, so the shopper presses once that second is over.
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        await checkNow.ClickAsync();

        await AssertCompletedPageAsync(order);
        AssertPaidOnce(order);
        AssertStoreHealthy();
    }

    [Test]
    public async Task A_failed_push_reloaded_with_check_now_says_so_in_the_heading_without_a_spinner()
    {
        var order = await PlaceOrderAsync("074131313");
        await WaitForPendingPageAsync();
        await WhenSandboxIdleAsync(); // the operator refused; MyPayGa called the store back with its reason

        await Page.ClickAsync("form.mypayga-check-now button");

        await WaitForUrlAsync(new Regex(@"/mypayga/pending/[0-9a-f-]{36}\?$")); // the same page, reloaded by its GET form
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync(English(LocaleResources.WebKeys.ResultFailedTitle));
        await Assertions.Expect(Page.Locator(".mypayga-instructions")).ToHaveTextAsync(English(LocaleResources.WebKeys.PendingFailedInstructions));
        await Assertions.Expect(Page.Locator("#mypayga-status [data-role=message]")).ToContainTextAsync(
            English(LocaleResources.ShopperKeys.ReasonInsufficientFundsMobileMoney));
        await Assertions.Expect(Page.Locator("#mypayga-status [data-role=spinner]")).ToBeHiddenAsync();
        await Assertions.Expect(Page.Locator("form.mypayga-check-now")).ToBeHiddenAsync();
        await Assertions.Expect(Page.Locator("#mypayga-status [data-role=retry]")).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator("noscript")).ToHaveCountAsync(0); // no "press Check now" once nothing is left to check
        await ScreenshotAsync("pending-failed");
        Assert.That(Stored(order).PaymentStatus, Is.EqualTo(Nop.Core.Domain.Payments.PaymentStatus.Pending));
        AssertStoreHealthy();
    }

    private static string English(string key) => LocaleResources.English[key];
}
