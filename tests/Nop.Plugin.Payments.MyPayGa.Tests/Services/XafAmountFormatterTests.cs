using System.Globalization;
using Moq;
using Nop.Core.Domain.Directory;
using Nop.Plugin.Payments.MyPayGa.Services;
using Nop.Plugin.Payments.MyPayGa.Tests.Support;
using Nop.Plugin.Payments.MyPayGa.Tests.Web;
using Nop.Services.Catalog;
using NUnit.Framework;

namespace Nop.Plugin.Payments.MyPayGa.Tests.Services;

/// <summary>
/// XAF amounts are written as the store writes its XAF prices (nopCommerce's price formatter with the XAF currency), not
/// with the page's culture: "6,000 FCFA" was seen on an English page of a Gabonese store whose prices read "6 000 FCFA".
/// </summary>
[TestFixture]
public sealed class XafAmountFormatterTests
{
    private CultureInfo _culture = null!;

    [SetUp]
    public void SetUp()
    {
        _culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("en-US"); // the page's culture
    }

    [TearDown]
    public void TearDown() => CultureInfo.CurrentCulture = _culture;

    /// <summary>What nopCommerce shows for a currency with display locale fr-GA: "6 000 FCFA" (narrow spaces).</summary>
    private static string GabonFormat(long amount) => amount.ToString("C", new CultureInfo("fr-GA"));

    private static Currency Euro() => new() { Id = 2, CurrencyCode = "EUR", Rate = 1m, DisplayLocale = "fr-FR", Published = true };

    [Test]
    public async Task An_amount_is_written_as_the_stores_xaf_currency_writes_it_whatever_the_pages_culture()
    {
        var prices = new NopLikePriceFormatter();

        var text = await WebFakes.XafFormatter(priceFormatter: prices).FormatAsync(6_000);

        Assert.Multiple(() =>
        {
            Assert.That(text, Is.EqualTo(GabonFormat(6_000)));
            Assert.That(text, Does.StartWith("6").And.EndWith("000 FCFA").And.Not.Contain(","));
            // Asked as nopCommerce's own pages ask: the XAF currency, the shopper's language, no tax suffix.
            var call = prices.Calls.Single();
            Assert.That(call.Price, Is.EqualTo(6_000m));
            Assert.That(call.Currency.CurrencyCode, Is.EqualTo("XAF"));
            Assert.That(call.LanguageId, Is.EqualTo(2));
            Assert.That(call.ShowTax, Is.False);
            Assert.That(call.ShowCurrency, Is.True);
        });
    }

    [Test]
    public async Task The_stores_custom_formatting_and_currency_label_are_kept()
    {
        var custom = WebFakes.Xaf(x => x.CustomFormatting = "#,##0 'F CFA'");
        var labelled = new NopLikePriceFormatter { DisplayCurrencyLabel = true };

        Assert.That(await WebFakes.XafFormatter([custom]).FormatAsync(12_500), Is.EqualTo("12,500 F CFA"));
        Assert.That(await WebFakes.XafFormatter(priceFormatter: labelled).FormatAsync(12_500), Is.EqualTo(GabonFormat(12_500) + " (XAF)"));
    }

    [Test]
    public async Task With_another_primary_currency_the_xaf_currency_is_used()
    {
        var text = await WebFakes.XafFormatter([Euro(), WebFakes.Xaf(x => x.Id = 7)]).FormatAsync(655_957);

        Assert.That(text, Is.EqualTo(GabonFormat(655_957)));
    }

    [Test]
    public async Task Without_a_usable_xaf_format_the_plugins_own_text_is_used()
    {
        var noXaf = await WebFakes.XafFormatter([Euro()]).FormatAsync(6_000);
        var bare = await WebFakes.XafFormatter([WebFakes.Xaf(x => x.DisplayLocale = null)]).FormatAsync(6_000);
        var broken = await WebFakes.XafFormatter([WebFakes.Xaf(x => x.DisplayLocale = "not a culture!")]).FormatAsync(6_000);

        Assert.That(noXaf, Is.EqualTo("6,000 FCFA"));
        Assert.That(bare, Is.EqualTo("6,000 FCFA"), "not nopCommerce's \"6,000.00 (XAF)\"");
        Assert.That(broken, Is.EqualTo("6,000 FCFA"));
    }

    [Test]
    public async Task A_custom_format_the_formatter_refuses_falls_back_to_the_plugins_text()
    {
        var refusing = new Mock<IPriceFormatter>();
        refusing.Setup(p => p.FormatPriceAsync(It.IsAny<decimal>(), It.IsAny<bool>(), It.IsAny<Currency>(), It.IsAny<int>(),
                It.IsAny<bool>(), It.IsAny<bool>()))
            .ThrowsAsync(new FormatException("bad format"));
        var currencyService = new Mock<Nop.Services.Directory.ICurrencyService>();
        currencyService.Setup(c => c.GetCurrencyByIdAsync(1)).ReturnsAsync(WebFakes.Xaf());
        var formatter = new XafAmountFormatter(new CurrencySettings { PrimaryStoreCurrencyId = 1 }, currencyService.Object,
            refusing.Object, WebFakes.WorkContext().Object, WebFakes.Localization().Object);

        Assert.That(await formatter.FormatAsync(6_000), Is.EqualTo("6,000 FCFA"));
    }

    [Test]
    public async Task The_shopper_sees_another_currency_when_the_primary_or_the_chosen_currency_is_not_xaf()
    {
        var xaf = WebFakes.Xaf();

        Assert.That(await WebFakes.XafFormatter([xaf]).ShopperSeesAnotherCurrencyAsync(), Is.False);
        Assert.That(await WebFakes.XafFormatter([Euro(), xaf]).ShopperSeesAnotherCurrencyAsync(), Is.True);
        Assert.That(await WebFakes.XafFormatter([xaf, Euro()], working: Euro()).ShopperSeesAnotherCurrencyAsync(), Is.True);
    }
}
