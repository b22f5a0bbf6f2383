using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MyPayGa.Browser.Tests.Support;

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
        await checkNow.ClickAsync();

        await AssertCompletedPageAsync(order);
        AssertPaidOnce(order);
        AssertStoreHealthy();
    }
}
