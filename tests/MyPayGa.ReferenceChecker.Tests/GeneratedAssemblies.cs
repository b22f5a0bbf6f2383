using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MyPayGa.ReferenceChecker.Tests;

/// <summary>
/// Compiles small assemblies in memory with Roslyn and writes them to a temporary folder: a "nop" folder
/// (standing for real nopCommerce) and a "reference" folder (standing for our hand-written reference).
/// </summary>
internal sealed class GeneratedAssemblies : IDisposable
{
    // only the runtime's own assemblies: the test folder also holds our reference Nop.*.dll
    private static readonly MetadataReference[] Framework = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
        .Split(Path.PathSeparator)
        .Where(path => Path.GetDirectoryName(path) + Path.DirectorySeparatorChar == RuntimeEnvironment.GetRuntimeDirectory())
        .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
        .ToArray();

    public GeneratedAssemblies()
    {
        Root = Path.Combine(Path.GetTempPath(), "refchecker-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(NopDirectory);
        Directory.CreateDirectory(ReferenceDirectory);
    }

    public string Root { get; }

    public string NopDirectory => Path.Combine(Root, "nop");

    public string ReferenceDirectory => Path.Combine(Root, "reference");

    public string Nop(string assemblyName, string source, string version = "4.90.0.0", params string[] references) =>
        Emit(NopDirectory, assemblyName, source, version, references);

    public string Reference(string assemblyName, string source, string version = "4.90.0.0", params string[] references) =>
        Emit(ReferenceDirectory, assemblyName, source, version, references);

    /// <summary>The same source on both sides.</summary>
    public void Both(string assemblyName, string source)
    {
        Nop(assemblyName, source);
        Reference(assemblyName, source);
    }

    public static string Emit(string directory, string assemblyName, string source, string version, params string[] references)
    {
        var versionTree = CSharpSyntaxTree.ParseText($"[assembly: System.Reflection.AssemblyVersion(\"{version}\")]");
        var compilation = CSharpCompilation.Create(assemblyName, [versionTree, CSharpSyntaxTree.ParseText(source)],
            Framework.Concat(references.Select(path => MetadataReference.CreateFromFile(path))),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));
        var path = Path.Combine(directory, assemblyName + ".dll");
        var result = compilation.Emit(path);
        if (!result.Success)
        {
            var errors = result.Diagnostics.Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error);
            throw new InvalidOperationException($"{assemblyName} does not compile:\n{string.Join("\n", errors)}");
        }

        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // a temp folder left behind is harmless
        }
    }
}
