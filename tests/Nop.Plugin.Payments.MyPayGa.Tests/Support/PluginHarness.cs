using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using MyPayGa.Client;
using MyPayGa.Client.Models;
using Nop.Core;
using Nop.Core.Caching;
using Nop.Core.Domain.Common;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Directory;
using Nop.Core.Domain.Localization;
using Nop.Core.Domain.Messages;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Stores;
using Nop.Data;
using Nop.Plugin.Payments.MyPayGa.Domain;
using Nop.Plugin.Payments.MyPayGa.Infrastructure;
using Nop.Plugin.Payments.MyPayGa.Localization;
using Nop.Services.Common;
using Nop.Services.Configuration;
using Nop.Services.Customers;
using Nop.Services.Directory;
using Nop.Services.Helpers;
using Nop.Services.Localization;
using Nop.Services.Logging;
using Nop.Services.Messages;
using Nop.Services.Orders;
using Nop.Services.ScheduleTasks;
using Nop.Services.Security;
using Nop.Services.Stores;
using Nop.Web.Framework.Mvc.Routing;

namespace Nop.Plugin.Payments.MyPayGa.Tests.Support;

/// <summary>
/// The plugin's services as nopCommerce would build them (the plugin's own NopStartup), over fakes of the nopCommerce
/// services: orders in an <see cref="OrderBook"/>, generic attributes in memory, a non-blocking
/// <see cref="InMemoryLocker"/>, English resources, a log that tests read. MyPayGa is either a Moq client
/// (<see cref="Client"/>) or, with <see cref="CreateWithRealClient"/>, the real client against a URL (the sandbox).
/// </summary>
public sealed class PluginHarness : IAsyncDisposable
{
    /// <summary>
    /// What the nodes of a farm share: the store's database (orders, plugin tables), MyPayGa, and — when
    /// <paramref name="Redis"/> is given — nopCommerce's distributed cache (each node its own RedisCache, one server).
    /// </summary>
    public sealed record SharedStore(OrderBook Orders, IRepository<MyPayGaAttempt> Attempts, IRepository<MyPayGaRefund> Refunds,
        IRepository<MyPayGaClaim> Claims, ConcurrentDictionary<string, PaymentDetail> Details, ILocker? Locker = null,
        RedisCacheOptions? Redis = null);

    public const string SecretKey = "stest_sandbox_secret_key";
    public const string PublicKey = "ptest_sandbox_public_key";
    public const string StoreLocation = "http://shop.test/";

    private readonly ServiceProvider _provider;
    private readonly ConcurrentDictionary<(string Group, int Id, string Key, int Store), string> _attributes = new();
    private readonly ConcurrentQueue<string> _log = new();

