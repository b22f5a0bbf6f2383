using System.Security.Cryptography;
using System.Text;
using CsCheck;
using MyPayGa.Client.Callbacks;

namespace MyPayGa.Client.Tests;

public sealed class CallbackParserTests
{
    private const string Secret = "callback_test_secret";

    private static RawCallbackRequest Get(string query) => new() { Method = "GET", QueryString = query };

    private static RawCallbackRequest Post(string body, string? contentType, string? query = null) =>
        new() { Method = "POST", Body = body, ContentType = contentType, QueryString = query };

    private static CallbackHint Accepted(CallbackParseResult result)
    {
        Assert.That(result.Rejection, Is.Null, () => "rejected: " + result.Rejection!.Reason);
        Assert.That(result.IsAccepted, Is.True);
        return result.Hint!;
    }

    private static void AssertTypical(CallbackHint hint)
    {
        Assert.Multiple(() =>
        {
            Assert.That(hint.PaymentToken, Is.EqualTo("Cr83WMcojwcAnGjMB1U5cGCHY"));
            Assert.That(hint.MerchantReference, Is.EqualTo("1234A"));
            Assert.That(hint.ClaimedStatus.Raw, Is.EqualTo("200"));
            Assert.That(hint.ClaimedAmount, Is.EqualTo(1500m));
            Assert.That(hint.ClaimedMessage, Is.EqualTo("Payment success"));
            Assert.That(hint.PaymentMethod, Is.EqualTo("Airtel Money"));
            Assert.That(hint.ClientPhone, Is.EqualTo("074121212"));
            Assert.That(hint.ClaimedCurrency, Is.EqualTo("XAF"));
            Assert.That(hint.Signature, Is.EqualTo(SignatureCheck.NotChecked));
        });
    }

    private const string TypicalForm =
        "payment_token=Cr83WMcojwcAnGjMB1U5cGCHY&unique_id=1234A&order_status=200&amount=1500&message=Payment+success&payment_method=Airtel%20Money&client_phone=074121212&currency=XAF";

    private const string TypicalJson = """
        {"payment_token": "Cr83WMcojwcAnGjMB1U5cGCHY", "unique_id": "1234A", "order_status": 200, "amount": 1500,
         "message": "Payment success", "payment_method": "Airtel Money", "client_phone": "074121212", "currency": "XAF"}
        """;

    [Test]
    public void Get_with_a_query_string() => AssertTypical(Accepted(MyPayGaCallbackParser.Parse(Get("?" + TypicalForm), null)));

    [Test]
    public void Query_string_without_question_mark() => AssertTypical(Accepted(MyPayGaCallbackParser.Parse(Get(TypicalForm), null)));

    [TestCase("application/x-www-form-urlencoded")]
    [TestCase("application/x-www-form-urlencoded; charset=UTF-8")]
    [TestCase(null)]
    [TestCase("text/plain")]
    [TestCase("application/json")]
    public void Post_form_body_whatever_the_content_type(string? contentType)
    {
        // "application/json" with a form body: the body is sniffed (it does not start with '{', it has '=').
        AssertTypical(Accepted(MyPayGaCallbackParser.Parse(Post(TypicalForm, contentType), null)));
    }

    [TestCase("application/json")]
    [TestCase("application/json; charset=utf-8")]
    [TestCase("text/plain")]
    [TestCase("application/x-www-form-urlencoded")]
    [TestCase(null)]
    public void Post_json_body_whatever_the_content_type(string? contentType) =>
        AssertTypical(Accepted(MyPayGaCallbackParser.Parse(Post(TypicalJson, contentType), null)));

    [TestCase("data")]
    [TestCase("payment")]
    public void Json_nested_one_level(string container)
    {
        var body = $$"""{"event": "payment", "{{container}}": {{TypicalJson}} }""";

        AssertTypical(Accepted(MyPayGaCallbackParser.Parse(Post(body, "application/json"), null)));
    }

