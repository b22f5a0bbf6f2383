using Nop.Services.Security;

namespace Nop.Plugin.Payments.MyPayGa.Services;

/// <summary>What a stored secret setting holds.</summary>
public enum StoredSecretState
{
    /// <summary>Nothing saved.</summary>
    Empty,
    /// <summary>Saved in clear by a version before 4.90.2 (migrated by the plugin's update; still usable).</summary>
    Clear,
    /// <summary>Saved encrypted and decrypted fine.</summary>
    Protected,
    /// <summary>Saved encrypted but it does not decrypt with this store's encryption key: the key must be entered again.</summary>
    Unreadable,
}

/// <summary>A stored secret, read: its state and, when usable, its value.</summary>
public readonly record struct StoredSecret(StoredSecretState State, string? Value)
{
    public static StoredSecret Empty => new(StoredSecretState.Empty, null);

    public bool IsUsable => State is StoredSecretState.Clear or StoredSecretState.Protected;

    /// <summary>Never prints the value.</summary>
    public override string ToString() => $"StoredSecret {{ State = {State} }}";
}

/// <summary>The store's encryption could not protect a secret (e.g. its encryption key is unusable). Carries no secret.</summary>
public sealed class MyPayGaKeyProtectionException(string message, Exception? innerException = null)
    : Exception(message, innerException);

/// <summary>
/// Keeps the secret settings (test and production secret keys, callback secret) encrypted at rest with nopCommerce's
/// <see cref="IEncryptionService"/>, whose key is the store's own (Configuration › Settings › All settings:
/// securitysettings.encryptionkey), so the values travel with the store's database.
/// </summary>
public interface IMyPayGaKeyProtector
{
    /// <summary>
    /// The stored form of a secret ("mpgenc1:" + nopCommerce's ciphertext). Blank gives null; an already protected
    /// value is returned as it is. Throws <see cref="MyPayGaKeyProtectionException"/> when the store cannot encrypt
    /// and decrypt it back (nothing is saved then).
    /// </summary>
    string? Protect(string? secret);

    /// <summary>Whether a stored value is in the protected form.</summary>
    bool IsProtected(string? stored);

    /// <summary>Reads a stored value: never throws, never returns the ciphertext as a key.</summary>
    StoredSecret Read(string? stored);
}

/// <inheritdoc />
public class MyPayGaKeyProtector : IMyPayGaKeyProtector
{
    /// <summary>Marks a stored value as encrypted (values saved in clear by older versions do not have it).</summary>
    public const string StoredPrefix = "mpgenc1:";

    /// <summary>
    /// Encrypted with the secret, so that a value decrypted with the wrong key (which usually throws, but may also give
    /// garbage) is recognised as unreadable instead of being used as a key.
    /// </summary>
    private const string PlainMarker = "MyPayGa|";

    private readonly IEncryptionService _encryptionService;

    public MyPayGaKeyProtector(IEncryptionService encryptionService)
    {
        _encryptionService = encryptionService;
    }

    public string? Protect(string? secret)
    {
        if (string.IsNullOrWhiteSpace(secret))
            return null;

        var value = secret.Trim();
        if (IsProtected(value))
            return value;

        string cipherText;
        try
        {
            cipherText = _encryptionService.EncryptText(PlainMarker + value);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new MyPayGaKeyProtectionException(
                $"The store's encryption service could not encrypt the secret ({ex.GetType().Name}); check the store's encryption key.");
        }

        var stored = StoredPrefix + cipherText;
        // Saved only if it reads back: a key that cannot be decrypted later would silently stop payments.
        var check = Read(stored);
        if (check.State != StoredSecretState.Protected || !string.Equals(check.Value, value, StringComparison.Ordinal))
            throw new MyPayGaKeyProtectionException("The store's encryption service did not give the secret back when decrypting it; nothing was saved.");

        return stored;
    }

    public bool IsProtected(string? stored) =>
        stored is not null && stored.TrimStart().StartsWith(StoredPrefix, StringComparison.Ordinal);

    public StoredSecret Read(string? stored)
    {
        if (string.IsNullOrWhiteSpace(stored))
            return StoredSecret.Empty;

        var trimmed = stored.Trim();
        if (!IsProtected(trimmed))
            return new StoredSecret(StoredSecretState.Clear, trimmed);

        var cipherText = trimmed[StoredPrefix.Length..];
        if (cipherText.Length == 0)
            return new StoredSecret(StoredSecretState.Unreadable, null);

        string plain;
        try
        {
            plain = _encryptionService.DecryptText(cipherText);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Wrong key (bad padding), changed algorithm, damaged text (not base64), unusable encryption key...
            return new StoredSecret(StoredSecretState.Unreadable, null);
        }

        if (plain is null || !plain.StartsWith(PlainMarker, StringComparison.Ordinal) || plain.Length == PlainMarker.Length)
            return new StoredSecret(StoredSecretState.Unreadable, null);

        return new StoredSecret(StoredSecretState.Protected, plain[PlainMarker.Length..]);
    }
}
