namespace Nop.Plugin.Payments.MyPayGa.Localization;

// The resources of the controllers, views and view components: the shopper's pages and the admin configuration page.
// Texts with {0}, {1}... are format strings (arguments documented per key).
public static partial class LocaleResources
{
    /// <summary>Names of the resources used by the web side (controllers, views, view components).</summary>
    public static class WebKeys
    {
        private const string P = MyPayGaDefaults.ResourcePrefix;
        private const string F = P + "Fields.";

        /// <summary>{0} = the amount, already formatted with group separators (when the store has no usable XAF format).</summary>
        public const string CommonAmountXaf = P + "Common.AmountXaf";
        public const string CommonOrderNumber = P + "Common.OrderNumber";
        public const string CommonAmount = P + "Common.Amount";
        public const string CommonPhone = P + "Common.Phone";
        public const string CommonOperator = P + "Common.Operator";
        public const string OperatorAirtelMoney = P + "Operator.AirtelMoney";
        public const string OperatorMoovMoney = P + "Operator.MoovMoney";

        public const string PaymentInfoChannelLegend = P + "PaymentInfo.ChannelLegend";
        public const string PaymentInfoMobileMoney = P + "PaymentInfo.MobileMoney";
        public const string PaymentInfoMobileMoneyDescription = P + "PaymentInfo.MobileMoney.Description";
        public const string PaymentInfoCard = P + "PaymentInfo.Card";
        public const string PaymentInfoCardDescription = P + "PaymentInfo.Card.Description";
        public const string PaymentInfoCardHelp = P + "PaymentInfo.Card.Help";
        public const string PaymentInfoPhone = P + "PaymentInfo.Phone";
        public const string PaymentInfoPhonePlaceholder = P + "PaymentInfo.Phone.Placeholder";
        public const string PaymentInfoPhoneHelp = P + "PaymentInfo.Phone.Help";
        public const string PaymentInfoCardPhone = P + "PaymentInfo.CardPhone";
        public const string PaymentInfoCardPhoneHelp = P + "PaymentInfo.CardPhone.Help";
        public const string PaymentInfoCardPhoneHelpRequired = P + "PaymentInfo.CardPhone.HelpRequired";
        /// <summary>{0} = the operator's name.</summary>
        public const string PaymentInfoOperatorRecognised = P + "PaymentInfo.OperatorRecognised";
        public const string PaymentInfoNotMobileMoney = P + "PaymentInfo.NotMobileMoney";
        public const string PaymentInfoForeignNumber = P + "PaymentInfo.ForeignNumber";

        public const string PendingTitle = P + "Pending.Title";
        public const string PendingCardTitle = P + "Pending.CardTitle";
        public const string PendingInstructions = P + "Pending.Instructions";
        public const string PendingNoPrompt = P + "Pending.NoPrompt";
        public const string PendingCardInstructions = P + "Pending.CardInstructions";
        public const string PendingElapsed = P + "Pending.Elapsed";
        public const string PendingCheckNow = P + "Pending.CheckNow";
        public const string PendingTimedOut = P + "Pending.TimedOut";
        public const string PendingNoScript = P + "Pending.NoScript";
        public const string PendingRetry = P + "Pending.Retry";
        public const string PendingOrderDetails = P + "Pending.OrderDetails";
        public const string PendingFailedInstructions = P + "Pending.FailedInstructions";

        public const string StatusNotStarted = P + "Status.NotStarted";
        public const string StatusPending = P + "Status.Pending";
        public const string StatusPendingCard = P + "Status.PendingCard";
        public const string StatusPaid = P + "Status.Paid";
        public const string StatusHeldForReview = P + "Status.HeldForReview";
        public const string StatusFailed = P + "Status.Failed";
        /// <summary>{0} = why, a sentence for the shopper (LocaleResources.Shopper.cs, from MyPayGa's words).</summary>
        public const string StatusFailedWithReason = P + "Status.FailedWithReason";
        public const string StatusAmountMismatch = P + "Status.AmountMismatch";
        public const string StatusProviderUnavailable = P + "Status.ProviderUnavailable";
        public const string StatusOrderCancelled = P + "Status.OrderCancelled";

