using Microsoft.Extensions.DependencyInjection;

namespace Nop.Web.Framework.Infrastructure.Extensions;

public static class HttpClientBuilderExtensions
{
    // Returns void in nopCommerce 4.90: chain other builder calls before it.
    // reference: minimal working body for tests (no proxy; nopCommerce sets the primary handler from ProxySettings)
    public static void WithProxy(this IHttpClientBuilder httpClientBuilder)
    {
    }
}
