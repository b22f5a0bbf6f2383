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

    /// <summary>Characters of any text a hint returns (then "…"): nothing read from a request reaches a log unbounded.</summary>
    public const int MaxValueLength = 200;
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

        // A string handed in by a direct caller may hold half a surrogate pair (a web server's decoding never makes one).
        if (HasLoneSurrogate(body) || HasLoneSurrogate(query) || HasLoneSurrogate(request.ContentType) || HeadersHaveLoneSurrogate(request.Headers))
        {
            return CallbackParseResult.Reject("The request holds text that is not valid Unicode (a lone surrogate).");
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

        if (fields.Problem is { } ambiguity)
        {
            return CallbackParseResult.Reject(ambiguity);
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

        // The signature covered the values as received; what is returned is cut to MaxValueLength.
        return CallbackParseResult.Accept(new CallbackHint
        {
            PaymentToken = token,
            MerchantReference = merchantReference,
            ClaimedStatus = new MyPayGaStatus(string.IsNullOrWhiteSpace(status) ? null : Cap(status.Trim())),
            ClaimedMessage = CapOrNull(message),
            ClaimedAmount = ParseAmount(amount),
            ClaimedCurrency = CapOrNull(fields.First(CurrencyNames)),
            PaymentMethod = CapOrNull(paymentMethod),
            ClientPhone = CapOrNull(phone),
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
        amount is { Length: <= 100 } && decimal.TryParse(amount.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>At most <see cref="MaxValueLength"/> characters, then "…" (never half a surrogate pair).</summary>
    private static string Cap(string text) => MyPayGaException.Cut(text, MaxValueLength);

    private static string? CapOrNull(string? text) => text is null ? null : Cap(text);

    /// <summary>A name from the request, shortened and stripped of control characters before it is echoed.</summary>
    private static string Safe(string? text)
    {
        if (text is null)
        {
            return "(none)";
        }

        var cleaned = new StringBuilder(Math.Min(text.Length, 40));
        for (var i = 0; i < text.Length && cleaned.Length < 40; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                if (cleaned.Length < 39)
                {
                    cleaned.Append(c).Append(text[i + 1]);
                }

                i++;
            }
            else if (char.IsSurrogate(c))
            {
                cleaned.Append('\uFFFD');
            }
            else if (!char.IsControl(c))
            {
                cleaned.Append(c);
            }
        }

        return KeyRedactor.Redact(cleaned.ToString());
    }

    /// <summary>True when the text has half a surrogate pair: not Unicode text, refused whoever hands it in.</summary>
    private static bool HasLoneSurrogate(string? text)
    {
        if (text is null)
        {
            return false;
        }

        var span = text.AsSpan();
        var i = span.IndexOfAnyInRange('\uD800', '\uDFFF');
        while (i >= 0)
        {
            if (!char.IsHighSurrogate(span[i]) || i + 1 >= span.Length || !char.IsLowSurrogate(span[i + 1]))
            {
                return true;
            }

            i += 2;
            var next = span[i..].IndexOfAnyInRange('\uD800', '\uDFFF');
            i = next < 0 ? -1 : i + next;
        }

        return false;
    }

    private static bool HeadersHaveLoneSurrogate(IReadOnlyDictionary<string, string>? headers)
    {
        if (headers is null)
        {
            return false;
        }

        foreach (var (name, value) in headers)
        {
            if (HasLoneSurrogate(name) || HasLoneSurrogate(value))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The fields found, case-insensitive by name. Ambiguity is refused: a name twice in one source (the query string,
    /// a form, one JSON object), whatever the values; a name given different values by two sources (query and body);
    /// a field the parser reads given a different value by a nested object than at the top. (A nested object never
    /// overrides the top level, and the same value at two levels is fine: paiement-detail writes merchand_ref so.)
    /// </summary>
    private sealed class FieldSet
    {
        private static readonly HashSet<string> KnownNames = new(
            TokenNames.Concat(MerchantReferenceNames).Concat(StatusNames).Concat(AmountNames).Concat(MessageNames)
                .Concat(MethodNames).Concat(PhoneNames).Concat(CurrencyNames).Concat(HashNames),
            StringComparer.OrdinalIgnoreCase);

        private readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);
        private readonly List<string> _order = [];

        /// <summary>Why the fields are ambiguous, when they are.</summary>
        public string? Problem { get; private set; }

        public int Count => _values.Count;

        /// <summary>A source or object in which each name may appear once.</summary>
        public static HashSet<string> NewScope() => new(StringComparer.OrdinalIgnoreCase);

        public void Add(HashSet<string> scope, string name, string value, bool nested = false)
        {
            if (Problem is not null || name.Length == 0 || !Seen(scope, name))
            {
                return;
            }

            if (_values.TryGetValue(name, out var existing))
            {
                if (!string.Equals(existing, value, StringComparison.Ordinal) && (!nested || KnownNames.Contains(name)))
                {
                    Problem = $"The field '{Safe(name)}' came twice with different values.";
                }

                return;
            }

            _values[name] = value;
            _order.Add(name);
        }

        /// <summary>Records a name in its source or object; false (and the problem set) when it was there already.</summary>
        public bool Seen(HashSet<string> scope, string name)
        {
            if (scope.Add(name))
            {
                return true;
            }

            scope.TryGetValue(name, out var first);
            Problem ??= $"The field '{Safe(first)}' came twice.";
            return false;
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

        /// <summary>Every field, names as received, keys redacted, names and values cut to <see cref="MaxValueLength"/>.</summary>
        public IReadOnlyDictionary<string, string> ToRedactedDictionary()
        {
            var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var name in _order)
            {
                var value = _values[name];
                result[Cap(name)] = name.Equals("apikey", StringComparison.OrdinalIgnoreCase) ? KeyRedactor.Mask : Cap(KeyRedactor.Redact(value));
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

            var scope = FieldSet.NewScope();
            foreach (var pair in text.Split('&'))
            {
                if (pair.Length == 0)
                {
                    continue;
                }

                var equals = pair.IndexOf('=');
                var name = Decode(equals < 0 ? pair : pair[..equals]).Trim();
                var value = equals < 0 ? "" : Decode(pair[(equals + 1)..]);
                fields.Add(scope, name, value);
            }

            return true;
        }

        private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
    }

    private static class JsonReader
    {
        private static readonly JsonDocumentOptions DocumentOptions = new()
        {
            AllowTrailingCommas = true,
            MaxDepth = 16,
            CommentHandling = JsonCommentHandling.Skip,
        };

        private static readonly JsonReaderOptions ReaderOptions = new()
        {
            AllowTrailingCommas = true,
            MaxDepth = 16,
            CommentHandling = JsonCommentHandling.Skip,
        };

        public static string? Read(string body, FieldSet fields)
        {
            // The body is valid UTF-16 (checked first), so its UTF-8 form is exact.
            var utf8 = Encoding.UTF8.GetBytes(body);
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(utf8, DocumentOptions);
            }
            catch (JsonException)
            {
                return "The body is not valid JSON.";
            }

            using (document)
            {
                if (!EscapesAreText(utf8))
                {
                    return "The JSON body holds an escape that is not valid Unicode text (a lone surrogate).";
                }

                try
                {
                    return ReadFields(document.RootElement, fields);
                }
                catch (InvalidOperationException)
                {
                    // Not expected after the checks above; still an answer, never an exception.
                    return "The JSON body holds text that is not valid Unicode.";
                }
            }
        }

        /// <summary>Every escaped name and string, at any depth, decodes to valid text (no lone surrogate).</summary>
        private static bool EscapesAreText(byte[] utf8)
        {
            var reader = new Utf8JsonReader(utf8, ReaderOptions);
            try
            {
                while (reader.Read())
                {
                    if (reader.TokenType is JsonTokenType.PropertyName or JsonTokenType.String && reader.ValueIsEscaped)
                    {
                        _ = reader.GetString();
                    }
                }
            }
            catch (InvalidOperationException)
            {
                return false;
            }

            return true;
        }

        private static string? ReadFields(JsonElement root, FieldSet fields)
        {
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
            var scope = FieldSet.NewScope();
            foreach (var property in root.EnumerateObject())
            {
                if (Scalar(property.Value) is { } value)
                {
                    fields.Add(scope, property.Name, value);
                }
                else
                {
                    // Objects and arrays count as fields of this object too: "data" twice is as ambiguous as "amount" twice.
                    fields.Seen(scope, property.Name);
                    if (property.Value.ValueKind == JsonValueKind.Object)
                    {
                        nested.Add((property.Name, property.Value));
                    }
                    else if (property.Value.ValueKind == JsonValueKind.Array && property.Value.GetArrayLength() == 1
                             && property.Value[0].ValueKind == JsonValueKind.Object)
                    {
                        nested.Add((property.Name, property.Value[0]));
                    }
                }
            }

            // Known container names first (in their listed order), so "data" wins over an unrelated object.
            foreach (var (_, element) in nested.OrderBy(n => Rank(n.Name)))
            {
                var inner = FieldSet.NewScope();
                foreach (var property in element.EnumerateObject())
                {
                    if (Scalar(property.Value) is { } value)
                    {
                        fields.Add(inner, property.Name, value, nested: true);
                    }
                    else
                    {
                        fields.Seen(inner, property.Name);
                    }
                }
            }

            return null;
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

            var scope = FieldSet.NewScope();
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
                    fields.Add(scope, name, value);
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
