using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MyPayGa.Browser.Tests.Support;
using MyPayGa.Sandbox.Control;
using MyPayGa.Sandbox.Domain;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.MyPayGa.Localization;

namespace MyPayGa.Browser.Tests;

/// <summary>Mobile Money: the number typed at checkout, the "confirm on your phone" page, then the completed page.</summary>
public sealed class MobileMoneyTests : BrowserTest
{
    /// <summary>"The payment did not go through" (the start of the failure messages, with or without a reason).</summary>
    private static readonly string Failed = LocaleResources.English[LocaleResources.WebKeys.StatusFailed].TrimEnd('.');

    private static string English(string key) => LocaleResources.English[key];

    /// <summary>As nopCommerce writes an amount with the store's XAF currency (display locale fr-GA), not "12,500 FCFA".</summary>
    private static string StoreAmount(long amount) => amount.ToString("C", new System.Globalization.CultureInfo("fr-GA"));

    [Test]
    public async Task Paid_push_turns_the_pending_page_into_the_completed_page_by_itself()
    {
        var order = await PlaceOrderAsync("074111111", screenshot: "checkout");
        await WaitForPendingPageAsync();

        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("Confirm the payment on your phone");
        await Assertions.Expect(Page.Locator(".mypayga-amount")).ToHaveTextAsync(StoreAmount(12_500));
        var facts = await Page.InnerTextAsync(".mypayga-facts");
        Assert.Multiple(() =>
        {
            Assert.That(facts, Does.Contain("074 ••• •11"), "masked number");
            Assert.That(facts, Does.Contain("Airtel Money"), "operator");
            Assert.That(facts, Does.Contain(order.CustomOrderNumber), "order number");
        });
        Assert.That(await Page.ContentAsync(), Does.Not.Contain("074111111").And.Not.Contain("74111111"),
            "the full number never reaches the page");
        // The page checks by itself: the "Check now" button of browsers without JavaScript is not shown.
        await Assertions.Expect(Page.Locator("form.mypayga-check-now")).ToBeHiddenAsync();
        await ScreenshotAsync("pending");

        // The sandbox settles the push after ~1 s and calls the store back; the page's script notices and moves on.
        await AssertCompletedPageAsync(order);
        await ScreenshotAsync("completed");

        await WhenSandboxIdleAsync();
        AssertPaidOnce(order);
        var pendingLoads = DocumentRequests.Count(d => d.StartsWith("GET ", StringComparison.Ordinal) && d.Contains("/mypayga/pending/", StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(pendingLoads, Is.EqualTo(1), "the pending page was loaded once: it turned into the completed page without a reload");
            Assert.That(StatusPolls, Is.Not.Empty, "the pending page polled the store");
            Assert.That(CallbackAnswers(LatestToken(order)!), Has.Some.EqualTo(200), "the store answered MyPayGa's callback");
        });
        AssertStoreHealthy();
    }

    [Test]
    public async Task Failed_push_explains_the_reason_and_a_retry_with_another_number_pays_the_order()
    {
        var order = await PlaceOrderAsync("074131313");
        await WaitForPendingPageAsync();

        // paiement-detail only says "Failed"; the operator's words come with MyPayGa's callback, and the shopper reads them
        // as a sentence of the store's language (the words themselves stay in the order note).
        var message = Page.Locator("#mypayga-status [data-role=message]");
        await Assertions.Expect(message).ToContainTextAsync(Failed);
        await Assertions.Expect(message).ToContainTextAsync(English(LocaleResources.ShopperKeys.ReasonInsufficientFundsMobileMoney));
        await Assertions.Expect(message).Not.ToContainTextAsync(TestData.InsufficientFunds);
        await Assertions.Expect(message).Not.ToContainTextAsync(": Failed");
        var retry = Page.Locator("#mypayga-status [data-role=retry]");
        await Assertions.Expect(retry).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator("#mypayga-status [data-role=spinner]")).ToBeHiddenAsync();
        // "Confirm the payment on your phone" no longer holds once the payment has failed.
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync(English(LocaleResources.WebKeys.ResultFailedTitle));
        await Assertions.Expect(Page.Locator(".mypayga-instructions")).ToHaveTextAsync(English(LocaleResources.WebKeys.PendingFailedInstructions));
        await Assertions.Expect(Page).ToHaveTitleAsync(new Regex(Regex.Escape(English(LocaleResources.WebKeys.ResultFailedTitle))));
        await Assertions.Expect(Page.Locator("[data-role=no-prompt]")).ToBeHiddenAsync();
        await ScreenshotAsync("pending-failed");
        Assert.That(Stored(order).PaymentStatus, Is.EqualTo(PaymentStatus.Pending), "a failed push leaves the order payable");

