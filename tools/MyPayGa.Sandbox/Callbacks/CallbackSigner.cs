using System.Security.Cryptography;
using System.Text;

namespace MyPayGa.Sandbox.Callbacks;

/// <summary>
/// The callback signature seen in public integrations of an older MyPayGa endpoint (unofficial):
/// lowercase hex HMAC-SHA512 over order_status + unique_id + amount + payment_token + payment_method + message
/// + client_phone (UTF-8, no separators), keyed with the merchant secret's UTF-8 bytes.
/// </summary>
public static class CallbackSigner
{
    public static string Sign(string secret, string orderStatus, string uniqueId, string amount, string paymentToken,
        string paymentMethod, string message, string clientPhone)
    {
        var data = string.Concat(orderStatus, uniqueId, amount, paymentToken, paymentMethod, message, clientPhone);
        return Convert.ToHexStringLower(HMACSHA512.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(data)));
    }

    /// <summary>Signs a callback's fields by name (the names the sandbox sends).</summary>
    public static string Sign(string secret, IReadOnlyDictionary<string, string> fields) => Sign(secret,
        fields["order_status"], fields["unique_id"], fields["amount"], fields["payment_token"],
        fields["payment_method"], fields["message"], fields["client_phone"]);
}
