using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Nop.Plugin.Payments.MyPayGa.Controllers;
using Nop.Plugin.Payments.MyPayGa.Domain;
using Nop.Plugin.Payments.MyPayGa.Models;
using Nop.Web.Framework.Components;

namespace Nop.Plugin.Payments.MyPayGa.Components;

/// <summary>The checkout's payment-info block: Mobile Money or card, and the phone number.</summary>
public class PaymentInfoViewComponent : NopViewComponent
{
    private readonly MyPayGaSettings _settings;

    public PaymentInfoViewComponent(MyPayGaSettings settings)
    {
        _settings = settings;
    }

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var model = await PrepareModelAsync(_settings, Request);
        return View(MyPayGaViewPaths.PaymentInfo, model);
    }

    /// <summary>The enabled channels, with what the shopper already posted (the form is shown again after an error).</summary>
    internal static async Task<PaymentInfoModel> PrepareModelAsync(MyPayGaSettings settings, HttpRequest request)
    {
        var model = new PaymentInfoModel
        {
            MobileMoneyEnabled = settings.MobileMoneyEnabled,
            CardEnabled = settings.CardEnabled,
            SelectedChannel = !settings.MobileMoneyEnabled && settings.CardEnabled ? PaymentChannel.Card : PaymentChannel.MobileMoney,
        };

        // The form cannot be read on GET requests.
        if (!HttpMethods.IsGet(request.Method) && request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            if (MyPayGaPaymentMethod.ReadChannel(form, settings) is ({ } channel, null))
                model.SelectedChannel = channel;

            var phone = form[MyPayGaDefaults.PhoneFormField].ToString().Trim();
            model.Phone = phone.Length == 0 ? null : phone;
        }

        return model;
    }
}
