using System.Net;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using MyPayGa.Client;

namespace MyPayGa.Benchmarks;

/// <summary>
/// The client's own cost for one paiement-detail read (request building, resilience handler, tolerant parsing,
/// mapping), with the network replaced by an in-memory handler; compared with a bare HttpClient + JsonDocument.
/// </summary>
[MemoryDiagnoser]
public class ClientBenchmarks
{
    // The documented paiement-detail answer.
    private const string Body = """
        {"payment": [{"merchand_ref": "9745","payment_token": "eI4zUOJd5uE2W5qx7Em1HOTr00lev7rvt6E","paymentMethod": "Mobile Money",
        "mobile_callback": 1,"OrderStatus": "200","message_data": "Success","totalAmount": 144,"clientNumber": "074151522",
        "orderDateTime": "2021-05-15 21:53:38","pmt_banque": "AM","last_4_digits": "0000","nom_prenom_client": null,
        "frais_transaction": 154.032,"montant_net": -10.03,"final_status": "200"}],
        "code": "200","final_status": "200","merchand_ref": "9745","environnement": "production"}
        """;

    private ServiceProvider _services = null!;
    private IMyPayGaClient _client = null!;
    private HttpClient _bare = null!;

    [GlobalSetup]
    public void Setup()
    {
        var collection = new ServiceCollection();
        collection.AddMyPayGaClient().ConfigurePrimaryHttpMessageHandler(() => new CannedHandler());
        _services = collection.BuildServiceProvider();
        _client = _services.GetRequiredService<IMyPayGaClientFactory>().Create(new MyPayGaAccount
        {
            SecretKey = "stest_benchmark_key",
            ApiBaseUrl = new Uri("http://127.0.0.1:1/"),
        });
        _bare = new HttpClient(new CannedHandler()) { BaseAddress = new Uri("http://127.0.0.1:1/") };
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _bare.Dispose();
        _services.Dispose();
    }

    [Benchmark(Baseline = true)]
    public async Task<string?> BareHttpClientAndJsonDocument()
    {
        using var response = await _bare.GetAsync("payment/paiement-detail?payment_ref=x&apikey=k");
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.GetProperty("final_status").GetString();
    }

    [Benchmark]
    public async Task<object> MyPayGaClientPaymentDetail()
    {
        var detail = await _client.GetPaymentDetailAsync("eI4zUOJd5uE2W5qx7Em1HOTr00lev7rvt6E");
        return detail.Payments[0].Outcome;
    }

    private sealed class CannedHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent(Body, Encoding.UTF8, "application/json"),
            });
    }
}
