namespace MyPayGa.Client.Phones;

public enum MobileOperator
{
    Unknown = 0,
    /// <summary>Airtel Money Gabon (074, 076, 077). MyPayGa code "AM".</summary>
    AirtelMoney,
    /// <summary>Moov Money Gabon (062, 065, 066). MyPayGa code "MC".</summary>
    MoovMoney,
}
