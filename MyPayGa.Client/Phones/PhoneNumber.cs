using System.Text;

namespace MyPayGa.Client.Phones;

/// <summary>Why a phone number was refused.</summary>
public enum PhoneNumberError
{
    None = 0,
    Empty,
    /// <summary>Letters or symbols other than spaces, dots, dashes, parentheses and a leading '+'.</summary>
    InvalidCharacters,
    /// <summary>Fewer than 8 digits.</summary>
    TooShort,
    /// <summary>More than 15 digits (E.164's maximum).</summary>
    TooLong,
}

/// <summary>
/// A phone number as MyPayGa wants it. Gabon numbers in any written form ("+241 74 11 11 11", "00241…", "241 074…",
/// "074 11 11 11") become the local form with its leading 0 ("074111111"); numbers of other countries (the test data
/// has Congo, Côte d'Ivoire, Cameroon-like numbers) are kept as their digits. Not being Gabonese is not an error.
/// </summary>
public sealed record PhoneNumber
{
    public const string GabonCountryCode = "241";
    public const int MinDigits = 8;
    public const int MaxDigits = 15;

    // ITU-T E.164 country codes are prefix-free: these are the 1- and 2-digit ones; every other code has 3 digits.
    private static readonly HashSet<string> ShortCountryCodes =
    [
        "1", "7",
        "20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44", "45", "46", "47", "48", "49",
        "51", "52", "53", "54", "55", "56", "57", "58", "60", "61", "62", "63", "64", "65", "66", "81", "82", "84",
        "86", "90", "91", "92", "93", "94", "95", "98",
    ];

    private PhoneNumber(string digits, string? countryCode, bool isGabonese)
    {
        Digits = digits;
        CountryCode = countryCode;
        IsGabonese = isGabonese;
        Operator = isGabonese ? OperatorOf(digits) : MobileOperator.Unknown;
    }

    /// <summary>What MyPayGa is sent: "074111111" for Gabon, the digits otherwise ("242056549200", "09306316").</summary>
    public string Digits { get; }

    /// <summary>Same as <see cref="Digits"/>: the value for client_phone / phone / receiver_phone.</summary>
    public string ForMyPayGa => Digits;

    /// <summary>"241" for a recognised Gabon number; the code typed after '+' or '00' for others; null otherwise.</summary>
    public string? CountryCode { get; }

    public bool IsGabonese { get; }

    /// <summary>Airtel Money (074/076/077) or Moov Money (062/065/066) for Gabon numbers; Unknown otherwise.</summary>
    public MobileOperator Operator { get; }

    public string OperatorName => Operator.DisplayName();

    /// <summary>For showing to the shopper or in notes: first 3 and last 2 digits, e.g. "074 ••• •11".</summary>
    public string Masked => Group(Digits[..3] + new string('•', Digits.Length - 5) + Digits[^2..]);

    /// <summary>"+241 74 11 11 11" for Gabon, the digits otherwise.</summary>
    public string Display
    {
        get
        {
            if (!IsGabonese)
            {
                return Digits;
            }

            var national = Digits.Length == 9 && Digits[0] == '0' ? Digits[1..] : Digits;
            var builder = new StringBuilder("+").Append(GabonCountryCode);
            for (var i = 0; i < national.Length; i += 2)
            {
                builder.Append(' ').Append(national.AsSpan(i, Math.Min(2, national.Length - i)));
            }

            return builder.ToString();
        }
    }

    /// <summary>The masked form: a phone number is personal data, so logs get <see cref="Masked"/>.</summary>
    public override string ToString() => Masked;

    /// <summary>Parses or throws <see cref="FormatException"/> with a message a shopper can read.</summary>
    public static PhoneNumber Parse(string input)
    {
        if (TryParse(input, out var phone, out var error))
        {
            return phone!;
        }

        throw new FormatException(Describe(error));
    }

    public static bool TryParse(string? input, out PhoneNumber? phone, out PhoneNumberError error)
    {
        phone = null;
        if (string.IsNullOrWhiteSpace(input))
        {
            error = PhoneNumberError.Empty;
            return false;
        }

        var plus = false;
        var digits = new StringBuilder(16);
        foreach (var c in input.AsSpan().Trim())
        {
            if (char.IsAsciiDigit(c))
            {
                if (digits.Length > MaxDigits + 2)
                {
                    error = PhoneNumberError.TooLong;
                    return false;
                }

                digits.Append(c);
            }
            else if (c == '+' && !plus && digits.Length == 0)
            {
                plus = true;
            }
            else if (c is '.' or '-' or '(' or ')' || char.IsWhiteSpace(c))
            {
                // Separators people write.
            }
            else
            {
                error = PhoneNumberError.InvalidCharacters;
                return false;
            }
        }

        if (digits.Length == 0)
        {
            error = PhoneNumberError.Empty;
            return false;
        }

        var d = digits.ToString();
        var international = plus;
        if (!plus && d.StartsWith("00", StringComparison.Ordinal))
        {
            international = true;
            d = d[2..];
        }

        if (d.Length < MinDigits)
        {
            error = PhoneNumberError.TooShort;
            return false;
        }

        if (d.Length > MaxDigits)
        {
            error = PhoneNumberError.TooLong;
            return false;
        }

        error = PhoneNumberError.None;
        phone = international ? FromInternational(d) : FromNational(d);
        return true;
    }

