using System.Globalization;
using System.Text;

namespace Nop.Plugin.Payments.MyPayGa.Services;

/// <summary>
/// MyPayGa's own words about a payment ("Dear customer,you have insuffient funds."), kept to be SHOWN to the shopper
/// and never used to decide anything. paiement-detail's message_data is often a bare status word ("Failed"), so the
/// operator's reason comes from elsewhere (the callback, a refused payment-request).
/// </summary>
internal static class ProviderMessages
{
    /// <summary>Longest text kept (longer ones are cut, with an ellipsis).</summary>
    public const int MaxLength = 300;

    /// <summary>Words that only repeat the state; not a reason worth showing.</summary>
    private static readonly HashSet<string> StatusWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "failed", "failure", "fail", "error", "success", "successful", "succeeded", "pending", "processing",
        "cancelled", "canceled", "expired", "refused", "declined", "rejected", "ok", "ko",
        "echec", "échec", "echoue", "échoué", "succes", "succès", "en attente", "annule", "annulé", "refuse", "refusé",
        "200", "400", "null", "undefined", "-",
    };

    /// <summary>
    /// The text without control or invisible formatting characters (a line break becomes a space), whitespace
    /// collapsed, trimmed and cut to <see cref="MaxLength"/>. Null when nothing readable is left.
    /// </summary>
    public static string? Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;

        var builder = new StringBuilder(Math.Min(text.Length, MaxLength + 16));
        var pendingSpace = false;
        foreach (var c in text)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.Format)
                continue; // bidi overrides, zero-width characters
            if (char.IsWhiteSpace(c) || category == UnicodeCategory.Control)
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
                builder.Append(' ');
            pendingSpace = false;
            builder.Append(c);
            if (builder.Length > MaxLength)
                break;
        }

        if (builder.Length == 0)
            return null;
        if (builder.Length <= MaxLength)
            return builder.ToString();

        var cut = MaxLength - 1;
        if (char.IsHighSurrogate(builder[cut - 1]))
            cut--;
        return builder.ToString(0, cut).TrimEnd() + "…";
    }

    /// <summary>True when the text says nothing beyond the state: empty, or a status word such as "Failed".</summary>
    public static bool IsBareStatusWord(string? text)
    {
        var cleaned = Clean(text)?.TrimEnd('.', '!', ' ');
        return string.IsNullOrEmpty(cleaned) || StatusWords.Contains(cleaned);
    }

    /// <summary>The reason worth showing: MyPayGa's status text unless it is a bare status word, else the kept message.</summary>
    public static string? Reason(string? statusText, string? keptMessage) =>
        !IsBareStatusWord(statusText) ? Clean(statusText)
        : !IsBareStatusWord(keptMessage) ? Clean(keptMessage)
        : null;
}
