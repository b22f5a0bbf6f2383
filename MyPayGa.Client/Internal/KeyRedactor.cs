using System.Text.RegularExpressions;

namespace MyPayGa.Client;

/// <summary>
/// Removes MyPayGa keys from any text before it is logged, stored or thrown: every <c>apikey=…</c> value
/// (query string, form body, JSON) and every token with a key prefix (stest_, sprod_, ptest_, pprod_, spub_).
/// </summary>
internal static partial class KeyRedactor
{
    internal const string Mask = "***";

    private static readonly string[] KnownPrefixes = ["stest_", "sprod_", "ptest_", "pprod_", "spub_"];

    // apikey=VALUE or apikey%3DVALUE (query strings, form bodies, encoded URLs), until a separator.
    [GeneratedRegex(@"(?i)(apikey(?:=|%3D))[^&\s""'<>]*")]
    private static partial Regex ApiKeyParameter();

    // "apikey": "VALUE" and apikey: VALUE (JSON, headers, prose).
    [GeneratedRegex(@"(?i)(""?apikey""?\s*:\s*""?)[^""&\s,}]*")]
    private static partial Regex ApiKeyProperty();

    // Any key-looking token, wherever it appears; the prefix is kept (it only says test or production).
    [GeneratedRegex(@"(?i)(stest_|sprod_|ptest_|pprod_|spub_)[^\s&""'<>,)}\]\\|]+")]
    private static partial Regex PrefixedToken();

    /// <summary>The text with every key replaced by <c>***</c>.</summary>
    public static string Redact(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? "";
        }

        var result = ApiKeyParameter().Replace(text, "$1" + Mask);
        result = ApiKeyProperty().Replace(result, "$1" + Mask);
        return PrefixedToken().Replace(result, "$1" + Mask);
    }

    /// <summary>Describes a key without revealing it: "(none)", "(empty)", or its prefix followed by ***.</summary>
    public static string Describe(string? key)
    {
        if (key is null)
        {
            return "(none)";
        }

        var trimmed = key.Trim();
        if (trimmed.Length == 0)
        {
            return "(empty)";
        }

        var prefix = KnownPrefixes.FirstOrDefault(p => trimmed.StartsWith(p, StringComparison.OrdinalIgnoreCase));
        return (prefix ?? "") + Mask;
    }
}
