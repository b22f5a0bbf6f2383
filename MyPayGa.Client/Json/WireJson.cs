using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;

namespace MyPayGa.Client.Json;

/// <summary>A body that parses as JSON but cannot be read safely: a field twice, a value of the wrong kind, invalid text.</summary>
internal sealed class WireFormatException(string message) : Exception(message);

/// <summary>
/// The names of one JSON object's fields the client reads, matched as System.Text.Json's case-insensitive option does
/// (ASCII letters in any case; escaped names are unescaped first), with the ambiguity rule: a field seen twice in one
/// object — "code" and "Code" included — makes the whole body unreadable.
/// </summary>
internal sealed class FieldNames
{
    private readonly string[] _names;
    private readonly byte[][] _utf8;

    public FieldNames(params string[] names)
    {
        if (names.Length > 64)
        {
            throw new ArgumentException("At most 64 fields per object.", nameof(names));
        }

        _names = names;
        _utf8 = new byte[names.Length][];
        for (var i = 0; i < names.Length; i++)
        {
            _utf8[i] = Encoding.UTF8.GetBytes(names[i]);
        }
    }

    /// <summary>
    /// The reader is on a property name: moves it to the value and returns the field's index, or -1 for a field the
    /// client does not read (whose value the caller skips). Throws <see cref="WireFormatException"/> on a second
    /// occurrence, recorded in <paramref name="seen"/>.
    /// </summary>
    public int Next(ref Utf8JsonReader reader, ref ulong seen)
    {
        var index = Match(ref reader, seen);
        if (index >= 0)
        {
            var bit = 1UL << index;
            if ((seen & bit) != 0)
            {
                throw new WireFormatException($"the field \"{_names[index]}\" twice in one object (the answer is ambiguous)");
            }

            seen |= bit;
        }

        reader.Read();
        return index;
    }

    private int Match(ref Utf8JsonReader reader, ulong seen)
    {
        if (reader.ValueIsEscaped || reader.HasValueSequence)
        {
            // "\u0063ode" is "code": unescape before comparing (a lone surrogate here is not text: unreadable).
            var name = WireJson.String(ref reader);
            for (var i = 0; i < _names.Length; i++)
            {
                if (name.Length == _names[i].Length && Ascii.EqualsIgnoreCase(name, _names[i]))
                {
                    return i;
                }
            }

            return -1;
        }

        // MyPayGa writes the fields in the documented order, which is the order of the names here: the first field not
        // seen yet, spelled exactly, is the usual match.
        var span = reader.ValueSpan;
        var next = BitOperations.TrailingZeroCount(~seen);
        if (next < _utf8.Length && span.SequenceEqual(_utf8[next]))
        {
            return next;
        }

        for (var i = 0; i < _utf8.Length; i++)
        {
            if (span.Length == _utf8[i].Length && Ascii.EqualsIgnoreCase(span, _utf8[i]))
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>
/// Tolerant readers of MyPayGa's values (API.md, "Quirks"), each called with the reader on a value token. They accept
/// what the provider really sends — numbers as strings, strings as numbers, 0/1 booleans — and throw
/// <see cref="WireFormatException"/> or <see cref="JsonException"/> for what cannot be read without guessing.
/// </summary>
internal static class WireJson
{
    public static readonly JsonReaderOptions ReaderOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 32,
    };

    private const string Status200 = "200";
    private const string Status400 = "400";

    /// <summary>Moves to the next property of the current object; false at its end.</summary>
    public static bool NextProperty(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.PropertyName;
    }

    public static void ExpectObject(ref Utf8JsonReader reader, string what)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new WireFormatException($"{what} is a {Describe(reader.TokenType)}, not an object");
        }
    }

