using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Mvc.Razor.Compilation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Moq;
using Nop.Core;
using Nop.Core.Caching;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Directory;
using Nop.Core.Domain.Messages;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Stores;
using Nop.Data;
using Nop.Plugin.Payments.MyPayGa;
using Nop.Plugin.Payments.MyPayGa.Domain;
using Nop.Plugin.Payments.MyPayGa.Infrastructure;
using Nop.Plugin.Payments.MyPayGa.Services;
using Nop.Plugin.Payments.MyPayGa.Tests.Support;
using Nop.Services.Catalog;
using Nop.Services.Common;
using Nop.Services.Configuration;
using Nop.Services.Customers;
using Nop.Services.Directory;
using Nop.Services.Helpers;
using Nop.Services.Localization;
using Nop.Services.Messages;
using Nop.Services.Orders;
using Nop.Services.ScheduleTasks;
using Nop.Services.Security;
using Nop.Services.Stores;
using Nop.Web.Framework.Mvc.Routing;
using Nop.Web.Framework.UI;
using NopLogger = Nop.Services.Logging.ILogger;

namespace MyPayGa.Browser.Tests.Host;

/// <summary>
/// A small store serving the plugin's public pages as nopCommerce does: MVC with the plugin assembly as an
/// application part, its .cshtml files compiled at run time from the plugin's source folder seen as
/// ~/Plugins/Payments.MyPayGa/, its routes (RouteProvider), its services (NopStartup) and the real MyPayGa client.
/// nopCommerce's own services are in-memory fakes. Kestrel on 127.0.0.1 with a free port.
/// </summary>
public sealed class StoreHost : IAsyncDisposable
{
    public const int StoreId = 1;
    public const int XafCurrencyId = 1;

    private readonly WebApplication _app;

    private StoreHost(WebApplication app, Uri baseUrl, HostState state)
    {
        _app = app;
        BaseUrl = baseUrl;
        State = state;
    }

    /// <summary>e.g. http://127.0.0.1:41235/ (always with the trailing slash, like IWebHelper.GetStoreLocation).</summary>
    public Uri BaseUrl { get; }

    internal HostState State { get; }

    public OrderBook Orders => State.Orders;
    public OrderProcessing OrderProcessing => State.Processing;
    public MyPayGaSettings Settings => State.Settings;
    public MemoryLog Log => State.Log;
    public EnglishLocalizationService Localization => State.Localization;
    /// <summary>nopCommerce's message templates and queued e-mails (the payment-link template installed).</summary>
    public InMemoryMessages Messages => State.Messages;

    public string Url(string relative) => new Uri(BaseUrl, relative).AbsoluteUri;

    /// <summary>The plugin's source folder (Views, Content), found from the test assembly's folder upwards.</summary>
    public static string PluginSourceFolder { get; } = FindPluginFolder();

