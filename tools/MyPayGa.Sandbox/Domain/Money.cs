using System.Globalization;

namespace MyPayGa.Sandbox.Domain;

public static class Money
{
    /// <summary>Rate MyPayGa reports as merchand_custom_fees / standard_fees in getFees.</summary>
    public const decimal StandardFeeRate = 0.0175m;

    /// <summary>Invented to match the refund/create example (2.75 for 100): standard rate + 1 % bank fees.</summary>
    public const decimal RefundFeeRate = 0.0275m;

    public const long MaxAmount = 100_000_000;

    /// <summary>
    /// Parses a whole, positive XAF amount ("1500"). Returns an error text for anything else
    /// ("100.5", "-3", "0", "abc", "1e3").
    /// </summary>
    public static bool TryParseAmount(string? text, out long amount, out string error)
    {
        amount = 0;
        error = "";
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "amount is required.";
            return false;
        }
        var t = text.Trim();
        if (!long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out amount))
        {
            error = decimal.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
                ? d <= 0
                    ? "amount must be a positive whole number of XAF."
                    : "amount must be a whole number of XAF (no decimals)."
                : "amount must be a whole positive number of XAF.";
            amount = 0;
            return false;
        }
        if (amount <= 0)
        {
            error = "amount must be a positive whole number of XAF.";
            return false;
        }
        if (amount > MaxAmount)
        {
            error = $"amount must not exceed {MaxAmount} XAF in the sandbox.";
            return false;
        }
        return true;
    }

    public static decimal Fees(long amount) => Normalise(amount * StandardFeeRate);

    public static decimal RefundFees(long amount) => Normalise(amount * RefundFeeRate);

    /// <summary>Drops trailing zeros so JSON shows 2.52, not 2.5200.</summary>
    public static decimal Normalise(decimal value) => value / 1.000000000000000000000000000000000m;
}
