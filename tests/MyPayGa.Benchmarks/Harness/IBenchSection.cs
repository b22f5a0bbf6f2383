namespace MyPayGa.Benchmarks.Harness;

/// <summary>
/// One part of the measurement table. A section measures something and a baseline for it in the same run (interleaved,
/// see <see cref="Interleaved"/>) and returns rows; it asserts nothing about timing. With
/// <see cref="BenchContext.Smoke"/> it must finish in a few seconds (tiny counts: <see cref="BenchContext.Count"/>).
/// Register a new section in <see cref="BenchSections.All"/>.
/// </summary>
public interface IBenchSection
{
    /// <summary>Short, shown in the table's section heading and usable with --section.</summary>
    string Name { get; }

    Task<IReadOnlyList<BenchRow>> RunAsync(BenchContext context);
}

/// <summary>The sections `build.ps1 bench` runs, in order.</summary>
public static class BenchSections
{
    public static IReadOnlyList<IBenchSection> All { get; } =
    [
        new Sections.ClientOverheadSection(),
        new Sections.CallbackThroughputSection(),
        new Sections.ReconciliationSection(),
        new Sections.PendingPageSection(),
        new Sections.MemorySection(),
    ];
}
