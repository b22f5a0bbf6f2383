using System.Reflection;
using Microsoft.AspNetCore.Mvc.Razor.Extensions;
using Microsoft.AspNetCore.Razor.Language;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Razor;
using Nop.Plugin.Payments.MyPayGa.Controllers;
using NUnit.Framework;

namespace Nop.Plugin.Payments.MyPayGa.Tests.Web;

/// <summary>
/// nopCommerce compiles plugin views when they are first shown, so a typo in a view is only found by a shopper.
/// This test does what the host does — Razor code generation with MVC's tag helpers, then C# compilation — against
/// the plugin, the nopCommerce reference assemblies and, for the few nopCommerce types the reference does not
/// declare (INopHtmlHelper, the admin tag helpers, the store-scope view component), stubs with the real names and
/// signatures. Model members, asp-for expressions, helper calls and C# blocks are all checked.
/// </summary>
[TestFixture]
public sealed class ViewCompilationTests
{
    private const string StubAssemblyName = "NopWebFrameworkStubs";

    /// <summary>Stubs of nopCommerce types used by the views and absent from the reference (real namespaces and signatures).</summary>
    private static readonly (string TypeName, string Source)[] Stubs =
    [
        ("Nop.Web.Framework.UI.INopHtmlHelper", """
            namespace Nop.Web.Framework.UI
            {
                public partial interface INopHtmlHelper
                {
                    void AddTitleParts(string part);
                    void AppendPageCssClassParts(string part);
                    void AddCssFileParts(string src, string debugSrc = "", bool excludeFromBundle = false);
                }
            }
            """),
        ("Nop.Web.Areas.Admin.Components.StoreScopeConfigurationViewComponent", """
            namespace Nop.Web.Areas.Admin.Components
            {
                public partial class StoreScopeConfigurationViewComponent : Nop.Web.Framework.Components.NopViewComponent
                {
                    public System.Threading.Tasks.Task<Microsoft.AspNetCore.Mvc.IViewComponentResult> InvokeAsync() => null;
                }
            }
            """),
        ("Nop.Web.Framework.TagHelpers.Admin.NopEditorTagHelper", """
            namespace Nop.Web.Framework.TagHelpers.Admin
            {
                using Microsoft.AspNetCore.Razor.TagHelpers;
                [HtmlTargetElement("nop-editor", Attributes = "asp-for", TagStructure = TagStructure.WithoutEndTag)]
                public partial class NopEditorTagHelper : TagHelper
                {
                    [HtmlAttributeName("asp-for")] public Microsoft.AspNetCore.Mvc.ViewFeatures.ModelExpression For { get; set; }
                    [HtmlAttributeName("html-attributes")] public object CustomHtmlAttributes { get; set; }
                    [HtmlAttributeName("asp-required")] public string IsRequired { get; set; }
                    [HtmlAttributeName("asp-template")] public string Template { get; set; }
                    [HtmlAttributeName("asp-postfix")] public string Postfix { get; set; }
                }
            }
            """),
        ("Nop.Web.Framework.TagHelpers.Admin.NopLabelTagHelper", """
            namespace Nop.Web.Framework.TagHelpers.Admin
            {
                using Microsoft.AspNetCore.Razor.TagHelpers;
                [HtmlTargetElement("nop-label", Attributes = "asp-for", TagStructure = TagStructure.WithoutEndTag)]
                public partial class NopLabelTagHelper : TagHelper
                {
                    [HtmlAttributeName("asp-for")] public Microsoft.AspNetCore.Mvc.ViewFeatures.ModelExpression For { get; set; }
                    [HtmlAttributeName("asp-display-hint")] public bool DisplayHint { get; set; } = true;
                }
            }
            """),
        ("Nop.Web.Framework.TagHelpers.Admin.NopSelectTagHelper", """
            namespace Nop.Web.Framework.TagHelpers.Admin
            {
                using Microsoft.AspNetCore.Razor.TagHelpers;
                [HtmlTargetElement("nop-select", TagStructure = TagStructure.WithoutEndTag)]
                public partial class NopSelectTagHelper : TagHelper
                {
                    [HtmlAttributeName("asp-for")] public Microsoft.AspNetCore.Mvc.ViewFeatures.ModelExpression For { get; set; }
                    [HtmlAttributeName("asp-items")] public System.Collections.Generic.IEnumerable<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> Items { get; set; }
                    [HtmlAttributeName("asp-required")] public string IsRequired { get; set; }
                    [HtmlAttributeName("asp-multiple")] public string IsMultiple { get; set; }
                }
            }
            """),
        ("Nop.Web.Framework.TagHelpers.Admin.NopOverrideStoreCheckboxHelper", """
            namespace Nop.Web.Framework.TagHelpers.Admin
            {
                using Microsoft.AspNetCore.Razor.TagHelpers;
                [HtmlTargetElement("nop-override-store-checkbox", Attributes = "asp-for", TagStructure = TagStructure.WithoutEndTag)]
                public partial class NopOverrideStoreCheckboxHelper : TagHelper
                {
                    [HtmlAttributeName("asp-for")] public Microsoft.AspNetCore.Mvc.ViewFeatures.ModelExpression For { get; set; }
                    [HtmlAttributeName("asp-input")] public Microsoft.AspNetCore.Mvc.ViewFeatures.ModelExpression Input { get; set; }
                    [HtmlAttributeName("asp-input2")] public Microsoft.AspNetCore.Mvc.ViewFeatures.ModelExpression Input2 { get; set; }
                    [HtmlAttributeName("asp-store-scope")] public int StoreScope { get; set; }
                    [HtmlAttributeName("asp-parent-container")] public string ParentContainer { get; set; }
                }
            }
            """),
    ];

