namespace MyPayGa.Sandbox.Control;

/// <summary>Keeps API keys (and full card numbers) out of the journal, logs and pages.</summary>
public static class Redaction
{
    public const string Redacted = "[redacted]";

    private static readonly string[] KeyPrefixes = ["stest_", "sprod_", "ptest_", "pprod_", "spub_"];

    public static bool LooksLikeKey(string? value) =>
        value is not null && KeyPrefixes.Any(p => value.Contains(p, StringComparison.OrdinalIgnoreCase));

    public static string Redact(string name, string value)
    {
        if (name.Equals("apikey", StringComparison.OrdinalIgnoreCase) || LooksLikeKey(value))
        {
            return Redacted;
        }
        if (name.Replace("_", "").Equals("cardnumber", StringComparison.OrdinalIgnoreCase))
        {
            var digits = new string(value.Where(char.IsAsciiDigit).ToArray());
            return digits.Length > 4 ? new string('*', digits.Length - 4) + digits[^4..] : "****";
        }
        if (name.Equals("cvv", StringComparison.OrdinalIgnoreCase))
        {
            return "***";
        }
        return value;
    }

    public static IReadOnlyDictionary<string, string> Redact(IEnumerable<KeyValuePair<string, string>> fields) =>
        fields.ToDictionary(f => f.Key, f => Redact(f.Key, f.Value), StringComparer.Ordinal);
}