    public static async Task<StoreHost> StartAsync(MyPayGaSettings settings, CancellationToken cancellationToken = default)
    {
        var state = new HostState(settings);
        var contentRoot = Path.Combine(AppContext.BaseDirectory, "TestHost");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            // The test assembly is the application: Razor compiles the views against its references (deps.json).
            ApplicationName = typeof(StoreHost).Assembly.GetName().Name,
            ContentRootPath = contentRoot,
            WebRootPath = Path.Combine(contentRoot, "wwwroot"),
            // The developer exception page: a server error shows its details in the screenshot and the page text.
            EnvironmentName = Environments.Development,
        });
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(new MemoryLogProvider(state.Log));
        builder.Services.Configure<HostOptions>(h => h.ShutdownTimeout = TimeSpan.FromSeconds(3));

        ConfigureServices(builder, state);

        var app = builder.Build();
        Configure(app);

        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var baseUrl = new Uri(address.TrimEnd('/') + "/");
        state.BaseUrl = baseUrl;
        var host = new StoreHost(app, baseUrl, state);
        try
        {
            await CompileViewsAsync(app.Services);
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }

        return host;
    }

    /// <summary>
    /// The shopper's views of the plugin, compiled once at start (the same compiler a request would use): the first
    /// Roslyn compilation takes many seconds, and a view that does not compile fails here with the compiler's message.
    /// Configure.cshtml is left out: it is an admin page built on Nop.Web's admin view components and tag helpers,
    /// which the reference surface does not declare.
    /// </summary>
    public static readonly string[] PublicPluginViews =
        ["PaymentInfo", "_ChannelAndPhone", "_OrderFacts", "Pending", "Retry", "CardRedirect", "Result"];

    private static async Task CompileViewsAsync(IServiceProvider services)
    {
        var compiler = services.GetRequiredService<IViewCompilerProvider>().GetCompiler();
        var paths = PublicPluginViews.Select(name => $"/Plugins/Payments.MyPayGa/Views/{name}.cshtml")
            .Concat(["/Views/Shared/_ColumnsOne.cshtml", "/Views/TestStore/Checkout.cshtml"]);
        foreach (var path in paths)
            await compiler.CompileAsync(path);
    }

    private static void ConfigureServices(WebApplicationBuilder builder, HostState state)
    {
        var services = builder.Services;
        services.AddHttpContextAccessor();

        // As nopCommerce: MVC with views, plugin assemblies as application parts, views compiled at run time.
        services.AddControllersWithViews()
            .ConfigureApplicationPartManager(parts =>
            {
                foreach (var assembly in new[] { typeof(MyPayGaPaymentMethod).Assembly, typeof(StoreHost).Assembly })
                {
                    if (!parts.ApplicationParts.OfType<AssemblyPart>().Any(p => p.Assembly == assembly))
                        parts.ApplicationParts.Add(new AssemblyPart(assembly));
                }
            })
            .AddRazorRuntimeCompilation(options =>
            {
                options.FileProviders.Clear();
                // The test host's own views (layout, checkout page) ...
                options.FileProviders.Add(new PhysicalFileProvider(builder.Environment.ContentRootPath));
                // ... and the plugin's folder where nopCommerce has it: ~/Plugins/Payments.MyPayGa/Views/*.cshtml.
                options.FileProviders.Add(new PluginFolderFileProvider("/Plugins/Payments.MyPayGa", PluginSourceFolder));
            });

        // nopCommerce's services, in memory.
        services.AddSingleton(state.Orders);
        services.AddSingleton<IOrderService>(state.Orders);
        services.AddSingleton(state.Processing);
        services.AddSingleton<IOrderProcessingService>(state.Processing);
        services.AddSingleton<ILocker, InMemoryLocker>();
        // The plugin's tables (attempts, refunds, claims), with their unique keys.
        services.AddSingleton<IRepository<MyPayGaAttempt>>(state.Attempts);
        services.AddSingleton<IRepository<MyPayGaRefund>>(new InMemoryRepository<MyPayGaRefund>(r => r.LockKey));
        services.AddSingleton<IRepository<MyPayGaClaim>>(new InMemoryRepository<MyPayGaClaim>(c => c.ClaimKey));
        services.AddSingleton<IGenericAttributeService, InMemoryGenericAttributeService>();
        services.AddSingleton<NopLogger>(state.Log);
        services.AddSingleton<ILocalizationService>(state.Localization);
        services.AddSingleton(state.Xaf);
        services.AddSingleton(new CurrencySettings { PrimaryStoreCurrencyId = XafCurrencyId });
        services.AddScoped<IWorkContext, TestWorkContext>();
        services.AddScoped<INopHtmlHelper, TestNopHtmlHelper>();
        services.AddScoped<INopUrlHelper, TestNopUrlHelper>();
        // nopCommerce's price formatter (the plugin writes XAF amounts as the store writes its XAF prices).
        services.AddSingleton<IPriceFormatter, NopLikePriceFormatter>();
        // nopCommerce registers every ISettings class, loaded for the current store.
        services.AddScoped(_ => state.Settings);

        var settingService = new Mock<ISettingService>();
        settingService.Setup(s => s.LoadSettingAsync<MyPayGaSettings>(It.IsAny<int>())).ReturnsAsync(() => state.Settings);
        services.AddSingleton(settingService.Object);

        var store = new Store { Id = StoreId, Name = "Test store", Url = "http://127.0.0.1/", DefaultLanguageId = 1 };
        var storeContext = new Mock<IStoreContext>();
        storeContext.Setup(s => s.GetCurrentStoreAsync()).ReturnsAsync(store);
        storeContext.Setup(s => s.GetCurrentStore()).Returns(store);
        storeContext.Setup(s => s.GetActiveStoreScopeConfigurationAsync()).ReturnsAsync(0);
        services.AddSingleton(storeContext.Object);

        var storeService = new Mock<IStoreService>();
        storeService.Setup(s => s.GetAllStoresAsync()).ReturnsAsync(() => [store]);
        storeService.Setup(s => s.GetStoreByIdAsync(StoreId)).ReturnsAsync(store);
        services.AddSingleton(storeService.Object);

        var webHelper = new Mock<IWebHelper>();
        webHelper.Setup(w => w.GetStoreLocation(It.IsAny<bool?>())).Returns(() => state.BaseUrl!.AbsoluteUri);
        services.AddSingleton(webHelper.Object);

        var currencyService = new Mock<ICurrencyService>();
        currencyService.Setup(c => c.GetCurrencyByIdAsync(XafCurrencyId)).ReturnsAsync(state.Xaf);
        currencyService.Setup(c => c.GetCurrencyByCodeAsync(It.Is<string>(code => string.Equals(code, "XAF", StringComparison.OrdinalIgnoreCase))))
            .ReturnsAsync(state.Xaf);
        currencyService.Setup(c => c.GetAllCurrenciesAsync(It.IsAny<bool>(), It.IsAny<int>())).ReturnsAsync(() => [state.Xaf, TestWorkContext.Euro]);
        services.AddSingleton(currencyService.Object);

        var addressService = new Mock<IAddressService>();
        addressService.Setup(a => a.GetAddressByIdAsync(It.IsAny<int>())).ReturnsAsync((int id) => state.Orders.GetAddress(id)!);
        services.AddSingleton(addressService.Object);

        var customerService = new Mock<ICustomerService>();
        customerService.Setup(c => c.GetCustomerByIdAsync(It.IsAny<int>())).ReturnsAsync((int id) => state.Orders.GetCustomer(id)!);
        services.AddSingleton(customerService.Object);

        // Used only by the payment method's install/fees and the admin page, not by these flows.
        services.AddSingleton(Mock.Of<ILanguageService>());
        // The checkout's cart: one line, whose total nopCommerce computes as the test store's order total.
        var totals = new Mock<IOrderTotalCalculationService>();
        totals.Setup(t => t.GetShoppingCartTotalAsync(It.IsAny<IList<ShoppingCartItem>>(), It.IsAny<bool?>(), It.IsAny<bool>()))
            .ReturnsAsync((TestStoreController.OrderTotal, 0m, [], [], 0, 0m));
        services.AddSingleton(totals.Object);
        var carts = new Mock<IShoppingCartService>();
        carts.Setup(c => c.GetShoppingCartAsync(It.IsAny<Customer>(), It.IsAny<ShoppingCartType?>(), It.IsAny<int>(), It.IsAny<int?>(),
                It.IsAny<DateTime?>(), It.IsAny<DateTime?>(), It.IsAny<int?>()))
            .ReturnsAsync([new ShoppingCartItem { Id = 1, StoreId = StoreId, Quantity = 1 }]);
        services.AddSingleton(carts.Object);
        // The admin pages (order panel, decisions, links, review queue): notifications shown on the next page, the
        // admin's permissions granted, XAF formatted as nopCommerce formats the store's currency.
        services.AddSingleton<TestNotificationService>();
        services.AddSingleton<INotificationService>(sp => sp.GetRequiredService<TestNotificationService>());
        services.AddSingleton(Mock.Of<IPermissionService>(p => p.AuthorizeAsync(It.IsAny<string>()) == Task.FromResult(true)));
        // nopCommerce's messaging in memory: the plugin's payment-link template as installed, one e-mail account, the
        // queue the tests read; customers in Libreville's time zone.
        services.AddSingleton<IMessageTemplateService>(state.Messages);
        services.AddSingleton<IEmailAccountService>(state.Messages);
        services.AddSingleton<IMessageTokenProvider>(state.Messages);
        services.AddSingleton<IWorkflowMessageService>(state.Messages);
        services.AddSingleton(new EmailAccountSettings { DefaultEmailAccountId = 1 });
        services.AddSingleton<IDateTimeHelper, FixedZoneDateTimeHelper>();
        // The payment method registers its scheduled task on install; not run by these flows.
        services.AddSingleton(Mock.Of<IScheduleTaskService>());
        // The test store's keys are saved in clear (as versions before 4.90.2 did): nothing to decrypt.
        services.AddSingleton(Mock.Of<IEncryptionService>());

        // The plugin's own registrations, exactly as nopCommerce runs them (the MyPayGa client included).
        new NopStartup().ConfigureServices(services, builder.Configuration);
        // nopCommerce creates the payment method plugin through the container.
        services.AddScoped<MyPayGaPaymentMethod>();
    }

    private static void Configure(WebApplication app)
    {
        // The page's culture is English; XAF amounts still read as the store writes them ("12 500 FCFA").
        app.UseRequestLocalization(new RequestLocalizationOptions().SetDefaultCulture("en-US").AddSupportedCultures("en-US").AddSupportedUICultures("en-US"));
        app.UseStaticFiles();
        // nopCommerce serves a plugin's static files from its folder under /Plugins.
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(Path.Combine(PluginSourceFolder, "Content")),
            RequestPath = "/Plugins/Payments.MyPayGa/Content",
        });
        app.UseRouting();
        new RouteProvider().RegisterRoutes(app);
        app.MapControllers();
        // nopCommerce's admin area route: /Admin/{controller}/{action}/{id?} (the plugin's admin controller, the order page).
        app.MapControllerRoute("areaRoute", "{area:exists}/{controller=Home}/{action=Index}/{id?}");
    }

    private static string FindPluginFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "Nop.Plugin.Payments.MyPayGa");
            if (File.Exists(Path.Combine(candidate, "Nop.Plugin.Payments.MyPayGa.csproj")))
                return candidate;
        }

        throw new DirectoryNotFoundException($"The plugin's source folder (Nop.Plugin.Payments.MyPayGa) was not found above {AppContext.BaseDirectory}.");
    }

    public async ValueTask DisposeAsync()
    {
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
}

