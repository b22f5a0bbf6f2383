using CsCheck;
using MyPayGa.Client.Phones;

namespace MyPayGa.Client.Tests;

public sealed class PhoneNumberTests
{
    // Every number of the test data (API.md), as written there: each must parse, and stay what MyPayGa expects.
    [TestCase("074111111", "074111111", true, MobileOperator.AirtelMoney)]
    [TestCase("074121212", "074121212", true, MobileOperator.AirtelMoney)]
    [TestCase("074131313", "074131313", true, MobileOperator.AirtelMoney)]
    [TestCase("650121212", "650121212", false, MobileOperator.Unknown)]
    [TestCase("650131313", "650131313", false, MobileOperator.Unknown)]
    [TestCase("242056549200", "242056549200", false, MobileOperator.Unknown)]
    [TestCase("242056549400", "242056549400", false, MobileOperator.Unknown)]
    [TestCase("09306315", "09306315", false, MobileOperator.Unknown)]
    [TestCase("09306316", "09306316", false, MobileOperator.Unknown)]
    [TestCase("07306316", "07306316", false, MobileOperator.Unknown)]
    [TestCase("074151522", "074151522", true, MobileOperator.AirtelMoney)]
    [TestCase("077508412", "077508412", true, MobileOperator.AirtelMoney)]
    // Numbers of the reference's request examples.
    [TestCase("07000000", "07000000", false, MobileOperator.Unknown)]
    [TestCase("074000000", "074000000", true, MobileOperator.AirtelMoney)]
    [TestCase("076574654", "076574654", true, MobileOperator.AirtelMoney)]
    [TestCase("07488888", "07488888", false, MobileOperator.Unknown)]
    public void Test_data_numbers(string input, string digits, bool gabonese, MobileOperator op)
    {
        var phone = PhoneNumber.Parse(input);

        Assert.Multiple(() =>
        {
            Assert.That(phone.Digits, Is.EqualTo(digits));
            Assert.That(phone.ForMyPayGa, Is.EqualTo(digits));
            Assert.That(phone.IsGabonese, Is.EqualTo(gabonese));
            Assert.That(phone.Operator, Is.EqualTo(op));
            Assert.That(phone.CountryCode, Is.EqualTo(gabonese ? "241" : null));
        });
    }

    [TestCase("074111111")]
    [TestCase("074 11 11 11")]
    [TestCase("074.11.11.11")]
    [TestCase("074-11-11-11")]
    [TestCase("(074) 11 11 11")]
    [TestCase("  074111111  ")]
    [TestCase("+241 74 11 11 11")]
    [TestCase("+24174111111")]
    [TestCase("+241 074 11 11 11")]
    [TestCase("(+241) 74-11-11-11")]
    [TestCase("00241 74 11 11 11")]
    [TestCase("0024174111111")]
    [TestCase("00241074111111")]
    [TestCase("241 074 11 11 11")]
    [TestCase("241074111111")]
    [TestCase("24174111111")]
    [TestCase("241 74 11 11 11")]
    [TestCase("074\u00a011\u00a011\u00a011")]
    public void Gabon_forms_normalise_to_the_local_form(string input)
    {
        var phone = PhoneNumber.Parse(input);

        Assert.Multiple(() =>
        {
            Assert.That(phone.Digits, Is.EqualTo("074111111"));
            Assert.That(phone.IsGabonese, Is.True);
            Assert.That(phone.CountryCode, Is.EqualTo("241"));
            Assert.That(phone.Operator, Is.EqualTo(MobileOperator.AirtelMoney));
            Assert.That(phone.OperatorName, Is.EqualTo("Airtel Money"));
            Assert.That(phone.Masked, Is.EqualTo("074 ••• •11"));
            Assert.That(phone.Display, Is.EqualTo("+241 74 11 11 11"));
        });
    }

