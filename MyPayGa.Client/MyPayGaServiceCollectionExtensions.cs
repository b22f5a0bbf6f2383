using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MyPayGa.Client.Http;

namespace MyPayGa.Client;

public static class MyPayGaServiceCollectionExtensions
{
    /// <summary>
    /// Registers the named HttpClient <see cref="MyPayGaClientFactory.HttpClientName"/> with the MyPayGa resilience
    /// handler (timeouts, safe retries) and without IHttpClientFactory's default logging handlers (they would log URLs,
    /// and MyPayGa URLs carry the API key), plus <see cref="IMyPayGaClientFactory"/> as a singleton.
    /// Returns the builder so a host can chain its own primary handler (e.g. a proxy) last.
    /// Retry/timeout settings: <c>services.Configure&lt;MyPayGaResilienceOptions&gt;(...)</c>.
    /// </summary>
    public static IHttpClientBuilder AddMyPayGaClient(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<MyPayGaResilienceOptions>();
        services.TryAddSingleton<IMyPayGaClientFactory, MyPayGaClientFactory>();

        return services.AddHttpClient(MyPayGaClientFactory.HttpClientName)
            .ConfigureHttpClient(client =>
            {
                // The resilience handler owns the timeouts (per attempt and total).
                client.Timeout = System.Threading.Timeout.InfiniteTimeSpan;
                client.DefaultRequestHeaders.Accept.ParseAdd("application/json");
                client.DefaultRequestHeaders.UserAgent.ParseAdd("MyPayGa.Client/1.0");
            })
            .RemoveAllLoggers()
            .AddHttpMessageHandler(sp => new MyPayGaResilienceHandler(
                sp.GetRequiredService<IOptions<MyPayGaResilienceOptions>>().Value,
                sp.GetService<ILogger<MyPayGaResilienceHandler>>()));
    }

    /// <summary>
    /// For a program with one MyPayGa account: everything <see cref="AddMyPayGaClient(IServiceCollection)"/> registers,
    /// plus an <see cref="IMyPayGaClient"/> singleton for that account (validated when first resolved).
    /// </summary>
    public static IHttpClientBuilder AddMyPayGaClient(this IServiceCollection services, MyPayGaAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var builder = services.AddMyPayGaClient();
        services.TryAddSingleton<IMyPayGaClient>(sp => sp.GetRequiredService<IMyPayGaClientFactory>().Create(account));
        return builder;
    }

    /// <summary>
    /// Same, with the account described by options (bindable from configuration:
    /// <c>services.AddMyPayGaClient(o => configuration.GetSection("MyPayGa").Bind(o))</c>).
    /// </summary>
    public static IHttpClientBuilder AddMyPayGaClient(this IServiceCollection services, Action<MyPayGaClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = services.AddMyPayGaClient();
        services.AddOptions<MyPayGaClientOptions>().Configure(configure);
        services.TryAddSingleton<IMyPayGaClient>(sp =>
            sp.GetRequiredService<IMyPayGaClientFactory>().Create(sp.GetRequiredService<IOptions<MyPayGaClientOptions>>().Value.ToAccount()));
        return builder;
    }
}

/// <summary>A mutable, configuration-bindable description of one <see cref="MyPayGaAccount"/>.</summary>
public sealed class MyPayGaClientOptions
{
    public MyPayGaEnvironment Environment { get; set; } = MyPayGaEnvironment.Test;
    public string SecretKey { get; set; } = "";
    public string? PublicKey { get; set; }
    public Uri ApiBaseUrl { get; set; } = new(MyPayGaAccount.DefaultApiBaseUrl);
    public Uri CardFormUrl { get; set; } = new(MyPayGaAccount.DefaultCardFormUrl);
    public string? CallbackSecret { get; set; }
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);

    public MyPayGaAccount ToAccount() => new()
    {
        Environment = Environment,
        SecretKey = SecretKey,
        PublicKey = PublicKey,
        ApiBaseUrl = ApiBaseUrl,
        CardFormUrl = CardFormUrl,
        CallbackSecret = CallbackSecret,
        Timeout = Timeout,
    };

    /// <summary>Never prints the keys.</summary>
    public override string ToString() => ToAccount().ToString();
}