    [Test]
    public void Json_nested_in_a_one_element_array_like_paiement_detail()
    {
        var body = """
            {"payment": [{"merchand_ref": "9745", "payment_token": "eI4zUOJd5uE2W5qx7Em1HOTr00lev7rvt6E", "OrderStatus": "200",
              "message_data": "Success", "totalAmount": 144}], "code": "200"}
            """;

        var hint = Accepted(MyPayGaCallbackParser.Parse(Post(body, "application/json"), null));

        Assert.That(hint.PaymentToken, Is.EqualTo("eI4zUOJd5uE2W5qx7Em1HOTr00lev7rvt6E"));
        Assert.That(hint.MerchantReference, Is.EqualTo("9745"));
        Assert.That(hint.ClaimedStatus.Raw, Is.EqualTo("200"));
        Assert.That(hint.ClaimedAmount, Is.EqualTo(144m));
        Assert.That(hint.ClaimedMessage, Is.EqualTo("Success"));
    }

    [TestCase(true)]
    [TestCase(false)]
    public void Multipart_text_fields(bool boundaryInContentType)
    {
        var builder = new StringBuilder();
        foreach (var pair in TypicalForm.Split('&'))
        {
            var (name, value) = (pair[..pair.IndexOf('=')], Uri.UnescapeDataString(pair[(pair.IndexOf('=') + 1)..].Replace('+', ' ')));
            builder.Append("--XyZ\r\nContent-Disposition: form-data; name=\"").Append(name).Append("\"\r\n\r\n").Append(value).Append("\r\n");
        }

        builder.Append("--XyZ\r\nContent-Disposition: form-data; name=\"unique_id\"; filename=\"evil.txt\"\r\nContent-Type: text/plain\r\n\r\nOTHER\r\n");
        builder.Append("--XyZ--\r\n");

        var hint = Accepted(MyPayGaCallbackParser.Parse(
            Post(builder.ToString(), boundaryInContentType ? "multipart/form-data; boundary=XyZ" : null), null));

        AssertTypical(hint);
    }

    [TestCase("payment_token")]
    [TestCase("paymentToken")]
    [TestCase("token")]
    [TestCase("payment_ref")]
    [TestCase("ref")]
    public void Token_names(string name)
    {
        var hint = Accepted(MyPayGaCallbackParser.Parse(Get($"{name}=tok123&status=400"), null));

        Assert.That(hint.PaymentToken, Is.EqualTo("tok123"));
        Assert.That(hint.MerchantReference, Is.Null);
        Assert.That(hint.ClaimedStatus.IsFailure, Is.True);
    }

    [TestCase("unique_id")]
    [TestCase("uniqueID")]
    [TestCase("uniqueId")]
    [TestCase("merchand_ref")]
    [TestCase("merchant_ref")]
    [TestCase("order_ref")]
    [TestCase("mpga_uniqueId")]
    public void Merchant_reference_names(string name)
    {
        var hint = Accepted(MyPayGaCallbackParser.Parse(Post($$"""{"{{name}}": "ORD-42"}""", "application/json"), null));

        Assert.That(hint.MerchantReference, Is.EqualTo("ORD-42"));
        Assert.That(hint.PaymentToken, Is.Null);
    }

    [TestCase("order_status")]
    [TestCase("OrderStatus")]
    [TestCase("final_status")]
    [TestCase("status")]
    [TestCase("statusRequest")]
    public void Status_names(string name)
    {
        var hint = Accepted(MyPayGaCallbackParser.Parse(Get($"token=t&{name}=400"), null));

        Assert.That(hint.ClaimedStatus.Raw, Is.EqualTo("400"));
    }

    [TestCase("amount")]
    [TestCase("totalAmount")]
    public void Amount_names(string name)
    {
        var hint = Accepted(MyPayGaCallbackParser.Parse(Get($"token=t&{name}=2400"), null));

        Assert.That(hint.ClaimedAmount, Is.EqualTo(2400m));
    }

    [Test]
    public void Fields_are_kept_with_keys_redacted()
    {
        var hint = Accepted(MyPayGaCallbackParser.Parse(Get("token=t&apikey=whatever&note=sprod_abc"), null));

        Assert.That(hint.Fields["token"], Is.EqualTo("t"));
        Assert.That(hint.Fields["apikey"], Is.EqualTo("***"));
        Assert.That(hint.Fields["note"], Is.EqualTo("sprod_***"));
    }

    [Test]
    public void Same_value_in_query_and_body_is_fine_but_different_values_are_forgery()
    {
        Accepted(MyPayGaCallbackParser.Parse(Post("payment_token=t1&amount=5", null, "payment_token=t1"), null));

        var result = MyPayGaCallbackParser.Parse(Post("payment_token=t1&amount=5", null, "payment_token=t2"), null);
        Assert.That(result.Rejection!.Reason, Does.Contain("payment_token").And.Contain("different values"));
    }