        public const string RetryTitle = P + "Retry.Title";
        public const string RetryIntro = P + "Retry.Intro";
        public const string RetryLastFailure = P + "Retry.LastFailure";
        public const string RetryPreviousPending = P + "Retry.PreviousPending";
        public const string RetrySubmit = P + "Retry.Submit";
        public const string RetryChannelUnavailable = P + "Retry.ChannelUnavailable";
        public const string RetryUnavailable = P + "Retry.Unavailable";

        public const string CardTitle = P + "Card.Title";
        public const string CardRedirecting = P + "Card.Redirecting";
        public const string CardContinue = P + "Card.Continue";
        public const string CardNoScript = P + "Card.NoScript";

        public const string ResultFailedTitle = P + "Result.Failed.Title";
        public const string ResultHeldForReviewTitle = P + "Result.HeldForReview.Title";
        public const string ResultAmountMismatchTitle = P + "Result.AmountMismatch.Title";
        public const string ResultOrderNotFoundTitle = P + "Result.OrderNotFound.Title";
        public const string ResultOrderNotFoundMessage = P + "Result.OrderNotFound.Message";
        public const string ResultCannotPayTitle = P + "Result.CannotPay.Title";
        public const string ResultCannotPayMessage = P + "Result.CannotPay.Message";
        public const string ResultUnavailableTitle = P + "Result.Unavailable.Title";
        public const string ResultUnavailableMessage = P + "Result.Unavailable.Message";
        public const string ResultReason = P + "Result.Reason";
        public const string ResultRetry = P + "Result.Retry";
        public const string ResultOrderDetails = P + "Result.OrderDetails";
        public const string ResultMyOrders = P + "Result.MyOrders";

        public const string EnvironmentTest = P + "Environment.Test";
        public const string EnvironmentProduction = P + "Environment.Production";
        public const string RiskyCardPolicyHoldForReview = P + "RiskyCardPolicy.HoldForReview";
        public const string RiskyCardPolicyMarkPaid = P + "RiskyCardPolicy.MarkPaid";

        public const string ConfigureSecretSaved = P + "Configure.SecretSaved";
        public const string ConfigureSecretNotSaved = P + "Configure.SecretNotSaved";
        public const string ConfigureClearSecret = P + "Configure.ClearSecret";
        public const string ConfigureUrlsTitle = P + "Configure.Urls.Title";
        public const string ConfigureUrlsHelp = P + "Configure.Urls.Help";
        public const string ConfigureUrlsNoStoreUrl = P + "Configure.Urls.NoStoreUrl";
        public const string ConfigureCopy = P + "Configure.Copy";
        public const string ConfigureCopied = P + "Configure.Copied";
        public const string ConfigureKeysTitle = P + "Configure.Keys.Title";
        public const string ConfigureCheckoutTitle = P + "Configure.Checkout.Title";
        public const string ConfigureAdvancedTitle = P + "Configure.Advanced.Title";
        public const string ConfigureSandboxHelp = P + "Configure.SandboxHelp";
        /// <summary>{0} = why (from the currency check).</summary>
        public const string ConfigureXafUnavailable = P + "Configure.XafUnavailable";
        public const string ConfigureAccountProblems = P + "Configure.AccountProblems";
        /// <summary>{0} = the field's label (same for the other ConfigureError* keys unless stated).</summary>
        public const string ConfigureErrorProductionKeyInTestField = P + "Configure.Error.ProductionKeyInTestField";
        public const string ConfigureErrorTestKeyInProductionField = P + "Configure.Error.TestKeyInProductionField";
        public const string ConfigureErrorSecretKeyInPublicField = P + "Configure.Error.SecretKeyInPublicField";
        public const string ConfigureErrorPublicKeyInSecretField = P + "Configure.Error.PublicKeyInSecretField";
        public const string ConfigureErrorInvalidUrl = P + "Configure.Error.InvalidUrl";
        /// <summary>{0} = the field's label, {1} = minimum, {2} = maximum.</summary>
        public const string ConfigureErrorRange = P + "Configure.Error.Range";
        public const string ConfigureErrorNegative = P + "Configure.Error.Negative";
        public const string ConfigureErrorDescriptionTemplate = P + "Configure.Error.DescriptionTemplate";
        public const string ConfigureErrorInvalidChoice = P + "Configure.Error.InvalidChoice";
        public const string ConfigureErrorNoChannel = P + "Configure.Error.NoChannel";

