using System.Globalization;
using System.Text;
using MyPayGa.Client;

namespace Nop.Plugin.Payments.MyPayGa.Services;

/// <summary>Texts about MyPayGa errors for order notes and logs, built only from the exception's redacted fields.</summary>
internal static class ProviderErrors
{
    /// <summary>E.g. "payment-request: Rejected (HTTP 200, status 400): Dear customer, you have insufficient funds".</summary>
    public static string Describe(MyPayGaException ex)
    {
        var text = new StringBuilder();
        text.Append(ex.Endpoint).Append(": ").Append(ex.Kind);
        var details = new List<string>();
        if (ex.HttpStatus is { } http)
            details.Add("HTTP " + http.ToString(CultureInfo.InvariantCulture));
        if (!string.IsNullOrEmpty(ex.ProviderStatus))
            details.Add("status " + ex.ProviderStatus);
        if (ex.OutcomeUnknown)
            details.Add("outcome unknown");
        if (details.Count > 0)
            text.Append(" (").Append(string.Join(", ", details)).Append(')');
        // Message and ProviderMessage are redacted by the client; the inner exception is never used (it may hold a URL).
        text.Append(": ").Append(string.IsNullOrWhiteSpace(ex.ProviderMessage) ? ex.Message : ex.ProviderMessage);
        return text.ToString();
    }
}
