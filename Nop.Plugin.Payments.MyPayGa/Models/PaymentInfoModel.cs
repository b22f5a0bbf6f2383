using Nop.Plugin.Payments.MyPayGa.Domain;
using Nop.Web.Framework.Models;

namespace Nop.Plugin.Payments.MyPayGa.Models;

/// <summary>The checkout's payment-info block: channel choice and phone number.</summary>
public record PaymentInfoModel : BaseNopModel
{
    public bool MobileMoneyEnabled { get; set; }

    public bool CardEnabled { get; set; }

    public PaymentChannel SelectedChannel { get; set; }

    /// <summary>The number as the shopper typed it (prefilled after a failed validation).</summary>
    public string? Phone { get; set; }

    /// <summary>Card: the phone for MyPayGa's receipt, prefilled with the billing phone.</summary>
    public string? CardPhone { get; set; }

    /// <summary>Card: no phone on file, so the shopper must type one (gethash requires it).</summary>
    public bool CardPhoneRequired { get; set; }

    /// <summary>
    /// What MyPayGa will take in XAF for the cart ("6 560 FCFA"), when the shopper sees prices in another currency;
    /// null otherwise (or when the cart total cannot be known yet).
    /// </summary>
    public string? XafAmountText { get; set; }

    public string ChannelFieldName => MyPayGaDefaults.ChannelFormField;

    public string PhoneFieldName => MyPayGaDefaults.PhoneFormField;

    public string CardPhoneFieldName => MyPayGaDefaults.CardPhoneFormField;

    /// <summary>Only one channel is enabled: no choice to show.</summary>
    public bool SingleChannel => MobileMoneyEnabled != CardEnabled;
}
