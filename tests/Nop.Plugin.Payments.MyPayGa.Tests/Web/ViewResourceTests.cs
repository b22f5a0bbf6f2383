using System.Reflection;
using System.Text.RegularExpressions;
using Nop.Plugin.Payments.MyPayGa.Controllers;
using Nop.Plugin.Payments.MyPayGa.Localization;
using Nop.Plugin.Payments.MyPayGa.Models;
using Nop.Web.Framework.Mvc.ModelBinding;
using NUnit.Framework;
using static Nop.Plugin.Payments.MyPayGa.Localization.LocaleResources;

namespace Nop.Plugin.Payments.MyPayGa.Tests.Web;

/// <summary>
/// The views are compiled by the nopCommerce host at run time, so nothing checks them at build time: these tests
/// read them as text and check what can be checked without a host (resources, models, paths).
/// </summary>
[TestFixture]
public sealed partial class ViewResourceTests
{
    /// <summary>nopCommerce's own resources the views may use.</summary>
    private static readonly string[] CoreResources = ["Admin.Common.Save"];

    /// <summary>Texts that are the same in both languages on purpose (brand names, codes, numbers).</summary>
    private static readonly HashSet<string> SameInFrench = new(StringComparer.OrdinalIgnoreCase)
    {
        WebKeys.CommonAmountXaf, WebKeys.OperatorAirtelMoney, WebKeys.OperatorMoovMoney, WebKeys.PaymentInfoMobileMoney,
        WebKeys.PaymentInfoMobileMoneyDescription, WebKeys.PaymentInfoCardDescription, WebKeys.PaymentInfoPhonePlaceholder,
        WebKeys.EnvironmentTest, WebKeys.EnvironmentProduction, WebKeys.FieldMobileMoneyEnabled,
    };

    [GeneratedRegex(@"\bT\(""([^""]+)""")]
    private static partial Regex ResourceCall();

    [GeneratedRegex("""^@model\s+(\S+)""", RegexOptions.Multiline)]
    private static partial Regex ModelDirective();

    [GeneratedRegex("""["'](~/Plugins/[^"']+)["']""")]
    private static partial Regex PluginPath();

    private static string PluginDirectory() => WebFakes.PluginDirectory();

    private static IEnumerable<string> Views() =>
        Directory.EnumerateFiles(Path.Combine(PluginDirectory(), "Views"), "*.cshtml", SearchOption.AllDirectories);

    private static IEnumerable<string> ViewKeys() =>
        Views().SelectMany(v => ResourceCall().Matches(File.ReadAllText(v)).Select(m => m.Groups[1].Value)).Distinct();

    [Test]
    public void The_views_use_resources_and_there_are_some()
    {
        Assert.That(Views().Count(), Is.GreaterThanOrEqualTo(8));
        Assert.That(ViewKeys().Count(), Is.GreaterThan(40));
    }

    [Test]
    public void Every_resource_used_in_a_view_exists_in_English_and_French()
    {
        var missing = ViewKeys()
            .Where(k => !CoreResources.Contains(k))
            .Where(k => !LocaleResources.English.ContainsKey(k) || !LocaleResources.French.ContainsKey(k))
            .ToList();

        Assert.That(missing, Is.Empty);
    }

    [Test]
    public void Views_use_only_the_plugins_resources_or_known_nopCommerce_ones()
    {
        var foreign = ViewKeys()
            .Where(k => !k.StartsWith(MyPayGaDefaults.ResourcePrefix, StringComparison.Ordinal) && !CoreResources.Contains(k))
            .ToList();

        Assert.That(foreign, Is.Empty);
    }

    [Test]
    public void Every_web_key_exists_in_English_and_French_and_is_really_translated()
    {
        var keys = typeof(WebKeys).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.Name != nameof(WebKeys.HintSuffix))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();

