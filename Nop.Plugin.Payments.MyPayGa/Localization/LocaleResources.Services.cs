namespace Nop.Plugin.Payments.MyPayGa.Localization;

// The resources of the payment method and the services: validation messages, messages for the shopper, order notes
// and refund errors for the admin. Texts with {0}, {1}... are format strings (arguments documented per key).
public static partial class LocaleResources
{
    /// <summary>Names of the resources used by the payment method and the services.</summary>
    public static class ServiceKeys
    {
        private const string P = MyPayGaDefaults.ResourcePrefix;

        public const string PaymentMethodDescription = P + "PaymentMethodDescription";
        public const string ChannelMobileMoney = P + "Channel.MobileMoney";
        public const string ChannelCard = P + "Channel.Card";
        public const string CustomValueMobileMoneyNumber = P + "CustomValue.MobileMoneyNumber";
        public const string CustomValuePaymentChannel = P + "CustomValue.PaymentChannel";

        public const string ValidationChannelRequired = P + "Validation.ChannelRequired";
        public const string ValidationChannelDisabled = P + "Validation.ChannelDisabled";
        public const string ValidationPhoneRequired = P + "Validation.PhoneRequired";
        public const string ValidationPhoneInvalidCharacters = P + "Validation.PhoneInvalidCharacters";
        public const string ValidationPhoneTooShort = P + "Validation.PhoneTooShort";
        public const string ValidationPhoneTooLong = P + "Validation.PhoneTooLong";
        public const string ValidationPhoneNotMobileMoney = P + "Validation.PhoneNotMobileMoney";
        public const string ValidationPhoneInvalid = P + "Validation.PhoneInvalid";
        public const string ValidationCardPhoneRequired = P + "Validation.CardPhoneRequired";

        public const string StartOrderNotPayable = P + "Start.OrderNotPayable";
        public const string StartNotAvailable = P + "Start.NotAvailable";
        public const string StartProviderUnavailable = P + "Start.ProviderUnavailable";
        public const string StartOutcomeUnknown = P + "Start.OutcomeUnknown";
        public const string StartInsufficientFunds = P + "Start.InsufficientFunds";
        /// <summary>{0} = why, in the shopper's words (RefusalReasons; MyPayGa's own text goes to the order note).</summary>
        public const string StartRejected = P + "Start.Rejected";
        public const string StartAlreadyInProgress = P + "Start.AlreadyInProgress";
        public const string StartCardPhoneMissing = P + "Start.CardPhoneMissing";

        public const string InvalidApiBaseUrl = P + "Account.InvalidApiBaseUrl";
        public const string InvalidCardFormUrl = P + "Account.InvalidCardFormUrl";
        public const string XafNoPrimaryCurrency = P + "Currency.NoPrimaryCurrency";
        public const string XafCurrencyMissing = P + "Currency.XafMissing";
        public const string XafRateMissing = P + "Currency.XafRateMissing";

        /// <summary>{0} attempt reference, {1} channel, {2} amount in XAF, {3} payment token.</summary>
        public const string NoteAttemptCreated = P + "Note.AttemptCreated";
        /// <summary>{0} attempt reference, {1} masked phone and operator, {2} MyPayGa's message.</summary>
        public const string NotePushSent = P + "Note.PushSent";
        /// <summary>{0} attempt reference (or order number), {1} what went wrong.</summary>
        public const string NoteStartFailed = P + "Note.StartFailed";
        /// <summary>{0} attempt reference, {1} amount, {2} payment method, {3} MyPayGa's status text, {4} what triggered the check.</summary>
        public const string NotePaid = P + "Note.Paid";
        /// <summary>Same arguments as <see cref="NotePaid"/>.</summary>
        public const string NotePaidWithRisk = P + "Note.PaidWithRisk";
        /// <summary>{0} attempt reference, {1} amount, {2} MyPayGa's status text.</summary>
        public const string NoteHeldForReview = P + "Note.HeldForReview";
        /// <summary>{0} attempt reference, {1} the difference.</summary>
        public const string NoteAmountMismatch = P + "Note.AmountMismatch";
        /// <summary>{0} attempt reference, {1} amount, {2} order status.</summary>
        public const string NotePaidButNotPayable = P + "Note.PaidButNotPayable";
        /// <summary>{0} attempt reference, {1} MyPayGa's status text.</summary>
        public const string NoteFailed = P + "Note.Failed";
        /// <summary>{0} attempt reference.</summary>
        public const string NoteCancelledOnFailure = P + "Note.CancelledOnFailure";
        /// <summary>{0} the expiry setting, in minutes.</summary>
        public const string NoteExpired = P + "Note.Expired";
        /// <summary>{0} refund id, {1} amount, {2} attempt reference, {3} MyPayGa's message.</summary>
        public const string NoteRefunded = P + "Note.Refunded";

