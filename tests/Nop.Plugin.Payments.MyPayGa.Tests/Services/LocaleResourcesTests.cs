using System.Text.RegularExpressions;
using Nop.Plugin.Payments.MyPayGa.Localization;
using NUnit.Framework;

namespace Nop.Plugin.Payments.MyPayGa.Tests.Services;

[TestFixture]
public sealed partial class LocaleResourcesTests
{
    [Test]
    public void Every_english_text_has_a_french_one_and_the_other_way_round()
    {
        Assert.That(LocaleResources.English.Keys.Except(LocaleResources.French.Keys, StringComparer.OrdinalIgnoreCase), Is.Empty, "missing in French");
        Assert.That(LocaleResources.French.Keys.Except(LocaleResources.English.Keys, StringComparer.OrdinalIgnoreCase), Is.Empty, "missing in English");
    }

    [Test]
    public void Every_key_has_the_plugins_prefix_and_every_text_is_filled()
    {
        Assert.That(LocaleResources.English, Is.Not.Empty);
        foreach (var (key, text) in LocaleResources.English.Concat(LocaleResources.French))
        {
            Assert.That(key, Does.StartWith(MyPayGaDefaults.ResourcePrefix));
            Assert.That(key, Does.Not.Contain(" "));
            Assert.That(text, Is.Not.Null.And.Not.Empty.And.Not.EqualTo(key), key);
            Assert.That(text.Trim(), Is.EqualTo(text), key);
        }
    }

    [Test]
    public void Both_languages_use_the_same_placeholders()
    {
        foreach (var (key, english) in LocaleResources.English)
        {
            var french = LocaleResources.French[key];
            Assert.That(Placeholders(french), Is.EquivalentTo(Placeholders(english)), key);
            Assert.DoesNotThrow(() => string.Format(english, "a", "b", "c", "d", "e", "f"), key);
            Assert.DoesNotThrow(() => string.Format(french, "a", "b", "c", "d", "e", "f"), key);
        }
    }

    [Test]
    public void The_service_keys_all_have_texts()
    {
        var keys = typeof(LocaleResources.ServiceKeys).GetFields()
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();

        Assert.That(keys, Has.Count.GreaterThan(30));
        Assert.That(keys.Where(k => !LocaleResources.English.ContainsKey(k)), Is.Empty);
    }

    [Test]
    public void French_texts_are_french()
    {
        Assert.That(LocaleResources.French[LocaleResources.ServiceKeys.ValidationPhoneRequired], Is.EqualTo("Veuillez saisir votre numéro Mobile Money."));
        var identical = LocaleResources.English.Where(p => LocaleResources.French[p.Key] == p.Value).Select(p => p.Key).ToList();
        Assert.That(identical.Count, Is.LessThan(LocaleResources.English.Count / 10), "only names (Mobile Money, Airtel Money...) may stay the same: " + string.Join(", ", identical));
    }

    private static IEnumerable<string> Placeholders(string text) =>
        PlaceholderPattern().Matches(text).Select(m => m.Groups[1].Value).Distinct();

    [GeneratedRegex(@"\{(\d+)[^}]*\}")]
    private static partial Regex PlaceholderPattern();
}
