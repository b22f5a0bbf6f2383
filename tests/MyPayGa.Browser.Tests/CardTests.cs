using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MyPayGa.Browser.Tests.Support;
using MyPayGa.Sandbox.Domain;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.MyPayGa.Localization;

namespace MyPayGa.Browser.Tests;

/// <summary>Card: the auto-posted form to MyPayGa's card page, then the success or failure return page.</summary>
public sealed class CardTests : BrowserTest
{
    public const string SuccessCard = "4285220922286457";
    public const string DeclinedCard = "4242937137682335";

    /// <summary>The card page posts itself to the sandbox's hosted card form.</summary>
    private async Task<Order> PlaceCardOrderAndReachCardFormAsync()
    {
        var order = await PlaceOrderAsync(phone: null, card: true);
        await WaitForUrlAsync(new Regex("/mpgga-form-cbpay$"));
        await Assertions.Expect(Page.Locator("#amount")).ToHaveTextAsync("12500 XAF");
        await Assertions.Expect(Page.Locator("#pay")).ToBeEnabledAsync();
        return order;
    }

    [Test]
    public async Task Paid_card_comes_back_to_the_success_url_and_lands_on_the_completed_page()
    {
        // A late callback: the return page itself must read MyPayGa's status and settle the order.
        Sandbox.ConfigureMerchant(m => m with { CallbackDelayMs = 2000 });

        var order = await PlaceCardOrderAndReachCardFormAsync();
        await ScreenshotAsync("sandbox-card-form");
        await PayOnCardFormAsync(SuccessCard);

        await AssertCompletedPageAsync(order);
        await ScreenshotAsync("completed");
        Assert.That(DocumentRequests, Has.Some.Contains("/mypayga/return/success"), "MyPayGa sent the browser to the success URL");
        Assert.That(Host.Orders.NotesOf(order.Id).Select(n => n.Note), Has.Some.Contains("ReturnPage"),
            "the return page settled the order (the callback came later)");

        await WhenSandboxIdleAsync();
        AssertPaidOnce(order);
        Assert.That(CallbackAnswers(LatestToken(order)!), Has.Some.EqualTo(200), "the late callback was accepted");
        AssertStoreHealthy();
    }

    [Test]
    public async Task Declined_card_shows_the_reason_and_a_retry_and_leaves_the_order_unpaid()
    {
        await PlaceCardOrderAndReachCardFormAsync();
        var order = LatestOrder()!;
        await PayOnCardFormAsync(DeclinedCard);

        await WaitForUrlAsync(new Regex("/mypayga/return/failure$"));
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("Payment not completed");
        // MyPayGa says "Refus solde ins": the shopper reads it in the page's language, the words stay in the order note.
        await Assertions.Expect(Page.Locator(".mypayga-reason")).ToContainTextAsync(
            LocaleResources.English[LocaleResources.ShopperKeys.ReasonInsufficientFundsCard]);
        await Assertions.Expect(Page.Locator(".mypayga-reason")).Not.ToContainTextAsync(TestData.FindCard(DeclinedCard).Status);
        var retry = Page.Locator("a.mypayga-retry-button");
        await Assertions.Expect(retry).ToBeVisibleAsync();
        await ScreenshotAsync("failure");

        await WhenSandboxIdleAsync();
        Assert.Multiple(() =>
        {
            Assert.That(Stored(order).PaymentStatus, Is.EqualTo(PaymentStatus.Pending), "payment status");
            Assert.That(Host.OrderProcessing.MarkOrderAsPaidCalls(order.Id), Is.Zero, "MarkOrderAsPaidAsync calls");
        });

        await retry.ClickAsync();
        await WaitForUrlAsync(new Regex("/mypayga/retry/"));
        await Assertions.Expect(Page.Locator("#mypayga-channel-card")).ToBeCheckedAsync();
        await Assertions.Expect(Page.Locator("#mypayga-card-phone")).ToHaveValueAsync("+241 74 12 34 56");
        await Assertions.Expect(Page.Locator("#mypayga-phone-block")).ToBeHiddenAsync();
        await ScreenshotAsync("retry");
        AssertStoreHealthy();
    }

    [Test]
    public async Task Return_page_tells_the_truth_when_a_paid_card_comes_back_to_the_failure_url()
    {
        // No callback: only the return page can learn that the card was paid.
        Sandbox.ConfigureMerchant(m => m with { CallbackUrl = null });

        var order = await PlaceCardOrderAndReachCardFormAsync();
        var token = LatestToken(order)!;
        Assert.That(token, Is.Not.Empty, "the card attempt's payment_token is the order's authorization transaction id");
        Sandbox.PayByCard(token, SuccessCard);

        await Page.GotoAsync(Host.Url("mypayga/return/failure"));
        await AssertCompletedPageAsync(order);
        await ScreenshotAsync("completed");
        AssertPaidOnce(order);
        AssertStoreHealthy();
    }

