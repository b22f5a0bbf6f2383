using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using MyPayGa.Sandbox.Api;
using MyPayGa.Sandbox.Callbacks;
using MyPayGa.Sandbox.Control;
using MyPayGa.Sandbox.Domain;

namespace MyPayGa.Sandbox;

/// <summary>
/// The sandbox running in-process on <c>http://127.0.0.1:{free port}</c>, with accessors that do what the
/// control API (<c>/_sandbox/</c>) does. Dispose to stop it.
/// </summary>
public sealed class SandboxServer : IAsyncDisposable
{
    /// <summary>Where <c>dotnet run</c> listens when no --urls (or ASPNETCORE_URLS) is given.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5099";

    private readonly WebApplication _app;
    private readonly SandboxControl _control;
    private int _disposed;

    private SandboxServer(WebApplication app, Uri baseUrl, SandboxOptions options)
    {
        _app = app;
        BaseUrl = baseUrl;
        Options = options;
        _control = app.Services.GetRequiredService<SandboxControl>();
    }

    /// <summary>e.g. http://127.0.0.1:41234/ — the MyPayGa base URL and card-form host in one.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The start-up options (a copy). Holds the test keys: never print it.</summary>
    public SandboxOptions Options { get; }

    public string SecretKey => Options.SecretKey;
    public string PublicKey => Options.PublicKey;

    /// <summary>Starts Kestrel on 127.0.0.1 with a free port.</summary>
    public static async Task<SandboxServer> StartAsync(SandboxOptions? options = null, CancellationToken ct = default)
    {
        var opts = (options ?? new SandboxOptions()).Clone();
        var app = Build([], opts, inProcess: true);
        try
        {
            await app.StartAsync(ct);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
                .Addresses.First();
            return new SandboxServer(app, new Uri(address.TrimEnd('/') + "/"), opts);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>The stand-alone app (Program.cs): options from configuration section "Sandbox", console logging.</summary>
    public static WebApplication BuildApp(string[] args) => Build(args, options: null, inProcess: false);

    // ---- in-process control (same as /_sandbox/) ----

    public MerchantSettings Merchant => _control.Merchant;

    /// <summary>e.g. <c>ConfigureMerchant(m =&gt; m with { CallbackUrl = "http://127.0.0.1:5000/cb", OutcomeDelayMs = 0 })</c>.</summary>
    public MerchantSettings ConfigureMerchant(Func<MerchantSettings, MerchantSettings> change) =>
        _control.ConfigureMerchant(change);

    public FaultRule AddFault(FaultRule rule) => _control.AddFault(rule);

    public IReadOnlyList<FaultRule> Faults => _control.Faults;

    public void ClearFaults() => _control.ClearFaults();

    /// <summary>The journal: requests (keys redacted), payment outcomes, callback deliveries, control actions.</summary>
    public IReadOnlyList<JournalEntry> Events(long after = 0) => _control.Events(after);

    public PaymentSnapshot? GetPayment(string paymentToken) => _control.GetPayment(paymentToken);

    public IReadOnlyList<PaymentSnapshot> Payments => _control.Payments;

    /// <summary>What the card form's Pay button does, without a browser.</summary>
    /// <exception cref="InvalidOperationException">Unknown or already final payment.</exception>
    public CardPaymentResult PayByCard(string paymentToken, string cardNumber) =>
        Unwrap(_control.PayByCard(paymentToken, cardNumber));

    /// <summary>Forces the final state of a pending payment.</summary>
    /// <exception cref="InvalidOperationException">Unknown or already final payment.</exception>
    public PaymentSnapshot CompletePayment(string paymentToken, bool succeed, string? message = null) =>
        Unwrap(_control.Complete(paymentToken, succeed, message));

    /// <summary>Delivers a callback for the payment now (see <see cref="CallbackRequest"/> for duplicates and forgeries).</summary>
    /// <exception cref="InvalidOperationException">Unknown payment.</exception>
    public async Task<IReadOnlyList<CallbackDelivery>> DeliverCallbackAsync(string paymentToken,
        CallbackRequest? request = null, CancellationToken ct = default) =>
        await _control.DeliverCallbackAsync(paymentToken, request ?? new CallbackRequest(), ct)
        ?? throw new InvalidOperationException("Unknown payment_token.");

    /// <summary>Completes when no outcome or callback is waiting to happen.</summary>
    public Task WhenIdleAsync(CancellationToken ct = default) => _control.WhenIdleAsync(ct);

    /// <summary>Forgets all state, faults and the journal; merchant settings back to the start-up options.</summary>
    public void Reset() => _control.Reset();

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        _app.Services.GetRequiredService<BackgroundWork>().CancelAll();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await _app.StopAsync(stop.Token);
        }
        catch (OperationCanceledException)
        {
        }
        await _app.DisposeAsync();
    }

    private static void WarnIfReachableFromOtherMachines(WebApplication app)
    {
        var urls = (app.Configuration["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var exposed = urls.Where(u => !(Uri.TryCreate(u.Replace("://*", "://0.0.0.0").Replace("://+", "://0.0.0.0"),
            UriKind.Absolute, out var uri) && CallbackDispatcher.IsLoopbackHost(uri))).ToList();
        if (exposed.Count > 0)
        {
            app.Lifetime.ApplicationStarted.Register(() => app.Logger.LogWarning(
                "The sandbox listens on {Urls}: other machines can reach it. It is meant for 127.0.0.1.", string.Join(", ", exposed)));
        }
    }

    private static T Unwrap<T>(Result<T> result) =>
        result.IsOk ? result.Value! : throw new InvalidOperationException(result.Error);

    // ---- the one builder used by Program.cs and StartAsync ----

    internal static WebApplication Build(string[] args, SandboxOptions? options, bool inProcess)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(SandboxServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });

        var opts = options ?? builder.Configuration.GetSection(SandboxOptions.SectionName).Get<SandboxOptions>()
            ?? new SandboxOptions();
        var time = opts.TimeProvider ?? TimeProvider.System;

        if (inProcess)
        {
            builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
            if (!opts.ConsoleLogging)
            {
                builder.Logging.ClearProviders();
            }
        }
        else if (string.IsNullOrWhiteSpace(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }
        // ASP.NET Core's request logs print full URLs, and the apikey rides in them: keep them quiet.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Services.Configure<HostOptions>(h => h.ShutdownTimeout = TimeSpan.FromSeconds(3));

        var services = builder.Services;
        services.AddSingleton(opts);
        services.AddSingleton(time);
        services.AddSingleton(new EventJournal(time, opts.JournalCapacity));
        services.AddSingleton<MerchantConfig>();
        services.AddSingleton<BackgroundWork>();
        services.AddSingleton<SandboxStore>();
        services.AddSingleton<CallbackDispatcher>();
        services.AddSingleton<PaymentService>();
        services.AddSingleton<RefundService>();
        services.AddSingleton<TransferService>();
        services.AddSingleton<LinkService>();
        services.AddSingleton<FaultRegistry>();
        services.AddSingleton<SandboxControl>();

        var app = builder.Build();
        if (!inProcess)
        {
            WarnIfReachableFromOtherMachines(app);
        }
        app.UseMiddleware<ErrorGuardMiddleware>();
        app.UseMiddleware<JournalMiddleware>();
        app.UseMiddleware<FaultMiddleware>();
        app.MapMyPayGaApi();
        app.MapControlApi();
        return app;
    }
}