    [TestCase("074", MobileOperator.AirtelMoney)]
    [TestCase("076", MobileOperator.AirtelMoney)]
    [TestCase("077", MobileOperator.AirtelMoney)]
    [TestCase("062", MobileOperator.MoovMoney)]
    [TestCase("065", MobileOperator.MoovMoney)]
    [TestCase("066", MobileOperator.MoovMoney)]
    [TestCase("060", MobileOperator.Unknown)]
    [TestCase("070", MobileOperator.Unknown)]
    [TestCase("011", MobileOperator.Unknown)]
    public void Operators_by_prefix(string prefix, MobileOperator expected)
    {
        var phone = PhoneNumber.Parse(prefix + "123456");

        Assert.That(phone.Operator, Is.EqualTo(expected));
        Assert.That(phone.IsGabonese, Is.True);
        Assert.That(PhoneNumber.Parse("+241 " + prefix[1..] + "123456").Operator, Is.EqualTo(expected));
    }

    [Test]
    public void Operator_codes_and_names()
    {
        Assert.That(MobileOperator.AirtelMoney.MyPayGaCode(), Is.EqualTo("AM"));
        Assert.That(MobileOperator.MoovMoney.MyPayGaCode(), Is.EqualTo("MC"));
        Assert.That(MobileOperator.Unknown.MyPayGaCode(), Is.Null);
        Assert.That(MobileOperator.MoovMoney.DisplayName(), Is.EqualTo("Moov Money"));
    }

    [TestCase("+242 05 654 92 00", "242056549200", "242")]
    [TestCase("00242056549200", "242056549200", "242")]
    [TestCase("+225 09 30 63 16", "22509306316", "225")]
    [TestCase("+33 6 12 34 56 78", "33612345678", "33")]
    [TestCase("+1 (555) 123-4567", "15551234567", "1")]
    [TestCase("+241 07 00 00 00", "07000000", "241")]
    public void Explicit_international_forms_keep_their_country_code(string input, string digits, string countryCode)
    {
        var phone = PhoneNumber.Parse(input);

        Assert.That(phone.Digits, Is.EqualTo(digits));
        Assert.That(phone.CountryCode, Is.EqualTo(countryCode));
    }

    [TestCase("242056549200", "242 ••• ••• •00", "242056549200")]
    [TestCase("09306316", "093 ••• 16", "09306316")]
    [TestCase("065123456", "065 ••• •56", "+241 65 12 34 56")]
    [TestCase("+241 07 00 00 00", "070 ••• 00", "+241 07 00 00 00")]
    public void Masked_and_display(string input, string masked, string display)
    {
        var phone = PhoneNumber.Parse(input);

        Assert.That(phone.Masked, Is.EqualTo(masked));
        Assert.That(phone.Display, Is.EqualTo(display));
        Assert.That(phone.ToString(), Is.EqualTo(masked), "ToString never shows the whole number");
    }

    [TestCase(null, PhoneNumberError.Empty)]
    [TestCase("", PhoneNumberError.Empty)]
    [TestCase("   ", PhoneNumberError.Empty)]
    [TestCase("+", PhoneNumberError.Empty)]
    [TestCase("( - . )", PhoneNumberError.Empty)]
    [TestCase("abc", PhoneNumberError.InvalidCharacters)]
    [TestCase("07411111a", PhoneNumberError.InvalidCharacters)]
    [TestCase("074*111111", PhoneNumberError.InvalidCharacters)]
    [TestCase("074111111 ext 2", PhoneNumberError.InvalidCharacters)]
    [TestCase("++24174111111", PhoneNumberError.InvalidCharacters)]
    [TestCase("074+111111", PhoneNumberError.InvalidCharacters)]
    [TestCase("074111111;DROP", PhoneNumberError.InvalidCharacters)]
    [TestCase("٠٧٤١١١١١١", PhoneNumberError.InvalidCharacters)]
    [TestCase("1234567", PhoneNumberError.TooShort)]
    [TestCase("+241 741", PhoneNumberError.TooShort)]
    [TestCase("0024112", PhoneNumberError.TooShort)]
    [TestCase("1234567890123456", PhoneNumberError.TooLong)]
    [TestCase("+1234567890123456", PhoneNumberError.TooLong)]
    public void Garbage_is_refused_with_a_reason(string? input, PhoneNumberError expected)
    {
        Assert.That(PhoneNumber.TryParse(input, out var phone, out var error), Is.False);
        Assert.That(phone, Is.Null);
        Assert.That(error, Is.EqualTo(expected));
        if (input is not null)
        {
            var e = Assert.Throws<FormatException>(() => PhoneNumber.Parse(input));
            Assert.That(e!.Message, Is.EqualTo(PhoneNumber.Describe(expected)));
        }
    }

