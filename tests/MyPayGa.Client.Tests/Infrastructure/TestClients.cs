using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MyPayGa.Client.Tests.Infrastructure;

/// <summary>A client built the way a host builds it: DI, AddMyPayGaClient, the factory; logs captured at Trace.</summary>
public sealed class TestClient : IAsyncDisposable
{
    public const string SecretKey = "stest_sandbox_secret_key";
    public const string PublicKey = "ptest_sandbox_public_key";

    private readonly ServiceProvider _services;

    private TestClient(ServiceProvider services, IMyPayGaClient client, CapturingLoggerProvider logs)
    {
        _services = services;
        Client = client;
        Logs = logs;
    }

    public IMyPayGaClient Client { get; }

    public CapturingLoggerProvider Logs { get; }

    public static MyPayGaAccount Account(Uri baseUrl, TimeSpan? timeout = null) => new()
    {
        Environment = MyPayGaEnvironment.Test,
        SecretKey = SecretKey,
        PublicKey = PublicKey,
        ApiBaseUrl = baseUrl,
        CardFormUrl = new Uri(baseUrl, "mpgga-form-cbpay"),
        Timeout = timeout ?? TimeSpan.FromSeconds(5),
    };

    public static TestClient Create(Uri baseUrl, TimeSpan? timeout = null, Action<MyPayGaResilienceOptions>? resilience = null)
    {
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        services.Configure<MyPayGaResilienceOptions>(o =>
        {
            o.RetryBaseDelay = TimeSpan.Zero; // tests never wait between attempts
            o.UseJitter = false;
            resilience?.Invoke(o);
        });
        services.AddMyPayGaClient();
        var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IMyPayGaClientFactory>().Create(Account(baseUrl, timeout));
        return new TestClient(provider, client, logs);
    }

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();
}

internal static class ClosedPort
{
    /// <summary>A loopback URL nobody listens on: connecting is refused at once.</summary>
    public static Uri Url()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/");
    }
}
