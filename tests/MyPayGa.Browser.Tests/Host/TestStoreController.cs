using System.Net;
using Microsoft.AspNetCore.Mvc;
using Nop.Core;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Core.Http;
using Nop.Plugin.Payments.MyPayGa;
using Nop.Services.Orders;
using Nop.Services.Payments;

namespace MyPayGa.Browser.Tests.Host;

/// <summary>The page model of the test checkout page.</summary>
public sealed record CheckoutPageModel(IReadOnlyList<string> Errors);

/// <summary>
/// The parts of nopCommerce's public store around the plugin: a checkout page holding the plugin's payment-info
/// view component whose "Confirm" places the order and calls the payment method like nopCommerce's checkout does
/// (ValidatePaymentFormAsync, GetPaymentInfoAsync, ProcessPaymentAsync, PostProcessPaymentAsync), and stand-ins for
/// the pages the plugin links to (checkout completed, order details, customer orders).
/// </summary>
public sealed class TestStoreController : Controller
{
    public const decimal OrderTotal = 12_500m;
    public const string CheckoutView = "~/Views/TestStore/Checkout.cshtml";

    private readonly IWorkContext _workContext;
    private readonly OrderBook _orders;
    private readonly MyPayGaPaymentMethod _paymentMethod;

    public TestStoreController(IWorkContext workContext, OrderBook orders, MyPayGaPaymentMethod paymentMethod)
    {
        _workContext = workContext;
        _orders = orders;
        _paymentMethod = paymentMethod;
    }

    [HttpGet("test/checkout")]
    public IActionResult Checkout() => View(CheckoutView, new CheckoutPageModel([]));

    [HttpPost("test/checkout")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Confirm()
    {
        var customer = await _workContext.GetCurrentCustomerAsync();
        if (customer.Id == 0)
            return Unauthorized();

        var form = await Request.ReadFormAsync();
        var errors = await _paymentMethod.ValidatePaymentFormAsync(form);
        if (errors.Count > 0)
            return View(CheckoutView, new CheckoutPageModel(errors.ToList()));

        var paymentRequest = await _paymentMethod.GetPaymentInfoAsync(form);
        paymentRequest.OrderGuid = Guid.NewGuid();
        paymentRequest.StoreId = StoreHost.StoreId;
        paymentRequest.CustomerId = customer.Id;
        paymentRequest.OrderTotal = OrderTotal;
        paymentRequest.PaymentMethodSystemName = MyPayGaDefaults.SystemName;
        var processed = await _paymentMethod.ProcessPaymentAsync(paymentRequest);
        if (!processed.Success)
            return View(CheckoutView, new CheckoutPageModel(processed.Errors.ToList()));

        var order = _orders.Place(new Order
        {
            OrderGuid = paymentRequest.OrderGuid,
            StoreId = StoreHost.StoreId,
            CustomerId = customer.Id,
            BillingAddressId = customer.BillingAddressId ?? 0,
            OrderStatus = OrderStatus.Pending,
            PaymentStatus = processed.NewPaymentStatus,
            PaymentMethodSystemName = MyPayGaDefaults.SystemName,
            CustomerCurrencyCode = "XAF",
            CurrencyRate = 1m,
            OrderSubtotalInclTax = OrderTotal,
            OrderSubtotalExclTax = OrderTotal,
            OrderTotal = OrderTotal,
            CustomValuesXml = paymentRequest.CustomValues.SerializeToXml(),
            CustomerLanguageId = 1,
            CreatedOnUtc = DateTime.UtcNow,
        });

        // Redirection payment method: nopCommerce hands over to PostProcessPaymentAsync, which redirects by itself.
        await _paymentMethod.PostProcessPaymentAsync(new PostProcessPaymentRequest { Order = order });
        if (Response.StatusCode is >= 300 and < 400)
            return new EmptyResult();

        return RedirectToRoute(NopRouteNames.Standard.CHECKOUT_COMPLETED, new { orderId = order.Id });
    }

    [HttpGet("checkout/completed/{orderId:int}", Name = NopRouteNames.Standard.CHECKOUT_COMPLETED)]
    public IActionResult Completed(int orderId) => StandIn($"Order completed #{orderId}", "Thank you, your order has been processed.");

    [HttpGet("orderdetails/{orderId:int}", Name = NopRouteNames.Standard.ORDER_DETAILS)]
    public IActionResult OrderDetails(int orderId) => StandIn($"Order details #{orderId}", "The store's order details page.");

    [HttpGet("customer/orders", Name = NopRouteNames.General.CUSTOMER_ORDERS)]
    public IActionResult CustomerOrders() => StandIn("My orders", "The store's order list.");

    private ContentResult StandIn(string title, string text) => new()
    {
        ContentType = "text/html; charset=utf-8",
        Content = $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>{WebUtility.HtmlEncode(title)}</title>
            <link href="/css/store.css" rel="stylesheet"></head>
            <body><div class="master-wrapper-page"><div class="header"><span class="store-name">Test store</span></div>
            <div class="master-wrapper-content"><section class="center-1"><div class="page">
            <div class="page-title"><h1>{WebUtility.HtmlEncode(title)}</h1></div>
            <div class="page-body"><p>{WebUtility.HtmlEncode(text)}</p></div></div></section></div></div></body></html>
            """,
    };
}
