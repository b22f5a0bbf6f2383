using Nop.Plugin.Payments.MyPayGa.Services;
using NUnit.Framework;

namespace Nop.Plugin.Payments.MyPayGa.Tests.Services;

[TestFixture]
public sealed class ProviderMessagesTests
{
    [TestCase("Failed")]
    [TestCase(" failed. ")]
    [TestCase("SUCCESS")]
    [TestCase("Pending")]
    [TestCase("Échec")]
    [TestCase("400")]
    [TestCase("")]
    [TestCase(null)]
    [TestCase("\u0000\u200B ")]
    public void A_status_word_alone_is_no_reason(string? text)
    {
        Assert.That(ProviderMessages.IsBareStatusWord(text), Is.True);
    }

    [TestCase("Dear customer,you have insuffient funds. Thank you.")]
    [TestCase("Refus solde ins")]
    [TestCase("Failed: wrong PIN")]
    public void A_sentence_is_a_reason(string text)
    {
        Assert.That(ProviderMessages.IsBareStatusWord(text), Is.False);
    }

    [Test]
    public void Control_and_invisible_characters_are_removed_and_whitespace_collapsed()
    {
        var cleaned = ProviderMessages.Clean("  Dear\r\ncustomer,\tyou have\u0007 insuffient\u202E funds.\u200B  ");

        Assert.That(cleaned, Is.EqualTo("Dear customer, you have insuffient funds."));
    }

    [Test]
    public void A_long_text_is_cut_with_an_ellipsis()
    {
        var cleaned = ProviderMessages.Clean(new string('a', 1000));

        Assert.That(cleaned, Has.Length.EqualTo(ProviderMessages.MaxLength));
        Assert.That(cleaned, Does.EndWith("…"));
        Assert.That(ProviderMessages.Clean(new string('b', ProviderMessages.MaxLength)), Is.EqualTo(new string('b', ProviderMessages.MaxLength)));
    }

    [Test]
    public void A_cut_never_splits_a_surrogate_pair()
    {
        var cleaned = ProviderMessages.Clean(new string('a', ProviderMessages.MaxLength - 2) + string.Concat(Enumerable.Repeat("😀", 10)))!;

        Assert.That(cleaned, Does.EndWith("…"));
        Assert.That(char.IsHighSurrogate(cleaned[^2]), Is.False, "no lone high surrogate before the ellipsis");
    }

    [Test]
    public void The_reason_is_the_status_text_unless_it_is_a_bare_word_then_the_kept_message()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ProviderMessages.Reason("Refus solde ins", "kept"), Is.EqualTo("Refus solde ins"));
            Assert.That(ProviderMessages.Reason("Failed", "Dear customer,you have insuffient funds."), Is.EqualTo("Dear customer,you have insuffient funds."));
            Assert.That(ProviderMessages.Reason("Failed", null), Is.Null);
            Assert.That(ProviderMessages.Reason(null, "Failed"), Is.Null);
        });
    }
}
