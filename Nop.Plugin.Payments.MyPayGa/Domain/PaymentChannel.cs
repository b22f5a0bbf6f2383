namespace Nop.Plugin.Payments.MyPayGa.Domain;

/// <summary>How the shopper pays through MyPayGa.</summary>
public enum PaymentChannel
{
    MobileMoney = 0,
    Card = 1,

    /// <summary>
    /// A MyPayGa payment link (generateLink) made by an admin for an unpaid order: the shopper pays on MyPayGa's link page.
    /// Read with getLink; the attempt's token is "link:" + the link's reference (MyPayGa gives no payment token for it).
    /// </summary>
    Link = 2,
}
