using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Nop.Web.Framework.Mvc.Routing;

namespace MyPayGa.Browser.Tests.Host;

/// <summary>
/// nopCommerce's URL helper as the plugin's model factory uses it: the path of a named route for the current request
/// (nopCommerce builds it with MVC's URL helper; the link generator gives the same paths for the routes used here).
/// </summary>
public sealed class TestNopUrlHelper : INopUrlHelper
{
    private readonly LinkGenerator _links;
    private readonly IHttpContextAccessor _httpContextAccessor;

    public TestNopUrlHelper(LinkGenerator links, IHttpContextAccessor httpContextAccessor)
    {
        _links = links;
        _httpContextAccessor = httpContextAccessor;
    }

    public string RouteUrl(string routeName, object? values = null, string? protocol = null, string? host = null, string? fragment = null)
    {
        var context = _httpContextAccessor.HttpContext ?? throw new InvalidOperationException("No request.");
        return _links.GetPathByRouteValues(context, routeName, values) ?? string.Empty;
    }
}
