using MyPayGa.Client.Phones;
using static Nop.Plugin.Payments.MyPayGa.Localization.LocaleResources;

namespace Nop.Plugin.Payments.MyPayGa.Models;

/// <summary>How a stored phone number is shown to its owner: masked, with the operator when known.</summary>
public static class PhoneDisplay
{
    /// <summary>"074 ••• •11"; null when there is no readable number.</summary>
    public static string? Mask(string? phone) =>
        PhoneNumber.TryParse(phone, out var parsed, out _) ? parsed!.Masked : null;

    /// <summary>The resource key of the operator's name, or null when not recognised.</summary>
    public static string? OperatorResourceKey(string? phone)
    {
        if (!PhoneNumber.TryParse(phone, out var parsed, out _))
            return null;

        return parsed!.Operator switch
        {
            MobileOperator.AirtelMoney => WebKeys.OperatorAirtelMoney,
            MobileOperator.MoovMoney => WebKeys.OperatorMoovMoney,
            _ => null,
        };
    }
}
