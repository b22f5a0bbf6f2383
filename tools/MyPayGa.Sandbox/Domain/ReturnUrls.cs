namespace MyPayGa.Sandbox.Domain;

/// <summary>Where the card form sends the shopper back. What MyPayGa appends is undocumented: see ReturnQuery.</summary>
public static class ReturnUrls
{
    /// <summary>The success or failure URL for this outcome, or null when the merchant has none.</summary>
    public static string? For(MerchantSettings merchant, PaymentSnapshot payment, bool succeeded)
    {
        var url = succeeded ? merchant.SuccessUrl : merchant.FailureUrl;
        if (url is null)
        {
            return null;
        }
        var query = merchant.ReturnQuery switch
        {
            ReturnQueryMode.Token => new[] { ("payment_token", payment.Token) },
            ReturnQueryMode.Full =>
            [
                ("payment_token", payment.Token),
                ("unique_id", payment.UniqueId),
                ("status", payment.StatusText),
            ],
            _ => [],
        };
        if (query.Length == 0)
        {
            return url;
        }
        var encoded = string.Join("&", query.Select(q => $"{q.Item1}={Uri.EscapeDataString(q.Item2)}"));
        return url + (url.Contains('?') ? "&" : "?") + encoded;
    }
}
