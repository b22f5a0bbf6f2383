using System.Globalization;
using Microsoft.AspNetCore.Http;
using Nop.Core;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Directory;
using Nop.Core.Domain.Localization;

namespace MyPayGa.Browser.Tests.Host;

/// <summary>
/// The current customer is the one named by the <see cref="CookieName"/> cookie (each browser context of a test is one
/// shopper); without it, a guest that owns no order. The working currency is XAF unless <see cref="CurrencyCookieName"/> says EUR.
/// </summary>
public sealed class TestWorkContext : IWorkContext
{
    public const string CookieName = "test_customer";

    /// <summary>"EUR": the shopper chose to see prices in euros (the store's primary currency stays XAF).</summary>
    public const string CurrencyCookieName = "test_currency";

    /// <summary>The euro as a store adds it next to XAF (a shopper may pick it to see prices).</summary>
    public static readonly Currency Euro = new() { Id = 2, Name = "Euro", CurrencyCode = "EUR", Rate = 0.0015245m, DisplayLocale = "fr-FR", Published = true };

    private readonly IHttpContextAccessor _httpContextAccessor;
    private readonly OrderBook _orders;
    private readonly Currency _xaf;

    public TestWorkContext(IHttpContextAccessor httpContextAccessor, OrderBook orders, Currency xaf)
    {
        _httpContextAccessor = httpContextAccessor;
        _orders = orders;
        _xaf = xaf;
    }

    public Task<Customer> GetCurrentCustomerAsync()
    {
        var cookie = _httpContextAccessor.HttpContext?.Request.Cookies[CookieName];
        var customer = int.TryParse(cookie, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? _orders.GetCustomer(id) : null;
        return Task.FromResult(customer ?? new Customer { Id = 0, Active = true });
    }

    public Task SetCurrentCustomerAsync(Customer? customer = null) => throw new NotSupportedException();

    public Customer OriginalCustomerIfImpersonated => null!;

    public Task<Language> GetWorkingLanguageAsync() =>
        Task.FromResult(new Language { Id = 1, Name = "English", LanguageCulture = "en-US", UniqueSeoCode = "en", Published = true });

    public Task SetWorkingLanguageAsync(Language language) => throw new NotSupportedException();

    public Task<Currency> GetWorkingCurrencyAsync() =>
        Task.FromResult(_httpContextAccessor.HttpContext?.Request.Cookies[CurrencyCookieName] == "EUR" ? Euro : _xaf);

    public Task SetWorkingCurrencyAsync(Currency currency) => throw new NotSupportedException();
}
