using Nop.Core.Configuration;

namespace Nop.Core.Domain.Orders;

// Subset of the order settings.
public partial class OrderSettings : ISettings
{
    public bool AnonymousCheckoutAllowed { get; set; }

    public bool CheckoutDisabled { get; set; }

    public bool OnePageCheckoutEnabled { get; set; }

    public bool DisableOrderCompletedPage { get; set; }

    public string CustomOrderNumberMask { get; set; }

    public bool DisplayCustomerCurrencyOnOrders { get; set; }

    public bool PlaceOrderWithLock { get; set; }

    public bool AllowCustomersCancelOrders { get; set; }
}