    private static IReadOnlyList<MetadataReference> References()
    {
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).ToList();
        paths.AddRange(new[]
        {
            typeof(MyPayGaViewPaths).Assembly, // the plugin
            typeof(global::MyPayGa.Client.MyPayGaAccount).Assembly,
            typeof(Nop.Core.BaseEntity).Assembly,
            typeof(Nop.Services.Localization.ILocalizationService).Assembly,
            typeof(Nop.Web.Framework.Mvc.Razor.NopRazorPage<>).Assembly,
        }.Select(a => a.Location));

        return paths.Where(File.Exists).Distinct(StringComparer.Ordinal)
            .GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase).Select(g => g.First())
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToList();
    }

    private static readonly HashSet<string> TagHelperBaseAssemblies = new(StringComparer.OrdinalIgnoreCase)
    {
        "System.Runtime.dll", "System.Private.CoreLib.dll", "netstandard.dll", "System.Collections.dll",
        "System.Linq.Expressions.dll", "System.ComponentModel.dll", "Microsoft.Extensions.Primitives.dll",
    };

    private static IReadOnlyList<MetadataReference> TagHelperSources(IReadOnlyList<MetadataReference> references) =>
        references.Where(r =>
        {
            var file = r.Display is null ? null : Path.GetFileName(r.Display);
            return file is null || file == StubAssemblyName + ".dll"
                || file.StartsWith("Microsoft.AspNetCore.", StringComparison.Ordinal) || TagHelperBaseAssemblies.Contains(file);
        }).ToList();

    /// <summary>Stubs only for the types the reference still lacks (it may grow: a duplicate would be ambiguous).</summary>
    private static MetadataReference CompileStubs(IReadOnlyList<MetadataReference> references)
    {
        var framework = typeof(Nop.Web.Framework.Mvc.Razor.NopRazorPage<>).Assembly;
        var sources = Stubs.Where(s => framework.GetType(s.TypeName) is null)
            .Select(s => CSharpSyntaxTree.ParseText(s.Source)).ToList();
        var compilation = CSharpCompilation.Create(StubAssemblyName, sources, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.That(emitted.Success, Is.True, string.Join("\n", emitted.Diagnostics));
        return MetadataReference.CreateFromImage(image.ToArray(), filePath: StubAssemblyName + ".dll");
    }

    /// <summary>The views copied aside, with the Nop.Web.Framework tag helpers taken from the stub assembly.</summary>
    private static string CopyViews()
    {
        var source = Path.Combine(PluginDirectory(), "Views");
        var target = Path.Combine(Path.GetTempPath(), "mypayga-views-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source, "*.cshtml"))
        {
            var text = File.ReadAllText(file)
                .Replace("@addTagHelper *, Nop.Web.Framework", "@addTagHelper *, " + StubAssemblyName, StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(target, Path.GetFileName(file)), text);
        }

        return target;
    }

    private static string PluginDirectory() => WebFakes.PluginDirectory();

    [Test]
    public void Every_view_compiles_against_the_plugin_and_nopCommerce()
    {
        var references = References().ToList();
        references.Add(CompileStubs(references));
        var folder = CopyViews();
        try
        {
            var fileSystem = RazorProjectFileSystem.Create(folder);
            var engine = RazorProjectEngine.Create(RazorConfiguration.Default, fileSystem, builder =>
            {
                RazorExtensions.Register(builder);
                // Tag helpers are looked for only where they can be (MVC and the stubs): much faster than every reference.
                builder.Features.Add(new DefaultMetadataReferenceFeature { References = TagHelperSources(references) });
                builder.Features.Add(new CompilationTagHelperFeature());
                builder.Features.Add(new DefaultTagHelperDescriptorProvider());
                CompilerFeatures.Register(builder);
            });

            var trees = new List<SyntaxTree>();
            var razorErrors = new List<string>();
            foreach (var item in fileSystem.EnumerateItems("/").Where(i => !i.FileName.StartsWith("_ViewImports", StringComparison.Ordinal)))
            {
                var document = engine.Process(item).GetCSharpDocument();
                razorErrors.AddRange(document.Diagnostics.Where(d => d.Severity == RazorDiagnosticSeverity.Error)
                    .Select(d => $"{item.FilePath}: {d}"));
                trees.Add(CSharpSyntaxTree.ParseText(document.GeneratedCode, path: item.FilePath));
            }
            Assert.That(trees, Has.Count.GreaterThanOrEqualTo(8));
            Assert.That(razorErrors, Is.Empty);

            var compilation = CSharpCompilation.Create("MyPayGaViews", trees, references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));
            var errors = compilation.GetDiagnostics()
                .Where(d => d.Severity == DiagnosticSeverity.Error)
                .Select(d => $"{d.Location.GetMappedLineSpan()}: {d.Id} {d.GetMessage()}")
                .ToList();
            Assert.That(errors, Is.Empty);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
