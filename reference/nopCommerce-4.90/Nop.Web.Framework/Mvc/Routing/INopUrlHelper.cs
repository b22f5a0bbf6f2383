namespace Nop.Web.Framework.Mvc.Routing;

// Subset: called by the plugin's shopper model factory, not implemented (the generic-slug and topic members are not
// declared). The optional parameters' defaults are compiled into the caller: they are nopCommerce's (all null).
public partial interface INopUrlHelper
{
    string RouteUrl(string routeName, object values = null, string protocol = null, string host = null, string fragment = null);
}
