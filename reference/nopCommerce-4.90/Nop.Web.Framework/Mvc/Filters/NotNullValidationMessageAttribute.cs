using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Nop.Web.Framework.Mvc.Filters;

public sealed class NotNullValidationMessageAttribute : TypeFilterAttribute
{
    // reference: minimal working body for tests (the filter does nothing; nopCommerce's localizes "value required" messages)
    public NotNullValidationMessageAttribute() : base(typeof(PassThroughFilter))
    {
    }

    private sealed class PassThroughFilter : IAsyncActionFilter
    {
        public Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next) => next();
    }
}
