using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.AspNetCore.Routing;
using Moq;
using Nop.Core;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Directory;
using Nop.Core.Domain.Localization;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Core.Domain.Stores;
using Nop.Plugin.Payments.MyPayGa.Localization;
using Nop.Plugin.Payments.MyPayGa.Services;
using Nop.Plugin.Payments.MyPayGa.Tests.Support;
using Nop.Services.Directory;
using Nop.Services.Localization;
using Nop.Web.Framework.Mvc.Routing;
using NUnit.Framework;

namespace Nop.Plugin.Payments.MyPayGa.Tests.Web;

/// <summary>Small fakes shared by the web tests: localisation, URLs, contexts and orders.</summary>
internal static class WebFakes
{
    public const int CustomerId = 7;
    public const int OtherCustomerId = 8;
    public const int StoreId = 1;
    public const string StoreUrl = "https://shop.example.ga/";

    /// <summary>Texts come from the plugin's English resources; a plugin key missing there fails the test.</summary>
    public static Mock<ILocalizationService> Localization()
    {
        var mock = new Mock<ILocalizationService>();
        mock.Setup(l => l.GetResourceAsync(It.IsAny<string>())).ReturnsAsync((string key) => English(key));
        return mock;
    }

    public static string English(string key)
    {
        if (LocaleResources.English.TryGetValue(key, out var text))
            return text;
        if (key.StartsWith(MyPayGaDefaults.ResourcePrefix, StringComparison.OrdinalIgnoreCase))
            throw new AssertionException($"The resource '{key}' is used but not declared.");
        return key; // a nopCommerce resource (e.g. Admin.Plugins.Saved)
    }

    /// <summary>Route URLs as "/{route name}?name=value&...", enough to tell them apart.</summary>
    public static Mock<IUrlHelper> Url()
    {
        var mock = new Mock<IUrlHelper>();
        mock.Setup(u => u.RouteUrl(It.IsAny<UrlRouteContext>())).Returns((UrlRouteContext context) => RouteUrl(context.RouteName!, context.Values));
        return mock;
    }

    /// <summary>nopCommerce's URL helper (what the model factories use), with the same "/{route name}?name=value" URLs.</summary>
    public static Mock<INopUrlHelper> NopUrl()
    {
        var mock = new Mock<INopUrlHelper>();
        mock.Setup(u => u.RouteUrl(It.IsAny<string>(), It.IsAny<object>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>()))
            .Returns((string routeName, object? values, string _, string _, string _) => RouteUrl(routeName, values));
        return mock;
    }

    public static string RouteUrl(string routeName, object? values)
    {
        var pairs = new RouteValueDictionary(values).Select(p => $"{p.Key}={p.Value}");
        return "/" + routeName + "?" + string.Join("&", pairs);
    }

    /// <summary>The store's XAF currency as a Gabonese store sets it up: display locale fr-GA, no custom formatting.</summary>
    public static Currency Xaf(Action<Currency>? configure = null)
    {
        var xaf = new Currency { Id = 1, CurrencyCode = "XAF", Name = "CFA franc", Rate = 1m, DisplayLocale = "fr-GA", Published = true };
        configure?.Invoke(xaf);
        return xaf;
    }

    /// <summary>An amount as nopCommerce writes it with that XAF currency: "12 500 FCFA" (the locale's narrow spaces).</summary>
    public static string GabonXaf(long amount) => amount.ToString("C", new System.Globalization.CultureInfo("fr-GA"));

    /// <summary>
    /// The plugin's XAF formatter over nopCommerce-like services: <paramref name="currencies"/> (the first is primary),
    /// the shopper's working currency (the primary one unless given) and nopCommerce's price formatting rules.
    /// </summary>
    public static XafAmountFormatter XafFormatter(IReadOnlyList<Currency>? currencies = null, Currency? working = null,
        NopLikePriceFormatter? priceFormatter = null)
    {
        currencies ??= [Xaf()];
        var currencyService = new Mock<ICurrencyService>();
        currencyService.Setup(c => c.GetCurrencyByIdAsync(It.IsAny<int>())).ReturnsAsync((int id) => currencies.FirstOrDefault(c => c.Id == id)!);
        currencyService.Setup(c => c.GetCurrencyByCodeAsync(It.IsAny<string>()))
            .ReturnsAsync((string code) => currencies.FirstOrDefault(c => string.Equals(c.CurrencyCode, code, StringComparison.OrdinalIgnoreCase))!);
        var workContext = WorkContext();
        workContext.Setup(w => w.GetWorkingLanguageAsync()).ReturnsAsync(new Language { Id = 2, LanguageCulture = "fr-FR" });
        workContext.Setup(w => w.GetWorkingCurrencyAsync()).ReturnsAsync(working ?? currencies[0]);
        return new XafAmountFormatter(new CurrencySettings { PrimaryStoreCurrencyId = currencies[0].Id }, currencyService.Object,
            priceFormatter ?? new NopLikePriceFormatter(), workContext.Object, Localization().Object);
    }

    public static Customer Customer(int id = CustomerId) => new() { Id = id };

    public static Mock<IWorkContext> WorkContext(int customerId = CustomerId)
    {
        var mock = new Mock<IWorkContext>();
        mock.Setup(w => w.GetCurrentCustomerAsync()).ReturnsAsync(Customer(customerId));
        return mock;
    }

    public static Mock<IStoreContext> StoreContext(int scope = 0, string? url = StoreUrl)
    {
        var mock = new Mock<IStoreContext>();
        mock.Setup(s => s.GetCurrentStoreAsync()).ReturnsAsync(new Store { Id = StoreId, Name = "Boutique", Url = url });
        mock.Setup(s => s.GetActiveStoreScopeConfigurationAsync()).ReturnsAsync(scope);
        return mock;
    }

    public static Order Order(Action<Order>? configure = null)
    {
        var order = new Order
        {
            Id = 1001,
            OrderGuid = Guid.NewGuid(),
            CustomOrderNumber = "1001",
            StoreId = StoreId,
            CustomerId = CustomerId,
            PaymentMethodSystemName = MyPayGaDefaults.SystemName,
            OrderTotal = 12_500m,
            CreatedOnUtc = DateTime.UtcNow.AddMinutes(-2),
        };
        order.PaymentStatus = PaymentStatus.Pending;
        order.OrderStatus = OrderStatus.Pending;
        configure?.Invoke(order);
        return order;
    }

    public static ControllerContext ControllerContext(HttpContext? httpContext = null) =>
        new() { HttpContext = httpContext ?? new DefaultHttpContext() };

    /// <summary>The plugin's source folder (views, content), found above the test's output folder.</summary>
    public static string PluginDirectory()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "Nop.Plugin.Payments.MyPayGa");
            if (File.Exists(Path.Combine(candidate, "Nop.Plugin.Payments.MyPayGa.csproj")))
                return candidate;
        }

        throw new DirectoryNotFoundException("The plugin's source folder was not found above the test folder.");
    }

    /// <summary>The route name and values of a redirect, as "/{name}?k=v".</summary>
    public static string Describe(RedirectToRouteResult redirect) => RouteUrl(redirect.RouteName!, redirect.RouteValues);
}
