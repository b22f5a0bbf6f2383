using CsCheck;
using MyPayGa.Client.Wire;

namespace MyPayGa.Client.Tests;

/// <summary>
/// The request builder writes URLs and form bodies in pooled buffers with its own escaper: for any text — accents,
/// emoji, reserved characters, lone surrogates — the bytes must be those of Uri.EscapeDataString (query) and
/// FormUrlEncodedContent (form), which the wire format was written and tested with.
/// </summary>
public sealed class RequestEscapingTests
{
    private static readonly Gen<string> Text = Gen.OneOf(
        Gen.String,
        Gen.Char.Array[0, 40].Select(c => new string(c)),
        Gen.OneOfConst("", " ", "a b+c", "é à ç", "100%", "x&y=z", "?#/[]@!$'()*,;", "\ud800", "\udc00x", "😀", "a\u0000b", "~-._", "\r\n\t")
            .Array[1, 6].Select(string.Concat));

    [Test]
    public void Query_values_are_escaped_as_Uri_EscapeDataString_does()
    {
        Gen.Select(Text, Text).Sample((token, key) =>
        {
            using var request = RequestBuilder.Build(WireFormat.PaymentDetail, "http://127.0.0.1:1/", key, null, [token], TimeSpan.FromSeconds(1), 1024);
            var expected = "http://127.0.0.1:1/payment/paiement-detail?payment_ref=" + Uri.EscapeDataString(token) + "&apikey=" + Uri.EscapeDataString(key);
            return request.RequestUri!.OriginalString == expected;
        }, iter: 3000);
    }

    [Test]
    public void Path_references_are_escaped_as_Uri_EscapeDataString_does()
    {
        Text.Where(t => t.Length > 0).Sample(reference =>
        {
            using var request = RequestBuilder.Build(WireFormat.GetLink, "http://127.0.0.1:1/base/", "k", reference, [], TimeSpan.FromSeconds(1), 1024);
            return request.RequestUri!.OriginalString == "http://127.0.0.1:1/base/payment/getLink/" + Uri.EscapeDataString(reference) + "?apikey=k";
        }, iter: 2000);
    }

    [Test]
    public void Form_bodies_are_the_bytes_of_FormUrlEncodedContent()
    {
        Gen.Select(Text, Text, Text).Sample((name, description, key) =>
        {
            string[] values = [name + "@x.com", name, "L", "1042-1", "2400", "074111111", description];
            using var request = RequestBuilder.Build(WireFormat.GetHash, "http://127.0.0.1:1/", key, null, values, TimeSpan.FromSeconds(1), 1024);
            using var reference = new FormUrlEncodedContent(RequestBuilder.Parameters(WireFormat.GetHash, key, values));
            var actual = request.Content!.ReadAsByteArrayAsync().GetAwaiter().GetResult();
            var expected = reference.ReadAsByteArrayAsync().GetAwaiter().GetResult();
            return actual.AsSpan().SequenceEqual(expected)
                   && request.Content.Headers.ContentType!.MediaType == "application/x-www-form-urlencoded"
                   && request.Content.Headers.ContentLength == expected.Length;
        }, iter: 2000);
    }
}
