using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Directory;
using Nop.Services.Catalog;
using Nop.Services.Messages;
using Nop.Web.Framework.Models;

namespace MyPayGa.Browser.Tests.Host;

/// <summary>The admin's order details page (nopCommerce's OrderModel derives from BaseNopEntityModel, as this does).</summary>
public sealed record AdminOrderPageModel : BaseNopEntityModel
{
    public string CustomOrderNumber { get; init; } = string.Empty;
    public string OrderTotal { get; init; } = string.Empty;
    public string OrderStatus { get; init; } = string.Empty;
    public string PaymentStatus { get; init; } = string.Empty;
    public IReadOnlyList<(NotifyType Type, string Message)> Notifications { get; init; } = [];
}

/// <summary>
/// Stand-in for nopCommerce's admin Order/Edit page: its order form (with the antiforgery token) and the order details
/// block where nopCommerce renders the active widgets of admin_order_details_block — here the plugin's panel — and the
/// notifications the previous action left, as nopCommerce shows them on the next page.
/// </summary>
[Area("Admin")]
public sealed class OrderController : Controller
{
    public const string EditView = "~/Views/TestAdmin/OrderEdit.cshtml";

    private readonly OrderBook _orders;
    private readonly TestNotificationService _notifications;

    public OrderController(OrderBook orders, TestNotificationService notifications)
    {
        _orders = orders;
        _notifications = notifications;
    }

    [HttpGet]
    public IActionResult Edit(int id)
    {
        var order = _orders.Get(id);
        return View(EditView, new AdminOrderPageModel
        {
            Id = order.Id,
            CustomOrderNumber = order.CustomOrderNumber,
            OrderTotal = order.OrderTotal.ToString("N0", CultureInfo.InvariantCulture) + " XAF",
            OrderStatus = order.OrderStatus.ToString(),
            PaymentStatus = order.PaymentStatus.ToString(),
            Notifications = _notifications.Take(),
        });
    }

    /// <summary>nopCommerce's own "save" of the order form (not used by the plugin's buttons, which post elsewhere).</summary>
    [HttpPost]
    [ValidateAntiForgeryToken]
    public IActionResult Edit(int id, IFormCollection form) => RedirectToAction(nameof(Edit), new { id });
}

/// <summary>nopCommerce's notifications: kept until the next page shows them (nopCommerce keeps them in TempData).</summary>
public sealed class TestNotificationService : INotificationService
{
    private readonly ConcurrentQueue<(NotifyType, string)> _pending = new();

    public IReadOnlyList<(NotifyType Type, string Message)> Take()
    {
        var taken = new List<(NotifyType, string)>();
        while (_pending.TryDequeue(out var item))
            taken.Add(item);
        return taken;
    }

    public void Notification(NotifyType type, string message, bool encode = true, int timeout = 0) => _pending.Enqueue((type, message));

    public void SuccessNotification(string message, bool encode = true, int timeout = 0) => Notification(NotifyType.Success, message);

    public void WarningNotification(string message, bool encode = true, int timeout = 0) => Notification(NotifyType.Warning, message);

    public void ErrorNotification(string message, bool encode = true, int timeout = 0) => Notification(NotifyType.Error, message);

    public Task ErrorNotificationAsync(Exception exception, bool logException = true, int timeout = 0)
    {
        Notification(NotifyType.Error, exception.Message);
        return Task.CompletedTask;
    }
}

/// <summary>
/// nopCommerce's price formatting of a currency without custom formatting: "C" in the currency's display locale — for the
/// store's XAF currency (fr-GA) "6 000 FCFA", whatever the admin's page culture.
/// </summary>
public sealed class TestPriceFormatter : IPriceFormatter
{
    public Task<string> FormatPriceAsync(decimal price, bool showCurrency, Currency targetCurrency, int languageId, bool priceIncludesTax, bool showTax) =>
        Task.FromResult(price.ToString("C", new CultureInfo(targetCurrency.DisplayLocale)));
}