    [TestCase("GET", "", "", "Empty request")]
    [TestCase("POST", "", "   ", "Empty request")]
    [TestCase("PUT", "token=t", "", "not accepted")]
    [TestCase("DELETE", "token=t", "", "not accepted")]
    [TestCase("POST", "", "{\"payment_token\": \"abc\", ", "not valid JSON")]
    [TestCase("POST", "", "{'payment_token': 'abc'}", "not valid JSON")]
    [TestCase("POST", "", "[1, 2, 3]", "not an object")]
    [TestCase("POST", "", "just some text", "neither JSON")]
    [TestCase("POST", "", "{\"amount\": 100, \"status\": \"200\"}", "No payment_token and no merchant reference")]
    [TestCase("GET", "status=200&amount=100", "", "No payment_token and no merchant reference")]
    [TestCase("GET", "token=%20%20", "", "No payment_token")]
    [TestCase("GET", "token=abc%0Ddef", "", "control characters")]
    [TestCase("GET", "unique_id=a%00b", "", "control characters")]
    public void Malformed_or_forged_requests_are_rejected_with_a_reason(string method, string query, string body, string reason)
    {
        var result = MyPayGaCallbackParser.Parse(new RawCallbackRequest { Method = method, QueryString = query, Body = body }, null);

        Assert.That(result.IsAccepted, Is.False);
        Assert.That(result.Hint, Is.Null);
        Assert.That(result.Rejection!.Reason, Does.Contain(reason));
    }

    [Test]
    public void Reference_longer_than_128_characters_is_rejected()
    {
        Accepted(MyPayGaCallbackParser.Parse(Get("token=" + new string('a', 128)), null));

        var result = MyPayGaCallbackParser.Parse(Get("unique_id=" + new string('a', 129)), null);
        Assert.That(result.Rejection!.Reason, Does.Contain("longer than 128"));
    }

    [Test]
    public void Body_over_64_KiB_is_rejected()
    {
        var padding = new string('x', 64 * 1024);
        var result = MyPayGaCallbackParser.Parse(Post("token=t&pad=" + padding, null), null);

        Assert.That(result.Rejection!.Reason, Does.Contain("64 KiB"));
    }

    [Test]
    public void Body_just_under_64_KiB_is_read()
    {
        var prefix = "token=t&pad=";
        var body = prefix + new string('x', 64 * 1024 - prefix.Length);

        Assert.That(MyPayGaCallbackParser.Parse(Post(body, null), null).IsAccepted, Is.True);
    }

    [Test]
    public void Body_over_64_KiB_in_bytes_but_not_in_characters_is_rejected()
    {
        var body = "token=t&pad=" + new string('é', 40 * 1024); // 2 bytes each

        Assert.That(MyPayGaCallbackParser.Parse(Post(body, null), null).Rejection!.Reason, Does.Contain("64 KiB"));
    }

    [Test]
    public void Deeply_nested_json_is_rejected_not_a_crash()
    {
        var body = new string('[', 5000) + new string(']', 5000);

        Assert.That(MyPayGaCallbackParser.Parse(Post(body, "application/json"), null).IsAccepted, Is.False);
    }

    // --- signature ---

