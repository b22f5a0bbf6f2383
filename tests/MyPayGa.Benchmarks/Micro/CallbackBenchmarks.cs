using BenchmarkDotNet.Attributes;
using MyPayGa.Client.Callbacks;

namespace MyPayGa.Benchmarks.Micro;

/// <summary>What one callback costs to parse (and verify) before the order is even looked up.</summary>
[MemoryDiagnoser]
public class CallbackBenchmarks
{
    private const string Secret = "bench-callback-secret";
    private RawCallbackRequest _signedForm = null!;
    private RawCallbackRequest _json = null!;

    [GlobalSetup]
    public void Setup()
    {
        var hash = MyPayGaCallbackParser.ComputeSignature(Secret, "200", "1042-1", "15000", "Cr83WMcojwcAnGjMB1U5cGCHY",
            "Mobile Money", "Payment success", "074111111");
        _signedForm = new RawCallbackRequest
        {
            Method = "POST",
            ContentType = "application/x-www-form-urlencoded",
            Body = "unique_id=1042-1&order_status=200&payment_token=Cr83WMcojwcAnGjMB1U5cGCHY&amount=15000"
                 + "&payment_method=Mobile+Money&message=Payment+success&client_phone=074111111&currency=XAF&hash=" + hash,
        };
        _json = new RawCallbackRequest
        {
            Method = "POST",
            ContentType = "application/json",
            Body = """{"unique_id":"1042-1","order_status":"200","payment_token":"Cr83WMcojwcAnGjMB1U5cGCHY","amount":15000,"payment_method":"Mobile Money","message":"Payment success","client_phone":"074111111","currency":"XAF"}""",
        };
    }

    [Benchmark(Baseline = true)]
    public bool JsonUnsigned() => MyPayGaCallbackParser.Parse(_json, callbackSecret: null).IsAccepted;

    [Benchmark]
    public bool FormSignedAndVerified() => MyPayGaCallbackParser.Parse(_signedForm, Secret).IsAccepted;
}
