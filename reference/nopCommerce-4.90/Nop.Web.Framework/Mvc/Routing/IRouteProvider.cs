using Microsoft.AspNetCore.Routing;

namespace Nop.Web.Framework.Mvc.Routing;

// Implemented by the plugin: every member is declared (see implemented-interfaces.txt).
public partial interface IRouteProvider
{
    void RegisterRoutes(IEndpointRouteBuilder endpointRouteBuilder);

    int Priority { get; }
}