    private PluginHarness(bool realClient, SharedStore? shared = null, Action<IServiceCollection>? configure = null)
    {
        Orders = shared?.Orders ?? new OrderBook();
        Details = shared?.Details ?? new ConcurrentDictionary<string, PaymentDetail>(StringComparer.Ordinal);
        Attempts = shared?.Attempts ?? AttemptRows;
        Refunds = shared?.Refunds ?? RefundRows;
        Claims = shared?.Claims ?? ClaimRows;
        if (shared?.Locker is { } locker)
            Locker = locker;
        Settings[0] = NewSettings();
        Messages = new InMemoryMessages(_ => $"{BillingAddress.FirstName} {BillingAddress.LastName}", id => id == Customer.Id ? Customer : null);

        Client.SetupGet(c => c.Account).Returns(() => LastAccount ?? new MyPayGaAccount { SecretKey = SecretKey });
        Client.Setup(c => c.GetHashAsync(It.IsAny<GetHashRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((GetHashRequest r, CancellationToken _) => new GetHashResponse
            {
                Code = new MyPayGaStatus("200"),
                PaymentToken = "tok_" + r.UniqueId,
                UniqueId = r.UniqueId,
                Message = "OK",
            });
        Client.Setup(c => c.RequestMobilePaymentAsync(It.IsAny<MobilePaymentRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((MobilePaymentRequest r, CancellationToken _) => new MobilePaymentResponse
            {
                StatusRequest = new MyPayGaStatus("200"),
                Message = "Request Sent.Please Wait.",
                PaymentToken = r.PaymentToken,
            });
        Client.Setup(c => c.DescribeCardForm(It.IsAny<string>()))
            .Returns((string token) => new CardFormPost(new Uri("https://www.mypayga.com/mpgga-form-cbpay"),
                [new("payment_token", token), new("apikey", PublicKey)]));
        Client.Setup(c => c.GetPaymentDetailAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns(async (string token, CancellationToken _) =>
            {
                Interlocked.Increment(ref _detailReads);
                if (DetailDelay > TimeSpan.Zero)
                    await Task.Delay(DetailDelay);
                return new PaymentDetailResponse
                {
                    Code = new MyPayGaStatus("200"),
                    Payments = [Details.TryGetValue(token, out var detail) ? detail : Pending(token)],
                };
            });

        ClientFactory.Setup(f => f.Create(It.IsAny<MyPayGaAccount>()))
            .Returns((MyPayGaAccount account) =>
            {
                var problems = account.Validate();
                if (problems.Count > 0)
                    throw new MyPayGaException(MyPayGaErrorKind.Configuration, "configuration", string.Join(" ", problems));
                LastAccount = account;
                return Client.Object;
            });

        SetupNopServices();

        var services = new ServiceCollection();
        services.AddSingleton(OrderService.Object);
        services.AddSingleton(OrderProcessingService.Object);
        services.AddSingleton(GenericAttributeService.Object);
        services.AddSingleton(SettingService.Object);
        services.AddSingleton(LocalizationService.Object);
        services.AddSingleton(LanguageService.Object);
        services.AddSingleton(Logger.Object);
        services.AddSingleton(CurrencyService.Object);
        services.AddSingleton(CurrencySettings);
        services.AddSingleton(AddressService.Object);
        services.AddSingleton(CustomerService.Object);
        services.AddSingleton(StoreService.Object);
        services.AddSingleton(StoreContext.Object);
        services.AddSingleton(WorkContext.Object);
        services.AddSingleton(WebHelper.Object);
        services.AddSingleton(UrlHelper.Object);
        services.AddSingleton<Nop.Services.Catalog.IPriceFormatter>(PriceFormatter);
        // nopCommerce registers every ISettings class, loaded for the current store.
        services.AddScoped(_ => Settings[0]);
        services.AddSingleton(OrderTotalCalculationService.Object);
        services.AddSingleton(ShoppingCartService.Object);
        services.AddSingleton(ScheduleTaskService.Object);
        services.AddSingleton<IEncryptionService>(Encryption);
        services.AddSingleton<IHttpContextAccessor>(HttpContextAccessor);
        // nopCommerce's messaging (message templates, e-mail accounts, tokens, the queue) and the customer's time zone.
        services.AddSingleton<IMessageTemplateService>(Messages);
        services.AddSingleton<IEmailAccountService>(Messages);
        services.AddSingleton<IMessageTokenProvider>(Messages);
        services.AddSingleton<IWorkflowMessageService>(Messages);
        services.AddSingleton(EmailAccountSettings);
        services.AddSingleton<IDateTimeHelper>(DateTimeHelper);
        services.AddSingleton<ILocker>(Locker);
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton(Attempts);
        services.AddSingleton(Refunds);
        services.AddSingleton(Claims);
        if (shared?.Redis is { } redis)
        {
            // As nopCommerce's AddDistributedCache does when DistributedCacheConfig is enabled with Redis.
            services.AddStackExchangeRedisCache(options =>
            {
                options.Configuration = redis.Configuration;
                options.InstanceName = redis.InstanceName;
            });
        }

        new NopStartup().ConfigureServices(services, new ConfigurationBuilder().Build());
        if (realClient)
            services.Configure<MyPayGaResilienceOptions>(o => { o.RetryBaseDelay = TimeSpan.Zero; o.UseJitter = false; });
        else
            services.AddSingleton(ClientFactory.Object);

        configure?.Invoke(services);
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    public static PluginHarness Create() => new(realClient: false);

    /// <summary>
    /// One more plugin host over the same store: the same orders, the same plugin tables (e.g. PostgreSQL) and the same
    /// MyPayGa answers, but its own process-wide state (order guard, caches, callback coordinator) — a web farm's node.
    /// </summary>
    public static PluginHarness CreateSharing(SharedStore shared) => new(realClient: false, shared);

    /// <summary>The real MyPayGa client (as registered by the plugin's NopStartup) against <paramref name="apiBaseUrl"/>.</summary>
    /// <param name="configure">Last changes to the services (e.g. a handler on the client's HttpClient: the benchmarks).</param>
    /// <param name="shared">Other tables (e.g. faster ones for the benchmarks), else the harness's own.</param>
    public static PluginHarness CreateWithRealClient(Uri apiBaseUrl, Action<IServiceCollection>? configure = null, SharedStore? shared = null)
    {
        var harness = new PluginHarness(realClient: true, shared, configure);
        harness.Settings[0].ApiBaseUrlOverride = apiBaseUrl.ToString();
        harness.Settings[0].CardFormUrlOverride = new Uri(apiBaseUrl, "mpgga-form-cbpay").ToString();
        return harness;
    }

    // ---- state the tests arrange and read ----

    public Dictionary<int, MyPayGaSettings> Settings { get; } = new();
    /// <summary>nopCommerce's widget settings as saved (the plugin lists itself as an active widget).</summary>
    public Nop.Core.Domain.Cms.WidgetSettings WidgetSettings { get; set; } = new();
    public MyPayGaSettings StoreSettings => Settings[0];
    public OrderBook Orders { get; }
    public ILocker Locker { get; } = new InMemoryLocker();
    public ManualClock Clock { get; } = new();
    public InMemoryRepository<MyPayGaAttempt> AttemptRows { get; } = new(a => a.ReservationKey);
    public InMemoryRepository<MyPayGaRefund> RefundRows { get; } = new(r => r.LockKey);
    public InMemoryRepository<MyPayGaClaim> ClaimRows { get; } = new(c => c.ClaimKey);
    public Mock<IMyPayGaClient> Client { get; } = new();
    public Mock<IMyPayGaClientFactory> ClientFactory { get; } = new();
    public MyPayGaAccount? LastAccount { get; private set; }
    public ConcurrentDictionary<string, PaymentDetail> Details { get; }

    /// <summary>The plugin's tables as the plugin sees them (in memory by default, shared ones for a farm).</summary>
    public IRepository<MyPayGaAttempt> Attempts { get; }
    public IRepository<MyPayGaRefund> Refunds { get; }
    public IRepository<MyPayGaClaim> Claims { get; }
    public TimeSpan DetailDelay { get; set; }
    private int _detailReads;
    public int DetailReads => Volatile.Read(ref _detailReads);
    public IReadOnlyList<string> Log => _log.ToList();
    public CurrencySettings CurrencySettings { get; } = new() { PrimaryStoreCurrencyId = 1 };
    public List<Currency> Currencies { get; } = [new Currency { Id = 1, CurrencyCode = "XAF", Name = "CFA franc", Rate = 1m, Published = true, DisplayLocale = "fr-GA" }];
    public List<Store> Stores { get; } = [new Store { Id = 1, Name = "Boutique Libreville", Url = StoreLocation }];
    public Address BillingAddress { get; } = new() { Id = 9, FirstName = "Awa", LastName = "Nguema", Email = "awa@example.ga", PhoneNumber = "074 12 12 12" };
    public Customer Customer { get; } = new() { Id = 7, Email = "awa@example.ga", FirstName = "Awa", LastName = "Nguema", BillingAddressId = 9 };
    public List<Language> Languages { get; } =
    [
        new Language { Id = 1, Name = "English", LanguageCulture = "en-US", Published = true },
        new Language { Id = 2, Name = "Français", LanguageCulture = "fr-FR", Published = true },
        new Language { Id = 3, Name = "Français (Gabon)", LanguageCulture = "fr-GA", Published = false },
    ];
    public HttpContextAccessor HttpContextAccessor { get; } = new() { HttpContext = new DefaultHttpContext() };
    /// <summary>nopCommerce's message templates, e-mail accounts, tokens and queued e-mails, in memory.</summary>
    public InMemoryMessages Messages { get; }
    public EmailAccountSettings EmailAccountSettings { get; } = new() { DefaultEmailAccountId = 1 };
    public FixedZoneDateTimeHelper DateTimeHelper { get; } = new();

    public Mock<IOrderService> OrderService { get; } = new();
    public Mock<IOrderProcessingService> OrderProcessingService { get; } = new();
    public Mock<IGenericAttributeService> GenericAttributeService { get; } = new();
    public Mock<ISettingService> SettingService { get; } = new();
    public Mock<ILocalizationService> LocalizationService { get; } = new();
    public Mock<ILanguageService> LanguageService { get; } = new();
    public Mock<ILogger> Logger { get; } = new();
    public Mock<ICurrencyService> CurrencyService { get; } = new();
    public Mock<IAddressService> AddressService { get; } = new();
    public Mock<ICustomerService> CustomerService { get; } = new();
    public Mock<IStoreService> StoreService { get; } = new();
    public Mock<IStoreContext> StoreContext { get; } = new();
    public Mock<IWorkContext> WorkContext { get; } = new();
    public Mock<IWebHelper> WebHelper { get; } = new();
    /// <summary>nopCommerce's URL helper (the shopper's model factory builds its links with it); answers null unless set up.</summary>
    public Mock<INopUrlHelper> UrlHelper { get; } = new();
    /// <summary>nopCommerce's price formatter, following its rules (XAF amounts shown to shoppers).</summary>
    public NopLikePriceFormatter PriceFormatter { get; } = new();
    public Mock<IOrderTotalCalculationService> OrderTotalCalculationService { get; } = new();
    /// <summary>Empty carts unless a test sets it up (the payment step's amount in XAF reads it).</summary>
    public Mock<IShoppingCartService> ShoppingCartService { get; } = new();
    /// <summary>Does nothing unless a test sets it up (Moq answers null tasks).</summary>
    public Mock<IScheduleTaskService> ScheduleTaskService { get; } = new();
    /// <summary>The store's encryption (secret settings are stored encrypted; the clear ones of older versions still work).</summary>
    public FakeEncryptionService Encryption { get; } = new();

    public static MyPayGaSettings NewSettings() => new()
    {
        Environment = MyPayGaEnvironment.Test,
        TestSecretKey = SecretKey,
        TestPublicKey = PublicKey,
        StatusCacheSeconds = 5,
    };

    // ---- helpers ----

    public AsyncServiceScope CreateScope() => _provider.CreateAsyncScope();

    /// <summary>A service from a new scope (the scope lives as long as the harness; fine for tests).</summary>
    public T Get<T>() where T : notnull => _provider.CreateScope().ServiceProvider.GetRequiredService<T>();

    public T GetSingleton<T>() where T : notnull => _provider.GetRequiredService<T>();

    public MyPayGaPaymentMethod CreatePaymentMethod() =>
        ActivatorUtilities.CreateInstance<MyPayGaPaymentMethod>(_provider.CreateScope().ServiceProvider);

    /// <summary>An order placed with MyPayGa, as GetPaymentInfoAsync's hidden values leave it.</summary>
    public Order AddOrder(decimal total = 10_000m, PaymentChannel? channel = PaymentChannel.MobileMoney, string? phone = "074121212",
        Action<Order>? configure = null)
    {
        var values = new CustomValues();
        if (channel is { } c)
            values.Add(new(MyPayGaDefaults.ChannelCustomValue, c.ToString(), displayToCustomer: false));
        if (phone is not null)
            values.Add(new(MyPayGaDefaults.PhoneCustomValue, phone, displayToCustomer: false));
        return Orders.Add(o =>
        {
            o.OrderTotal = total;
            o.CustomValuesXml = values.SerializeToXml();
            configure?.Invoke(o);
        });
    }

    /// <summary>An order that already went through StartAsync once, with its attempt recorded.</summary>
    public async Task<(Order Order, MyPayGaAttempt Attempt)> AddStartedOrderAsync(decimal total = 10_000m,
        PaymentChannel channel = PaymentChannel.MobileMoney, string? phone = "074121212")
    {
        var order = AddOrder(total, channel, phone);
        var result = await Get<Nop.Plugin.Payments.MyPayGa.Services.IMyPayGaCheckoutService>().StartAsync(order, channel, channel == PaymentChannel.MobileMoney ? phone : null);
        if (!result.Success)
            throw new InvalidOperationException("Start failed: " + result.ErrorMessage);
        return (Orders.Stored(order.Id), result.Attempt!);
    }

    /// <summary>
    /// A new attempt for an order that already has one, as a shopper retrying later would: the clock moves past the
    /// push approval window first (a new push is refused while an earlier one may still be approved).
    /// </summary>
    public async Task<MyPayGaAttempt> StartAnotherAsync(Order order, PaymentChannel channel = PaymentChannel.MobileMoney, string? phone = "074121212")
    {
        Clock.Advance(TimeSpan.FromMinutes(StoreSettings.PushApprovalMinutes) + TimeSpan.FromSeconds(1));
        var result = await Get<Nop.Plugin.Payments.MyPayGa.Services.IMyPayGaCheckoutService>()
            .StartAsync(Orders.Stored(order.Id), channel, channel == PaymentChannel.MobileMoney ? phone : null);
        if (!result.Success)
            throw new InvalidOperationException("Start failed: " + result.ErrorMessage);
        return result.Attempt!;
    }

    /// <summary>The stored row of an attempt (fresh copy).</summary>
    public MyPayGaAttempt Stored(MyPayGaAttempt attempt) => AllAttempts.Single(a => a.Id == attempt.Id);

    public IReadOnlyList<MyPayGaAttempt> AttemptsOf(Order order) => AllAttempts.Where(a => a.OrderId == order.Id).OrderBy(a => a.Number).ToList();

    public IReadOnlyList<MyPayGaAttempt> AllAttempts => Attempts.GetAllAsync(q => q, getCacheKey: null).GetAwaiter().GetResult().ToList();

    public IReadOnlyList<MyPayGaRefund> AllRefunds => Refunds.GetAllAsync(q => q.OrderBy(r => r.Id), getCacheKey: null).GetAwaiter().GetResult().ToList();

    public IReadOnlyList<MyPayGaClaim> AllClaims => Claims.GetAllAsync(q => q.OrderBy(c => c.Id), getCacheKey: null).GetAwaiter().GetResult().ToList();

    public string? Attribute(Order order, string key) =>
        _attributes.TryGetValue(("Order", order.Id, key, 0), out var value) ? value : null;

    public void SetAttribute(Order order, string key, string value) => _attributes[("Order", order.Id, key, 0)] = value;

    public static PaymentDetail Pending(string token) => new() { PaymentToken = token };

    public static PaymentDetail Paid(string token, decimal amount, string text = "Success", string? merchantRef = null) => new()
    {
        PaymentToken = token,
        MerchantRef = merchantRef,
        PaymentMethod = "Mobile Money",
        OrderStatus = new MyPayGaStatus("200"),
        FinalStatus = new MyPayGaStatus("200"),
        MessageData = text,
        TotalAmount = amount,
    };

    public static PaymentDetail Failed(string token, string text = "Failed") => new()
    {
        PaymentToken = token,
        OrderStatus = new MyPayGaStatus("400"),
        FinalStatus = new MyPayGaStatus("400"),
        MessageData = text,
    };

    public static MyPayGaException ProviderDown(string endpoint = "paiement-detail") =>
        new(MyPayGaErrorKind.HttpError, endpoint, "MyPayGa answered HTTP 503.", httpStatus: 503);

    /// <summary>Every text the plugin wrote where a person may read it (notes, log); tests check no key is in it.</summary>
    public string EverythingWritten => string.Join("\n", Orders.AllNoteTexts.Concat(Log));

    /// <summary>Forgets the log and every call the mocks recorded (long runs: the benchmarks' memory figures).</summary>
    public void ClearRecords()
    {
        _log.Clear();
        foreach (var mock in new Mock[] { Client, ClientFactory, OrderService, OrderProcessingService, GenericAttributeService, SettingService,
                     LocalizationService, LanguageService, Logger, CurrencyService, AddressService, CustomerService, StoreService, StoreContext,
                     WorkContext, WebHelper, OrderTotalCalculationService, ScheduleTaskService })
            mock.Invocations.Clear();
    }

    public async ValueTask DisposeAsync() => await _provider.DisposeAsync();

    private void SetupNopServices()
    {
        OrderService.Setup(s => s.GetOrderByIdAsync(It.IsAny<int>())).ReturnsAsync((int id) => Orders.ById(id)!);
        OrderService.Setup(s => s.GetOrderByGuidAsync(It.IsAny<Guid>())).ReturnsAsync((Guid guid) => Orders.ByGuid(guid)!);
        OrderService.Setup(s => s.GetOrderByCustomOrderNumberAsync(It.IsAny<string>())).ReturnsAsync((string n) => Orders.ByCustomNumber(n)!);
        OrderService.Setup(s => s.UpdateOrderAsync(It.IsAny<Order>())).Returns((Order o) => { Orders.Save(o); return Task.CompletedTask; });
        OrderService.Setup(s => s.InsertOrderNoteAsync(It.IsAny<OrderNote>())).Returns((OrderNote n) => { Orders.AddNote(n); return Task.CompletedTask; });
        OrderService.Setup(s => s.GetOrderNotesByOrderIdAsync(It.IsAny<int>(), It.IsAny<bool?>()))
            .ReturnsAsync((int id, bool? _) => Orders.Notes(id).ToList());

        // SearchOrdersAsync as nopCommerce's: filters, not deleted, newest first, paged (or only counted).
        OrderService.Setup(s => s.SearchOrdersAsync(It.IsAny<int>(), It.IsAny<int>(), It.IsAny<int>(), It.IsAny<int>(),
                It.IsAny<int>(), It.IsAny<int>(), It.IsAny<int>(), It.IsAny<string>(), It.IsAny<DateTime?>(), It.IsAny<DateTime?>(),
                It.IsAny<List<int>>(), It.IsAny<List<int>>(), It.IsAny<List<int>>(), It.IsAny<string>(), It.IsAny<string>(),
                It.IsAny<string>(), It.IsAny<string>(), It.IsAny<int>(), It.IsAny<int>(), It.IsAny<bool>()))
            .Returns(new InvocationFunc(call =>
            {
                var a = call.Arguments;
                var storeId = (int)a[0]!;
                var systemName = (string?)a[7];
                var osIds = (List<int>?)a[10];
                var psIds = (List<int>?)a[11];
                var pageIndex = (int)a[17]!;
                var pageSize = (int)a[18]!;
                var countOnly = (bool)a[19]!;
                var rows = Orders.All()
                    .Where(o => storeId == 0 || o.StoreId == storeId)
                    .Where(o => string.IsNullOrEmpty(systemName) || o.PaymentMethodSystemName == systemName)
                    .Where(o => osIds is not { Count: > 0 } || osIds.Contains(o.OrderStatusId))
                    .Where(o => psIds is not { Count: > 0 } || psIds.Contains(o.PaymentStatusId))
                    .Where(o => !o.Deleted)
                    .OrderByDescending(o => o.CreatedOnUtc).ThenByDescending(o => o.Id)
                    .ToList();
                IPagedList<Order> page = countOnly
                    ? new PagedList<Order>([], pageIndex, pageSize, rows.Count)
                    : new PagedList<Order>(rows, pageIndex, pageSize);
                return Task.FromResult(page);
            }));

        OrderProcessingService.Setup(s => s.CanMarkOrderAsPaid(It.IsAny<Order>())).Returns((Order o) => OrderBook.CanMarkOrderAsPaid(o));
        OrderProcessingService.Setup(s => s.MarkOrderAsPaidAsync(It.IsAny<Order>())).Returns((Order o) => Orders.MarkOrderAsPaidAsync(o));
        OrderProcessingService.Setup(s => s.CanCancelOrder(It.IsAny<Order>())).Returns((Order o) => o.OrderStatus != OrderStatus.Cancelled);
        OrderProcessingService.Setup(s => s.CancelOrderAsync(It.IsAny<Order>(), It.IsAny<bool>())).Returns((Order o, bool _) => Orders.CancelOrderAsync(o));

        GenericAttributeService.Setup(s => s.GetAttributeAsync(It.IsAny<BaseEntity>(), It.IsAny<string>(), It.IsAny<int>(), It.IsAny<string>()))
            .ReturnsAsync((BaseEntity e, string key, int store, string fallback) =>
                _attributes.TryGetValue((e.GetType().Name, e.Id, key, store), out var value) ? value : fallback);
        GenericAttributeService.Setup(s => s.SaveAttributeAsync(It.IsAny<BaseEntity>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<int>()))
            .Returns((BaseEntity e, string key, string value, int store) =>
            {
                if (string.IsNullOrWhiteSpace(value))
                    _attributes.TryRemove((e.GetType().Name, e.Id, key, store), out _);
                else
                    _attributes[(e.GetType().Name, e.Id, key, store)] = value;
                return Task.CompletedTask;
            });

        SettingService.Setup(s => s.LoadSettingAsync<Nop.Core.Domain.Cms.WidgetSettings>(It.IsAny<int>())).ReturnsAsync(() => WidgetSettings);
        SettingService.Setup(s => s.SaveSettingAsync(It.IsAny<Nop.Core.Domain.Cms.WidgetSettings>(), It.IsAny<int>()))
            .Returns((Nop.Core.Domain.Cms.WidgetSettings saved, int _) => { WidgetSettings = saved; return Task.CompletedTask; });
        SettingService.Setup(s => s.LoadSettingAsync<MyPayGaSettings>(It.IsAny<int>()))
            .ReturnsAsync((int storeId) => Settings.TryGetValue(storeId, out var s) ? s : Settings[0]);

        LocalizationService.Setup(s => s.GetResourceAsync(It.IsAny<string>()))
            .ReturnsAsync((string key) => LocaleResources.English.TryGetValue(key, out var text) ? text : key);
        // Per language (order notes use the store's default language): 2 and 3 are French here.
        LocalizationService.Setup(s => s.GetResourceAsync(It.IsAny<string>(), It.IsAny<int>(), It.IsAny<bool>(), It.IsAny<string>(), It.IsAny<bool>()))
            .ReturnsAsync((string key, int languageId, bool _, string fallback, bool emptyIfMissing) =>
                (languageId is 2 or 3 ? LocaleResources.French : LocaleResources.English).TryGetValue(key, out var text) ? text
                : emptyIfMissing ? string.Empty : fallback);
        LanguageService.Setup(s => s.GetAllLanguagesAsync(It.IsAny<bool>(), It.IsAny<int>()))
            .ReturnsAsync((bool showHidden, int _) => Languages.Where(l => showHidden || l.Published).ToList());
        LanguageService.Setup(s => s.GetLanguageByIdAsync(It.IsAny<int>())).ReturnsAsync((int id) => Languages.FirstOrDefault(l => l.Id == id)!);

        void Record(string level, string message) => _log.Enqueue($"{level}: {message}");
        Logger.Setup(l => l.InformationAsync(It.IsAny<string>(), It.IsAny<Exception>(), It.IsAny<Customer>()))
            .Returns((string m, Exception e, Customer _) => { Record("info", m + e); return Task.CompletedTask; });
        Logger.Setup(l => l.WarningAsync(It.IsAny<string>(), It.IsAny<Exception>(), It.IsAny<Customer>()))
            .Returns((string m, Exception e, Customer _) => { Record("warning", m + e); return Task.CompletedTask; });
        Logger.Setup(l => l.ErrorAsync(It.IsAny<string>(), It.IsAny<Exception>(), It.IsAny<Customer>()))
            .Returns((string m, Exception e, Customer _) => { Record("error", m + e); return Task.CompletedTask; });
        Logger.Setup(l => l.InsertLogAsync(It.IsAny<Nop.Core.Domain.Logging.LogLevel>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<Customer>()))
            .Returns((Nop.Core.Domain.Logging.LogLevel level, string s, string f, Customer _) => { Record(level.ToString(), s + f); return Task.CompletedTask; });

        CurrencyService.Setup(s => s.GetCurrencyByIdAsync(It.IsAny<int>())).ReturnsAsync((int id) => Currencies.FirstOrDefault(c => c.Id == id)!);
        CurrencyService.Setup(s => s.GetCurrencyByCodeAsync(It.IsAny<string>()))
            .ReturnsAsync((string code) => Currencies.FirstOrDefault(c => string.Equals(c.CurrencyCode, code, StringComparison.OrdinalIgnoreCase))!);
        // nopCommerce converts through the rates relative to the primary exchange-rate currency; here the primary store
        // currency is that currency (rate 1), as in a default install.
        CurrencyService.Setup(s => s.ConvertFromPrimaryStoreCurrencyAsync(It.IsAny<decimal>(), It.IsAny<Currency>()))
            .ReturnsAsync((decimal amount, Currency target) => amount * target.Rate);

        AddressService.Setup(s => s.GetAddressByIdAsync(It.IsAny<int>())).ReturnsAsync((int id) => id == BillingAddress.Id ? BillingAddress : null!);
        CustomerService.Setup(s => s.GetCustomerByIdAsync(It.IsAny<int>())).ReturnsAsync((int id) => id == Customer.Id ? Customer : null!);
        StoreService.Setup(s => s.GetAllStoresAsync()).ReturnsAsync(() => Stores.ToList());
        StoreService.Setup(s => s.GetStoreByIdAsync(It.IsAny<int>())).ReturnsAsync((int id) => Stores.FirstOrDefault(s => s.Id == id)!);
        StoreContext.Setup(s => s.GetCurrentStoreAsync()).ReturnsAsync(() => Stores[0]);
        WorkContext.Setup(w => w.GetCurrentCustomerAsync()).ReturnsAsync(() => Customer);
        StoreContext.Setup(s => s.GetCurrentStore()).Returns(() => Stores[0]);
        WebHelper.Setup(w => w.GetStoreLocation(It.IsAny<bool?>())).Returns(StoreLocation);
        WorkContext.Setup(w => w.GetWorkingLanguageAsync()).ReturnsAsync(() => Languages[0]);
    }
}
