namespace MyPayGa.Sandbox.Tests.Infrastructure;

/// <summary>
/// The documented test data, copied by hand from MyPayGa's reference (api-reference-fr.txt, "Données de tests")
/// independently of the sandbox's own table, so a typo there fails a test.
/// </summary>
public static class ExpectedTestData
{
    public const string Long =
        "Trans ID: MPDDDD.YYYY.A3XXX. Votre PAIEMENT de XXXX FCFA a MTECH pour reference Testing transaction a ete effectue avec succes.";
    public const string Insufficient = "Dear customer,you have insuffient funds. Thank you.";

    /// <summary>number, code, status, message, pmt_banque.</summary>
    public static readonly object[][] Mobile =
    [
        ["074111111", "200", "Success", Long, "AM"],
        ["074121212", "200", "Success", "Payment success", "AM"],
        ["074131313", "400", "Failed", Insufficient, "AM"],
        ["650121212", "200", "Success", Long, "OM"],
        ["650131313", "400", "Failed", Insufficient, "OM"],
        ["242056549200", "200", "Success", "Payment success", "AM"],
        ["242056549400", "400", "Failed", Insufficient, "AM"],
        ["09306315", "400", "Failed", Insufficient, "OM"],
        ["09306316", "200", "Success", "Payment success OM CI", "OM"],
        ["07306316", "200", "Success", "Payment success OM CI", "OM"],
        ["074151522", "200", "Success", "Payment success", "AM"],
        ["077508412", "200", "Success", "Payment success", "AM"],
    ];

    /// <summary>number, status text, message, brand (pmt_banque), paid.</summary>
    public static readonly object[][] Cards =
    [
        ["4285220922286457", "Success", "PAYMENT SUCCESS", "VISA", true],
        ["4242937137682335", "Refus solde ins", "PAYMENT FAILED, INSUF FUND", "VISA", false],
        ["4005075690593537", "Refus Risk", "PAYMENT DECLINED, CONTACT YOUR BANK.", "VISA", false],
        ["4102972145002274", "Refus carte volée", "PAYMENT DECLINED, CONTACT YOUR BANK.", "VISA", false],
        ["5335406367416736", "Acceptée avec Risk", "PAYMENT SUCCESS", "MASTERCARD", true],
    ];

    public static IEnumerable<string> MobileNumbers => Mobile.Select(r => (string)r[0]);
    public static IEnumerable<string> CardNumbers => Cards.Select(r => (string)r[0]);
}
