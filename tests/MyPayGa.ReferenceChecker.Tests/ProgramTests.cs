namespace MyPayGa.ReferenceChecker.Tests;

[TestFixture]
[NonParallelizable] // Program.Main writes to the process-wide console
public sealed class ProgramTests
{
    private const string Source = "namespace Nop.Core; public enum OrderStatus { Pending = 10, Processing = 20 }";

    private GeneratedAssemblies _assemblies = null!;
    private TextWriter _originalOut = null!;
    private TextWriter _originalError = null!;
    private StringWriter _out = null!;
    private StringWriter _error = null!;

    [SetUp]
    public void SetUp()
    {
        _assemblies = new GeneratedAssemblies();
        _originalOut = Console.Out;
        _originalError = Console.Error;
        _out = new StringWriter();
        _error = new StringWriter();
        Console.SetOut(_out);
        Console.SetError(_error);
    }

    [TearDown]
    public void TearDown()
    {
        Console.SetOut(_originalOut);
        Console.SetError(_originalError);
        _out.Dispose();
        _error.Dispose();
        _assemblies.Dispose();
    }

    private int Main(params string[] args) => Program.Main(args);

    private string[] CheckArgs() =>
        ["--reference", _assemblies.ReferenceDirectory, "--nop", _assemblies.NopDirectory, "--implemented", ImplementedFile()];

    private string ImplementedFile()
    {
        var path = Path.Combine(_assemblies.Root, "implemented.txt");
        File.WriteAllText(path, "# none in these tests\n");
        return path;
    }

    [Test]
    public void IdenticalPairExitsZeroAndSaysNoDifferences()
    {
        _assemblies.Both("Nop.Core", Source);

        Assert.That(Main(CheckArgs()), Is.EqualTo(0));
        Assert.That(_out.ToString().Trim(), Is.EqualTo("no differences"));
    }

    [Test]
    public void DifferencesExitOneAndArePrintedOnePerLineWithACount()
    {
        _assemblies.Nop("Nop.Core", Source);
        _assemblies.Reference("Nop.Core", Source.Replace("Processing = 20", "Processing = 21").Replace("Pending = 10", "Pending = 11"), version: "4.80.0.0");

        Assert.That(Main(CheckArgs()), Is.EqualTo(1));
        var lines = _out.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.That(lines, Is.EqualTo(new[]
        {
            "assembly Nop.Core: version is 4.90.0.0 in nopCommerce, 4.80.0.0 in the reference",
            "Nop.Core.OrderStatus.Pending: value is 10 (Int32) in nopCommerce, 11 (Int32) in the reference",
            "Nop.Core.OrderStatus.Processing: value is 20 (Int32) in nopCommerce, 21 (Int32) in the reference",
            "3 differences",
        }));
    }

    [Test]
    public void MissingArgumentsExitTwoWithUsage()
    {
        Assert.That(Main("--reference", _assemblies.ReferenceDirectory), Is.EqualTo(2));
        Assert.That(_error.ToString(), Does.Contain("usage:"));
    }

    [Test]
    public void UnknownArgumentExitsTwo()
    {
        Assert.That(Main("--frobnicate", "x"), Is.EqualTo(2));
        Assert.That(_error.ToString(), Does.Contain("unexpected argument '--frobnicate'"));
    }

    [Test]
    public void MissingFolderOrAssemblyExitsTwo()
    {
        _assemblies.Reference("Nop.Core", Source);

        Assert.That(Main("--reference", _assemblies.ReferenceDirectory, "--nop", Path.Combine(_assemblies.Root, "absent")), Is.EqualTo(2));
        Assert.That(Main("--reference", _assemblies.ReferenceDirectory, "--nop", _assemblies.NopDirectory), Is.EqualTo(2));
        Assert.That(_error.ToString(), Does.Contain("does not exist").And.Contain("Nop.Core.dll is not in the nopCommerce folder"));
        Assert.That(_out.ToString(), Is.Empty);
    }
}
