using Nop.Plugin.Payments.MyPayGa.Domain;
using Nop.Web.Framework.Models;

namespace Nop.Plugin.Payments.MyPayGa.Models;

/// <summary>The retry page: pick the channel again and (re)enter the number.</summary>
public record RetryModel : BaseNopModel
{
    public Guid OrderGuid { get; set; }

    public string? CustomOrderNumber { get; set; }

    public string? AmountText { get; set; }

    public bool MobileMoneyEnabled { get; set; }

    public bool CardEnabled { get; set; }

    /// <summary>Posted as <see cref="MyPayGaDefaults.ChannelFormField"/>.</summary>
    public PaymentChannel SelectedChannel { get; set; }

    /// <summary>Posted as <see cref="MyPayGaDefaults.PhoneFormField"/>; prefilled with the last number used.</summary>
    public string? Phone { get; set; }

    /// <summary>Posted as <see cref="MyPayGaDefaults.CardPhoneFormField"/>; prefilled with the phone on file.</summary>
    public string? CardPhone { get; set; }

    /// <summary>No phone on file: a card payment needs one typed.</summary>
    public bool CardPhoneRequired { get; set; }

    /// <summary>No payment was started yet for the order (e.g. the store skips the payment-info step).</summary>
    public bool NoAttemptYet { get; set; }

    /// <summary>Why the last attempt failed, when it did.</summary>
    public string? LastFailureMessage { get; set; }

    /// <summary>Shown when the previous request may still be waiting on the phone.</summary>
    public bool PreviousRequestMayBePending { get; set; }

    public List<string> Errors { get; set; } = [];

    public string ChannelFieldName => MyPayGaDefaults.ChannelFormField;

    public string PhoneFieldName => MyPayGaDefaults.PhoneFormField;

    public string CardPhoneFieldName => MyPayGaDefaults.CardPhoneFormField;

    public bool SingleChannel => MobileMoneyEnabled != CardEnabled;
}
