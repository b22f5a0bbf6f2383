namespace MyPayGa.Sandbox.Domain;

public static class PhoneNumbers
{
    /// <summary>
    /// Digits of a phone number in the local form used by the test data: separators removed, and a Gabonese
    /// international prefix (+241, 00241, 241) turned into the leading 0 ("+241 74 11 11 11" → "074111111").
    /// Null when the text holds anything but digits, separators and a leading '+'.
    /// </summary>
    public static string? Normalise(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return null;
        }
        var text = phone.Trim();
        var plus = text.StartsWith('+');
        if (plus)
        {
            text = text[1..];
        }
        var digits = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
            else if (c is not (' ' or '-' or '.' or '(' or ')'))
            {
                return null;
            }
        }
        var d = digits.ToString();
        if (d.Length == 0)
        {
            return null;
        }
        if (!plus && d.StartsWith("00", StringComparison.Ordinal))
        {
            d = d[2..];
        }
        if (d.StartsWith("241", StringComparison.Ordinal) && d.Length is 11 or 12)
        {
            var national = d[3..];
            return national.StartsWith('0') ? national : "0" + national;
        }
        return d;
    }
}
