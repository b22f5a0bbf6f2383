using Microsoft.Playwright;
using MyPayGa.Browser.Tests.Host;
using MyPayGa.Browser.Tests.Support;
using Nop.Plugin.Payments.MyPayGa.Localization;

namespace MyPayGa.Browser.Tests;

/// <summary>The payment-info view component inside the store's checkout form.</summary>
public sealed class PaymentInfoTests : BrowserTest
{
    [Test]
    public async Task Typing_a_number_names_its_operator()
    {
        await Page.GotoAsync(Host.Url("test/checkout"));
        var hint = Page.Locator("#mypayga-operator-hint");
        await Assertions.Expect(Page.Locator("#mypayga-channel-mobile")).ToBeCheckedAsync();
        await Assertions.Expect(hint).ToHaveTextAsync("");

        await Page.Locator("#mypayga-phone").PressSequentiallyAsync("+241 77 50 84 12");
        await Assertions.Expect(hint).ToHaveTextAsync("Recognised: Airtel Money");
        await Assertions.Expect(hint).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mypayga-operator-airtel"));
        await ScreenshotAsync("airtel");

        await Page.FillAsync("#mypayga-phone", "065 12 34 56");
        await Assertions.Expect(hint).ToHaveTextAsync("Recognised: Moov Money");
        await ScreenshotAsync("moov");

        await Page.FillAsync("#mypayga-phone", "011 23 45 67");
        await Assertions.Expect(hint).ToHaveTextAsync(LocaleResources.English[LocaleResources.WebKeys.PaymentInfoNotMobileMoney]);

        // The card needs no Mobile Money number: that field goes away, the card explanation appears, with the phone
        // MyPayGa wants for its receipt, prefilled from the billing address.
        await Page.CheckAsync("#mypayga-channel-card");
        await Assertions.Expect(Page.Locator("#mypayga-phone-block")).ToBeHiddenAsync();
        await Assertions.Expect(Page.Locator("#mypayga-card-help")).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator("#mypayga-card-phone-block")).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator("label[for=mypayga-card-phone]")).ToHaveTextAsync(
            LocaleResources.English[LocaleResources.WebKeys.PaymentInfoCardPhone]);
        await Assertions.Expect(Page.Locator("#mypayga-card-phone")).ToHaveValueAsync("+241 74 12 34 56");
        await ScreenshotAsync("card");

        await Page.CheckAsync("#mypayga-channel-mobile");
        await Assertions.Expect(Page.Locator("#mypayga-card-phone-block")).ToBeHiddenAsync();
        AssertStoreHealthy();
    }

    [Test]
    public async Task The_server_refuses_a_number_that_is_not_mobile_money_and_keeps_what_was_typed()
    {
        await Page.GotoAsync(Host.Url("test/checkout"));
        await Page.FillAsync("#mypayga-phone", "011 23 45 67");
        await Page.ClickAsync("button.confirm-order-button");

        await Assertions.Expect(Page.Locator(".message-error")).ToContainTextAsync(
            LocaleResources.English[LocaleResources.ServiceKeys.ValidationPhoneNotMobileMoney]);
        await Assertions.Expect(Page.Locator("#mypayga-phone")).ToHaveValueAsync("011 23 45 67");
        await ScreenshotAsync("refused");
        Assert.That(LatestOrder(), Is.Null, "no order is placed");
        AssertStoreHealthy();
    }

    [Test]
    public async Task A_shopper_seeing_another_currency_is_told_the_amount_in_xaf_before_placing_the_order()
    {
        // Prices in XAF: nothing more to say.
        await Page.GotoAsync(Host.Url("test/checkout"));
        await Assertions.Expect(Page.Locator("#mypayga-phone")).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator("#mypayga-xaf-amount")).ToHaveCountAsync(0);

        // The shopper picked euros to see prices: MyPayGa still takes francs, and says how many.
        await Context.AddCookiesAsync([new Cookie { Name = TestWorkContext.CurrencyCookieName, Value = "EUR", Url = Host.BaseUrl.AbsoluteUri }]);
        await Page.GotoAsync(Host.Url("test/checkout"));
        var amount = Page.Locator("#mypayga-xaf-amount");
        await Assertions.Expect(amount).ToBeVisibleAsync();
        await Assertions.Expect(amount).ToContainTextAsync(LocaleResources.English[LocaleResources.ShopperKeys.PaymentInfoXafAmount]);
        await Assertions.Expect(amount.Locator(".mypayga-amount")).ToHaveTextAsync(
            12_500m.ToString("C", new System.Globalization.CultureInfo("fr-GA")));
        await ScreenshotAsync("xaf-amount");
        AssertStoreHealthy();
    }
}