        /// <summary>{0} order number.</summary>
        public const string RefundDescription = P + "Refund.Description";
        /// <summary>{0} order number.</summary>
        public const string RefundNoPaidPayment = P + "Refund.NoPaidPayment";
        public const string RefundAmountTooSmall = P + "Refund.AmountTooSmall";
        /// <summary>{0} what went wrong.</summary>
        public const string RefundCreateFailed = P + "Refund.CreateFailed";
        /// <summary>{0} what went wrong.</summary>
        public const string RefundCreateOutcomeUnknown = P + "Refund.CreateOutcomeUnknown";
        /// <summary>{0} refund id, {1} amount, {2} what went wrong.</summary>
        public const string RefundSendFailed = P + "Refund.SendFailed";
        /// <summary>{0} refund id, {1} amount, {2} what went wrong.</summary>
        public const string RefundSendOutcomeUnknown = P + "Refund.SendOutcomeUnknown";
        /// <summary>{0} what went wrong.</summary>
        public const string RefundUnavailable = P + "Refund.Unavailable";
    }

    static partial void AddServices(Dictionary<string, string> en, Dictionary<string, string> fr)
    {
        void Add(string key, string english, string french)
        {
            en.Add(key, english);
            fr.Add(key, french);
        }

        Add(ServiceKeys.PaymentMethodDescription,
            "Pay with Airtel Money, Moov Money or a bank card through MyPayGa.",
            "Payez par Airtel Money, Moov Money ou carte bancaire avec MyPayGa.");
        Add(ServiceKeys.ChannelMobileMoney, "Mobile Money", "Mobile Money");
        Add(ServiceKeys.ChannelCard, "Bank card", "Carte bancaire");
        Add(ServiceKeys.CustomValueMobileMoneyNumber, "Mobile Money number", "Numéro Mobile Money");
        Add(ServiceKeys.CustomValuePaymentChannel, "Payment by", "Paiement par");

        Add(ServiceKeys.ValidationChannelRequired,
            "Please choose Mobile Money or bank card.",
            "Veuillez choisir Mobile Money ou carte bancaire.");
        Add(ServiceKeys.ValidationChannelDisabled,
            "This payment option is not available.",
            "Ce moyen de paiement n'est pas disponible.");
        Add(ServiceKeys.ValidationPhoneRequired,
            "Please enter your Mobile Money number.",
            "Veuillez saisir votre numéro Mobile Money.");
        Add(ServiceKeys.ValidationPhoneInvalidCharacters,
            "The phone number may only contain digits, spaces, dots, dashes, brackets and a leading +.",
            "Le numéro de téléphone ne peut contenir que des chiffres, des espaces, des points, des tirets, des parenthèses et un + au début.");
        Add(ServiceKeys.ValidationPhoneTooShort,
            "The phone number is too short: enter at least 8 digits, for example 074 12 34 56.",
            "Le numéro de téléphone est trop court : saisissez au moins 8 chiffres, par exemple 074 12 34 56.");
        Add(ServiceKeys.ValidationPhoneTooLong,
            "The phone number is too long: enter at most 15 digits.",
            "Le numéro de téléphone est trop long : saisissez au plus 15 chiffres.");
        Add(ServiceKeys.ValidationPhoneNotMobileMoney,
            "This is not an Airtel Money or Moov Money number: Gabonese mobile numbers start with 074, 076 or 077 (Airtel) or 062, 065 or 066 (Moov).",
            "Ce n'est pas un numéro Airtel Money ou Moov Money : les numéros mobiles gabonais commencent par 074, 076 ou 077 (Airtel) ou par 062, 065 ou 066 (Moov).");
        Add(ServiceKeys.ValidationPhoneInvalid,
            "The phone number is not valid.",
            "Le numéro de téléphone n'est pas valide.");
        Add(ServiceKeys.ValidationCardPhoneRequired,
            "Please enter a phone number: MyPayGa needs one for card payments.",
            "Veuillez saisir un numéro de téléphone : MyPayGa en demande un pour les paiements par carte.");

        Add(ServiceKeys.StartOrderNotPayable,
            "This order can no longer be paid with MyPayGa.",
            "Cette commande ne peut plus être payée avec MyPayGa.");
        Add(ServiceKeys.StartNotAvailable,
            "Payment with MyPayGa is not available at the moment. Please choose another payment method or contact us.",
            "Le paiement avec MyPayGa n'est pas disponible pour le moment. Veuillez choisir un autre moyen de paiement ou nous contacter.");
        Add(ServiceKeys.StartProviderUnavailable,
            "MyPayGa cannot be reached at the moment. Please try again in a few minutes.",
            "MyPayGa est injoignable pour le moment. Veuillez réessayer dans quelques minutes.");
        Add(ServiceKeys.StartOutcomeUnknown,
            "We could not confirm that the payment request was sent. Check your phone: if a payment prompt has arrived, approve it; otherwise, try again in a minute.",
            "Nous n'avons pas pu confirmer l'envoi de la demande de paiement. Regardez votre téléphone : si une demande de paiement est arrivée, validez-la ; sinon, réessayez dans une minute.");
        Add(ServiceKeys.StartInsufficientFunds,
            "The payment was refused: the balance of the Mobile Money account is insufficient. Top up the account or use another number.",
            "Le paiement a été refusé : le solde du compte Mobile Money est insuffisant. Rechargez le compte ou utilisez un autre numéro.");
        Add(ServiceKeys.StartRejected,
            "MyPayGa refused the payment request. {0}",
            "MyPayGa a refusé la demande de paiement. {0}");
        Add(ServiceKeys.StartCardPhoneMissing,
            "MyPayGa needs a phone number for a card payment and we have none for this order: enter one and try again.",
            "MyPayGa demande un numéro de téléphone pour un paiement par carte et nous n'en avons aucun pour cette commande : saisissez-en un et réessayez.");
        Add(ServiceKeys.StartAlreadyInProgress,
            "A payment is already being started for this order. Please wait a moment.",
            "Un paiement est déjà en cours de lancement pour cette commande. Veuillez patienter un instant.");

        Add(ServiceKeys.InvalidApiBaseUrl,
            "The MyPayGa API address (override) is not a valid http or https address.",
            "L'adresse de l'API MyPayGa (remplacement) n'est pas une adresse http ou https valide.");
        Add(ServiceKeys.InvalidCardFormUrl,
            "The MyPayGa card form address (override) is not a valid http or https address.",
            "L'adresse du formulaire de paiement par carte MyPayGa (remplacement) n'est pas une adresse http ou https valide.");
        Add(ServiceKeys.XafNoPrimaryCurrency,
            "The store has no primary currency, and MyPayGa needs amounts in CFA francs (XAF).",
            "La boutique n'a pas de devise principale, or MyPayGa a besoin de montants en francs CFA (XAF).");
        Add(ServiceKeys.XafCurrencyMissing,
            "MyPayGa only takes CFA francs and this store has no currency with the code XAF. Add the XAF currency (CFA franc BEAC) with its exchange rate under Configuration → Currencies, or make it the primary store currency.",
            "MyPayGa n'accepte que le franc CFA et cette boutique n'a aucune devise de code XAF. Ajoutez la devise XAF (franc CFA BEAC) avec son taux de change dans Configuration → Devises, ou faites-en la devise principale de la boutique.");
        Add(ServiceKeys.XafRateMissing,
            "The XAF currency has no exchange rate: set its rate under Configuration → Currencies.",
            "La devise XAF n'a pas de taux de change : indiquez son taux dans Configuration → Devises.");

        Add(ServiceKeys.NoteAttemptCreated,
            "payment attempt {0} started ({1}, {2} XAF, payment token {3}).",
            "tentative de paiement {0} lancée ({1}, {2} XAF, jeton de paiement {3}).");
        Add(ServiceKeys.NotePushSent,
            "attempt {0}: payment request sent to {1}. MyPayGa's answer: {2}",
            "tentative {0} : demande de paiement envoyée au {1}. Réponse de MyPayGa : {2}");
        Add(ServiceKeys.NoteStartFailed,
            "attempt {0} could not be started: {1}",
            "la tentative {0} n'a pas pu être lancée : {1}");
        Add(ServiceKeys.NotePaid,
            "payment {0} confirmed by MyPayGa ({1}, {2}: {3}); the order is marked as paid (check triggered by: {4}).",
            "paiement {0} confirmé par MyPayGa ({1}, {2} : {3}) ; la commande est marquée comme payée (vérification déclenchée par : {4}).");
        Add(ServiceKeys.NotePaidWithRisk,
            "payment {0} accepted by MyPayGa WITH A RISK WARNING ({1}, {2}: {3}); the order is marked as paid as the settings ask. Check the payment before shipping (check triggered by: {4}).",
            "paiement {0} accepté par MyPayGa AVEC UN AVERTISSEMENT DE RISQUE ({1}, {2} : {3}) ; la commande est marquée comme payée comme le demandent les réglages. Vérifiez le paiement avant l'expédition (vérification déclenchée par : {4}).");
        Add(ServiceKeys.NoteHeldForReview,
            "payment {0} accepted by MyPayGa with a risk warning ({1}, {2}). The order is held for review and NOT marked as paid: check the payment in the MyPayGa dashboard, then mark the order as paid or refund the shopper.",
            "paiement {0} accepté par MyPayGa avec un avertissement de risque ({1}, {2}). La commande est mise en attente de vérification et N'EST PAS marquée comme payée : vérifiez le paiement dans le tableau de bord MyPayGa, puis marquez la commande comme payée ou remboursez le client.");
        Add(ServiceKeys.NoteAmountMismatch,
            "MyPayGa reports payment {0} as paid, but it does not match the order ({1}). The order is NOT marked as paid: check the payment in the MyPayGa dashboard.",
            "MyPayGa indique que le paiement {0} est réglé, mais il ne correspond pas à la commande ({1}). La commande N'EST PAS marquée comme payée : vérifiez le paiement dans le tableau de bord MyPayGa.");
        Add(ServiceKeys.NotePaidButNotPayable,
            "MyPayGa reports payment {0} ({1}) as paid, but the order can no longer be marked as paid (order status: {2}). Refund the shopper or restore the order by hand.",
            "MyPayGa indique que le paiement {0} ({1}) est réglé, mais la commande ne peut plus être marquée comme payée (statut de la commande : {2}). Remboursez le client ou rétablissez la commande manuellement.");
        Add(ServiceKeys.NoteFailed,
            "payment {0} failed according to MyPayGa: {1}",
            "le paiement {0} a échoué selon MyPayGa : {1}");
        Add(ServiceKeys.NoteCancelledOnFailure,
            "the order was cancelled because payment {0} failed (setting \"cancel the order when the payment fails\").",
            "la commande a été annulée car le paiement {0} a échoué (réglage « annuler la commande en cas d'échec du paiement »).");
        Add(ServiceKeys.NoteExpired,
            "the order was cancelled: MyPayGa had not confirmed any payment {0} minutes after the order was placed (setting \"unpaid order expiry\", scheduled task \"MyPayGa: settle pending payments\").",
            "la commande a été annulée : MyPayGa n'avait confirmé aucun paiement {0} minutes après la commande (réglage « expiration des commandes impayées », tâche planifiée « MyPayGa: settle pending payments »).");
        Add(ServiceKeys.NoteRefunded,
            "refund {0} of {1} sent for payment {2}. MyPayGa's answer: {3}",
            "remboursement {0} de {1} envoyé pour le paiement {2}. Réponse de MyPayGa : {3}");

        Add(ServiceKeys.RefundDescription,
            "Refund of order {0}",
            "Remboursement de la commande {0}");
        Add(ServiceKeys.RefundNoPaidPayment,
            "MyPayGa reports no paid payment for order {0}, so nothing can be refunded through MyPayGa.",
            "MyPayGa n'indique aucun paiement réglé pour la commande {0} : rien ne peut être remboursé via MyPayGa.");
        Add(ServiceKeys.RefundAmountTooSmall,
            "The amount to refund is less than one CFA franc.",
            "Le montant à rembourser est inférieur à un franc CFA.");
        Add(ServiceKeys.RefundCreateFailed,
            "MyPayGa refused to create the refund ({0}). Nothing was refunded.",
            "MyPayGa a refusé de créer le remboursement ({0}). Rien n'a été remboursé.");
        Add(ServiceKeys.RefundCreateOutcomeUnknown,
            "MyPayGa did not confirm whether the refund was created ({0}). Look for a refund of this order in the MyPayGa dashboard before trying again.",
            "MyPayGa n'a pas confirmé la création du remboursement ({0}). Cherchez un remboursement de cette commande dans le tableau de bord MyPayGa avant de réessayer.");
        Add(ServiceKeys.RefundSendFailed,
            "MyPayGa created refund {0} ({1}) but refused to send it ({2}). Nothing has been paid back yet: complete refund {0} in the MyPayGa dashboard, then record the refund offline in nopCommerce.",
            "MyPayGa a créé le remboursement {0} ({1}) mais a refusé de l'envoyer ({2}). Rien n'a encore été reversé : finalisez le remboursement {0} dans le tableau de bord MyPayGa, puis enregistrez le remboursement hors ligne dans nopCommerce.");
        Add(ServiceKeys.RefundSendOutcomeUnknown,
            "MyPayGa created refund {0} ({1}) but did not confirm sending it ({2}). Check refund {0} in the MyPayGa dashboard before trying again, so that the shopper is not refunded twice.",
            "MyPayGa a créé le remboursement {0} ({1}) mais n'a pas confirmé son envoi ({2}). Vérifiez le remboursement {0} dans le tableau de bord MyPayGa avant de réessayer, pour ne pas rembourser le client deux fois.");
        Add(ServiceKeys.RefundUnavailable,
            "MyPayGa could not be reached or is not configured for this store ({0}). Nothing was refunded: try again later.",
            "MyPayGa est injoignable ou n'est pas configuré pour cette boutique ({0}). Rien n'a été remboursé : réessayez plus tard.");
    }
}
