using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Nop.Web.Framework;
using Nop.Web.Framework.Mvc.Routing;

namespace Nop.Plugin.Payments.MyPayGa.Infrastructure;

/// <summary>
/// The plugin's routes. None has a language prefix: MyPayGa calls the callback and return URLs exactly as they
/// were registered in its dashboard, and the shopper's pages are reached by redirects built from these names.
/// </summary>
public class RouteProvider : IRouteProvider
{
    public const string CallbackController = "MyPayGaCallback";
    public const string PublicController = "MyPayGaPublic";
    public const string ConfigurationController = "MyPayGaConfiguration";

    public void RegisterRoutes(IEndpointRouteBuilder endpointRouteBuilder)
    {
        endpointRouteBuilder.MapControllerRoute(name: MyPayGaDefaults.Routes.Configure,
            pattern: "Admin/MyPayGa/Configure",
            defaults: new { controller = ConfigurationController, action = "Configure", area = AreaNames.ADMIN });

        endpointRouteBuilder.MapControllerRoute(name: MyPayGaDefaults.Routes.TestConnection,
            pattern: "Admin/MyPayGa/TestConnection",
            defaults: new { controller = ConfigurationController, action = "TestConnection", area = AreaNames.ADMIN });

        endpointRouteBuilder.MapControllerRoute(name: MyPayGaDefaults.Routes.Callback,
            pattern: MyPayGaDefaults.Routes.CallbackPath,
            defaults: new { controller = CallbackController, action = "Handle" });

        endpointRouteBuilder.MapControllerRoute(name: MyPayGaDefaults.Routes.Pending,
            pattern: MyPayGaDefaults.Routes.PendingPath,
            defaults: new { controller = PublicController, action = "Pending" });

        endpointRouteBuilder.MapControllerRoute(name: MyPayGaDefaults.Routes.Status,
            pattern: MyPayGaDefaults.Routes.StatusPath,
            defaults: new { controller = PublicController, action = "Status" });

        endpointRouteBuilder.MapControllerRoute(name: MyPayGaDefaults.Routes.Retry,
            pattern: MyPayGaDefaults.Routes.RetryPath,
            defaults: new { controller = PublicController, action = "Retry" });

        endpointRouteBuilder.MapControllerRoute(name: MyPayGaDefaults.Routes.CardRedirect,
            pattern: MyPayGaDefaults.Routes.CardRedirectPath,
            defaults: new { controller = PublicController, action = "Card" });

        endpointRouteBuilder.MapControllerRoute(name: MyPayGaDefaults.Routes.ReturnSuccess,
            pattern: MyPayGaDefaults.Routes.ReturnSuccessPath,
            defaults: new { controller = PublicController, action = "Return", outcome = "success" });

        endpointRouteBuilder.MapControllerRoute(name: MyPayGaDefaults.Routes.ReturnFailure,
            pattern: MyPayGaDefaults.Routes.ReturnFailurePath,
            defaults: new { controller = PublicController, action = "Return", outcome = "failure" });
    }

    /// <summary>Ahead of nopCommerce's generic slug routes (negative priority); the paths are literal anyway.</summary>
    public int Priority => 0;
}
