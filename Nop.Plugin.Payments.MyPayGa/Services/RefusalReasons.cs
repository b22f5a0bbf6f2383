using System.Globalization;
using System.Text;
using Nop.Plugin.Payments.MyPayGa.Domain;
using Nop.Services.Localization;
using static Nop.Plugin.Payments.MyPayGa.Localization.LocaleResources;

namespace Nop.Plugin.Payments.MyPayGa.Services;

/// <summary>Why a payment was refused, as far as MyPayGa's, the operator's or the bank's words tell.</summary>
public enum RefusalReason
{
    /// <summary>Nothing recognised in the words.</summary>
    Unknown,
    InsufficientFunds,
    /// <summary>Refused by the operator or the bank without a more precise reason ("Refus", "declined", "do not honor").</summary>
    Declined,
    LostOrStolenCard,
    /// <summary>Refused by the bank's or MyPayGa's risk checks ("Refus Risk").</summary>
    RiskRefused,
    CardExpired,
    CancelledByShopper,
    /// <summary>Not confirmed in time (the push expired, the PIN was never typed).</summary>
    TimedOut,
    WrongPin,
    LimitExceeded,
}

/// <summary>
/// Turns MyPayGa's words about a refused payment ("Refus solde ins", "Dear customer,you have insuffient funds.", "Refus
/// carte volée"...) into a sentence for the shopper in the working language. The words themselves stay in the order notes
/// (written elsewhere); the shopper sees them only when nothing is recognised and they read as a sentence, never when they
/// look like a code. Display only: no decision reads a reason.
/// </summary>
public static class RefusalReasons
{
    /// <summary>What the words say, by the first rule that matches (the most precise first).</summary>
    public static RefusalReason Classify(string? providerText)
    {
        var text = Normalise(providerText);
        if (text.Length == 0)
            return RefusalReason.Unknown;

        if (Has(text, "insuf", "in sufficient", "solde ins", "not enough", "low balance", "balance is too low", "fonds insuffisant",
                "provision insuffisante", "solde trop faible"))
            return RefusalReason.InsufficientFunds;
        if (Has(text, " vole", "stolen", "perdu", "lost card", "card lost", "lost or stolen", "pick up card"))
            return RefusalReason.LostOrStolenCard;
        if (Has(text, "risk", "risque", "fraud", "suspect"))
            return RefusalReason.RiskRefused;
        if (Has(text, "expir") && Has(text, " card ", " carte "))
            return RefusalReason.CardExpired;
        if (Has(text, " pin ", "code secret", "code pin", "mot de passe")
            && Has(text, "incorrect", "invalid", "wrong", "errone", "faux", "mauvais", " bad "))
            return RefusalReason.WrongPin;
        if (Has(text, "timeout", "timed out", "time out", "expir", "delai", "no response", "pas de reponse", "did not enter",
                "didn t enter", "not confirmed in time", "trop tard"))
            return RefusalReason.TimedOut;
        if (Has(text, "limit", "plafond", "exceed", "depasse"))
            return RefusalReason.LimitExceeded;
        if (Has(text, "cancel", "annul", "abandon"))
            return RefusalReason.CancelledByShopper;
        if (Has(text, "declin", "refus", "reject", "rejet", "do not honor", "not honored", "contact your bank", "contactez votre banque",
                "not permitted", "non autorise", "not allowed", "denied"))
            return RefusalReason.Declined;

        return RefusalReason.Unknown;
    }

    /// <summary>
    /// True when the text is not a sentence a shopper can read: no two words of letters, a token mixing letters and digits
    /// or holding an underscore ("DP00800001001", "ERR_42", "INSUFFICIENT_FUNDS"), markup, JSON or an address.
    /// </summary>
    public static bool LooksLikeCode(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return true;
        if (text.IndexOfAny(['{', '}', '<', '>', '=', '\\', '|', '[', ']']) >= 0
            || text.Contains("://", StringComparison.Ordinal) || text.Contains("www.", StringComparison.OrdinalIgnoreCase))
            return true;

        var words = 0;
        foreach (var token in text.Split([' ', '\t', ',', ';', ':', '.', '!', '?', '(', ')', '"', '«', '»'], StringSplitOptions.RemoveEmptyEntries))
        {
            var letters = token.Count(char.IsLetter);
            var digits = token.Count(char.IsDigit);
            if (token.Contains('_', StringComparison.Ordinal) || (letters > 0 && digits > 0))
                return true;
            if (letters >= 2 && letters + token.Count(c => c is '\'' or '’' or '-') == token.Length)
                words++;
        }

        return words < 2;
    }

    /// <summary>The resource of the sentence for a reason; the channel picks the advice (another number, another card).</summary>
    public static string ResourceKey(RefusalReason reason, PaymentChannel channel) => reason switch
    {
        RefusalReason.InsufficientFunds => channel == PaymentChannel.Card ? ShopperKeys.ReasonInsufficientFundsCard : ShopperKeys.ReasonInsufficientFundsMobileMoney,
        RefusalReason.Declined => channel == PaymentChannel.Card ? ShopperKeys.ReasonDeclinedCard : ShopperKeys.ReasonDeclinedMobileMoney,
        RefusalReason.LostOrStolenCard => ShopperKeys.ReasonLostOrStolenCard,
        RefusalReason.RiskRefused => ShopperKeys.ReasonRiskRefused,
        RefusalReason.CardExpired => ShopperKeys.ReasonCardExpired,
        RefusalReason.CancelledByShopper => ShopperKeys.ReasonCancelled,
        RefusalReason.TimedOut => channel == PaymentChannel.Card ? ShopperKeys.ReasonTimedOutCard : ShopperKeys.ReasonTimedOutMobileMoney,
        RefusalReason.WrongPin => ShopperKeys.ReasonWrongPin,
        RefusalReason.LimitExceeded => ShopperKeys.ReasonLimitExceeded,
        _ => ShopperKeys.ReasonUnknown,
    };

    /// <summary>
    /// The sentence for the shopper about MyPayGa's words (null or empty: the generic sentence). Unrecognised words that
    /// read as a sentence are quoted after the generic sentence; codes never are.
    /// </summary>
    public static async Task<string> DescribeAsync(ILocalizationService localizationService, string? providerText, PaymentChannel channel)
    {
        ArgumentNullException.ThrowIfNull(localizationService);

        var reason = Classify(providerText);
        var cleaned = ProviderMessages.Clean(providerText);
        if (reason == RefusalReason.Unknown && cleaned is not null && !ProviderMessages.IsBareStatusWord(cleaned) && !LooksLikeCode(cleaned))
        {
            return string.Format(CultureInfo.CurrentCulture,
                await localizationService.GetResourceAsync(ShopperKeys.ReasonUnknownWithMessage), cleaned);
        }

        return await localizationService.GetResourceAsync(ResourceKey(reason, channel));
    }

    /// <summary>Lower case, without accents, every run of other characters one space, with a space at both ends.</summary>
    private static string Normalise(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return string.Empty;

        var builder = new StringBuilder(text.Length + 2).Append(' ');
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                continue;
            if (char.IsLetterOrDigit(c))
                builder.Append(char.ToLowerInvariant(c));
            else if (builder[^1] != ' ')
                builder.Append(' ');
        }

        if (builder[^1] != ' ')
            builder.Append(' ');
        return builder.Length <= 2 ? string.Empty : builder.ToString();
    }

    private static bool Has(string text, params string[] parts)
    {
        foreach (var part in parts)
        {
            if (text.Contains(part, StringComparison.Ordinal))
                return true;
        }

        return false;
    }
}
