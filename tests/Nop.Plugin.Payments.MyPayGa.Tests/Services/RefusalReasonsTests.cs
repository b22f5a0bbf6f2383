using System.Globalization;
using Moq;
using Nop.Plugin.Payments.MyPayGa.Domain;
using Nop.Plugin.Payments.MyPayGa.Localization;
using Nop.Plugin.Payments.MyPayGa.Services;
using Nop.Services.Localization;
using NUnit.Framework;
using static Nop.Plugin.Payments.MyPayGa.Localization.LocaleResources;

namespace Nop.Plugin.Payments.MyPayGa.Tests.Services;

/// <summary>
/// MyPayGa's, the operators' and the banks' words about a refused payment, as the sandbox's test data and the operators
/// write them, turned into the shopper's sentence; the words themselves only when they read as a sentence and say
/// nothing recognised.
/// </summary>
[TestFixture]
public sealed class RefusalReasonsTests
{
    // The sandbox's test data (MyPayGa's reference) first, then words the operators and banks are known to use.
    [TestCase("Refus solde ins", RefusalReason.InsufficientFunds)]
    [TestCase("Dear customer,you have insuffient funds. Thank you.", RefusalReason.InsufficientFunds)]
    [TestCase("PAYMENT FAILED, INSUF FUND", RefusalReason.InsufficientFunds)]
    [TestCase("Solde insuffisant", RefusalReason.InsufficientFunds)]
    [TestCase("Refus Risk", RefusalReason.RiskRefused)]
    [TestCase("Refus carte volée", RefusalReason.LostOrStolenCard)]
    [TestCase("Carte perdue", RefusalReason.LostOrStolenCard)]
    [TestCase("Stolen card, pick up", RefusalReason.LostOrStolenCard)]
    [TestCase("PAYMENT DECLINED, CONTACT YOUR BANK.", RefusalReason.Declined)]
    [TestCase("Transaction refusée", RefusalReason.Declined)]
    [TestCase("Do Not Honor", RefusalReason.Declined)]
    [TestCase("Carte expirée", RefusalReason.CardExpired)]
    [TestCase("Expired card", RefusalReason.CardExpired)]
    [TestCase("The transaction was cancelled by the user", RefusalReason.CancelledByShopper)]
    [TestCase("Transaction annulée par le client", RefusalReason.CancelledByShopper)]
    [TestCase("Transaction timed out", RefusalReason.TimedOut)]
    [TestCase("Transaction Expired", RefusalReason.TimedOut)]
    [TestCase("Délai dépassé", RefusalReason.TimedOut)]
    [TestCase("User didn't enter the pin", RefusalReason.TimedOut)]
    [TestCase("Incorrect Pin has been entered", RefusalReason.WrongPin)]
    [TestCase("Code secret erroné", RefusalReason.WrongPin)]
    [TestCase("The user has exceeded their wallet allowed transaction limit", RefusalReason.LimitExceeded)]
    [TestCase("Plafond atteint", RefusalReason.LimitExceeded)]
    [TestCase("Numéro non éligible", RefusalReason.Unknown)]
    [TestCase("Failed", RefusalReason.Unknown)]
    [TestCase("", RefusalReason.Unknown)]
    [TestCase(null, RefusalReason.Unknown)]
    public void Words_are_read_as_a_reason(string? words, RefusalReason expected) =>
        Assert.That(RefusalReasons.Classify(words), Is.EqualTo(expected));

    [TestCase("DP00800001007", true)]
    [TestCase("ERR_42", true)]
    [TestCase("INSUFFICIENT_FUNDS", true)]
    [TestCase("TIMEOUT", true)]
    [TestCase("500", true)]
    [TestCase("{\"code\":400,\"msg\":\"ko\"}", true)]
    [TestCase("<html><body>Bad gateway</body></html>", true)]
    [TestCase("see https://example.test/err for details", true)]
    [TestCase("Trans ID: MP2311.1200.A31 refused", true)]
    [TestCase("", true)]
    [TestCase("Numéro non éligible", false)]
    [TestCase("Dear customer,you have insuffient funds. Thank you.", false)]
    [TestCase("Le numéro n'a pas de compte Mobile Money", false)]
    public void A_code_is_told_from_a_sentence(string text, bool code) =>
        Assert.That(RefusalReasons.LooksLikeCode(text), Is.EqualTo(code));

    private static Mock<ILocalizationService> Localization(IReadOnlyDictionary<string, string> texts)
    {
        var mock = new Mock<ILocalizationService>();
        mock.Setup(l => l.GetResourceAsync(It.IsAny<string>())).ReturnsAsync((string key) => texts[key]);
        return mock;
    }

    private static Task<string> DescribeAsync(string? words, PaymentChannel channel = PaymentChannel.MobileMoney,
        IReadOnlyDictionary<string, string>? texts = null) =>
        RefusalReasons.DescribeAsync(Localization(texts ?? LocaleResources.English).Object, words, channel);

    [Test]
    public async Task A_recognised_reason_gives_its_sentence_for_the_channel_and_never_the_words()
    {
        Assert.That(await DescribeAsync("Refus solde ins", PaymentChannel.Card), Is.EqualTo(LocaleResources.English[ShopperKeys.ReasonInsufficientFundsCard]));
        Assert.That(await DescribeAsync("Dear customer,you have insuffient funds. Thank you."),
            Is.EqualTo(LocaleResources.English[ShopperKeys.ReasonInsufficientFundsMobileMoney]));
        Assert.That(await DescribeAsync("Refus carte volée", PaymentChannel.Card), Does.Not.Contain("volée"));
    }

    [Test]
    public async Task The_sentence_is_in_the_shoppers_language()
    {
        var french = await DescribeAsync("Refus Risk", PaymentChannel.Card, LocaleResources.French);

        Assert.That(french, Is.EqualTo(LocaleResources.French[ShopperKeys.ReasonRiskRefused]));
        Assert.That(french, Does.Contain("banque"));
    }

    [Test]
    public async Task Unrecognised_words_that_read_as_a_sentence_are_quoted_and_codes_never_are()
    {
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

        Assert.That(await DescribeAsync("Numéro non éligible"), Is.EqualTo("MyPayGa's message: “Numéro non éligible”"));
        Assert.That(await DescribeAsync("DP00800001007"), Is.EqualTo(LocaleResources.English[ShopperKeys.ReasonUnknown]));
        Assert.That(await DescribeAsync("Failed"), Is.EqualTo(LocaleResources.English[ShopperKeys.ReasonUnknown]));
        Assert.That(await DescribeAsync(null), Is.EqualTo(LocaleResources.English[ShopperKeys.ReasonUnknown]));
    }

    [Test]
    public void Every_reason_has_a_sentence_in_both_languages_that_is_really_translated()
    {
        foreach (var reason in Enum.GetValues<RefusalReason>())
        {
            foreach (var channel in Enum.GetValues<PaymentChannel>())
            {
                var key = RefusalReasons.ResourceKey(reason, channel);
                Assert.That(LocaleResources.English.ContainsKey(key) && LocaleResources.French.ContainsKey(key), Is.True, key);
                Assert.That(LocaleResources.French[key], Is.Not.EqualTo(LocaleResources.English[key]), key);
            }
        }
    }
}
