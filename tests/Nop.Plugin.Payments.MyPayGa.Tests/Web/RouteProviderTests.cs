using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Moq;
using MyPayGa.Client.Callbacks;
using Nop.Plugin.Payments.MyPayGa.Infrastructure;
using Nop.Plugin.Payments.MyPayGa.Services;
using NUnit.Framework;

namespace Nop.Plugin.Payments.MyPayGa.Tests.Web;

[TestFixture]
public sealed class RouteProviderTests
{
    private static WebApplication BuildApp(Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddControllersWithViews().AddApplicationPart(typeof(RouteProvider).Assembly);
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.UseRouting();
        new RouteProvider().RegisterRoutes(app);
        return app;
    }

    private static IReadOnlyList<RouteEndpoint> Endpoints(WebApplication app) =>
        ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>().ToList();

    public static IEnumerable<TestCaseData> ExpectedRoutes()
    {
        yield return new TestCaseData(MyPayGaDefaults.Routes.Configure, "Admin/MyPayGa/Configure", "MyPayGaConfiguration", "Configure", new[] { "GET", "POST" });
        yield return new TestCaseData(MyPayGaDefaults.Routes.TestConnection, "Admin/MyPayGa/TestConnection", "MyPayGaConfiguration", "TestConnection", new[] { "POST" });
        // Any method reaches the callback action, which answers 405 itself to all but GET and POST.
        yield return new TestCaseData(MyPayGaDefaults.Routes.Callback, "mypayga/callback", "MyPayGaCallback", "Handle", Array.Empty<string>());
        yield return new TestCaseData(MyPayGaDefaults.Routes.Pending, "mypayga/pending/{orderGuid:guid}", "MyPayGaPublic", "Pending", new[] { "GET" });
        yield return new TestCaseData(MyPayGaDefaults.Routes.Status, "mypayga/status/{orderGuid:guid}", "MyPayGaPublic", "Status", new[] { "GET" });
        yield return new TestCaseData(MyPayGaDefaults.Routes.Retry, "mypayga/retry/{orderGuid:guid}", "MyPayGaPublic", "Retry", new[] { "GET", "POST" });
        yield return new TestCaseData(MyPayGaDefaults.Routes.CardRedirect, "mypayga/card/{orderGuid:guid}", "MyPayGaPublic", "Card", new[] { "GET" });
        // MyPayGa may send the browser back with a GET or a POST (undocumented).
        yield return new TestCaseData(MyPayGaDefaults.Routes.ReturnSuccess, "mypayga/return/success", "MyPayGaPublic", "Return", new[] { "GET", "POST" });
        yield return new TestCaseData(MyPayGaDefaults.Routes.ReturnFailure, "mypayga/return/failure", "MyPayGaPublic", "Return", new[] { "GET", "POST" });
    }

    [TestCaseSource(nameof(ExpectedRoutes))]
    public async Task Every_route_is_registered_with_its_pattern_controller_and_methods(string name, string pattern, string controller, string action, string[] methods)
    {
        await using var app = BuildApp();

        var endpoints = Endpoints(app)
            .Where(e => e.Metadata.GetMetadata<IRouteNameMetadata>()?.RouteName == name)
            .Where(e => e.Metadata.GetMetadata<ControllerActionDescriptor>() is not null) // not the link-generation-only entries
            .ToList();

        Assert.That(endpoints, Is.Not.Empty, $"no endpoint for route {name}");
        Assert.That(endpoints.Select(e => e.RoutePattern.RawText).Distinct(), Is.EqualTo(new[] { pattern }));
        Assert.That(endpoints.Select(e => e.RoutePattern.RawText), Has.None.Contains("{lang").And.None.Contains("{language"),
            "MyPayGa calls these URLs as registered: no language prefix");
        var descriptors = endpoints.Select(e => e.Metadata.GetMetadata<ControllerActionDescriptor>()!).ToList();
        Assert.That(descriptors.Select(d => d.ControllerName).Distinct(), Is.EqualTo(new[] { controller }));
        Assert.That(descriptors.Select(d => d.ActionName).Distinct(), Is.EqualTo(new[] { action }));
        var verbs = endpoints.SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Distinct();
        Assert.That(verbs, Is.EquivalentTo(methods));
    }

    [Test]
    public void The_provider_can_be_created_by_nopCommerce_and_has_a_priority_above_the_generic_routes()
    {
        // nopCommerce's RoutePublisher creates providers with Activator.CreateInstance.
        var provider = (RouteProvider)Activator.CreateInstance(typeof(RouteProvider))!;
        Assert.That(provider.Priority, Is.GreaterThan(-1_000_000));
    }

    [Test]
    public async Task A_real_post_to_the_callback_url_reaches_the_handler_without_any_antiforgery_token()
    {
        RawCallbackRequest? received = null;
        var handler = new Mock<IMyPayGaCallbackHandler>();
        handler.Setup(h => h.HandleAsync(It.IsAny<RawCallbackRequest>(), It.IsAny<CancellationToken>()))
            .Callback((RawCallbackRequest r, CancellationToken _) => received = r)
            .ReturnsAsync(new CallbackResult(200, "Payment recorded."));
        await using var app = BuildApp(services =>
        {
            services.AddSingleton(handler.Object);
            services.AddSingleton(new Mock<Nop.Services.Logging.ILogger>().Object);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var client = new HttpClient { BaseAddress = new Uri(address) };

        using var post = await client.PostAsync("/mypayga/callback?x=1",
            new StringContent("payment_token=tok_1&order_status=200", Encoding.UTF8, "application/x-www-form-urlencoded"));
        using var get = await client.GetAsync("/mypayga/callback?payment_token=tok_2");
        using var put = await client.PutAsync("/mypayga/callback", new StringContent("{}"));

        Assert.That(post.StatusCode, Is.EqualTo(HttpStatusCode.OK), await post.Content.ReadAsStringAsync());
        Assert.That(await post.Content.ReadAsStringAsync(), Is.EqualTo("Payment recorded."));
        Assert.That(get.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
        Assert.That(put.Content.Headers.Allow, Is.EquivalentTo(new[] { "GET", "POST" }));
        handler.Verify(h => h.HandleAsync(It.Is<RawCallbackRequest>(r => r.Method == "PUT"), It.IsAny<CancellationToken>()), Times.Never);
        Assert.That(received!.QueryString, Is.EqualTo("?payment_token=tok_2"));
        handler.Verify(h => h.HandleAsync(It.Is<RawCallbackRequest>(r => r.Method == "POST" && r.Body == "payment_token=tok_1&order_status=200"),
            It.IsAny<CancellationToken>()), Times.Once);
        await app.StopAsync();
    }
}
