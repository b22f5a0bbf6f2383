using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace MyPayGa.Client.Callbacks;

/// <summary>
/// Reads a MyPayGa callback in whatever shape it comes (MyPayGa does not document it): GET or POST, fields in the
/// query string, a form body (urlencoded or multipart), or a JSON object (flat or nested one level), even with a
/// missing or wrong content type. The result is a hint naming the payment to re-read — never a decision that an
/// order is paid. An optional <c>hash</c> (hex HMAC-SHA512, see <see cref="ComputeSignature"/>) is verified when a
/// secret is configured.
/// </summary>
public static class MyPayGaCallbackParser
{
    public const int MaxBodyBytes = 64 * 1024;
    public const int MaxReferenceLength = 128;
    private const int MaxFields = 200;

    public static readonly IReadOnlyList<string> TokenNames = ["payment_token", "paymentToken", "token", "payment_ref", "ref"];
    public static readonly IReadOnlyList<string> MerchantReferenceNames = ["unique_id", "uniqueID", "uniqueId", "merchand_ref", "merchant_ref", "order_ref", "mpga_uniqueId"];
    public static readonly IReadOnlyList<string> StatusNames = ["order_status", "OrderStatus", "final_status", "status", "statusRequest"];
    public static readonly IReadOnlyList<string> AmountNames = ["amount", "totalAmount"];
    private static readonly string[] MessageNames = ["message", "message_data"];
    private static readonly string[] MethodNames = ["payment_method", "paymentMethod"];
    private static readonly string[] PhoneNames = ["client_phone", "clientNumber", "phone"];
    private static readonly string[] CurrencyNames = ["currency"];
    private static readonly string[] HashNames = ["hash", "signature"];
    private static readonly string[] NestedObjectNames = ["data", "payment", "transaction", "order", "result"];

    public static CallbackParseResult Parse(RawCallbackRequest request, string? callbackSecret)
    {
        ArgumentNullException.ThrowIfNull(request);

        var method = request.Method?.Trim().ToUpperInvariant();
        if (method is not ("GET" or "POST"))
        {
            return CallbackParseResult.Reject($"Method {Safe(request.Method)} is not accepted; a callback is a GET or a POST.");
        }

        var body = request.Body ?? "";
        var query = request.QueryString ?? "";
        if (body.Length > MaxBodyBytes || Encoding.UTF8.GetByteCount(body) > MaxBodyBytes)
        {
            return CallbackParseResult.Reject("The body is over 64 KiB.");
        }

        if (query.Length > MaxBodyBytes)
        {
            return CallbackParseResult.Reject("The query string is over 64 KiB.");
        }

        if (string.IsNullOrWhiteSpace(body) && string.IsNullOrWhiteSpace(query.TrimStart('?')))
        {
            return CallbackParseResult.Reject("Empty request: no query string and no body.");
        }

        var fields = new FieldSet();
        if (!FormReader.Read(query.StartsWith('?') ? query[1..] : query, fields, out var queryProblem))
        {
            return CallbackParseResult.Reject(queryProblem!);
        }

        if (!string.IsNullOrWhiteSpace(body) && ReadBody(body, request.ContentType, fields) is { } bodyProblem)
        {
            return CallbackParseResult.Reject(bodyProblem);
        }

        if (fields.Conflict is { } conflict)
        {
            return CallbackParseResult.Reject($"The field '{Safe(conflict)}' came twice with different values.");
        }

        if (fields.Count > MaxFields)
        {
            return CallbackParseResult.Reject($"Too many fields (over {MaxFields}).");
        }

        var token = fields.First(TokenNames);
        var merchantReference = fields.First(MerchantReferenceNames);
        if (token is null && merchantReference is null)
        {
            return CallbackParseResult.Reject("No payment_token and no merchant reference in the callback.");
        }

        foreach (var (name, value) in new[] { ("payment_token", token), ("merchant reference", merchantReference) })
        {
            if (value is null)
            {
                continue;
            }

            if (value.Length > MaxReferenceLength)
            {
                return CallbackParseResult.Reject($"The {name} is longer than {MaxReferenceLength} characters.");
            }

            if (value.Any(char.IsControl))
            {
                return CallbackParseResult.Reject($"The {name} contains control characters.");
            }
        }

        var status = fields.First(StatusNames);
        var amount = fields.First(AmountNames);
        var message = fields.First(MessageNames);
        var paymentMethod = fields.First(MethodNames);
        var phone = fields.First(PhoneNames);

        var signature = SignatureCheck.NotChecked;
        var hash = fields.First(HashNames);
        if (hash is not null && !string.IsNullOrEmpty(callbackSecret))
        {
            var expected = ComputeSignatureBytes(callbackSecret, status, merchantReference, amount, token, paymentMethod, message, phone);
            if (!HexEquals(hash, expected))
            {
                return CallbackParseResult.Reject("signature mismatch");
            }

            signature = SignatureCheck.Valid;
        }

        return CallbackParseResult.Accept(new CallbackHint
        {
            PaymentToken = token,
            MerchantReference = merchantReference,
            ClaimedStatus = new MyPayGaStatus(string.IsNullOrWhiteSpace(status) ? null : status.Trim()),
            ClaimedMessage = message,
            ClaimedAmount = ParseAmount(amount),
            ClaimedCurrency = fields.First(CurrencyNames),
            PaymentMethod = paymentMethod,
            ClientPhone = phone,
            Signature = signature,
            Fields = fields.ToRedactedDictionary(),
        });
    }

