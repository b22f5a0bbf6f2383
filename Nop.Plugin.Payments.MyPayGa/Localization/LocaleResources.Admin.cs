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
        public const string SecretUnreadableOnPage = P + "SecretUnreadable.Page";
        /// <summary>{0} = the field's label.</summary>
        public const string SecretCannotBeEncrypted = P + "SecretCannotBeEncrypted";
        /// <summary>{0} = the field's label, {1} = minimum, {2} = maximum.</summary>
        public const string ExpiryRange = P + "ExpiryRange";

        public const string TestConnectionTitle = P + "TestConnection.Title";
        public const string TestConnectionHelp = P + "TestConnection.Help";
        public const string TestConnectionButton = P + "TestConnection.Button";
        /// <summary>{0} = environment.</summary>
        public const string TestConnectionSuccess = P + "TestConnection.Success";
        /// <summary>{0} = environment.</summary>
        public const string TestConnectionKeyRefused = P + "TestConnection.KeyRefused";
        /// <summary>{0} = environment, {1} = what MyPayGa said.</summary>
        public const string TestConnectionRejected = P + "TestConnection.Rejected";
        /// <summary>{0} = what went wrong.</summary>
        public const string TestConnectionUnreachable = P + "TestConnection.Unreachable";
        /// <summary>{0} = what went wrong.</summary>
        public const string TestConnectionInvalidAnswer = P + "TestConnection.InvalidAnswer";
        /// <summary>{0} = environment, {1} = the account's problems.</summary>
        public const string TestConnectionNotConfigured = P + "TestConnection.NotConfigured";
        public const string TestConnectionEnvironment = P + "TestConnection.Environment";
        public const string TestConnectionApiAddress = P + "TestConnection.ApiAddress";
        public const string TestConnectionLatency = P + "TestConnection.Latency";
        /// <summary>{0} = milliseconds.</summary>
        public const string TestConnectionMilliseconds = P + "TestConnection.Milliseconds";
        public const string TestConnectionStore = P + "TestConnection.Store";
        public const string TestConnectionAllStores = P + "TestConnection.AllStores";

        public const string WarningsTitle = P + "Warnings.Title";
        public const string WarningStoreUrlMissing = P + "Warning.StoreUrlMissing";
        /// <summary>{0} = the store's URL.</summary>
        public const string WarningStoreUrlNotHttps = P + "Warning.StoreUrlNotHttps";
        /// <summary>{0} = the store's URL.</summary>
        public const string WarningStoreUrlNotPublic = P + "Warning.StoreUrlNotPublic";
        /// <summary>{0} = the task's name.</summary>
        public const string WarningTaskMissing = P + "Warning.TaskMissing";
        /// <summary>{0} = the task's name.</summary>
        public const string WarningTaskDisabled = P + "Warning.TaskDisabled";
        /// <summary>{0} = the account's problems.</summary>
        public const string WarningAccountUnusable = P + "Warning.AccountUnusable";
        /// <summary>{0} = why (no XAF currency, no rate...).</summary>
        public const string WarningXafUnavailable = P + "Warning.XafUnavailable";
        /// <summary>{0} = the store's name, {1} = the warning.</summary>
        public const string SystemWarningForStore = P + "SystemWarning.ForStore";
        /// <summary>{0} = the warning.</summary>
        public const string SystemWarning = P + "SystemWarning";
        /// <summary>{0} = environment.</summary>
        public const string SystemWarningAllGood = P + "SystemWarning.AllGood";
        public const string SystemWarningConfigure = P + "SystemWarning.Configure";
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
        Add(AdminKeys.SecretUnreadableOnPage,
            "The saved value cannot be decrypted with this store's encryption key: enter it again.",
            "La valeur enregistrée ne peut pas être déchiffrée avec la clé de chiffrement de la boutique : saisissez-la de nouveau.");
        Add(AdminKeys.SecretCannotBeEncrypted,
            "{0}: the store could not encrypt the value, so nothing was saved. Check the store's encryption key (Configuration > Settings > All settings: securitysettings.encryptionkey, at least 16 characters) and System > Log.",
            "{0} : la boutique n'a pas pu chiffrer la valeur, rien n'a donc été enregistré. Vérifiez la clé de chiffrement de la boutique (Configuration > Paramètres > Tous les paramètres : securitysettings.encryptionkey, au moins 16 caractères) et Système > Journal.");
        Add(AdminKeys.ExpiryRange,
            "{0}: enter 0 (never cancel unpaid orders automatically) or a number of minutes between {1} and {2}.",
            "{0} : saisissez 0 (ne jamais annuler automatiquement les commandes impayées) ou un nombre de minutes compris entre {1} et {2}.");

        // Test connection
        Add(AdminKeys.TestConnectionTitle, "Test the connection", "Tester la connexion");
        Add(AdminKeys.TestConnectionHelp,
            "Checks the saved secret key of the selected environment with a harmless call to MyPayGa (it reads your fee rates; no payment is created). Save your changes first.",
            "Vérifie la clé secrète enregistrée de l'environnement choisi par un appel sans effet à MyPayGa (il lit vos taux de frais ; aucun paiement n'est créé). Enregistrez d'abord vos modifications.");
        Add(AdminKeys.TestConnectionButton, "Test connection", "Tester la connexion");
        Add(AdminKeys.TestConnectionSuccess,
            "The keys work: MyPayGa accepted the secret key of the {0} environment.",
            "Les clés fonctionnent : MyPayGa a accepté la clé secrète de l'environnement {0}.");
        Add(AdminKeys.TestConnectionKeyRefused,
            "MyPayGa refused the secret key of the {0} environment. Copy the secret key of this environment again from MyPayGa's dashboard (stest_… for Test, sprod_… for Production) and save.",
            "MyPayGa a refusé la clé secrète de l'environnement {0}. Copiez de nouveau la clé secrète de cet environnement depuis le tableau de bord MyPayGa (stest_… pour Test, sprod_… pour Production) et enregistrez.");
        Add(AdminKeys.TestConnectionRejected,
            "MyPayGa answered but did not confirm the secret key of the {0} environment: {1}",
            "MyPayGa a répondu sans confirmer la clé secrète de l'environnement {0} : {1}");
        Add(AdminKeys.TestConnectionUnreachable,
            "MyPayGa could not be reached, so the keys could not be checked: {0}",
            "MyPayGa n'a pas pu être joint, les clés n'ont donc pas pu être vérifiées : {0}");
        Add(AdminKeys.TestConnectionInvalidAnswer,
            "MyPayGa's answer could not be read, so the keys could not be checked: {0}",
            "La réponse de MyPayGa n'a pas pu être lue, les clés n'ont donc pas pu être vérifiées : {0}");
        Add(AdminKeys.TestConnectionNotConfigured,
            "The account of the {0} environment cannot be tested yet: {1}",
            "Le compte de l'environnement {0} ne peut pas encore être testé : {1}");
        Add(AdminKeys.TestConnectionEnvironment, "Environment", "Environnement");
        Add(AdminKeys.TestConnectionApiAddress, "API address", "Adresse de l'API");
        Add(AdminKeys.TestConnectionLatency, "Answer time", "Temps de réponse");
        Add(AdminKeys.TestConnectionMilliseconds, "{0} ms", "{0} ms");
        Add(AdminKeys.TestConnectionStore, "Store", "Boutique");
        Add(AdminKeys.TestConnectionAllStores, "All stores", "Toutes les boutiques");

        // Warnings (configuration page and System › Warnings)
        Add(AdminKeys.WarningsTitle, "This store cannot take MyPayGa payments reliably yet:", "Cette boutique ne peut pas encore encaisser de paiements MyPayGa de façon fiable :");
        Add(AdminKeys.WarningStoreUrlMissing,
            "The store has no URL: MyPayGa's payment confirmations (callbacks) have nowhere to go. Set the store's public https address in Configuration > Stores.",
            "La boutique n'a pas d'URL : les confirmations de paiement de MyPayGa (notifications) n'ont nulle part où arriver. Renseignez l'adresse https publique de la boutique dans Configuration > Boutiques.");
        Add(AdminKeys.WarningStoreUrlNotHttps,
            "The store URL {0} does not start with https://: MyPayGa's payment confirmations (callbacks) and card returns need the store's public https address. Set it in Configuration > Stores, then copy the three addresses to MyPayGa again.",
            "L'URL de la boutique {0} ne commence pas par https:// : les confirmations de paiement de MyPayGa (notifications) et les retours de carte ont besoin de l'adresse https publique de la boutique. Renseignez-la dans Configuration > Boutiques, puis recopiez les trois adresses chez MyPayGa.");
        Add(AdminKeys.WarningStoreUrlNotPublic,
            "The store URL {0} points to this computer or a private network: MyPayGa's payment confirmations (callbacks) can never reach it. Set the store's public https address in Configuration > Stores, then copy the three addresses to MyPayGa again.",
            "L'URL de la boutique {0} désigne cet ordinateur ou un réseau privé : les confirmations de paiement de MyPayGa (notifications) ne pourront jamais y arriver. Renseignez l'adresse https publique de la boutique dans Configuration > Boutiques, puis recopiez les trois adresses chez MyPayGa.");
        Add(AdminKeys.WarningTaskMissing,
            "The scheduled task \"{0}\" is missing: orders whose payment confirmation never arrives stay pending. Save this configuration page to add it again.",
            "La tâche planifiée « {0} » est absente : les commandes dont la confirmation de paiement n'arrive jamais restent en attente. Enregistrez cette page de configuration pour la recréer.");
        Add(AdminKeys.WarningTaskDisabled,
            "The scheduled task \"{0}\" is disabled: orders whose payment confirmation never arrives stay pending. Enable it in System > Schedule tasks.",
            "La tâche planifiée « {0} » est désactivée : les commandes dont la confirmation de paiement n'arrive jamais restent en attente. Activez-la dans Système > Tâches planifiées.");
        Add(AdminKeys.WarningAccountUnusable,
            "MyPayGa is hidden at checkout, the account cannot be used yet: {0}",
            "MyPayGa est masqué lors de la commande, le compte n'est pas encore utilisable : {0}");
        Add(AdminKeys.WarningXafUnavailable, "MyPayGa is hidden at checkout: {0}", "MyPayGa est masqué lors de la commande : {0}");
        Add(AdminKeys.SystemWarningForStore, "MyPayGa (store \"{0}\"): {1}", "MyPayGa (boutique « {0} ») : {1}");
        Add(AdminKeys.SystemWarning, "MyPayGa: {0}", "MyPayGa : {0}");
        Add(AdminKeys.SystemWarningAllGood,
            "MyPayGa: configured, no problem found ({0} environment).",
            "MyPayGa : configuré, aucun problème trouvé (environnement {0}).");
        Add(AdminKeys.SystemWarningConfigure, "Open the MyPayGa configuration", "Ouvrir la configuration MyPayGa");
    }
}