    [Test]
    public async Task Without_a_phone_on_file_the_card_needs_one_typed_and_mypayga_receives_it()
    {
        Host.Orders.GetAddress(Customer.BillingAddressId!.Value)!.PhoneNumber = null;

        await Page.GotoAsync(Host.Url("test/checkout"));
        await Page.CheckAsync("#mypayga-channel-card");
        await Assertions.Expect(Page.Locator("#mypayga-card-phone")).ToHaveValueAsync("");
        await Assertions.Expect(Page.Locator("#mypayga-card-phone-help")).ToHaveTextAsync(
            LocaleResources.English[LocaleResources.WebKeys.PaymentInfoCardPhoneHelpRequired]);
        await Page.ClickAsync("button.confirm-order-button");

        await Assertions.Expect(Page.Locator(".message-error")).ToContainTextAsync(
            LocaleResources.English[LocaleResources.ServiceKeys.ValidationCardPhoneRequired]);
        await Assertions.Expect(Page.Locator("#mypayga-channel-card")).ToBeCheckedAsync();
        await Assertions.Expect(Page.Locator("#mypayga-card-phone-block")).ToBeVisibleAsync();
        await ScreenshotAsync("phone-required");
        Assert.That(LatestOrder(), Is.Null, "no order is placed");

        await Page.FillAsync("#mypayga-card-phone", "011 76 54 32");
        await Page.ClickAsync("button.confirm-order-button");
        await WaitForUrlAsync(new Regex("/mpgga-form-cbpay$"));
        var order = LatestOrder()!;
        await PayOnCardFormAsync(SuccessCard);

        await AssertCompletedPageAsync(order);
        await WhenSandboxIdleAsync();
        AssertPaidOnce(order);
        var payment = Sandbox.Payments.Single(p => p.UniqueId.StartsWith(order.CustomOrderNumber + "-", StringComparison.Ordinal));
        Assert.That(payment.Phone, Is.EqualTo("011765432"), "gethash got the phone typed for the receipt");
        AssertStoreHealthy();
    }

    [Test]
    public async Task While_the_card_form_is_being_posted_the_page_shows_a_spinner_beside_its_text()
    {
        // The card page's script posts the form at once; hold that post so the page can be looked at meanwhile.
        await Page.AddInitScriptAsync("""
            (() => {
                const submit = HTMLFormElement.prototype.submit;
                HTMLFormElement.prototype.submit = function () { window.__heldForm = this; };
                window.__releaseForm = () => submit.call(window.__heldForm);
            })();
            """);

        var order = await PlaceOrderAsync(phone: null, card: true);
        await WaitForUrlAsync(new Regex("/mypayga/card/[0-9a-f-]{36}$"));
        var spinner = Page.Locator("#mypayga-card-spinner");
        await Assertions.Expect(spinner).ToBeVisibleAsync();
        // Layout boxes (offsetLeft/offsetWidth ignore the rotation, which makes the bounding box breathe by a few pixels).
        var gap = await Page.EvaluateAsync<double>("""
            () => {
                const spinner = document.getElementById('mypayga-card-spinner');
                const text = document.querySelector('.mypayga-card-page .mypayga-message');
                return text.offsetLeft - (spinner.offsetLeft + spinner.offsetWidth);
            }
            """);
        Assert.That(gap, Is.GreaterThanOrEqualTo(8), "space between the spinner and the text");
        await ScreenshotAsync("card-page-posting");

        Assert.That(await Page.EvaluateAsync<bool>("() => window.__heldForm?.id === 'mypayga-card-form'"), Is.True,
            "the script posted the card form");
        await Page.EvaluateAsync("() => window.__releaseForm()");
        await WaitForUrlAsync(new Regex("/mpgga-form-cbpay$"));
        await PayOnCardFormAsync(SuccessCard);
        await AssertCompletedPageAsync(order);
        AssertStoreHealthy();
    }

    [Test]
    public async Task MyPayGa_may_post_to_the_return_url_and_the_page_still_tells_the_truth()
    {
        // No callback: only the return page can learn the outcome. MyPayGa's reference does not say whether the
        // browser comes back with a GET or a POST; a POST from MyPayGa's site carries no antiforgery token of ours.
        Sandbox.ConfigureMerchant(m => m with { CallbackUrl = null });
        var order = await PlaceCardOrderAndReachCardFormAsync();
        var token = LatestToken(order)!;
        Sandbox.PayByCard(token, SuccessCard);

        await Page.EvaluateAsync("""
            ([url, token]) => {
                const form = document.createElement('form');
                form.method = 'post';
                form.action = url;
                const field = document.createElement('input');
                field.type = 'hidden';
                field.name = 'payment_token';
                field.value = token;
                form.appendChild(field);
                document.body.appendChild(form);
                form.submit();
            }
            """, new[] { Host.Url("mypayga/return/failure"), token });

        await AssertCompletedPageAsync(order);
        Assert.That(DocumentRequests, Has.Some.EqualTo("POST " + Host.Url("mypayga/return/failure")));
        AssertPaidOnce(order);
        AssertStoreHealthy();
    }
}