    [Test]
    public void Fifteen_digits_and_eight_digits_are_accepted()
    {
        Assert.That(PhoneNumber.TryParse("123456789012345", out _, out _), Is.True);
        Assert.That(PhoneNumber.TryParse("12345678", out _, out _), Is.True);
    }

    // --- properties ---

    private static readonly Gen<string> GabonMobile =
        Gen.Select(Gen.OneOfConst("074", "076", "077", "062", "065", "066"), Gen.Char['0', '9'].Array[6])
            .Select((prefix, rest) => prefix + new string(rest));

    private static readonly Gen<string> Separator = Gen.OneOfConst("", " ", ".", "-", "  ", "\u00a0");

    /// <summary>One of the ways people write a Gabon number (local form "0XXXXXXXX").</summary>
    private static Gen<string> WrittenForm(string local) =>
        Gen.Select(Gen.Int[0, 6], Separator, Gen.Bool).Select((form, sep, parens) =>
        {
            var national = local[1..];
            string Pairs(string s) => string.Join(sep, Enumerable.Range(0, (s.Length + 1) / 2).Select(i => s.Substring(i * 2, Math.Min(2, s.Length - i * 2))));
            var prefix = parens ? "(+241)" : "+241";
            return form switch
            {
                0 => local,
                1 => local[..3] + sep + Pairs(local[3..]),
                2 => prefix + sep + Pairs(national),
                3 => "00241" + sep + national,
                4 => "241" + sep + local,
                5 => "241" + national,
                _ => " " + prefix + " " + local + " ",
            };
        });

    [Test]
    public void Any_written_form_of_a_Gabon_mobile_number_normalises_to_the_same_digits_and_operator()
    {
        GabonMobile.SelectMany(local => WrittenForm(local).Select(written => (local, written)))
            .Sample(pair =>
            {
                var phone = PhoneNumber.Parse(pair.written);
                var canonical = PhoneNumber.Parse(pair.local);
                return phone.Digits == pair.local && phone.Operator == canonical.Operator && phone.Operator != MobileOperator.Unknown
                       && phone.IsGabonese && phone.CountryCode == "241" && phone == canonical;
            }, iter: 2000);
    }

    [Test]
    public void Parse_throws_nothing_but_FormatException_on_any_string()
    {
        var noisy = Gen.OneOf(Gen.String, Gen.Char["0123456789 +-.()a\u00a0\t٣"].Array[0, 25].Select(c => new string(c)));

        noisy.Sample(input =>
        {
            try
            {
                var phone = PhoneNumber.Parse(input);
                return phone.Digits.Length is >= 8 and <= 15 && phone.Digits.All(char.IsAsciiDigit) && phone.Masked.Length > 0;
            }
            catch (FormatException)
            {
                return true;
            }
        }, iter: 5000);
    }

    [Test]
    public void TryParse_agrees_with_Parse()
    {
        Gen.String.Sample(input =>
        {
            var ok = PhoneNumber.TryParse(input, out var phone, out var error);
            return ok ? phone is not null && error == PhoneNumberError.None && PhoneNumber.Parse(input) == phone
                      : phone is null && error != PhoneNumberError.None;
        }, iter: 2000);
    }
}
