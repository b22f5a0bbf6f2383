using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Nop.Web.Framework.Mvc.Filters;

public sealed class ValidateIpAddressAttribute : TypeFilterAttribute
{
    // reference: minimal working body for tests (the filter checks nothing; nopCommerce's checks the admin IP allow-list)
    public ValidateIpAddressAttribute() : base(typeof(NoIpCheckFilter))
    {
    }

    private sealed class NoIpCheckFilter : IAsyncActionFilter
    {
        public Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next) => next();
    }
}
