using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace MyPayGa.Benchmarks.Harness;

/// <summary>Runs the sections and prints one table (stdout and a markdown file).</summary>
public static class BenchRunner
{
    public static async Task<int> RunAsync(bool smoke, string? sectionFilter, string outputPath, CancellationToken cancellationToken)
    {
        var sections = BenchSections.All
            .Where(s => sectionFilter is null || s.Name.Contains(sectionFilter, StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (sections.Count == 0)
        {
            Console.Error.WriteLine($"No section matches '{sectionFilter}'. Sections: {string.Join(", ", BenchSections.All.Select(s => s.Name))}");
            return 2;
        }

        var results = new List<(IBenchSection Section, IReadOnlyList<BenchRow> Rows)>();
        var failed = false;
        await using (var context = new BenchContext(smoke, Console.Out, cancellationToken))
        {
            foreach (var section in sections)
            {
                Console.WriteLine($"== {section.Name}{(smoke ? " (smoke)" : "")}");
                try
                {
                    results.Add((section, await section.RunAsync(context)));
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    Console.Error.WriteLine($"Section '{section.Name}' failed: {ex}");
                    failed = true;
                }
            }
        }

        var table = Render(results, smoke);
        Console.WriteLine();
        Console.WriteLine(table);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outputPath))!);
        await File.WriteAllTextAsync(outputPath, table, cancellationToken);
        Console.WriteLine($"written to {outputPath}");
        return failed ? 1 : 0;
    }

    public static string Render(IEnumerable<(IBenchSection Section, IReadOnlyList<BenchRow> Rows)> results, bool smoke)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Measured {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC on {Machine()}{(smoke ? " — SMOKE RUN: tiny counts, figures meaningless" : "")}.");
        text.AppendLine();
        text.AppendLine("| measure | value | baseline | ratio | target | met? |");
        text.AppendLine("|---|---:|---:|---:|---:|:---:|");
        foreach (var (section, rows) in results)
        {
            foreach (var row in rows)
            {
                var met = smoke ? "(smoke)" : row.Met switch { true => "yes", false => "**no**", null => "—" };
                var measure = section.Name + ": " + row.Measure + (row.Note is null ? "" : " (" + row.Note + ")");
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"| {measure} | {row.Unit.Format(row.Value)} | {row.Unit.Format(row.Baseline)} | {row.Ratio:0.00}× | {row.TargetText} | {met} |");
            }
        }

        return text.ToString();
    }

    private static string Machine() =>
        $"{Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription.Trim()}, {RuntimeInformation.FrameworkDescription} ({RuntimeInformation.ProcessArchitecture})";
}
