using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Nop.Plugin.Payments.MyPayGa.Controllers;
using Nop.Plugin.Payments.MyPayGa.Factories;
using Nop.Web.Framework.Components;

namespace Nop.Plugin.Payments.MyPayGa.Components;

/// <summary>The checkout's payment-info block: Mobile Money or card, and the phone number.</summary>
public class PaymentInfoViewComponent : NopViewComponent
{
    private readonly IMyPayGaPublicModelFactory _modelFactory;

    public PaymentInfoViewComponent(IMyPayGaPublicModelFactory modelFactory)
    {
        _modelFactory = modelFactory;
    }

    public async Task<IViewComponentResult> InvokeAsync()
    {
        // The form is shown again after a failed validation, with what the shopper posted; it cannot be read on GET.
        var posted = !HttpMethods.IsGet(Request.Method) && Request.HasFormContentType ? await Request.ReadFormAsync() : null;
        var model = await _modelFactory.PreparePaymentInfoModelAsync(posted);
        return View(MyPayGaViewPaths.PaymentInfo, model);
    }
}
