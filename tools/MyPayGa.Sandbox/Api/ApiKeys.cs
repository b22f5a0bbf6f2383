using System.Security.Cryptography;
using System.Text;

namespace MyPayGa.Sandbox.Api;

public enum KeyKind
{
    /// <summary>Server-side calls (stest_...).</summary>
    Secret,
    /// <summary>The card form posted by the shopper's browser (ptest_...).</summary>
    Public,
}

/// <summary>Checks the <c>apikey</c> parameter. Messages never repeat the key.</summary>
internal static class ApiKeys
{
    /// <summary>Null when the key is the account's key of that kind; otherwise why not.</summary>
    public static string? Check(string? key, KeyKind kind, SandboxOptions options)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            return "apikey is required.";
        }
        var expected = kind == KeyKind.Secret ? options.SecretKey : options.PublicKey;
        if (SameKey(key, expected))
        {
            return null;
        }
        if (key.StartsWith("sprod_", StringComparison.OrdinalIgnoreCase) ||
            key.StartsWith("pprod_", StringComparison.OrdinalIgnoreCase))
        {
            return "The sandbox only accepts test keys (stest_/ptest_): this looks like a production key. " +
                   "Never use production keys against the sandbox.";
        }
        if (kind == KeyKind.Secret && SameKey(key, options.PublicKey))
        {
            return "This endpoint needs the secret key (stest_...): the public key is only for the card form.";
        }
        if (kind == KeyKind.Public && SameKey(key, options.SecretKey))
        {
            return "The card form takes the public key (ptest_...): never put the secret key in a browser form.";
        }
        return "Invalid API key for this sandbox account.";
    }

    private static bool SameKey(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given.Trim()), Encoding.UTF8.GetBytes(expected));
}
