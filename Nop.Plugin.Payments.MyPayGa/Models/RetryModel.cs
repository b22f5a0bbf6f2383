using Nop.Plugin.Payments.MyPayGa.Domain;
using Nop.Web.Framework.Models;

namespace Nop.Plugin.Payments.MyPayGa.Models;

/// <summary>Why the retry page cannot start a new payment right now.</summary>
public enum RetryBlock
{
    /// <summary>A new payment may be asked for.</summary>
    None,
    /// <summary>An earlier Mobile Money request may still be approved on the phone: a new one waits until it expires.</summary>
    EarlierPushPending,
    /// <summary>Money was received that the store must look at first: no new payment at all (no form).</summary>
    AwaitingReview,
    /// <summary>Another request (a second tab, a double click) is starting a payment for this order right now.</summary>
    AlreadyStarting,
}

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

    /// <summary>The Mobile Money number the failed attempt went to, masked ("074 ••• •11"); never prefilled again.</summary>
    public string? LastFailedPhone { get; set; }

    /// <summary>
    /// The last Mobile Money request has no final answer from MyPayGa yet, although a new one may be asked: it may still
    /// be waiting on the phone.
    /// </summary>
    public bool PreviousRequestMayBePending { get; set; }

    /// <summary>Why no new payment can start right now (the page says why and what to do).</summary>
    public RetryBlock Block { get; set; }

    /// <summary>The explanation of <see cref="Block"/> (localised).</summary>
    public string? BlockMessage { get; set; }

    /// <summary>EarlierPushPending: seconds until a new request may be asked (the page counts down from there).</summary>
    public int WaitSeconds { get; set; }

    /// <summary>The order's pending page, where the earlier payment is followed.</summary>
    public string? PendingUrl { get; set; }

    /// <summary>The store's order details page.</summary>
    public string? OrderDetailsUrl { get; set; }

    /// <summary>No form while money received waits for the store: paying again is not possible.</summary>
    public bool ShowForm => Block != RetryBlock.AwaitingReview;

    public List<string> Errors { get; set; } = [];

    public string ChannelFieldName => MyPayGaDefaults.ChannelFormField;

    public string PhoneFieldName => MyPayGaDefaults.PhoneFormField;

    public string CardPhoneFieldName => MyPayGaDefaults.CardPhoneFormField;

    public bool SingleChannel => MobileMoneyEnabled != CardEnabled;
}
