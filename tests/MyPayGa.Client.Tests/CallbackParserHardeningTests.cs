using System.Globalization;
using System.Text;
using CsCheck;
using MyPayGa.Client.Callbacks;

namespace MyPayGa.Client.Tests;

/// <summary>
/// The callback parser answers every input with a hint or a typed rejection — never an exception — and returns only
/// short, valid text: whatever a sender (or a direct caller) puts in the body, query string, content type or headers.
/// </summary>
public sealed class CallbackParserHardeningTests
{
    private const string Secret = "callback_test_secret";

    private static CallbackParseResult Parse(string body, string? contentType = "application/json", string? query = null,
        IReadOnlyDictionary<string, string>? headers = null, string method = "POST") =>
        MyPayGaCallbackParser.Parse(new RawCallbackRequest
        {
            Method = method,
            Body = body,
            ContentType = contentType,
            QueryString = query,
            Headers = headers ?? new Dictionary<string, string>(),
        }, Secret);

    private static void AssertRejected(CallbackParseResult result, string reason)
    {
        Assert.That(result.IsAccepted, Is.False);
        Assert.That(result.Hint, Is.Null);
        Assert.That(result.Rejection!.Reason, Does.Contain(reason));
    }

    // ---- escapes that decode to invalid text ----

    [TestCase("""{"payment_token": "tok\ud800"}""")]
    [TestCase("""{"payment_token": "tok", "message": "\udc00 bad"}""")]
    [TestCase("""{"payment_token": "tok", "data": {"message": "a\ud83d"}}""")]
    [TestCase("""{"payment_token": "tok", "unknown_field": "\ud800"}""")]
    [TestCase("""[{"payment_token": "tok", "amount": "\udfff"}]""")]
    public void A_json_value_whose_escapes_are_not_valid_text_is_rejected(string body) =>
        AssertRejected(Parse(body), "not valid Unicode");

    [TestCase("""{"payment_token\ud800": "tok"}""")]
    [TestCase("""{"payment_token": "tok", "\udc00": 1}""")]
    [TestCase("""{"payment_token": "tok", "data": {"x\ud800y": 1}}""")]
    public void A_json_name_whose_escapes_are_not_valid_text_is_rejected(string body) =>
        AssertRejected(Parse(body), "not valid Unicode");

    [Test]
    public void Valid_escaped_surrogate_pairs_are_fine()
    {
        var result = Parse("""{"payment_token": "tok", "message": "Pay\u00e9 \ud83d\ude00"}""");

        Assert.That(result.Hint!.ClaimedMessage, Is.EqualTo("Payé 😀"));
    }

    // ---- strings from a direct caller ----

    [TestCase("body")]
    [TestCase("query")]
    [TestCase("content type")]
    [TestCase("header value")]
    [TestCase("header name")]
    [TestCase("method")]
    public void A_lone_surrogate_in_any_string_a_caller_hands_in_is_rejected(string where)
    {
        const string Bad = "x\ud800y";
        var request = new RawCallbackRequest
        {
            Method = where == "method" ? "PO" + Bad : "POST",
            Body = where == "body" ? """{"payment_token": "tok", "message": "M""" + Bad + "\"}" : """{"payment_token": "tok"}""",
            QueryString = where == "query" ? "unique_id=" + Bad : null,
            ContentType = where == "content type" ? "application/json; charset=" + Bad : "application/json",
            Headers = where switch
            {
                "header value" => new Dictionary<string, string> { ["X-Signature"] = Bad },
                "header name" => new Dictionary<string, string> { [Bad] = "1" },
                _ => new Dictionary<string, string>(),
            },
        };

        var result = MyPayGaCallbackParser.Parse(request, Secret);

        Assert.That(result.IsAccepted, Is.False);
        Assert.That(result.Rejection!.Reason, Does.Contain(where == "method" ? "not accepted" : "not valid Unicode"));
    }

    [Test]
    public void Null_members_from_a_careless_caller_are_a_rejection_not_a_crash()
    {
        var request = new RawCallbackRequest { Method = null!, Body = null!, Headers = null! };

        Assert.That(MyPayGaCallbackParser.Parse(request, Secret).IsAccepted, Is.False);
        Assert.That(MyPayGaCallbackParser.Parse(request with { Method = "POST" }, Secret).Rejection!.Reason, Does.Contain("Empty request"));
    }