    /// <summary>A string value or name as text; a lone surrogate escape (\ud800) is not text and makes the body unreadable.</summary>
    public static string String(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString() ?? "";
        }
        catch (InvalidOperationException)
        {
            throw new WireFormatException("a string whose escapes do not decode to valid text (a lone surrogate)");
        }
    }

    /// <summary>"200", 200, 200.0 → "200"; null, "", an object or an array → no status; true/false → "true"/"false".</summary>
    public static MyPayGaStatus Status(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                if (!reader.ValueIsEscaped)
                {
                    var span = reader.ValueSpan;
                    if (span.SequenceEqual("200"u8))
                    {
                        return new MyPayGaStatus(Status200);
                    }

                    if (span.SequenceEqual("400"u8))
                    {
                        return new MyPayGaStatus(Status400);
                    }
                }

                var text = String(ref reader).Trim();
                return new MyPayGaStatus(text.Length == 0 ? null : text);
            case JsonTokenType.Number:
                if (reader.ValueSpan.SequenceEqual("200"u8))
                {
                    return new MyPayGaStatus(Status200);
                }

                if (reader.ValueSpan.SequenceEqual("400"u8))
                {
                    return new MyPayGaStatus(Status400);
                }

                if (reader.TryGetDecimal(out var number) && number == decimal.Truncate(number))
                {
                    return new MyPayGaStatus(decimal.Truncate(number).ToString(CultureInfo.InvariantCulture));
                }

                return new MyPayGaStatus(NumberText(ref reader));
            case JsonTokenType.True:
                return new MyPayGaStatus("true");
            case JsonTokenType.False:
                return new MyPayGaStatus("false");
            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                // An object or array where a status was expected: not a success, whatever it holds.
                reader.Skip();
                return default;
            default:
                return default;
        }
    }

    /// <summary>A number or a numeric string; "" and null are null; other text, objects and arrays are errors (never 0).</summary>
    public static decimal? Decimal(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.Number:
                return reader.TryGetDecimal(out var value) ? value : throw new WireFormatException("a number out of range");
            case JsonTokenType.String:
                if (!reader.ValueIsEscaped
                    && decimal.TryParse(reader.ValueSpan, NumberStyles.Float, CultureInfo.InvariantCulture, out var fast))
                {
                    return fast;
                }

                var text = String(ref reader);
                if (string.IsNullOrWhiteSpace(text))
                {
                    return null;
                }

                // Float: sign, decimal point, exponent; no thousands separator ("1,5" must not become 15).
                return decimal.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
                    ? parsed
                    : throw new WireFormatException("an amount that is not a number");
            default:
                throw new WireFormatException($"an amount that is a {Describe(reader.TokenType)}, not a number");
        }
    }

    /// <summary>true/false, 0/1, "0"/"1", "true"/"false"; anything else is null (unknown).</summary>
    public static bool? Boolean(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.Number:
                return reader.TryGetDecimal(out var n) ? FromNumber(n) : null;
            case JsonTokenType.String:
                var text = String(ref reader).Trim();
                if (bool.TryParse(text, out var b))
                {
                    return b;
                }

                return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? FromNumber(d) : null;
            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                reader.Skip();
                return null;
            default:
                return null;
        }

        static bool? FromNumber(decimal n) => n switch
        {
            0 => false,
            1 => true,
            _ => null,
        };
    }

    /// <summary>Text from a string, a number (its text) or a boolean; objects and arrays are skipped (null).</summary>
    public static string? Text(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return String(ref reader);
            case JsonTokenType.Number:
                return NumberText(ref reader);
            case JsonTokenType.True:
                return "true";
            case JsonTokenType.False:
                return "false";
            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                reader.Skip();
                return null;
            default:
                return null;
        }
    }

    /// <summary>An integer from a number or a string ("1"); anything else, or out of range, is null.</summary>
    public static int? Integer(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                return reader.TryGetInt32(out var n) ? n : null;
            case JsonTokenType.String:
                return int.TryParse(String(ref reader), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : null;
            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                reader.Skip();
                return null;
            default:
                return null;
        }
    }

    /// <summary>
    /// A list that MyPayGa may also send as a single object (or null, read as empty). Null elements are dropped;
    /// any other element that is not an object is an error.
    /// </summary>
    public static List<T> List<T>(ref Utf8JsonReader reader, ObjectReader<T> read, string what)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return [];
            case JsonTokenType.StartObject:
                return [read(ref reader)];
            case JsonTokenType.StartArray:
                var list = new List<T>(1);
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.TokenType == JsonTokenType.Null)
                    {
                        continue;
                    }

                    ExpectObject(ref reader, what + "'s entry");
                    list.Add(read(ref reader));
                }

                return list;
            default:
                throw new WireFormatException($"{what} is a {Describe(reader.TokenType)}, not a list");
        }
    }

    /// <summary>An object, or null for a JSON null; any other value is an error.</summary>
    public static T? Object<T>(ref Utf8JsonReader reader, ObjectReader<T> read, string what)
        where T : class
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        ExpectObject(ref reader, what);
        return read(ref reader);
    }

    /// <summary>The raw text of a number token ("200", "0.0175", "-10.03").</summary>
    public static string NumberText(ref Utf8JsonReader reader) =>
        reader.HasValueSequence
            ? Encoding.UTF8.GetString(reader.ValueSequence)
            : Encoding.UTF8.GetString(reader.ValueSpan);

    /// <summary>
    /// A string value for a message shown to a person (error pages): unescaped like <see cref="String"/>, except
    /// that invalid escapes become U+FFFD instead of failing.
    /// </summary>
    public static string LenientString(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString() ?? "";
        }
        catch (InvalidOperationException)
        {
            return Unescape(reader.ValueSpan);
        }
    }

    private static string Unescape(ReadOnlySpan<byte> escaped)
    {
        var utf16 = Encoding.UTF8.GetString(escaped);
        var builder = new StringBuilder(utf16.Length);
        for (var i = 0; i < utf16.Length; i++)
        {
            var c = utf16[i];
            if (c != '\\' || i + 1 >= utf16.Length)
            {
                builder.Append(c);
                continue;
            }

            var e = utf16[++i];
            switch (e)
            {
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'u' when i + 4 < utf16.Length
                              && ushort.TryParse(utf16.AsSpan(i + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code):
                    builder.Append((char)code);
                    i += 4;
                    break;
                default: builder.Append(e); break;
            }
        }

        // Pair the surrogates that belong together; replace the others.
        var chars = builder.ToString().ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(chars[i]))
            {
                chars[i] = '\uFFFD';
            }
        }

        return new string(chars);
    }

    public static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "object",
        JsonTokenType.StartArray => "list",
        JsonTokenType.String => "string",
        JsonTokenType.Number => "number",
        JsonTokenType.True or JsonTokenType.False => "boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };
}

/// <summary>Reads one object, the reader on its StartObject; returns with the reader on its EndObject.</summary>
internal delegate T ObjectReader<out T>(ref Utf8JsonReader reader);
