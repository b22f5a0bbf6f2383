namespace Nop.Plugin.Payments.MyPayGa.Localization;

// The resources of the store owner's tools: encrypted keys, "Test connection", the warnings shown on the configuration
// page and in System › Warnings. Texts with {0}, {1}... are format strings (arguments documented per key).
public static partial class LocaleResources
{
    /// <summary>Names of the resources of the admin tools.</summary>
    public static class AdminKeys
    {
        private const string P = MyPayGaDefaults.ResourcePrefix + "Admin.";

        /// <summary>{0} = the field's label (Test secret key...).</summary>
        public const string SecretUnreadable = P + "SecretUnreadable";
    }

    static partial void AddAdmin(Dictionary<string, string> en, Dictionary<string, string> fr)
    {
        void Add(string key, string english, string french)
        {
            en.Add(key, english);
            fr.Add(key, french);
        }

        // Encrypted keys
        Add(AdminKeys.SecretUnreadable,
            "{0}: the saved value cannot be decrypted with this store's encryption key (the database may come from another installation, or the store's encryption key was changed). Enter it again on the MyPayGa configuration page.",
            "{0} : la valeur enregistrée ne peut pas être déchiffrée avec la clé de chiffrement de cette boutique (la base de données vient peut-être d'une autre installation, ou la clé de chiffrement de la boutique a changé). Saisissez-la de nouveau sur la page de configuration MyPayGa.");
    }
}
