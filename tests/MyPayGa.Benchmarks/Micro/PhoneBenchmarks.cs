using BenchmarkDotNet.Attributes;
using MyPayGa.Client.Phones;

namespace MyPayGa.Benchmarks.Micro;

/// <summary>Phone normalisation runs on every payment-info post.</summary>
[MemoryDiagnoser]
public class PhoneBenchmarks
{
    [Params("074111111", "+241 77 50 84 12", "242056549200")]
    public string Input { get; set; } = "";

    [Benchmark]
    public bool TryParse() => PhoneNumber.TryParse(Input, out _, out _);
}