    private static string Sign(string secret, string payload) =>
        Convert.ToHexString(HMACSHA512.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(payload))).ToLowerInvariant();

    private static string SignedForm(string secret, string amount = "1500")
    {
        var hash = Sign(secret, "200" + "1234A" + amount + "Cr83WMcojwcAnGjMB1U5cGCHY" + "Airtel Money" + "Payment success" + "074121212");
        return TypicalForm.Replace("amount=1500", "amount=" + amount, StringComparison.Ordinal) + "&hash=" + hash;
    }

    [Test]
    public void Signature_is_the_documented_hmac_sha512_over_the_seven_values()
    {
        var expected = Sign(Secret, "200" + "1234A" + "1500" + "Cr83WMcojwcAnGjMB1U5cGCHY" + "Airtel Money" + "Payment success" + "074121212");

        var actual = MyPayGaCallbackParser.ComputeSignature(Secret, "200", "1234A", "1500", "Cr83WMcojwcAnGjMB1U5cGCHY", "Airtel Money", "Payment success", "074121212");

        Assert.That(actual, Is.EqualTo(expected).And.Length.EqualTo(128));
    }

    [Test]
    public void Valid_signature()
    {
        var hint = Accepted(MyPayGaCallbackParser.Parse(Post(SignedForm(Secret), null), Secret));

        Assert.That(hint.Signature, Is.EqualTo(SignatureCheck.Valid));
    }

    [Test]
    public void Valid_signature_in_upper_case_and_in_json()
    {
        var hash = Sign(Secret, "200" + "1234A" + "1500" + "Cr83WMcojwcAnGjMB1U5cGCHY" + "Airtel Money" + "Payment success" + "074121212").ToUpperInvariant();
        var body = TypicalJson.TrimEnd().TrimEnd('}') + $", \"hash\": \"{hash}\"}}";

        Assert.That(Accepted(MyPayGaCallbackParser.Parse(Post(body, "application/json"), Secret)).Signature, Is.EqualTo(SignatureCheck.Valid));
    }

    [Test]
    public void Missing_values_count_as_empty()
    {
        var hash = Sign(Secret, "400" + "" + "" + "tok" + "" + "" + "");

        var hint = Accepted(MyPayGaCallbackParser.Parse(Get($"payment_token=tok&order_status=400&hash={hash}"), Secret));

        Assert.That(hint.Signature, Is.EqualTo(SignatureCheck.Valid));
    }

    [Test]
    public void Tampered_amount_is_rejected()
    {
        var forged = SignedForm(Secret).Replace("amount=1500", "amount=15", StringComparison.Ordinal);

        var result = MyPayGaCallbackParser.Parse(Post(forged, null), Secret);

        Assert.That(result.Rejection!.Reason, Is.EqualTo("signature mismatch"));
    }

    [Test]
    public void Wrong_secret_is_rejected()
    {
        var result = MyPayGaCallbackParser.Parse(Post(SignedForm("someone_else"), null), Secret);

        Assert.That(result.Rejection!.Reason, Is.EqualTo("signature mismatch"));
    }

    [TestCase("not-hex")]
    [TestCase("abcd")]
    [TestCase("")]
    public void Malformed_hash_is_a_mismatch(string hash)
    {
        var result = MyPayGaCallbackParser.Parse(Get("token=t&hash=" + (hash.Length == 0 ? "%20" : hash)), Secret);

        Assert.That(result.IsAccepted, Is.EqualTo(hash.Length == 0), "an empty hash counts as no hash");
        if (hash.Length > 0)
        {
            Assert.That(result.Rejection!.Reason, Is.EqualTo("signature mismatch"));
        }
    }

    [Test]
    public void Secret_configured_but_no_hash_is_not_checked_and_still_only_a_hint()
    {
        var hint = Accepted(MyPayGaCallbackParser.Parse(Post(TypicalForm, null), Secret));

        Assert.That(hint.Signature, Is.EqualTo(SignatureCheck.NotChecked));
    }

    [Test]
    public void Hash_but_no_secret_is_not_checked()
    {
        var hint = Accepted(MyPayGaCallbackParser.Parse(Post(SignedForm("anything"), null), null));

        Assert.That(hint.Signature, Is.EqualTo(SignatureCheck.NotChecked));
    }

    [Test]
    public void Arbitrary_input_never_throws()
    {
        var methods = Gen.OneOfConst("GET", "POST", "post", "PUT", "");
        var contentTypes = Gen.OneOfConst<string?>(null, "application/json", "application/x-www-form-urlencoded", "multipart/form-data; boundary=b",
            "multipart/form-data", "text/plain", ";;;", "multipart/form-data; boundary=");
        var fragments = Gen.OneOfConst("{", "}", "[", "]", "\"", ":", ",", "=", "&", "%", "%zz", "--b", "--", "\r\n", "\n\n",
            "payment_token", "token", "unique_id", "hash", "data", "null", "1e999", "\\u0000", "é", "+", "Content-Disposition: form-data; name=\"token\"");
        var text = Gen.OneOf(Gen.String, fragments.Array[0, 30].Select(a => string.Concat(a)));

        Gen.Select(methods, contentTypes, text, text).Sample((method, contentType, body, query) =>
        {
            var result = MyPayGaCallbackParser.Parse(new RawCallbackRequest { Method = method, ContentType = contentType, Body = body, QueryString = query }, Secret);
            return result.IsAccepted ? result.Hint is not null && result.Rejection is null : result.Rejection is { Reason.Length: > 0 };
        }, iter: 3000);
    }
}
