namespace Nop.Core.Http;

// Subset of the route names; each value must equal nopCommerce's exactly.
public static partial class NopRouteNames
{
    public static partial class General
    {
        public const string LOGIN = "Login";

        public const string HOMEPAGE = "Homepage";

        public const string CUSTOMER_ORDERS = "CustomerOrders";

        public const string CART = "ShoppingCart";
    }

    public static partial class Standard
    {
        public const string CHECKOUT = "Checkout";

        public const string CHECKOUT_ONE_PAGE = "CheckoutOnePage";

        public const string CHECKOUT_PAYMENT_METHOD = "CheckoutPaymentMethod";

        public const string CHECKOUT_PAYMENT_INFO = "CheckoutPaymentInfo";

        public const string CHECKOUT_CONFIRM = "CheckoutConfirm";

        public const string CHECKOUT_COMPLETED = "CheckoutCompleted";

        public const string ORDER_DETAILS = "OrderDetails";
    }
}
