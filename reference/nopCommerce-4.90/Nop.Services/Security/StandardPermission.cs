namespace Nop.Services.Security;

// Subset of the permission system names; each value must equal nopCommerce's exactly.
public partial class StandardPermission
{
    public partial class Orders
    {
        public const string ORDERS_VIEW = "Orders.OrdersView";

        public const string ORDERS_CREATE_EDIT_DELETE = "Orders.OrdersCreateEditDelete";
    }

    public partial class Configuration
    {
        public const string MANAGE_SETTINGS = "Configuration.ManageSettings";

        public const string MANAGE_PAYMENT_METHODS = "Configuration.ManagePaymentMethods";

        public const string MANAGE_PLUGINS = "Configuration.ManagePlugins";
    }

    public partial class Security
    {
        public const string ACCESS_ADMIN_PANEL = "Security.AccessAdminPanel";
    }
}
