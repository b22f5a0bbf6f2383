using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Nop.Web.Framework.Mvc.Filters;

public sealed class AuthorizeAdminAttribute : TypeFilterAttribute
{
    // reference: minimal working body for tests (the filter checks nothing; nopCommerce's requires ACCESS_ADMIN_PANEL)
    public AuthorizeAdminAttribute(bool ignore = false) : base(typeof(NoAdminCheckFilter))
    {
        IgnoreFilter = ignore;
    }

    public bool IgnoreFilter { get; }

    private sealed class NoAdminCheckFilter : IAsyncAuthorizationFilter
    {
        public Task OnAuthorizationAsync(AuthorizationFilterContext context) => Task.CompletedTask;
    }
}
