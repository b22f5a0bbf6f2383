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

    public string ChannelFieldName => MyPayGaDefaults.ChannelFormField;

    public string PhoneFieldName => MyPayGaDefaults.PhoneFormField;

    /// <summary>Only one channel is enabled: no choice to show.</summary>
    public bool SingleChannel => MobileMoneyEnabled != CardEnabled;
}
