using System.Buffers;
using System.Text;
using System.Text.Json;
using MyPayGa.Client.Json;

namespace MyPayGa.Client.Wire;

/// <summary>
/// From a body's bytes to the UTF-8 text the parser reads, whatever the Content-Type's charset says. JSON is UTF-8
/// (RFC 8259): a missing charset, any UTF-8 alias ("utf8", "utf8mb4" as PHP/MySQL servers write them) and any name
/// .NET does not know mean UTF-8, checked strictly. Only a Latin-1 or windows-1252 label is honoured, because with
/// it a PHP server really sends one byte per accented letter. A byte order mark is skipped.
/// </summary>
internal static class BodyText
{
    /// <summary>Characters kept of a body in an exception (<see cref="MyPayGaException.RawBody"/>).</summary>
    public const int ExcerptChars = 1024;

    private const int ExcerptBytes = 4 * 1024;

    /// <summary>
    /// The body as UTF-8. <paramref name="rented"/> is a pooled buffer to give back (<see cref="Return"/>) when the
    /// body had to be transcoded. False, with the reason, when the body is not valid text in its encoding.
    /// </summary>
    public static bool TryGetUtf8(ReadOnlyMemory<byte> bytes, string? contentType, out ReadOnlyMemory<byte> utf8, out byte[]? rented,
        out string? problem)
    {
        rented = null;
        problem = null;
        var legacy = LegacyEncoding(contentType);
        if (legacy is null)
        {
            utf8 = bytes.Span.StartsWith(Utf8Bom) ? bytes[Utf8Bom.Length..] : bytes;
            if (!System.Text.Unicode.Utf8.IsValid(utf8.Span))
            {
                problem = "a body that is not valid UTF-8 text (charset label: " + Label(contentType) + ")";
                return false;
            }

            return true;
        }

        // One byte, one character: never invalid. Transcoded to UTF-8 for the parser.
        var chars = legacy.GetCharCount(bytes.Span);
        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(chars, 1));
        try
        {
            var count = legacy.GetChars(bytes.Span, buffer);
            rented = ArrayPool<byte>.Shared.Rent(Math.Max(Encoding.UTF8.GetMaxByteCount(count), 1));
            var length = Encoding.UTF8.GetBytes(buffer.AsSpan(0, count), rented);
            utf8 = rented.AsMemory(0, length);
            return true;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    public static void Return(byte[]? rented)
    {
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// The start of a body as text for an error (invalid bytes as U+FFFD), at most <see cref="ExcerptChars"/> characters
    /// plus "…" when there was more. Not redacted here: <see cref="MyPayGaException"/> redacts what it keeps.
    /// </summary>
    public static string Excerpt(ReadOnlySpan<byte> bytes, string? contentType, bool truncated)
    {
        var more = truncated || bytes.Length > ExcerptBytes;
        var head = bytes.Length > ExcerptBytes ? bytes[..ExcerptBytes] : bytes;
        if (head.StartsWith(Utf8Bom))
        {
            head = head[Utf8Bom.Length..];
        }

        var text = (LegacyEncoding(contentType) ?? Encoding.UTF8).GetString(head);
        return more ? text + "…" : text;
    }

    /// <summary>
    /// What an error body says, best effort and never failing: its status field (statusRequest, code, status,
    /// RefundStatus, in that order) and its message (invalid escapes shown as U+FFFD).
    /// </summary>
    public static (string? Status, string? Message) BestEffortStatus(ReadOnlySpan<byte> bytes, string? contentType, bool truncated)
    {
        if (truncated || bytes.IsEmpty)
        {
            return (null, null);
        }

        try
        {
            ReadOnlySpan<byte> utf8;
            if (LegacyEncoding(contentType) is { } legacy)
            {
                utf8 = Encoding.UTF8.GetBytes(legacy.GetString(bytes));
            }
            else
            {
                utf8 = bytes.StartsWith(Utf8Bom) ? bytes[Utf8Bom.Length..] : bytes;
            }

            var reader = new Utf8JsonReader(utf8, WireJson.ReaderOptions);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return (null, null);
            }

            var found = new string?[ErrorNames.Length];
            while (WireJson.NextProperty(ref reader))
            {
                int index;
                try
                {
                    ulong fresh = 0; // duplicates are not an error here: the first one is kept
                    index = ErrorFields.Next(ref reader, ref fresh);
                }
                catch (WireFormatException)
                {
                    reader.Read(); // a name that is not valid text: skip its value
                    index = -1;
                }

                if (index >= 0 && found[index] is null && reader.TokenType is JsonTokenType.String or JsonTokenType.Number)
                {
                    found[index] = reader.TokenType == JsonTokenType.String ? WireJson.LenientString(ref reader) : WireJson.NumberText(ref reader);
                }
                else
                {
                    reader.Skip();
                }
            }

            return (found[0] ?? found[1] ?? found[2] ?? found[3], found[4]);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or ArgumentException)
        {
            return (null, null);
        }
    }

    private static readonly string[] ErrorNames = ["statusRequest", "code", "status", "RefundStatus", "message"];
    private static readonly FieldNames ErrorFields = new(ErrorNames);

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>The charset parameter of a Content-Type, unquoted; null when there is none.</summary>
    internal static ReadOnlySpan<char> Charset(string? contentType)
    {
        if (contentType is null)
        {
            return default;
        }

        var rest = contentType.AsSpan();
        while (true)
        {
            var semicolon = rest.IndexOf(';');
            if (semicolon < 0)
            {
                return default;
            }

            rest = rest[(semicolon + 1)..];
            var end = rest.IndexOf(';');
            var parameter = (end < 0 ? rest : rest[..end]).Trim();
            var equals = parameter.IndexOf('=');
            if (equals > 0 && parameter[..equals].Trim().Equals("charset", StringComparison.OrdinalIgnoreCase))
            {
                return parameter[(equals + 1)..].Trim().Trim('"').Trim('\'').Trim();
            }
        }
    }

    /// <summary>Latin-1 for the ISO-8859-1 labels, windows-1252 for its own; null (UTF-8) for everything else.</summary>
    internal static Encoding? LegacyEncoding(string? contentType)
    {
        var charset = Charset(contentType);
        if (charset.IsEmpty)
        {
            return null;
        }

        foreach (var label in Latin1Labels)
        {
            if (charset.Equals(label, StringComparison.OrdinalIgnoreCase))
            {
                return Encoding.Latin1;
            }
        }

        foreach (var label in Windows1252Labels)
        {
            if (charset.Equals(label, StringComparison.OrdinalIgnoreCase))
            {
                return Windows1252.Value;
            }
        }

        return null;
    }

    private static string Label(string? contentType)
    {
        var charset = Charset(contentType);
        return charset.IsEmpty ? "none" : "\"" + new string(charset.Length > 40 ? charset[..40] : charset) + "\"";
    }

    private static readonly string[] Latin1Labels =
        ["iso-8859-1", "iso8859-1", "iso_8859-1", "iso_8859-1:1987", "latin1", "latin-1", "l1", "iso-ir-100", "cp819", "ibm819", "csisolatin1"];

    private static readonly string[] Windows1252Labels = ["windows-1252", "cp1252", "x-cp1252"];

    private static readonly Lazy<Encoding> Windows1252 = new(() => CodePagesEncodingProvider.Instance.GetEncoding(1252) ?? Encoding.Latin1);
}