    /// <summary>A sentence for the shopper.</summary>
    public static string Describe(PhoneNumberError error) => error switch
    {
        PhoneNumberError.None => "The phone number is valid.",
        PhoneNumberError.Empty => "The phone number is empty.",
        PhoneNumberError.InvalidCharacters => "The phone number may only contain digits, spaces, dots, dashes, parentheses and a leading '+'.",
        PhoneNumberError.TooShort => $"The phone number has fewer than {MinDigits} digits.",
        PhoneNumberError.TooLong => $"The phone number has more than {MaxDigits} digits.",
        _ => "The phone number is not valid.",
    };

    private static PhoneNumber FromInternational(string d)
    {
        if (d.StartsWith(GabonCountryCode, StringComparison.Ordinal) && GabonLocal(d[3..]) is { } local)
        {
            return new PhoneNumber(local, GabonCountryCode, isGabonese: true);
        }

        return new PhoneNumber(d, CountryCodeOf(d), isGabonese: false);
    }

    private static PhoneNumber FromNational(string d)
    {
        // "24174111111" / "241074111111": the country code without '+'.
        if (d.StartsWith(GabonCountryCode, StringComparison.Ordinal) && d.Length is 11 or 12 && GabonLocal(d[3..]) is { } local)
        {
            return new PhoneNumber(local, GabonCountryCode, isGabonese: true);
        }

        // Gabon's local form: 9 digits, 0 then 1 (fixed), 6 (Moov) or 7 (Airtel).
        if (d.Length == 9 && d[0] == '0' && d[1] is '1' or '6' or '7')
        {
            return new PhoneNumber(d, GabonCountryCode, isGabonese: true);
        }

        // Anything else (8-digit old or foreign forms, 242…, 650…) is kept as given.
        return new PhoneNumber(d, null, isGabonese: false);
    }

    /// <summary>The local form of what follows +241: 8 digits get their leading 0 back; 9 digits already start with 0;
    /// the old 8-digit form (starting with 0) is kept.</summary>
    private static string? GabonLocal(string national) => national.Length switch
    {
        8 when national[0] != '0' => "0" + national,
        8 => national,
        9 when national[0] == '0' => national,
        _ => null,
    };

    private static string? CountryCodeOf(string d)
    {
        for (var length = 1; length <= 2; length++)
        {
            if (ShortCountryCodes.Contains(d[..length]))
            {
                return d[..length];
            }
        }

        return d[..3];
    }

    private static MobileOperator OperatorOf(string digits)
    {
        if (digits.Length != 9)
        {
            return MobileOperator.Unknown;
        }

        return digits[..3] switch
        {
            "074" or "076" or "077" => MobileOperator.AirtelMoney,
            "062" or "065" or "066" => MobileOperator.MoovMoney,
            _ => MobileOperator.Unknown,
        };
    }

    private static string Group(string text)
    {
        var builder = new StringBuilder(text.Length + text.Length / 3);
        for (var i = 0; i < text.Length; i += 3)
        {
            if (i > 0)
            {
                builder.Append(' ');
            }

            builder.Append(text.AsSpan(i, Math.Min(3, text.Length - i)));
        }

        return builder.ToString();
    }
}

/// <summary>Names and MyPayGa codes of the operators.</summary>
public static class MobileOperators
{
    public static string DisplayName(this MobileOperator op) => op switch
    {
        MobileOperator.AirtelMoney => "Airtel Money",
        MobileOperator.MoovMoney => "Moov Money",
        _ => "Unknown",
    };

    /// <summary>The operator code MyPayGa uses (getFees' <c>ope</c>, <c>pmt_banque</c>): "AM", "MC"; null when unknown.</summary>
    public static string? MyPayGaCode(this MobileOperator op) => op switch
    {
        MobileOperator.AirtelMoney => "AM",
        MobileOperator.MoovMoney => "MC",
        _ => null,
    };
}
