using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using MyPayGa.Benchmarks.Harness;

// dotnet run -c Release --project tests/MyPayGa.Benchmarks -- [--smoke] [--section NAME] [--out FILE]
//   the measurement harness (build.ps1 bench [-Smoke]): ratios against baselines measured in the same run
// dotnet run -c Release --project tests/MyPayGa.Benchmarks -- --micro [BenchmarkDotNet arguments]
//   the BenchmarkDotNet micro-benchmarks of Micro/ (build.ps1 bench -Micro)
if (args.Contains("--serve-sandbox"))
{
    return await SandboxProcess.ServeAsync();
}

if (args.Contains("--micro"))
{
    // In-process: these machines have only the .NET 10 runtime, and the projects target net9.0 (roll-forward).
    var config = DefaultConfig.Instance
        .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
        .WithOptions(ConfigOptions.DisableOptimizationsValidator);
    var rest = args.Where(a => a != "--micro").ToArray();
    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(rest.Length == 0 ? ["--filter", "*"] : rest, config);
    return 0;
}

var smoke = args.Contains("--smoke");
var section = Option("--section");
var output = Option("--out") ?? Path.Combine(RepositoryRoot(), "artifacts", "bench", "latest.md");
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
return await BenchRunner.RunAsync(smoke, section, output, cancel.Token);

string? Option(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}

static string RepositoryRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "MyPayGa.slnx")))
        {
            return dir.FullName;
        }
    }

    return Directory.GetCurrentDirectory();
}
