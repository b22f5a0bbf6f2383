namespace Nop.Services.Security;

// Subset: called by the plugin, not implemented.
public partial interface IEncryptionService
{
    string EncryptText(string plainText, string encryptionPrivateKey = "");

    string DecryptText(string cipherText, string encryptionPrivateKey = "");
}