    // ---- deep nesting, huge numbers ----

    [TestCase(17)]
    [TestCase(64)]
    [TestCase(10_000)]
    public void Deeply_nested_json_is_rejected(int depth)
    {
        var body = "{\"payment_token\": \"tok\", \"x\": " + string.Concat(Enumerable.Repeat("{\"a\": ", depth)) + "1" + new string('}', depth) + "}";

        var result = Parse(body);

        if (body.Length <= MyPayGaCallbackParser.MaxBodyBytes)
        {
            AssertRejected(result, "JSON");
        }
        else
        {
            AssertRejected(result, "64 KiB");
        }
    }

    [TestCase("1e999")]
    [TestCase("-1e999")]
    [TestCase("123456789012345678901234567890123456789012345678901234567890")]
    [TestCase("0.000000000000000000000000000000000000000001")]
    public void Huge_or_tiny_numbers_are_no_amount_not_a_crash(string number)
    {
        var hint = Parse("{\"payment_token\": \"tok\", \"amount\": " + number + ", \"order_status\": " + number + "}").Hint!;

        Assert.That(hint.PaymentToken, Is.EqualTo("tok"));
        Assert.That(hint.ClaimedAmount, Is.Null.Or.EqualTo(0m));
        Assert.That(hint.ClaimedStatus.Raw!.Length, Is.LessThanOrEqualTo(MyPayGaCallbackParser.MaxValueLength + 1));
    }

    [Test]
    public void A_number_of_thousands_of_digits_is_kept_short()
    {
        var digits = new string('9', 20_000);
        var hint = Parse("{\"payment_token\": \"tok\", \"amount\": " + digits + "}").Hint!;

        Assert.That(hint.ClaimedAmount, Is.Null);
        Assert.That(hint.Fields["amount"].Length, Is.LessThanOrEqualTo(MyPayGaCallbackParser.MaxValueLength + 1));
    }

    // ---- duplicate keys ----

    [TestCase("""{"payment_token": "a", "payment_token": "a"}""", "payment_token")]
    [TestCase("""{"payment_token": "a", "PAYMENT_TOKEN": "a"}""", "payment_token")]
    [TestCase("""{"payment_token": "a", "order_status": "400", "order_status": "200"}""", "order_status")]
    [TestCase("""{"payment_token": "a", "amount": 100, "Amount": 100}""", "amount")]
    [TestCase("""{"data": {"payment_token": "a", "payment_token": "b"}}""", "payment_token")]
    [TestCase("""{"payment_token": "a", "note": 1, "note": 2}""", "note")]
    public void The_same_name_twice_in_one_json_object_is_rejected(string body, string name) =>
        AssertRejected(Parse(body), name);

    [TestCase("""{"payment_token": "a", "data": {"payment_token": "b"}}""")]
    [TestCase("""{"unique_id": "1042-1", "payment": [{"unique_id": "1042-2"}]}""")]
    [TestCase("""{"payment_token": "a", "order_status": "400", "data": {"order_status": "200"}}""")]
    public void A_field_the_parser_reads_given_different_values_at_two_levels_is_rejected(string body) =>
        AssertRejected(Parse(body), "different values");

    [Test]
    public void The_same_value_at_two_levels_is_fine_as_paiement_detail_writes_it()
    {
        var hint = Parse("""{"payment": [{"merchand_ref": "9745", "payment_token": "t", "final_status": "200"}], "final_status": "200", "merchand_ref": "9745"}""").Hint!;

        Assert.That(hint.MerchantReference, Is.EqualTo("9745"));
        Assert.That(hint.ClaimedStatus.IsSuccess, Is.True);
    }

    [TestCase("payment_token=a&payment_token=a")]
    [TestCase("payment_token=a&PAYMENT_TOKEN=b")]
    public void The_same_name_twice_in_a_form_is_rejected(string form) =>
        AssertRejected(Parse(form, "application/x-www-form-urlencoded"), "twice");

    // ---- every value returned is short ----