        await retry.ClickAsync();
        await WaitForUrlAsync(new Regex("/mypayga/retry/"));
        await Assertions.Expect(Page.Locator(".mypayga-last-failure")).ToContainTextAsync(Failed);
        await Assertions.Expect(Page.Locator(".mypayga-last-failure")).ToContainTextAsync(
            English(LocaleResources.ShopperKeys.ReasonInsufficientFundsMobileMoney));
        await Assertions.Expect(Page.Locator("#mypayga-channel-mobile")).ToBeCheckedAsync();
        // The refused number is named (masked), not offered again.
        await Assertions.Expect(Page.Locator(".mypayga-last-failure")).ToContainTextAsync("074 ••• •13");
        await Assertions.Expect(Page.Locator("#mypayga-phone")).ToHaveValueAsync("");
        await Page.FillAsync("#mypayga-phone", "077508412");
        await Assertions.Expect(Page.Locator("#mypayga-operator-hint")).ToHaveTextAsync("Recognised: Airtel Money");
        await ScreenshotAsync("retry");
        await Page.ClickAsync("button.mypayga-pay-button");

        await WaitForPendingPageAsync();
        await Assertions.Expect(Page.Locator(".mypayga-facts")).ToContainTextAsync("077 ••• •12");
        await AssertCompletedPageAsync(order);
        await ScreenshotAsync("completed");

        await WhenSandboxIdleAsync();
        AssertPaidOnce(order);
        Assert.That(Sandbox.Payments.Count(p => p.UniqueId.StartsWith(order.CustomOrderNumber + "-", StringComparison.Ordinal)), Is.EqualTo(2),
            "two MyPayGa payments for the order: the failed one and the retry");
        AssertStoreHealthy();
    }

    [Test]
    public async Task A_push_still_on_the_phone_holds_a_new_request_back_with_a_countdown_until_it_is_approved()
    {
        // The push waits on the phone until the test settles it.
        Sandbox.ConfigureMerchant(m => m with { OutcomeDelayMs = -1 });
        var order = await PlaceOrderAsync("074111111");
        await WaitForPendingPageAsync();

        // The shopper goes to the retry page (e.g. from the order details) while the prompt is still on the phone.
        await Page.GotoAsync(Host.Url($"mypayga/retry/{order.OrderGuid}"));
        var wait = Page.Locator("[data-role=push-wait]");
        await Assertions.Expect(wait).ToBeVisibleAsync();
        await Assertions.Expect(wait).ToContainTextAsync("074 ••• •11");
        await Assertions.Expect(wait.Locator("[data-role=countdown]")).ToHaveTextAsync(new Regex(@"^[0-4]:[0-5]\d$"));
        await Assertions.Expect(Page.Locator("button.mypayga-pay-button")).ToBeDisabledAsync();
        await Assertions.Expect(Page.Locator(".mypayga-last-failure")).ToHaveCountAsync(0);
        await ScreenshotAsync("retry-push-window");
        var first = await wait.Locator("[data-role=countdown]").TextContentAsync();
        await Assertions.Expect(wait.Locator("[data-role=countdown]")).Not.ToHaveTextAsync(first!); // it counts down

        // Approved on the phone: "check my payment" leads to the order, paid once.
        Sandbox.CompletePayment(LatestToken(order)!, succeed: true);
        await Page.ClickAsync("a.mypayga-check-payment");
        await AssertCompletedPageAsync(order);
        await WhenSandboxIdleAsync();
        AssertPaidOnce(order);
        Assert.That(Sandbox.Payments.Count(p => p.UniqueId.StartsWith(order.CustomOrderNumber + "-", StringComparison.Ordinal)), Is.EqualTo(1),
            "no second push was sent");
        AssertStoreHealthy();
    }

    [Test]
    public async Task A_start_that_fails_at_checkout_is_explained_on_the_retry_page_and_can_be_retried()
    {
        var outage = Sandbox.AddFault(new FaultRule { Endpoint = "/payment/gethash", Kind = FaultKind.HttpError, StatusCode = 503, Count = -1 });

        var order = await PlaceOrderAsync("074111111");

        await WaitForUrlAsync(new Regex("/mypayga/retry/"));
        var error = Page.Locator(".mypayga-retry-form .message-error");
        await Assertions.Expect(error).ToHaveTextAsync(English(LocaleResources.ServiceKeys.StartProviderUnavailable));
        await Assertions.Expect(Page.Locator("#mypayga-phone")).ToHaveValueAsync("074111111"); // what was typed at checkout
        await ScreenshotAsync("retry-after-failed-start");
        Assert.That(outage.Id, Is.GreaterThan(0));

        // Said once: a reload does not repeat an old error.
        await Page.ReloadAsync();
        await Assertions.Expect(error).ToHaveCountAsync(0);

        Sandbox.ClearFaults();
        await Page.FillAsync("#mypayga-phone", "074111111");
        await Page.ClickAsync("button.mypayga-pay-button");
        await WaitForPendingPageAsync();
        await AssertCompletedPageAsync(order);
        await WhenSandboxIdleAsync();
        AssertPaidOnce(order);
        AssertStoreHealthy();
    }
}
