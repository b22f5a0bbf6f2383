using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Nop.Plugin.Payments.MyPayGa.Tests.Web;
using NUnit.Framework;

namespace Nop.Plugin.Payments.MyPayGa.Tests.Docs;

/// <summary>
/// The repository's documents: their code compiles as written, their links lead somewhere, and they stand on their
/// own (no pointer to files outside the repository).
/// </summary>
[TestFixture]
public sealed partial class DocumentationTests
{
    private static string RepositoryRoot() => Path.GetFullPath(Path.Combine(WebFakes.PluginDirectory(), ".."));

    private static IEnumerable<string> Documents()
    {
        var root = RepositoryRoot();
        return Directory.EnumerateFiles(Path.Combine(root, "docs"), "*.md")
            .Append(Path.Combine(root, "README.md"))
            .Append(Path.Combine(root, "reference", "nopCommerce-4.90", "README.md"))
            .Append(Path.Combine(root, "tests", "MyPayGa.Browser.Tests", "README.md"));
    }

    [GeneratedRegex(@"```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();

    [GeneratedRegex(@"\]\(([^)#\s]+)(#[^)]*)?\)")]
    private static partial Regex MarkdownLink();

    [Test]
    public void The_sandbox_guides_in_tests_program_compiles_as_written()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "sandbox.md")).ReplaceLineEndings("\n");
        var section = text[text.IndexOf("## In tests", StringComparison.Ordinal)..];
        var code = CSharpBlock().Match(section).Groups[1].Value;
        Assert.That(code, Does.Contain("SandboxServer.StartAsync").And.Contain("using MyPayGa.Sandbox;"));

        // What a test project gets from the SDK: implicit usings and the shared frameworks, plus the two projects.
        const string implicitUsings = """
            global using global::System;
            global using global::System.Collections.Generic;
            global using global::System.IO;
            global using global::System.Linq;
            global using global::System.Net.Http;
            global using global::System.Threading;
            global using global::System.Threading.Tasks;
            """;
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Append(typeof(global::MyPayGa.Sandbox.SandboxServer).Assembly.Location)
            .Append(typeof(global::MyPayGa.Client.MyPayGaAccount).Assembly.Location)
            .Where(File.Exists).Distinct(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create("SandboxGuideSnippet",
            [CSharpSyntaxTree.ParseText(implicitUsings), CSharpSyntaxTree.ParseText(code, path: "docs/sandbox.md")],
            references,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));

        using var image = new MemoryStream();
        var result = compilation.Emit(image);

        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString());
        Assert.That(errors, Is.Empty);
        Assert.That(result.Success, Is.True);
    }

    [GeneratedRegex(@"`([^`]+)`")]
    private static partial Regex CodeSpan();

    /// <summary>
    /// The money-safety table of docs/architecture.md names, for each scenario, the tests that prove its guard: each one
    /// must be a test of this assembly ("Class.Method", or "…Suffix" for another test of the class named before it in the
    /// same cell), so that renaming or deleting a test cannot leave the table promising a proof that is gone.
    /// </summary>
    [Test]
    public void Every_test_the_money_safety_table_names_exists()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "architecture.md")).ReplaceLineEndings("\n");
        var start = text.IndexOf("## Money safety", StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThanOrEqualTo(0));
        var end = text.IndexOf("\n## ", start + 3, StringComparison.Ordinal);
        var rows = text[start..(end < 0 ? text.Length : end)].Split('\n')
            .Where(line => line.StartsWith("| ", StringComparison.Ordinal) && !line.StartsWith("| scenario", StringComparison.Ordinal))
            .ToList();
        Assert.That(rows, Has.Count.GreaterThan(20));

        var tests = typeof(DocumentationTests).Assembly.GetTypes()
            .SelectMany(type => type.GetMethods().Where(m => m.GetCustomAttributes(typeof(TestAttribute), inherit: true).Length > 0
                || m.GetCustomAttributes(typeof(TestCaseAttribute), inherit: true).Length > 0).Select(m => (Class: type.Name, m.Name)))
            .ToList();
        var named = 0;
        foreach (var row in rows)
        {
            var proofCell = row.TrimEnd().TrimEnd('|').Split('|')[^1];
            string? currentClass = null;
            foreach (Match span in CodeSpan().Matches(proofCell))
            {
                var name = span.Groups[1].Value;
                if (name.StartsWith('…'))
                {
                    var suffix = name.TrimStart('…');
                    Assert.That(currentClass, Is.Not.Null, $"{name}: no class named before it in: {row}");
                    Assert.That(tests.Any(t => t.Class == currentClass && t.Name.EndsWith(suffix, StringComparison.Ordinal)), Is.True,
                        $"the money-safety table names {currentClass}.{name}, which is no test of this assembly");
                }
                else
                {
                    var dot = name.IndexOf('.', StringComparison.Ordinal);
                    Assert.That(dot, Is.GreaterThan(0), $"{name} is not Class.Method in: {row}");
                    currentClass = name[..dot];
                    var method = name[(dot + 1)..];
                    Assert.That(tests.Any(t => t.Class == currentClass && t.Name == method), Is.True,
                        $"the money-safety table names {name}, which is no test of this assembly");
                }

                named++;
            }
        }

        Assert.That(named, Is.GreaterThan(40));
    }

    [Test]
    public void No_document_points_outside_the_repository()
    {
        string[] outside = ["../shared", "shared/mypayga", "shared/nopcommerce", "DESIGN.md", "API.md", "api-reference-fr.txt", "PLUGIN_API"];
        foreach (var document in Documents())
        {
            var text = File.ReadAllText(document);
            foreach (var pointer in outside)
                Assert.That(text, Does.Not.Contain(pointer), $"{Path.GetRelativePath(RepositoryRoot(), document)} cites {pointer}");
        }
    }

    [Test]
    public void Every_relative_link_leads_to_a_file_of_the_repository()
    {
        foreach (var document in Documents())
        {
            foreach (Match link in MarkdownLink().Matches(File.ReadAllText(document)))
            {
                var target = link.Groups[1].Value;
                if (target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal))
                    continue;
                var path = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(document)!, target));
                Assert.That(File.Exists(path) || Directory.Exists(path), Is.True,
                    $"{Path.GetRelativePath(RepositoryRoot(), document)}: link to {target}");
                Assert.That(path, Does.StartWith(RepositoryRoot()), $"{target} leaves the repository");
            }
        }
    }
}
