using System.Globalization;

namespace MyPayGa.Benchmarks.Harness;

/// <summary>Whether a smaller or a larger ratio is the good direction.</summary>
public enum Better
{
    Lower,
    Higher,
}

/// <summary>How a row's values are printed.</summary>
public sealed record BenchUnit(string Name, Func<double, string> Format)
{
    public static readonly BenchUnit Microseconds = new("µs", v => v.ToString(v < 100 ? "0.0" : "0", CultureInfo.InvariantCulture) + " µs");
    public static readonly BenchUnit Milliseconds = new("ms", v => v.ToString(v < 100 ? "0.0" : "0", CultureInfo.InvariantCulture) + " ms");
    public static readonly BenchUnit Seconds = new("s", v => v.ToString("0.00", CultureInfo.InvariantCulture) + " s");
    public static readonly BenchUnit Bytes = new("B", v => v >= 10 * 1024
        ? (v / 1024).ToString(v >= 100 * 1024 ? "0" : "0.0", CultureInfo.InvariantCulture) + " KB"
        : v.ToString("0", CultureInfo.InvariantCulture) + " B");
    public static readonly BenchUnit PerSecond = new("/s", v => v.ToString("0", CultureInfo.InvariantCulture) + " /s");

    public static BenchUnit Count(string suffix) => new(suffix, v => v.ToString("0.##", CultureInfo.InvariantCulture) + " " + suffix);
}

/// <summary>
/// One line of the table: a measure, its value and its baseline measured in the same run, the ratio value/baseline and
/// the target for that ratio (null: reported only).
/// </summary>
public sealed record BenchRow(string Measure, double Value, double Baseline, BenchUnit Unit, double? Target = null,
    Better Better = Better.Lower, string? Note = null)
{
    public double Ratio => Baseline == 0 ? double.NaN : Value / Baseline;

    public bool? Met => Target is not { } target || double.IsNaN(Ratio)
        ? null
        : Better == Better.Lower ? Ratio <= target : Ratio >= target;

    public string TargetText => Target is { } target
        ? (Better == Better.Lower ? "≤ " : "≥ ") + target.ToString("0.00", CultureInfo.InvariantCulture) + "×"
        : "—";
}