    [Test]
    public void Every_value_of_a_hint_is_at_most_200_characters()
    {
        var longText = new string('m', 5000);
        var body = $$"""
            {"payment_token": "tok", "unique_id": "1042-1", "order_status": "{{longText}}", "message": "{{longText}}",
             "payment_method": "{{longText}}", "client_phone": "{{longText}}", "currency": "{{longText}}",
             "{{longText}}": "{{longText}}"}
            """;

        var hint = Parse(body).Hint!;

        Assert.Multiple(() =>
        {
            foreach (var text in HintTexts(hint))
            {
                Assert.That(text.Length, Is.LessThanOrEqualTo(MyPayGaCallbackParser.MaxValueLength + 1), text[..Math.Min(20, text.Length)]);
            }

            Assert.That(hint.ClaimedMessage, Does.EndWith("…"));
            Assert.That(hint.Fields.Keys.Max(k => k.Length), Is.LessThanOrEqualTo(MyPayGaCallbackParser.MaxValueLength + 1));
        });
    }

    [Test]
    public void A_long_value_is_signed_in_full_and_returned_cut()
    {
        var message = new string('é', 1000);
        var hash = MyPayGaCallbackParser.ComputeSignature(Secret, "200", "1042-1", "1500", "tok", "Airtel Money", message, "074111111");
        var body = "payment_token=tok&unique_id=1042-1&order_status=200&amount=1500&payment_method=Airtel+Money&client_phone=074111111"
                   + "&message=" + Uri.EscapeDataString(message) + "&hash=" + hash;

        var hint = Parse(body, "application/x-www-form-urlencoded").Hint!;

        Assert.That(hint.Signature, Is.EqualTo(SignatureCheck.Valid));
        Assert.That(hint.ClaimedMessage!.Length, Is.EqualTo(MyPayGaCallbackParser.MaxValueLength + 1));
    }

    private static IEnumerable<string> HintTexts(CallbackHint hint)
    {
        foreach (var text in new[] { hint.PaymentToken, hint.MerchantReference, hint.ClaimedStatus.Raw, hint.ClaimedMessage, hint.ClaimedCurrency, hint.PaymentMethod, hint.ClientPhone })
        {
            if (text is not null)
            {
                yield return text;
            }
        }

        foreach (var (name, value) in hint.Fields)
        {
            yield return name;
            yield return value;
        }
    }

    // ---- properties: Parse never throws; a hint is short and valid text ----