        Assert.That(keys, Has.Count.GreaterThan(100));
        Assert.That(keys.Where(k => !LocaleResources.English.ContainsKey(k)), Is.Empty, "English");
        Assert.That(keys.Where(k => !LocaleResources.French.ContainsKey(k)), Is.Empty, "French");
        var untranslated = keys.Where(k => !SameInFrench.Contains(k)
            && string.Equals(LocaleResources.English[k], LocaleResources.French[k], StringComparison.Ordinal));
        Assert.That(untranslated, Is.Empty);
    }

    [Test]
    public void Format_placeholders_are_the_same_in_both_languages()
    {
        var placeholder = new Regex(@"(?<!\{)\{\d\}(?!\})");
        var different = LocaleResources.English.Keys
            .Where(k => k.StartsWith(MyPayGaDefaults.ResourcePrefix, StringComparison.Ordinal))
            .Where(k => !placeholder.Matches(LocaleResources.English[k]).Select(m => m.Value).Order()
                .SequenceEqual(placeholder.Matches(LocaleResources.French[k]).Select(m => m.Value).Order()))
            .ToList();

        Assert.That(different, Is.Empty);
    }

    [Test]
    public void Every_admin_field_has_a_label_and_a_hint_in_both_languages()
    {
        var keys = typeof(ConfigurationModel).GetProperties()
            .Select(p => p.GetCustomAttribute<NopResourceDisplayNameAttribute>()?.ResourceKey)
            .OfType<string>()
            .ToList();

        Assert.That(keys, Has.Count.GreaterThanOrEqualTo(20));
        foreach (var key in keys.SelectMany(k => new[] { k, k + WebKeys.HintSuffix }))
        {
            Assert.That(LocaleResources.English.ContainsKey(key), Is.True, key);
            Assert.That(LocaleResources.French.ContainsKey(key), Is.True, key);
        }
    }

    [Test]
    public void Every_view_model_type_exists_in_the_plugin()
    {
        var assembly = typeof(MyPayGaViewPaths).Assembly;
        foreach (var view in Views().Where(v => !Path.GetFileName(v).StartsWith("_ViewImports", StringComparison.Ordinal)))
        {
            var match = ModelDirective().Match(File.ReadAllText(view));
            Assert.That(match.Success, Is.True, $"{view} declares no @model");
            var name = match.Groups[1].Value;
            var type = assembly.GetType(name) ?? assembly.GetType("Nop.Plugin.Payments.MyPayGa.Models." + name);
            Assert.That(type, Is.Not.Null, $"{Path.GetFileName(view)}: model {name}");
        }
    }

    [Test]
    public void Every_view_path_and_plugin_file_referenced_exists()
    {
        var root = PluginDirectory();
        var constants = typeof(MyPayGaViewPaths).GetFields().Select(f => (string)f.GetRawConstantValue()!);
        var referenced = Views().SelectMany(v => PluginPath().Matches(File.ReadAllText(v)).Select(m => m.Groups[1].Value));

        foreach (var path in constants.Concat(referenced).Distinct())
        {
            Assert.That(path, Does.StartWith(MyPayGaDefaults.PluginFolder + "/"));
            var file = Path.Combine(root, path[(MyPayGaDefaults.PluginFolder.Length + 1)..]);
            Assert.That(File.Exists(file), Is.True, path);
        }
    }

    [Test]
    public void The_public_views_use_the_stores_layout_and_the_payment_info_none()
    {
        var dir = Path.Combine(PluginDirectory(), "Views");
        foreach (var page in new[] { "Pending", "Retry", "CardRedirect", "Result" })
            Assert.That(File.ReadAllText(Path.Combine(dir, page + ".cshtml")), Does.Contain("Layout = \"_ColumnsOne\";"), page);
        Assert.That(File.ReadAllText(Path.Combine(dir, "PaymentInfo.cshtml")), Does.Contain("Layout = \"\";"));
        Assert.That(File.ReadAllText(Path.Combine(dir, "Configure.cshtml")), Does.Contain("Layout = \"_ConfigurePlugin\";"));
    }

    [Test]
    public void The_configuration_view_never_prefills_a_secret_field()
    {
        var view = File.ReadAllText(Path.Combine(PluginDirectory(), "Views", "Configure.cshtml"));
        foreach (var secret in MyPayGaConfigurationController.SecretFields)
        {
            Assert.That(view, Does.Not.Contain($"<nop-editor asp-for=\"{secret}\""), $"{secret} must not use an editor bound to its value");
            Assert.That(view, Does.Contain($"<input type=\"password\" id=\"{secret}\" name=\"{secret}\" value=\"\""), secret);
            Assert.That(view, Does.Not.Contain($"Model.{secret})"), secret);
        }
    }
}
