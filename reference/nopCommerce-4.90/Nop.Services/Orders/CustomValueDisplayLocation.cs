namespace Nop.Services.Orders;

public enum CustomValueDisplayLocation
{
    BillingAddress,
    ShippingAddress,
    Payment,
    Shipping
}
