using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Primitives;

namespace Nop.Web.Framework.Controllers;

// Base class of the plugin's controllers (through BasePluginController / BasePaymentController).
// nopCommerce's class-level filter attributes ([HttpsRequirement], [PublishModelEvents], [SaveIpAddress], ...)
// are not reproduced: at run time the real BaseController and its filters are used.
// Not declared: AddLocalesAsync (needs ILocalizedLocaleModel).
public abstract partial class BaseController : Controller
{
    protected virtual Task<string> RenderViewComponentToStringAsync(Type componentType, object arguments = null) => throw null;

    protected virtual Task<string> RenderPartialViewToStringAsync(string viewName, object model) => throw null;

    protected JsonResult ErrorJson(string error) => throw null;

    protected JsonResult ErrorJson(object errors) => throw null;

    protected virtual void DisplayEditLink(string editPageUrl) => throw null;

    protected virtual IActionResult AccessDeniedView() => throw null;

    protected virtual Task<JsonResult> AccessDeniedJsonAsync() => throw null;

    public virtual void SaveSelectedCardName(string cardName, bool persistForTheNextRequest = true) => throw null;

    public virtual Task SaveSelectedTabNameAsync(string tabName = "", bool persistForTheNextRequest = true) => throw null;

    protected virtual void SaveSelectedTabName(string tabName, StringValues selectedTabName, string dataKeyPrefix, bool persistForTheNextRequest) => throw null;
}