    /// <summary>
    /// The signature a callback's <c>hash</c> is compared with: lowercase hex HMAC-SHA512, keyed by the UTF-8 secret,
    /// over order_status + unique_id + amount + payment_token + payment_method + message + client_phone (values as sent,
    /// a missing value is ""). Public so a sender (the sandbox, a test) can produce it.
    /// </summary>
    public static string ComputeSignature(string secret, string? orderStatus, string? uniqueId, string? amount,
        string? paymentToken, string? paymentMethod, string? message, string? clientPhone) =>
        Convert.ToHexStringLower(ComputeSignatureBytes(secret, orderStatus, uniqueId, amount, paymentToken, paymentMethod, message, clientPhone));

    private static byte[] ComputeSignatureBytes(string secret, params string?[] values)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        var payload = string.Concat(values.Select(v => v ?? ""));
        return HMACSHA512.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(payload));
    }

    private static bool HexEquals(string hex, byte[] expected)
    {
        hex = hex.Trim();
        if (hex.Length != expected.Length * 2)
        {
            return false;
        }

        byte[] received;
        try
        {
            received = Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(received, expected);
    }

    private static string? ReadBody(string body, string? contentType, FieldSet fields)
    {
        var type = (contentType ?? "").Split(';')[0].Trim().ToLowerInvariant();
        var trimmed = body.TrimStart();

        // The body's look wins over the content type, which senders get wrong.
        if (trimmed.StartsWith('{') || trimmed.StartsWith('['))
        {
            return JsonReader.Read(body, fields);
        }

        if (type == "multipart/form-data" || trimmed.StartsWith("--", StringComparison.Ordinal))
        {
            return MultipartReader.Read(body, contentType, fields);
        }

        if (body.Contains('='))
        {
            return FormReader.Read(body.Trim(), fields, out var problem) ? null : problem;
        }

        if (type.EndsWith("json", StringComparison.Ordinal))
        {
            return JsonReader.Read(body, fields);
        }

        return "The body is neither JSON, nor a form, nor multipart.";
    }

    private static decimal? ParseAmount(string? amount) =>
        decimal.TryParse(amount?.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>A name from the request, shortened and stripped of control characters before it is echoed.</summary>
    private static string Safe(string? text)
    {
        if (text is null)
        {
            return "(none)";
        }

        var cleaned = new string(text.Where(c => !char.IsControl(c)).Take(40).ToArray());
        return KeyRedactor.Redact(cleaned);
    }

    /// <summary>The fields found, case-insensitive by name; a repeated field must repeat the same value.</summary>
    private sealed class FieldSet
    {
        private readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);
        private readonly List<string> _order = [];

        public string? Conflict { get; private set; }

        public int Count => _values.Count;

        public void Add(string name, string value, bool overwrite = true)
        {
            if (name.Length == 0)
            {
                return;
            }

            if (_values.TryGetValue(name, out var existing))
            {
                if (!string.Equals(existing, value, StringComparison.Ordinal) && overwrite)
                {
                    Conflict ??= name;
                }

                return;
            }

            _values[name] = value;
            _order.Add(name);
        }

        public string? First(IEnumerable<string> names)
        {
            foreach (var name in names)
            {
                if (_values.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value))
                {
                    return value;
                }
            }

            return null;
        }

        public IReadOnlyDictionary<string, string> ToRedactedDictionary()
        {
            var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var name in _order)
            {
                var value = _values[name];
                result[name] = name.Equals("apikey", StringComparison.OrdinalIgnoreCase) ? KeyRedactor.Mask : KeyRedactor.Redact(value);
            }

            return result;
        }
    }

    private static class FormReader
    {
        public static bool Read(string text, FieldSet fields, out string? problem)
        {
            problem = null;
            if (string.IsNullOrWhiteSpace(text))
            {
                return true;
            }

            foreach (var pair in text.Split('&'))
            {
                if (pair.Length == 0)
                {
                    continue;
                }

                var equals = pair.IndexOf('=');
                var name = Decode(equals < 0 ? pair : pair[..equals]).Trim();
                var value = equals < 0 ? "" : Decode(pair[(equals + 1)..]);
                fields.Add(name, value);
            }

            return true;
        }

        private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
    }

    private static class JsonReader
    {
        public static string? Read(string body, FieldSet fields)
        {
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(body, new JsonDocumentOptions { AllowTrailingCommas = true, MaxDepth = 16, CommentHandling = JsonCommentHandling.Skip });
            }
            catch (JsonException)
            {
                return "The body is not valid JSON.";
            }

            using (document)
            {
                var root = document.RootElement;
                if (root.ValueKind == JsonValueKind.Array && root.GetArrayLength() == 1)
                {
                    root = root[0];
                }

                if (root.ValueKind != JsonValueKind.Object)
                {
                    return "The JSON body is not an object.";
                }

                // Top-level scalars first, then one level of nesting (data, payment, ...), which never overrides them.
                var nested = new List<(string Name, JsonElement Element)>();
                foreach (var property in root.EnumerateObject())
                {
                    if (Scalar(property.Value) is { } value)
                    {
                        fields.Add(property.Name, value);
                    }
                    else if (property.Value.ValueKind == JsonValueKind.Object)
                    {
                        nested.Add((property.Name, property.Value));
                    }
                    else if (property.Value.ValueKind == JsonValueKind.Array && property.Value.GetArrayLength() == 1
                             && property.Value[0].ValueKind == JsonValueKind.Object)
                    {
                        nested.Add((property.Name, property.Value[0]));
                    }
                }

                // Known container names first (in their listed order), so "data" wins over an unrelated object.
                foreach (var (_, element) in nested.OrderBy(n => Rank(n.Name)))
                {
                    foreach (var property in element.EnumerateObject())
                    {
                        if (Scalar(property.Value) is { } value)
                        {
                            fields.Add(property.Name, value, overwrite: false);
                        }
                    }
                }

                return null;
            }
        }

        private static int Rank(string name)
        {
            var index = Array.FindIndex(NestedObjectNames, n => n.Equals(name, StringComparison.OrdinalIgnoreCase));
            return index < 0 ? NestedObjectNames.Length : index;
        }

        private static string? Scalar(JsonElement value) => value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        };
    }

    private static class MultipartReader
    {
        public static string? Read(string body, string? contentType, FieldSet fields)
        {
            var boundary = Boundary(contentType) ?? SniffBoundary(body);
            if (string.IsNullOrEmpty(boundary))
            {
                return "The multipart body has no boundary.";
            }

            var delimiter = "--" + boundary;
            var parts = body.Split(delimiter);
            if (parts.Length < 2)
            {
                return "The multipart body does not contain its boundary.";
            }

            foreach (var rawPart in parts.Skip(1))
            {
                if (rawPart.StartsWith("--", StringComparison.Ordinal))
                {
                    break; // closing delimiter
                }

                var part = rawPart.StartsWith("\r\n", StringComparison.Ordinal) ? rawPart[2..] : rawPart.TrimStart('\n');
                var headerEnd = part.IndexOf("\r\n\r\n", StringComparison.Ordinal);
                var separatorLength = 4;
                if (headerEnd < 0)
                {
                    headerEnd = part.IndexOf("\n\n", StringComparison.Ordinal);
                    separatorLength = 2;
                }

                if (headerEnd < 0)
                {
                    return "A multipart part has no header.";
                }

                var headers = part[..headerEnd];
                var value = part[(headerEnd + separatorLength)..];
                if (value.EndsWith("\r\n", StringComparison.Ordinal))
                {
                    value = value[..^2];
                }
                else if (value.EndsWith('\n'))
                {
                    value = value[..^1];
                }

                var disposition = headers.Split('\n').Select(h => h.Trim())
                    .FirstOrDefault(h => h.StartsWith("content-disposition:", StringComparison.OrdinalIgnoreCase));
                if (disposition is null || Parameter(disposition, "filename") is not null)
                {
                    continue; // not a form field, or a file: ignored
                }

                if (Parameter(disposition, "name") is { } name)
                {
                    fields.Add(name, value);
                }
            }

            return null;
        }

        private static string? Boundary(string? contentType) => contentType is null ? null : Parameter(contentType, "boundary");

        private static string? SniffBoundary(string body)
        {
            var firstLine = body.TrimStart().Split('\n')[0].TrimEnd('\r');
            return firstLine.StartsWith("--", StringComparison.Ordinal) && firstLine.Length > 2 ? firstLine[2..] : null;
        }

        private static string? Parameter(string header, string name)
        {
            foreach (var piece in header.Split(';').Skip(1))
            {
                var equals = piece.IndexOf('=');
                if (equals < 0)
                {
                    continue;
                }

                if (piece[..equals].Trim().Equals(name, StringComparison.OrdinalIgnoreCase))
                {
                    return piece[(equals + 1)..].Trim().Trim('"');
                }
            }

            return null;
        }
    }
}
