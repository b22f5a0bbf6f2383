namespace MyPayGa.Sandbox.Domain;

/// <summary>A mobile-money operator as the sandbox reports it.</summary>
/// <param name="Name">Name as in the test data table ("Airtel Money").</param>
/// <param name="Code">pmt_banque code in paiement-detail ("AM").</param>
public sealed record Operator(string Name, string Code)
{
    public static readonly Operator Airtel = new("Airtel Money", "AM");
    public static readonly Operator Moov = new("Moov Money", "MC");
    public static readonly Operator Orange = new("Orange Money", "OM");
}

/// <summary>One row of the documented mobile-money test data.</summary>
public sealed record MobileTestNumber(string Number, string Code, string Status, string Message, Operator Operator)
{
    public bool Succeeds => Code == "200";
}

/// <summary>One row of the documented card test data. Every row has code "200": the status text decides.</summary>
public sealed record CardTestNumber(string Number, string Code, string Status, string Message, string Brand, bool Succeeds)
{
    public string Last4 => Number[^4..];
}

/// <summary>
/// The test data of MyPayGa's reference ("Données de tests", api-reference-fr.txt), line by line.
/// A correction to the documented behaviour is a one-line change here.
/// </summary>
public static class TestData
{
    public const string LongSuccessMessage =
        "Trans ID: MPDDDD.YYYY.A3XXX. Votre PAIEMENT de XXXX FCFA a MTECH pour reference Testing transaction a ete effectue avec succes.";
    public const string InsufficientFunds = "Dear customer,you have insuffient funds. Thank you.";

    public static readonly IReadOnlyList<MobileTestNumber> MobileNumbers =
    [
        new("074111111", "200", "Success", LongSuccessMessage, Operator.Airtel),
        new("074121212", "200", "Success", "Payment success", Operator.Airtel),
        new("074131313", "400", "Failed", InsufficientFunds, Operator.Airtel),
        new("650121212", "200", "Success", LongSuccessMessage, Operator.Orange),
        new("650131313", "400", "Failed", InsufficientFunds, Operator.Orange),
        new("242056549200", "200", "Success", "Payment success", Operator.Airtel),
        new("242056549400", "400", "Failed", InsufficientFunds, Operator.Airtel),
        new("09306315", "400", "Failed", InsufficientFunds, Operator.Orange),
        new("09306316", "200", "Success", "Payment success OM CI", Operator.Orange),
        new("07306316", "200", "Success", "Payment success OM CI", Operator.Orange),
        new("074151522", "200", "Success", "Payment success", Operator.Airtel),
        new("077508412", "200", "Success", "Payment success", Operator.Airtel),
    ];

    public static readonly IReadOnlyList<CardTestNumber> Cards =
    [
        new("4285220922286457", "200", "Success", "PAYMENT SUCCESS", "VISA", Succeeds: true),
        new("4242937137682335", "200", "Refus solde ins", "PAYMENT FAILED, INSUF FUND", "VISA", Succeeds: false),
        new("4005075690593537", "200", "Refus Risk", "PAYMENT DECLINED, CONTACT YOUR BANK.", "VISA", Succeeds: false),
        new("4102972145002274", "200", "Refus carte volée", "PAYMENT DECLINED, CONTACT YOUR BANK.", "VISA", Succeeds: false),
        new("5335406367416736", "200", "Acceptée avec Risk", "PAYMENT SUCCESS", "MASTERCARD", Succeeds: true),
    ];

    /// <summary>Sandbox answer for a phone number that is not in the table (invented: the reference is silent).</summary>
    public const string UnknownNumberMessage =
        "Numéro de test inconnu : utilisez un numéro de test de la documentation.";

    /// <summary>Sandbox outcome for a card number that is not in the table (invented: a decline).</summary>
    public static CardTestNumber UnknownCard(string number) => new(
        number, "200", "Refus Risk",
        "PAYMENT DECLINED, CONTACT YOUR BANK. (Sandbox: unknown test card, use one of the documented test cards.)",
        BrandOf(number), Succeeds: false);

    public static MobileTestNumber? FindMobile(string? phone)
    {
        var normalised = PhoneNumbers.Normalise(phone);
        return normalised is null ? null : MobileNumbers.FirstOrDefault(n => n.Number == normalised);
    }

    public static CardTestNumber FindCard(string cardNumber)
    {
        var digits = new string(cardNumber.Where(char.IsAsciiDigit).ToArray());
        return Cards.FirstOrDefault(c => c.Number == digits) ?? UnknownCard(digits);
    }

    /// <summary>Operator for pmt_banque: the table's operator, else the Gabonese prefix, else Airtel.</summary>
    public static Operator OperatorOf(string? phone)
    {
        if (FindMobile(phone) is { } row)
        {
            return row.Operator;
        }
        var normalised = PhoneNumbers.Normalise(phone) ?? "";
        if (normalised.Length == 9 && normalised.StartsWith("06", StringComparison.Ordinal))
        {
            return Operator.Moov;
        }
        return Operator.Airtel;
    }

    private static string BrandOf(string digits) => digits.StartsWith('5') ? "MASTERCARD" : "VISA";
}