    private static bool IsValidUtf16(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The property: a hint with short valid texts, or a rejection with a short reason — and no exception.</summary>
    private static bool WellFormed(RawCallbackRequest request)
    {
        CallbackParseResult result;
        try
        {
            result = MyPayGaCallbackParser.Parse(request, Secret);
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException($"Parse threw for body «{request.Body}» query «{request.QueryString}» type «{request.ContentType}»", ex);
        }

        if (result.IsAccepted)
        {
            return result.Hint is not null && result.Rejection is null
                   && (result.Hint.PaymentToken is not null || result.Hint.MerchantReference is not null)
                   && HintTexts(result.Hint).All(t => t.Length <= MyPayGaCallbackParser.MaxValueLength + 1 && IsValidUtf16(t));
        }

        return result.Rejection is { Reason.Length: > 0 and <= 200 } rejection && IsValidUtf16(rejection.Reason);
    }

    /// <summary>A JSON string literal's inside: plain characters, standard escapes and \uXXXX of any code unit.</summary>
    private static readonly Gen<string> JsonStringContent = Gen.OneOf(
            Gen.Char['a', 'z'].Select(c => c.ToString()),
            Gen.OneOfConst("é", "😀", " ", "\\\"", "\\\\", "\\/", "\\n", "\\t", "\\b", "\\f", "\\r"),
            Gen.OneOfConst(0xD800, 0xDBFF, 0xDC00, 0xDFFF, 0xD83D, 0xDE00, 0x0000, 0x001F, 0x00E9, 0xFFFF, 0xFEFF)
                .Select(u => "\\u" + u.ToString("x4", CultureInfo.InvariantCulture)),
            Gen.UShort.Select(u => "\\u" + u.ToString("X4", CultureInfo.InvariantCulture)))
        .Array[0, 12].Select(string.Concat);

    private static readonly Gen<string> KnownName = Gen.OneOfConst("payment_token", "PAYMENT_TOKEN", "token", "unique_id", "uniqueID", "merchand_ref",
        "order_status", "status", "amount", "totalAmount", "message", "payment_method", "client_phone", "currency", "hash", "data", "payment");

    private static readonly Gen<string> Name = Gen.OneOf(KnownName, JsonStringContent);

    private static readonly Gen<string> Scalar = Gen.OneOf(
        JsonStringContent.Select(s => "\"" + s + "\""),
        Gen.OneOfConst("0", "1", "-1", "200", "400", "1500.50", "1e999", "-1e-999", "123456789012345678901234567890", "true", "false", "null"),
        Gen.Long.Select(l => l.ToString(CultureInfo.InvariantCulture)),
        Gen.Double.Select(d => double.IsFinite(d) ? d.ToString("R", CultureInfo.InvariantCulture) : "0"));

    private static Gen<string> Value(int depth) => depth <= 0
        ? Scalar
        : Gen.Frequency(
            (6, Scalar),
            (1, Gen.Select(Name, Value(depth - 1)).Array[0, 4].Select(Object)),
            (1, Value(depth - 1).Array[0, 3].Select(a => "[" + string.Join(", ", a) + "]")));

    private static string Object((string Name, string Value)[] members) =>
        "{" + string.Join(", ", members.Select(m => "\"" + m.Name + "\": " + m.Value)) + "}";

    private static readonly Gen<string> JsonBody = Gen.Select(Name, Value(3)).Array[0, 8].Select(Object);

    [Test]
    public void Json_generated_at_the_escape_level_never_throws()
    {
        Gen.Select(JsonBody, Gen.OneOfConst<string?>("application/json", null, "text/plain"))
            .Sample((body, type) => WellFormed(new RawCallbackRequest { Method = "POST", Body = body, ContentType = type }), iter: 5000);
    }

    [Test]
    public void Json_with_a_token_and_random_extras_is_accepted_or_rejected_never_thrown()
    {
        Gen.Select(Gen.Select(Name, Value(2)).Array[0, 6], Gen.Bool).Sample((extras, first) =>
        {
            var members = extras.ToList();
            members.Insert(first ? 0 : members.Count, ("payment_token", "\"Cr83WMcojwcAnGjMB1U5cGCHY\""));
            return WellFormed(new RawCallbackRequest { Method = "POST", Body = Object(members.ToArray()), ContentType = "application/json" });
        }, iter: 5000);
    }

    /// <summary>Any .NET string: lone surrogates, controls, and the characters that mean something to the readers.</summary>
    private static readonly Gen<string> AnyString = Gen.OneOf(
        Gen.String,
        Gen.Char.Array[0, 60].Select(c => new string(c)),
        Gen.OneOf(Gen.Char, Gen.OneOfConst('\ud800', '\udc00', '\ud83d', '\ude00', '{', '}', '"', '\\', '=', '&', '%', ';', '-', '\r', '\n'))
            .Array[0, 60].Select(c => new string(c)),
        Gen.OneOfConst("payment_token=", "token=t&", "unique_id=1%ED%A0%80", "%uD800", "--b\r\nContent-Disposition: form-data; name=\"token\"\r\n\r\nt\r\n--b--",
            "{\"payment_token\": \"t\"}", "charset=utf8", "hash=00").Array[0, 5].Select(string.Concat));

    [Test]
    public void Any_strings_from_a_direct_caller_never_throw()
    {
        var methods = Gen.OneOf(Gen.OneOfConst("GET", "POST", "post", "PUT", ""), AnyString);
        var headers = Gen.Select(AnyString, AnyString).Array[0, 3].Select(pairs =>
        {
            var dictionary = new Dictionary<string, string>();
            foreach (var (name, value) in pairs)
            {
                dictionary[name] = value;
            }

            return (IReadOnlyDictionary<string, string>)dictionary;
        });

        Gen.Select(methods, AnyString, AnyString, Gen.OneOf(AnyString, Gen.OneOfConst("application/json", "multipart/form-data; boundary=b")), headers)
            .Sample((method, body, query, type, h) =>
                WellFormed(new RawCallbackRequest { Method = method, Body = body, QueryString = query, ContentType = type, Headers = h }), iter: 5000);
    }

    [Test]
    public void Bytes_decoded_as_a_web_server_would_never_throw()
    {
        // What ASP.NET hands over: any bytes read as UTF-8 (invalid sequences become U+FFFD).
        Gen.Byte.Array[0, 300].Sample(bytes =>
            WellFormed(new RawCallbackRequest { Method = "POST", Body = Encoding.UTF8.GetString(bytes), ContentType = "application/json" }), iter: 3000);
    }
}
