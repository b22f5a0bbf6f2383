using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MyPayGa.Client.Http;

namespace MyPayGa.Client;

/// <summary>Creates <see cref="MyPayGaClient"/>s over the named HttpClient; registered as a singleton by AddMyPayGaClient.</summary>
public sealed class MyPayGaClientFactory : IMyPayGaClientFactory
{
    /// <summary>The name of the HttpClient registered by <c>AddMyPayGaClient()</c>.</summary>
    public const string HttpClientName = "MyPayGa";

    private readonly HttpClientSource _httpClients;
    private readonly ILoggerFactory _loggerFactory;
    private readonly MyPayGaResilienceOptions _resilience;

    public MyPayGaClientFactory(IHttpClientFactory httpClientFactory, ILoggerFactory? loggerFactory = null,
        IOptions<MyPayGaResilienceOptions>? resilience = null)
    {
        // One source for every client this factory creates: a host that creates a client per operation (the plugin)
        // still reuses the HttpClient.
        _httpClients = new HttpClientSource(httpClientFactory ?? throw new ArgumentNullException(nameof(httpClientFactory)));
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _resilience = resilience?.Value ?? new MyPayGaResilienceOptions();
    }

    /// <summary>Throws <see cref="MyPayGaException"/> (Configuration) listing the account's problems, if any.</summary>
    public IMyPayGaClient Create(MyPayGaAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return new MyPayGaClient(_httpClients.Get, account, _loggerFactory.CreateLogger<MyPayGaClient>(), _resilience);
    }
}
