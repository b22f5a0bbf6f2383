namespace Nop.Plugin.Payments.MyPayGa.Domain;

/// <summary>How the shopper pays through MyPayGa.</summary>
public enum PaymentChannel
{
    MobileMoney = 0,
    Card = 1,
}
