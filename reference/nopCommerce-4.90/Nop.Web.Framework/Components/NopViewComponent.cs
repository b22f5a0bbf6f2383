using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewComponents;

namespace Nop.Web.Framework.Components;

// nopCommerce also publishes a "model prepared" event from View<TModel>; the reference only renders.
public abstract partial class NopViewComponent : ViewComponent
{
    // reference: minimal working body for tests
    public new ViewViewComponentResult View<TModel>(string viewName, TModel model) => base.View(viewName, model);

    // reference: minimal working body for tests
    public new ViewViewComponentResult View<TModel>(TModel model) => base.View(model);

    // reference: minimal working body for tests
    public new ViewViewComponentResult View(string viewName) => base.View(viewName);
}
