using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using MyPayGa.Client.Phones;
using Nop.Core;
using Nop.Plugin.Payments.MyPayGa.Controllers;
using Nop.Plugin.Payments.MyPayGa.Domain;
using Nop.Plugin.Payments.MyPayGa.Models;
using Nop.Plugin.Payments.MyPayGa.Services;
using Nop.Web.Framework.Components;

namespace Nop.Plugin.Payments.MyPayGa.Components;

/// <summary>The checkout's payment-info block: Mobile Money or card, and the phone number.</summary>
public class PaymentInfoViewComponent : NopViewComponent
{
    private readonly MyPayGaSettings _settings;
    private readonly IWorkContext _workContext;
    private readonly IMyPayGaCheckoutService _checkoutService;

    public PaymentInfoViewComponent(MyPayGaSettings settings, IWorkContext workContext, IMyPayGaCheckoutService checkoutService)
    {
        _settings = settings;
        _workContext = workContext;
        _checkoutService = checkoutService;
    }

    public async Task<IViewComponentResult> InvokeAsync()
    {
        // A card payment needs a phone (gethash): the billing phone, when there is one, is prefilled.
        var phoneOnFile = MyPayGaCheckoutService.IsEnabled(_settings, PaymentChannel.Card)
            ? await _checkoutService.GetPhoneOnFileAsync(await _workContext.GetCurrentCustomerAsync())
            : null;
        var model = await PrepareModelAsync(_settings, Request, phoneOnFile);
        return View(MyPayGaViewPaths.PaymentInfo, model);
    }

    /// <summary>The enabled channels, with what the shopper already posted (the form is shown again after an error).</summary>
    internal static async Task<PaymentInfoModel> PrepareModelAsync(MyPayGaSettings settings, HttpRequest request, PhoneNumber? phoneOnFile = null)
    {
        // A card also needs the public key: the same rule as the form's validation.
        var mobileMoney = MyPayGaCheckoutService.IsEnabled(settings, PaymentChannel.MobileMoney);
        var card = MyPayGaCheckoutService.IsEnabled(settings, PaymentChannel.Card);
        var model = new PaymentInfoModel
        {
            MobileMoneyEnabled = mobileMoney,
            CardEnabled = card,
            SelectedChannel = !mobileMoney && card ? PaymentChannel.Card : PaymentChannel.MobileMoney,
            CardPhone = phoneOnFile?.Display,
            CardPhoneRequired = card && phoneOnFile is null,
        };

        // The form cannot be read on GET requests.
        if (!HttpMethods.IsGet(request.Method) && request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            if (MyPayGaPaymentMethod.ReadChannel(form, settings) is ({ } channel, null))
                model.SelectedChannel = channel;

            var phone = form[MyPayGaDefaults.PhoneFormField].ToString().Trim();
            model.Phone = phone.Length == 0 ? null : phone;
            if (form.ContainsKey(MyPayGaDefaults.CardPhoneFormField))
            {
                var cardPhone = form[MyPayGaDefaults.CardPhoneFormField].ToString().Trim();
                model.CardPhone = cardPhone.Length == 0 ? null : cardPhone;
            }
        }

        return model;
    }
}
