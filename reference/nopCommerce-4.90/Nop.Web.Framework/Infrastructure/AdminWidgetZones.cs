namespace Nop.Web.Framework.Infrastructure;

// Subset: the zones the plugin renders in. Each value must equal nopCommerce's exactly.
public static partial class AdminWidgetZones
{
    // reference: minimal working body for tests
    public static string OrderDetailsBlock => "admin_order_details_block";
}
