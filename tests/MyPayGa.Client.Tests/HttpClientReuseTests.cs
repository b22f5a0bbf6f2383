using MyPayGa.Client.Tests.Infrastructure;

namespace MyPayGa.Client.Tests;

/// <summary>The named HttpClient is created once (renewed each minute), not once per call.</summary>
public sealed class HttpClientReuseTests
{
    [Test]
    public async Task A_client_and_the_clients_of_one_factory_reuse_one_HttpClient()
    {
        await using var server = await FakeMyPayGaServer.StartAsync();
        var counting = new CountingFactory();

        var alone = new MyPayGaClient(counting, TestClient.Account(server.BaseUrl));
        await alone.GetFeesAsync("AM");
        await alone.GetFeesAsync("AM");
        Assert.That(counting.Created, Is.EqualTo(1));

        var factory = new MyPayGaClientFactory(counting);
        await factory.Create(TestClient.Account(server.BaseUrl)).GetFeesAsync("AM");
        await factory.Create(TestClient.Account(server.BaseUrl)).GetRefundAsync("rfd_1");
        Assert.That(counting.Created, Is.EqualTo(2), "one more for the factory, shared by the clients it creates");
        Assert.That(server.Hits("mpayment/getFees"), Is.EqualTo(3));
    }

    private sealed class CountingFactory : IHttpClientFactory
    {
        public int Created { get; private set; }

        public HttpClient CreateClient(string name)
        {
            Assert.That(name, Is.EqualTo(MyPayGaClientFactory.HttpClientName));
            Created++;
            return new HttpClient();
        }
    }
}
