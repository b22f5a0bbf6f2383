using System.Text.RegularExpressions;
using System.Xml.Linq;
using NUnit.Framework;

namespace Nop.Plugin.Payments.MyPayGa.Tests.Web;

/// <summary>
/// The plugin builds two ways: against reference/nopCommerce-4.90 (default), or inside a real nopCommerce tree
/// (<c>build.ps1 build -NopSource &lt;src&gt;</c>). With transitive project references disabled, the second way sees only
/// the nopCommerce projects the csproj names, so each nopCommerce assembly the plugin compiles against must be named
/// there, at its place in nopCommerce's src folder (a missing one was 303 compile errors in a real 4.90.6 tree).
/// </summary>
[TestFixture]
public sealed partial class ProjectWiringTests
{
    /// <summary>Where each nopCommerce 4.90 project lives under src/.</summary>
    private static readonly Dictionary<string, string> NopLayout = new(StringComparer.Ordinal)
    {
        ["Nop.Core"] = "Libraries/Nop.Core/Nop.Core.csproj",
        ["Nop.Data"] = "Libraries/Nop.Data/Nop.Data.csproj",
        ["Nop.Services"] = "Libraries/Nop.Services/Nop.Services.csproj",
        ["Nop.Web.Framework"] = "Presentation/Nop.Web.Framework/Nop.Web.Framework.csproj",
        ["Nop.Web"] = "Presentation/Nop.Web/Nop.Web.csproj",
    };

    private static readonly XNamespace None = XNamespace.None;

    private static XDocument PluginProject() =>
        XDocument.Load(Path.Combine(WebFakes.PluginDirectory(), "Nop.Plugin.Payments.MyPayGa.csproj"));

    /// <summary>ProjectReference elements of the item groups whose condition is the given one.</summary>
    private static List<XElement> References(XDocument project, string condition) =>
        project.Descendants(None + "ItemGroup")
            .Where(group => (string?)group.Attribute("Condition") == condition)
            .Elements(None + "ProjectReference").ToList();

    private static List<XElement> NopSourceReferences() => References(PluginProject(), "'$(UseNopSource)' == 'true'");

    private static List<XElement> ReferenceSurfaceReferences() => References(PluginProject(), "'$(UseNopSource)' != 'true'");

    private static string ProjectName(XElement reference) =>
        Path.GetFileNameWithoutExtension(((string)reference.Attribute("Include")!).Replace('\\', '/'));

    /// <summary>The nopCommerce assemblies the compiled plugin refers to (what the host must supply).</summary>
    private static List<string> NopAssembliesUsedByThePlugin() =>
        typeof(MyPayGaPaymentMethod).Assembly.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(name => name.StartsWith("Nop.", StringComparison.Ordinal) && !name.StartsWith("Nop.Plugin.", StringComparison.Ordinal))
            .ToList();

    [Test]
    public void Every_nopCommerce_assembly_the_plugin_uses_is_referenced_in_the_NopSource_wiring()
    {
        var used = NopAssembliesUsedByThePlugin();
        var named = NopSourceReferences().Select(ProjectName).ToList();

        Assert.That(used, Is.SupersetOf(new[] { "Nop.Core", "Nop.Services", "Nop.Web.Framework" }), "sanity: the plugin is built on these");
        Assert.That(named, Is.SupersetOf(used), "a nopCommerce assembly the plugin compiles against is missing from the -NopSource references");
    }

    [Test]
    public void Every_reference_surface_project_has_its_real_nopCommerce_project_in_the_NopSource_wiring()
    {
        var surface = ReferenceSurfaceReferences().Select(ProjectName).Where(name => name.StartsWith("Nop.", StringComparison.Ordinal)).ToList();
        var named = NopSourceReferences().Select(ProjectName).ToList();

        Assert.That(surface, Is.SupersetOf(NopAssembliesUsedByThePlugin()), "the default build compiles against a reference of each");
        Assert.That(named, Is.SupersetOf(surface));
    }

    [Test]
    public void NopSource_references_follow_nopCommerces_layout_and_are_never_copied()
    {
        var references = NopSourceReferences();
        Assert.That(references, Is.Not.Empty);
        foreach (var reference in references)
        {
            var include = ((string)reference.Attribute("Include")!).Replace('\\', '/');
            var name = ProjectName(reference);
            Assert.That(NopLayout.ContainsKey(name), Is.True, $"{include}: not a nopCommerce project this test knows");
            Assert.That(include, Is.EqualTo("$(NopSource)/" + NopLayout[name]), "path under nopCommerce's src folder");
            Assert.That((string?)reference.Attribute("Private"), Is.EqualTo("false"), $"{name} must not be copied next to the plugin");
        }
    }

    [Test]
    public void The_reference_surface_is_never_copied_either()
    {
        foreach (var reference in ReferenceSurfaceReferences())
            Assert.That((string?)reference.Attribute("Private"), Is.EqualTo("false"), (string?)reference.Attribute("Include"));
    }

    [Test]
    public void Build_ps1_checks_the_same_projects_in_the_folder_given_as_NopSource()
    {
        var script = File.ReadAllText(Path.Combine(WebFakes.PluginDirectory(), "..", "build.ps1"));
        var block = NopSourceProjectsBlock().Match(script);
        Assert.That(block.Success, Is.True, "build.ps1 declares $NopSourceProjects");
        var listed = QuotedPath().Matches(block.Groups[1].Value).Select(m => m.Groups[1].Value).ToList();

        var expected = NopSourceReferences().Select(r => ((string)r.Attribute("Include")!).Replace('\\', '/')["$(NopSource)/".Length..]);
        Assert.That(listed.Where(p => p.EndsWith(".csproj", StringComparison.Ordinal)), Is.EquivalentTo(expected));
        Assert.That(listed, Does.Contain("Build/ClearPluginAssemblies.proj"));
    }

    [GeneratedRegex(@"\$NopSourceProjects\s*=\s*@\((.*?)\)", RegexOptions.Singleline)]
    private static partial Regex NopSourceProjectsBlock();

    [GeneratedRegex(@"'([^']+)'")]
    private static partial Regex QuotedPath();
}