        public const string FieldEnvironment = F + "Environment";
        public const string FieldTestSecretKey = F + "TestSecretKey";
        public const string FieldTestPublicKey = F + "TestPublicKey";
        public const string FieldProductionSecretKey = F + "ProductionSecretKey";
        public const string FieldProductionPublicKey = F + "ProductionPublicKey";
        public const string FieldCallbackSecret = F + "CallbackSecret";
        public const string FieldApiBaseUrlOverride = F + "ApiBaseUrlOverride";
        public const string FieldCardFormUrlOverride = F + "CardFormUrlOverride";
        public const string FieldMobileMoneyEnabled = F + "MobileMoneyEnabled";
        public const string FieldCardEnabled = F + "CardEnabled";
        public const string FieldRiskyCardPolicy = F + "RiskyCardPolicy";
        public const string FieldCancelOrderOnFailure = F + "CancelOrderOnFailure";
        public const string FieldRequestTimeoutSeconds = F + "RequestTimeoutSeconds";
        public const string FieldStatusCacheSeconds = F + "StatusCacheSeconds";
        public const string FieldPendingPaymentExpiryMinutes = F + "PendingPaymentExpiryMinutes";
        public const string FieldAdditionalFee = F + "AdditionalFee";
        public const string FieldAdditionalFeePercentage = F + "AdditionalFeePercentage";
        public const string FieldPaymentDescriptionTemplate = F + "PaymentDescriptionTemplate";
        public const string FieldCallbackUrl = F + "CallbackUrl";
        public const string FieldSuccessUrl = F + "SuccessUrl";
        public const string FieldFailureUrl = F + "FailureUrl";

        /// <summary>nopCommerce shows "{label key}.Hint" as the help bubble of an admin field.</summary>
        public const string HintSuffix = ".Hint";
    }