/// <summary>What the host's services share (created before the host starts).</summary>
internal sealed class HostState
{
    public HostState(MyPayGaSettings settings)
    {
        Settings = settings;
        Processing = new OrderProcessing(Orders);
        Messages = new InMemoryMessages(o => Orders.GetAddress(o.BillingAddressId) is { } a ? $"{a.FirstName} {a.LastName}".Trim() : null,
            Orders.GetCustomer);
        Messages.InsertMessageTemplateAsync(PaymentLinkTemplate.Create(1)).GetAwaiter().GetResult();
    }

    public InMemoryMessages Messages { get; }

    public MyPayGaSettings Settings { get; }
    public OrderBook Orders { get; } = new();
    public InMemoryRepository<MyPayGaAttempt> Attempts { get; } = new(a => a.ReservationKey);
    public OrderProcessing Processing { get; }
    public MemoryLog Log { get; } = new();
    public EnglishLocalizationService Localization { get; } = new();

    public Currency Xaf { get; } = new()
    {
        Id = StoreHost.XafCurrencyId,
        Name = "CFA franc",
        CurrencyCode = "XAF",
        Rate = 1m,
        // As a Gabonese store sets it up: nopCommerce then writes "12 500 FCFA" (fr-GA's currency format).
        DisplayLocale = "fr-GA",
        Published = true,
    };

    public Uri? BaseUrl { get; set; }
}

/// <summary>ASP.NET Core's warnings and errors (a view that does not compile, an unhandled exception) go to the same log.</summary>
internal sealed class MemoryLogProvider(MemoryLog log) : ILoggerProvider
{
    public Microsoft.Extensions.Logging.ILogger CreateLogger(string categoryName) => new Logger(log, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(MemoryLog log, string category) : Microsoft.Extensions.Logging.ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
                return;
            log.InsertLog(logLevel >= LogLevel.Error ? Nop.Core.Domain.Logging.LogLevel.Error : Nop.Core.Domain.Logging.LogLevel.Warning,
                $"[{category}] {formatter(state, exception)}", exception?.ToString() ?? string.Empty);
        }
    }
}
