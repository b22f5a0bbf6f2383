using System.Security.Cryptography;
using System.Text;
using Nop.Services.Security;

namespace Nop.Plugin.Payments.MyPayGa.Tests.Support;

/// <summary>
/// Behaves like nopCommerce 4.90's EncryptionService for text (as read in its source): a symmetric cipher (TripleDES, or
/// AES when the store says so) keyed with the first 16 characters of the store's encryption key, the IV taken from its
/// last characters, UTF-16 text, base64 out. A value encrypted under another key fails to decrypt (bad padding) or
/// decrypts to garbage — what the plugin must recognise. Counts calls, so tests can see what was encrypted.
/// </summary>
public sealed class FakeEncryptionService : IEncryptionService
{
    public FakeEncryptionService(string encryptionKey = "4kx9TqL2mWz7Rv1cYp3N")
    {
        EncryptionKey = encryptionKey;
    }

    /// <summary>The store's key (securitysettings.encryptionkey); change it to play "the database moved".</summary>
    public string EncryptionKey { get; set; }

    public bool UseAes { get; set; }

    /// <summary>Throws from every call (a store whose encryption is broken).</summary>
    public Exception? FailWith { get; set; }

    public int EncryptCalls { get; private set; }

    public string EncryptText(string plainText, string encryptionPrivateKey = "")
    {
        EncryptCalls++;
        if (FailWith is not null)
            throw FailWith;
        if (string.IsNullOrEmpty(plainText))
            return plainText;

        using var algorithm = Create(string.IsNullOrEmpty(encryptionPrivateKey) ? EncryptionKey : encryptionPrivateKey);
        using var encryptor = algorithm.CreateEncryptor();
        var bytes = Encoding.Unicode.GetBytes(plainText);
        return Convert.ToBase64String(encryptor.TransformFinalBlock(bytes, 0, bytes.Length));
    }

    public string DecryptText(string cipherText, string encryptionPrivateKey = "")
    {
        if (FailWith is not null)
            throw FailWith;
        if (string.IsNullOrEmpty(cipherText))
            return cipherText;

        using var algorithm = Create(string.IsNullOrEmpty(encryptionPrivateKey) ? EncryptionKey : encryptionPrivateKey);
        using var decryptor = algorithm.CreateDecryptor();
        var bytes = Convert.FromBase64String(cipherText);
        return Encoding.Unicode.GetString(decryptor.TransformFinalBlock(bytes, 0, bytes.Length));
    }

    private SymmetricAlgorithm Create(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        SymmetricAlgorithm algorithm = UseAes ? Aes.Create() : TripleDES.Create();
        var ivLength = algorithm.BlockSize / 8;
        algorithm.Key = Encoding.ASCII.GetBytes(key[..16]);
        algorithm.IV = Encoding.ASCII.GetBytes(key[^ivLength..]);
        return algorithm;
    }
}