    static partial void AddWeb(Dictionary<string, string> en, Dictionary<string, string> fr)
    {
        void Add(string key, string english, string french)
        {
            en.Add(key, english);
            fr.Add(key, french);
        }

        void Field(string key, string english, string french, string englishHint, string frenchHint)
        {
            Add(key, english, french);
            Add(key + WebKeys.HintSuffix, englishHint, frenchHint);
        }

        // Shared bits
        Add(WebKeys.CommonAmountXaf, "{0} FCFA", "{0} FCFA");
        Add(WebKeys.CommonOrderNumber, "Order number", "Numéro de commande");
        Add(WebKeys.CommonAmount, "Amount", "Montant");
        Add(WebKeys.CommonPhone, "Phone", "Téléphone");
        Add(WebKeys.CommonOperator, "Operator", "Opérateur");
        Add(WebKeys.OperatorAirtelMoney, "Airtel Money", "Airtel Money");
        Add(WebKeys.OperatorMoovMoney, "Moov Money", "Moov Money");

        // Checkout: payment-info block
        Add(WebKeys.PaymentInfoChannelLegend, "How would you like to pay?", "Comment souhaitez-vous payer ?");
        Add(WebKeys.PaymentInfoMobileMoney, "Mobile Money", "Mobile Money");
        Add(WebKeys.PaymentInfoMobileMoneyDescription, "Airtel Money, Moov Money", "Airtel Money, Moov Money");
        Add(WebKeys.PaymentInfoCard, "Bank card", "Carte bancaire");
        Add(WebKeys.PaymentInfoCardDescription, "Visa, Mastercard", "Visa, Mastercard");
        Add(WebKeys.PaymentInfoCardHelp,
            "After confirming your order, you will enter your card details on MyPayGa's secure page.",
            "Après avoir confirmé votre commande, vous saisirez les données de votre carte sur la page sécurisée de MyPayGa.");
        Add(WebKeys.PaymentInfoPhone, "Mobile Money number", "Numéro Mobile Money");
        Add(WebKeys.PaymentInfoPhonePlaceholder, "074 12 34 56", "074 12 34 56");
        Add(WebKeys.PaymentInfoPhoneHelp,
            "You will confirm the payment on this phone. For example 074 12 34 56 or +241 74 12 34 56.",
            "Vous confirmerez le paiement sur ce téléphone. Par exemple 074 12 34 56 ou +241 74 12 34 56.");
        Add(WebKeys.PaymentInfoCardPhone, "Phone number (for MyPayGa's receipt)", "Numéro de téléphone (pour le reçu MyPayGa)");
        Add(WebKeys.PaymentInfoCardPhoneHelp,
            "Prefilled with the number we have for you; change it if needed.",
            "Prérempli avec le numéro que nous avons pour vous ; modifiez-le si besoin.");
        Add(WebKeys.PaymentInfoCardPhoneHelpRequired,
            "MyPayGa needs a phone number for every card payment.",
            "MyPayGa demande un numéro de téléphone pour tout paiement par carte.");
        Add(WebKeys.PaymentInfoOperatorRecognised, "Recognised: {0}", "Reconnu : {0}");
        Add(WebKeys.PaymentInfoNotMobileMoney,
            "This Gabonese number is not an Airtel Money or Moov Money number.",
            "Ce numéro gabonais n'est pas un numéro Airtel Money ou Moov Money.");
        Add(WebKeys.PaymentInfoForeignNumber,
            "Number outside Gabon: make sure it can pay by Mobile Money through MyPayGa.",
            "Numéro hors du Gabon : assurez-vous qu'il peut payer par Mobile Money avec MyPayGa.");

        // Pending page
        Add(WebKeys.PendingTitle, "Confirm the payment on your phone", "Confirmez le paiement sur votre téléphone");
        Add(WebKeys.PendingCardTitle, "Waiting for the bank's confirmation", "En attente de la confirmation de la banque");
        Add(WebKeys.PendingInstructions,
            "We sent a payment request to your phone. Unlock it and confirm with your Mobile Money PIN. This page updates by itself.",
            "Nous avons envoyé une demande de paiement sur votre téléphone. Déverrouillez-le et confirmez avec votre code secret Mobile Money. Cette page se met à jour toute seule.");
        Add(WebKeys.PendingNoPrompt,
            "No message on your phone? Check that it is switched on and has network, look for pending payments in your operator's Mobile Money menu, or try again.",
            "Pas de message sur votre téléphone ? Vérifiez qu'il est allumé et qu'il capte le réseau, cherchez les paiements en attente dans le menu Mobile Money de votre opérateur, ou réessayez.");
        Add(WebKeys.PendingCardInstructions,
            "Your card payment is being confirmed by the bank. This page updates by itself.",
            "Votre paiement par carte est en cours de confirmation par la banque. Cette page se met à jour toute seule.");
        Add(WebKeys.PendingElapsed, "Time elapsed", "Temps écoulé");
        Add(WebKeys.PendingCheckNow, "Check now", "Vérifier maintenant");
        Add(WebKeys.PendingTimedOut,
            "We still have no answer. If you confirmed the payment, your order will be updated as soon as MyPayGa tells us. You can check again, or come back later to your order details.",
            "Toujours pas de réponse. Si vous avez confirmé le paiement, votre commande sera mise à jour dès que MyPayGa nous le signalera. Vous pouvez vérifier à nouveau, ou revenir plus tard sur le détail de votre commande.");
        Add(WebKeys.PendingNoScript,
            "This page cannot update by itself in your browser: press “Check now” once you have confirmed the payment.",
            "Cette page ne peut pas se mettre à jour toute seule dans votre navigateur : appuyez sur « Vérifier maintenant » une fois le paiement confirmé.");
        Add(WebKeys.PendingRetry, "Try again", "Réessayer");
        Add(WebKeys.PendingOrderDetails, "View order details", "Voir le détail de la commande");
        Add(WebKeys.PendingFailedInstructions,
            "Your order is saved but not paid yet. Press “Try again” to pay it, with another number or card if needed.",
            "Votre commande est enregistrée mais n'est pas encore payée. Appuyez sur « Réessayer » pour la payer, au besoin avec un autre numéro ou une autre carte.");

        // Status messages (pending page and its polling)
        Add(WebKeys.StatusNotStarted, "Choose how you want to pay to continue.", "Choisissez votre moyen de paiement pour continuer.");
        Add(WebKeys.StatusPending, "Waiting for your confirmation on your phone…", "En attente de votre confirmation sur votre téléphone…");
        Add(WebKeys.StatusPendingCard, "Waiting for the bank's confirmation…", "En attente de la confirmation de la banque…");
        Add(WebKeys.StatusPaid, "Payment received, thank you! Taking you to your order…", "Paiement reçu, merci ! Redirection vers votre commande…");
        Add(WebKeys.StatusHeldForReview,
            "Your payment was received and is under review. We will confirm your order shortly.",
            "Votre paiement a bien été reçu et il est en cours de vérification. Nous confirmerons votre commande sous peu.");
        Add(WebKeys.StatusFailed, "The payment did not go through.", "Le paiement n'a pas abouti.");
        Add(WebKeys.StatusFailedWithReason, "The payment did not go through. {0}", "Le paiement n'a pas abouti. {0}");
        Add(WebKeys.StatusAmountMismatch,
            "We received a payment that does not match the order amount. Please do not pay again: the store will contact you.",
            "Nous avons reçu un paiement qui ne correspond pas au montant de la commande. Ne payez pas une seconde fois : la boutique va vous contacter.");
        Add(WebKeys.StatusProviderUnavailable,
            "We could not confirm your payment yet. We keep checking…",
            "Nous n'avons pas encore pu confirmer votre paiement. Nous continuons de vérifier…");
        Add(WebKeys.StatusOrderCancelled,
            "The payment did not go through and this order has been cancelled.",
            "Le paiement n'a pas abouti et cette commande a été annulée.");

        // Retry page
        Add(WebKeys.RetryTitle, "Pay your order", "Payer votre commande");
        Add(WebKeys.RetryIntro,
            "Your order is placed. Choose how you want to pay it.",
            "Votre commande est enregistrée. Choisissez comment vous souhaitez la payer.");
        Add(WebKeys.RetryLastFailure, "Your last attempt did not go through", "Votre dernière tentative n'a pas abouti");
        Add(WebKeys.RetryPreviousPending,
            "A payment request may still be waiting on your phone. If you confirm it, do not start a new one.",
            "Une demande de paiement attend peut-être encore sur votre téléphone. Si vous la confirmez, n'en lancez pas une nouvelle.");
        Add(WebKeys.RetrySubmit, "Pay now", "Payer maintenant");
        Add(WebKeys.RetryChannelUnavailable,
            "This payment option is not available. Please choose another one.",
            "Ce moyen de paiement n'est pas disponible. Veuillez en choisir un autre.");
        Add(WebKeys.RetryUnavailable,
            "MyPayGa payments are not available at the moment. Please try again later.",
            "Les paiements MyPayGa ne sont pas disponibles pour le moment. Veuillez réessayer plus tard.");

        // Card auto-post page
        Add(WebKeys.CardTitle, "Card payment", "Paiement par carte");
        Add(WebKeys.CardRedirecting, "Taking you to MyPayGa's secure card form…", "Redirection vers le formulaire de carte sécurisé de MyPayGa…");
        Add(WebKeys.CardContinue, "Continue to the secure card form", "Continuer vers le formulaire de carte sécurisé");
        Add(WebKeys.CardNoScript, "If nothing happens, press the button below.", "Si rien ne se passe, appuyez sur le bouton ci-dessous.");

        // Result page (return pages and errors)
        Add(WebKeys.ResultFailedTitle, "Payment not completed", "Paiement non abouti");
        Add(WebKeys.ResultHeldForReviewTitle, "Payment under review", "Paiement en cours de vérification");
        Add(WebKeys.ResultAmountMismatchTitle, "Your payment needs checking", "Votre paiement doit être vérifié");
        Add(WebKeys.ResultOrderNotFoundTitle, "We could not find your order", "Nous n'avons pas retrouvé votre commande");
        Add(WebKeys.ResultOrderNotFoundMessage,
            "We could not find a recent MyPayGa order of yours in this browser. If you paid, the payment will still be recorded: look at your orders, or contact the store.",
            "Nous n'avons pas retrouvé de commande MyPayGa récente à votre nom dans ce navigateur. Si vous avez payé, le paiement sera tout de même enregistré : consultez vos commandes ou contactez la boutique.");
        Add(WebKeys.ResultCannotPayTitle, "This order cannot be paid", "Cette commande ne peut pas être payée");
        Add(WebKeys.ResultCannotPayMessage, "This order is no longer waiting for a payment.", "Cette commande n'attend plus de paiement.");
        Add(WebKeys.ResultUnavailableTitle, "Payment unavailable", "Paiement indisponible");
        Add(WebKeys.ResultUnavailableMessage,
            "MyPayGa payments are not available at the moment. Please try again later or contact the store.",
            "Les paiements MyPayGa ne sont pas disponibles pour le moment. Veuillez réessayer plus tard ou contacter la boutique.");
        Add(WebKeys.ResultReason, "Reason", "Motif");
        Add(WebKeys.ResultRetry, "Try again", "Réessayer");
        Add(WebKeys.ResultOrderDetails, "View order details", "Voir le détail de la commande");
        Add(WebKeys.ResultMyOrders, "My orders", "Mes commandes");

        // Admin: choices
        Add(WebKeys.EnvironmentTest, "Test", "Test");
        Add(WebKeys.EnvironmentProduction, "Production", "Production");
        Add(WebKeys.RiskyCardPolicyHoldForReview, "Hold the order for review", "Mettre la commande en attente de vérification");
        Add(WebKeys.RiskyCardPolicyMarkPaid, "Mark the order paid (with a note)", "Marquer la commande comme payée (avec une note)");

        // Admin: page texts
        Add(WebKeys.ConfigureSecretSaved, "Saved. Leave empty to keep it.", "Enregistrée. Laissez vide pour la conserver.");
        Add(WebKeys.ConfigureSecretNotSaved, "Not set.", "Non renseignée.");
        Add(WebKeys.ConfigureClearSecret, "Remove the saved value", "Supprimer la valeur enregistrée");
        Add(WebKeys.ConfigureUrlsTitle, "URLs to register in your MyPayGa dashboard", "Adresses à déclarer dans votre tableau de bord MyPayGa");
        Add(WebKeys.ConfigureUrlsHelp,
            "Copy these three addresses into your MyPayGa dashboard, in test and in production. They are built from the URL of the store chosen above (Configuration > Stores).",
            "Copiez ces trois adresses dans votre tableau de bord MyPayGa, en test comme en production. Elles sont construites à partir de l'URL de la boutique choisie ci-dessus (Configuration > Boutiques).");
        Add(WebKeys.ConfigureUrlsNoStoreUrl,
            "The store has no URL: set it in Configuration > Stores to see the addresses to register.",
            "La boutique n'a pas d'URL : renseignez-la dans Configuration > Boutiques pour voir les adresses à déclarer.");
        Add(WebKeys.ConfigureCopy, "Copy", "Copier");
        Add(WebKeys.ConfigureCopied, "Copied", "Copié");
        Add(WebKeys.ConfigureKeysTitle, "Account and keys", "Compte et clés");
        Add(WebKeys.ConfigureCheckoutTitle, "Checkout", "Paiement en caisse");
        Add(WebKeys.ConfigureAdvancedTitle, "Advanced", "Avancé");
        Add(WebKeys.ConfigureSandboxHelp,
            "To try everything without a MyPayGa account, start the MyPayGa sandbox and enter its address in the two fields below (see the store owner guide).",
            "Pour tout essayer sans compte MyPayGa, lancez le bac à sable MyPayGa et saisissez son adresse dans les deux champs ci-dessous (voir le guide marchand).");
        Add(WebKeys.ConfigureXafUnavailable, "MyPayGa is hidden at checkout: {0}", "MyPayGa est masqué lors de la commande : {0}");
        Add(WebKeys.ConfigureAccountProblems,
            "The MyPayGa account of this store cannot be used yet:",
            "Le compte MyPayGa de cette boutique n'est pas encore utilisable :");
        Add(WebKeys.ConfigureErrorProductionKeyInTestField,
            "{0}: this is a production key (sprod_ / pprod_); it cannot be saved as a test key.",
            "{0} : il s'agit d'une clé de production (sprod_ / pprod_) ; elle ne peut pas être enregistrée comme clé de test.");
        Add(WebKeys.ConfigureErrorTestKeyInProductionField,
            "{0}: this is a test key (stest_ / ptest_); it cannot be saved as a production key.",
            "{0} : il s'agit d'une clé de test (stest_ / ptest_) ; elle ne peut pas être enregistrée comme clé de production.");
        Add(WebKeys.ConfigureErrorSecretKeyInPublicField,
            "{0}: this is a secret key. Never put a secret key in a public key field: it would be shown in shoppers' browsers.",
            "{0} : il s'agit d'une clé secrète. Ne mettez jamais une clé secrète dans un champ de clé publique : elle serait visible dans le navigateur des clients.");
        Add(WebKeys.ConfigureErrorPublicKeyInSecretField,
            "{0}: this is a public key; paste the secret key (stest_ / sprod_) here.",
            "{0} : il s'agit d'une clé publique ; collez ici la clé secrète (stest_ / sprod_).");
        Add(WebKeys.ConfigureErrorInvalidUrl,
            "{0}: enter an absolute address starting with http:// or https://, or leave it empty.",
            "{0} : saisissez une adresse complète commençant par http:// ou https://, ou laissez le champ vide.");
        Add(WebKeys.ConfigureErrorRange, "{0}: enter a value between {1} and {2}.", "{0} : saisissez une valeur comprise entre {1} et {2}.");
        Add(WebKeys.ConfigureErrorNegative, "{0}: the value cannot be negative.", "{0} : la valeur ne peut pas être négative.");
        Add(WebKeys.ConfigureErrorDescriptionTemplate,
            "{0}: invalid text. Use {{0}} for the order number and {{1}} for the store name, and no other braces.",
            "{0} : texte invalide. Utilisez {{0}} pour le numéro de commande et {{1}} pour le nom de la boutique, sans autres accolades.");
        Add(WebKeys.ConfigureErrorInvalidChoice, "{0}: choose a value from the list.", "{0} : choisissez une valeur dans la liste.");
        Add(WebKeys.ConfigureErrorNoChannel,
            "Enable at least one payment option (Mobile Money or bank card).",
            "Activez au moins un moyen de paiement (Mobile Money ou carte bancaire).");

        // Admin: fields (label + hint)
        Field(WebKeys.FieldEnvironment, "Environment", "Environnement",
            "Test uses your test keys and moves no real money; Production uses your production keys.",
            "Le mode Test utilise vos clés de test et ne déplace pas d'argent réel ; le mode Production utilise vos clés de production.");
        Field(WebKeys.FieldTestSecretKey, "Test secret key", "Clé secrète de test",
            "The stest_… key of your MyPayGa dashboard (test mode). Stored encrypted; never shown again once saved.",
            "La clé stest_… de votre tableau de bord MyPayGa (mode test). Conservée chiffrée ; elle n'est plus jamais affichée une fois enregistrée.");
        Field(WebKeys.FieldTestPublicKey, "Test public key", "Clé publique de test",
            "The ptest_… key of your MyPayGa dashboard, sent by the shopper's browser to the card form.",
            "La clé ptest_… de votre tableau de bord MyPayGa, transmise par le navigateur du client au formulaire de carte.");
        Field(WebKeys.FieldProductionSecretKey, "Production secret key", "Clé secrète de production",
            "The sprod_… key of your MyPayGa dashboard (production mode). Stored encrypted; never shown again once saved.",
            "La clé sprod_… de votre tableau de bord MyPayGa (mode production). Conservée chiffrée ; elle n'est plus jamais affichée une fois enregistrée.");
        Field(WebKeys.FieldProductionPublicKey, "Production public key", "Clé publique de production",
            "The pprod_… key of your MyPayGa dashboard, sent by the shopper's browser to the card form.",
            "La clé pprod_… de votre tableau de bord MyPayGa, transmise par le navigateur du client au formulaire de carte.");
        Field(WebKeys.FieldCallbackSecret, "Callback signature secret", "Secret de signature des notifications",
            "Optional. When MyPayGa signs its callbacks (hash field), the secret it uses. Stored encrypted. The status is always re-read from MyPayGa before an order changes.",
            "Facultatif. Si MyPayGa signe ses notifications (champ hash), le secret utilisé. Conservé chiffré. Le statut est toujours relu auprès de MyPayGa avant de modifier une commande.");
        Field(WebKeys.FieldApiBaseUrlOverride, "API address (override)", "Adresse de l'API (remplacement)",
            "Leave empty to use MyPayGa (https://api.mypayga.com/). To try the store with the local sandbox: http://127.0.0.1:5099/",
            "Laissez vide pour utiliser MyPayGa (https://api.mypayga.com/). Pour essayer la boutique avec le bac à sable local : http://127.0.0.1:5099/");
        Field(WebKeys.FieldCardFormUrlOverride, "Card form address (override)", "Adresse du formulaire de carte (remplacement)",
            "Leave empty to use MyPayGa's card form. With the local sandbox: http://127.0.0.1:5099/mpgga-form-cbpay",
            "Laissez vide pour utiliser le formulaire de carte de MyPayGa. Avec le bac à sable local : http://127.0.0.1:5099/mpgga-form-cbpay");
        Field(WebKeys.FieldMobileMoneyEnabled, "Mobile Money (Airtel Money, Moov Money)", "Mobile Money (Airtel Money, Moov Money)",
            "Offer payment by Mobile Money: the shopper confirms on the phone.",
            "Proposer le paiement par Mobile Money : le client confirme sur son téléphone.");
        Field(WebKeys.FieldCardEnabled, "Bank card (Visa, Mastercard)", "Carte bancaire (Visa, Mastercard)",
            "Offer payment by card on MyPayGa's secure card form.",
            "Proposer le paiement par carte sur le formulaire sécurisé de MyPayGa.");
        Field(WebKeys.FieldRiskyCardPolicy, "Cards accepted “with risk”", "Cartes acceptées « avec risque »",
            "What to do when MyPayGa accepts a card payment but flags a risk: hold the order for review (it stays pending until you mark it paid) or mark it paid with a note.",
            "Que faire lorsque MyPayGa accepte un paiement par carte en signalant un risque : mettre la commande en attente de vérification (elle reste en attente jusqu'à ce que vous la marquiez payée) ou la marquer payée avec une note.");
        Field(WebKeys.FieldCancelOrderOnFailure, "Cancel the order when the payment fails", "Annuler la commande si le paiement échoue",
            "Otherwise the order stays pending, so the shopper can try again.",
            "Sinon la commande reste en attente et le client peut réessayer.");
        Field(WebKeys.FieldRequestTimeoutSeconds, "Request timeout (seconds)", "Délai d'attente des requêtes (secondes)",
            "How long to wait for MyPayGa's answer to one request.",
            "Durée d'attente maximale de la réponse de MyPayGa à une requête.");
        Field(WebKeys.FieldStatusCacheSeconds, "Status cache (seconds)", "Cache du statut (secondes)",
            "How long the “confirm on your phone” page may reuse the last status read from MyPayGa (fewer calls to MyPayGa).",
            "Durée pendant laquelle la page « confirmez sur votre téléphone » peut réutiliser le dernier statut lu auprès de MyPayGa (moins d'appels à MyPayGa).");
        Field(WebKeys.FieldPendingPaymentExpiryMinutes, "Unpaid order expiry (minutes)", "Expiration des commandes impayées (minutes)",
            "Unpaid MyPayGa orders older than this are checked one last time by the scheduled task, then cancelled. 0 = never cancel them automatically; otherwise at least 10 minutes.",
            "Les commandes MyPayGa impayées plus anciennes sont vérifiées une dernière fois par la tâche planifiée, puis annulées. 0 = ne jamais les annuler automatiquement ; sinon au moins 10 minutes.");
        Field(WebKeys.FieldAdditionalFee, "Additional fee", "Frais supplémentaires",
            "Fee added to the order when MyPayGa is chosen, in the primary store currency.",
            "Frais ajoutés à la commande lorsque MyPayGa est choisi, dans la devise principale de la boutique.");
        Field(WebKeys.FieldAdditionalFeePercentage, "Additional fee as a percentage", "Frais supplémentaires en pourcentage",
            "Ticked: the additional fee is a percentage of the order total. Unticked: a fixed amount.",
            "Coché : les frais supplémentaires sont un pourcentage du total de la commande. Décoché : un montant fixe.");
        Field(WebKeys.FieldPaymentDescriptionTemplate, "Payment description", "Description du paiement",
            "Sent to MyPayGa with each payment. {0} is replaced by the order number, {1} by the store name.",
            "Transmise à MyPayGa avec chaque paiement. {0} est remplacé par le numéro de commande, {1} par le nom de la boutique.");
        Field(WebKeys.FieldCallbackUrl, "Callback URL", "URL de notification (callback)",
            "MyPayGa sends the final status of every payment to this address.",
            "MyPayGa envoie le statut final de chaque paiement à cette adresse.");
        Field(WebKeys.FieldSuccessUrl, "Success URL", "URL de succès",
            "Where MyPayGa sends the shopper back after a card payment that went through.",
            "L'adresse où MyPayGa renvoie le client après un paiement par carte réussi.");
        Field(WebKeys.FieldFailureUrl, "Failure URL", "URL d'échec",
            "Where MyPayGa sends the shopper back after a card payment that did not go through.",
            "L'adresse où MyPayGa renvoie le client après un paiement par carte qui n'a pas abouti.");
    }
}
