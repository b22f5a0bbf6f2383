namespace Nop.Plugin.Payments.MyPayGa.Localization;

// The resources of the shopper's pages added after 4.90.2: why a payment was refused, in the shopper's words; why the
// retry page cannot start a new payment yet; the amount in XAF at checkout.
// Texts with {0}, {1}... are format strings (arguments documented per key).
public static partial class LocaleResources
{
    /// <summary>Names of the resources of the shopper's pages (refusal reasons, retry page states).</summary>
    public static class ShopperKeys
    {
        private const string P = MyPayGaDefaults.ResourcePrefix;

        public const string ReasonInsufficientFundsMobileMoney = P + "Reason.InsufficientFunds.MobileMoney";
        public const string ReasonInsufficientFundsCard = P + "Reason.InsufficientFunds.Card";
        public const string ReasonDeclinedMobileMoney = P + "Reason.Declined.MobileMoney";
        public const string ReasonDeclinedCard = P + "Reason.Declined.Card";
        public const string ReasonLostOrStolenCard = P + "Reason.LostOrStolenCard";
        public const string ReasonRiskRefused = P + "Reason.RiskRefused";
        public const string ReasonCardExpired = P + "Reason.CardExpired";
        public const string ReasonCancelled = P + "Reason.Cancelled";
        public const string ReasonTimedOutMobileMoney = P + "Reason.TimedOut.MobileMoney";
        public const string ReasonTimedOutCard = P + "Reason.TimedOut.Card";
        public const string ReasonWrongPin = P + "Reason.WrongPin";
        public const string ReasonLimitExceeded = P + "Reason.LimitExceeded";
        public const string ReasonUnknown = P + "Reason.Unknown";
        /// <summary>{0} = MyPayGa's words, when they read as a sentence and say nothing recognised.</summary>
        public const string ReasonUnknownWithMessage = P + "Reason.UnknownWithMessage";

        /// <summary>{0} = the phone the earlier request went to, masked.</summary>
        public const string RetryEarlierPushPending = P + "Retry.EarlierPush.Pending";
        public const string RetryEarlierPushPendingNoPhone = P + "Retry.EarlierPush.PendingNoPhone";
        /// <summary>Followed by the countdown (m:ss).</summary>
        public const string RetryEarlierPushWait = P + "Retry.EarlierPush.Wait";
        public const string RetryEarlierPushReady = P + "Retry.EarlierPush.Ready";
        public const string RetryCheckPayment = P + "Retry.CheckPayment";
        public const string RetrySeePayment = P + "Retry.SeePayment";
        /// <summary>{0} = the number the failed request went to, masked.</summary>
        public const string RetryLastFailureTo = P + "Retry.LastFailureTo";

        public const string PaymentInfoXafAmount = P + "PaymentInfo.XafAmount";
        public const string PaymentInfoXafAmountHelp = P + "PaymentInfo.XafAmount.Help";
    }

    static partial void AddShopper(Dictionary<string, string> en, Dictionary<string, string> fr)
    {
        void Add(string key, string english, string french)
        {
            en.Add(key, english);
            fr.Add(key, french);
        }

        // Why a payment was refused: one sentence each, shown after "The payment did not go through."
        Add(ShopperKeys.ReasonInsufficientFundsMobileMoney,
            "The balance of the Mobile Money account is too low. Top it up, or use another number.",
            "Le solde du compte Mobile Money est insuffisant. Rechargez-le ou utilisez un autre numéro.");
        Add(ShopperKeys.ReasonInsufficientFundsCard,
            "The card's balance or limit does not cover this amount. Use another card, or another way to pay.",
            "Le solde ou le plafond de la carte ne couvre pas ce montant. Utilisez une autre carte ou un autre moyen de paiement.");
        Add(ShopperKeys.ReasonDeclinedMobileMoney,
            "The operator refused the payment. Check your Mobile Money account, or use another number.",
            "L'opérateur a refusé le paiement. Vérifiez votre compte Mobile Money ou utilisez un autre numéro.");
        Add(ShopperKeys.ReasonDeclinedCard,
            "The bank declined the card. Contact your bank, or use another card.",
            "La banque a refusé la carte. Contactez votre banque ou utilisez une autre carte.");
        Add(ShopperKeys.ReasonLostOrStolenCard,
            "The bank refused this card because it was reported lost or stolen. Use another card, or contact your bank.",
            "La banque a refusé cette carte car elle a été déclarée perdue ou volée. Utilisez une autre carte ou contactez votre banque.");
        Add(ShopperKeys.ReasonRiskRefused,
            "The payment was stopped by the bank's security checks. Contact your bank, or use another card or another way to pay.",
            "Le paiement a été bloqué par les contrôles de sécurité de la banque. Contactez votre banque, ou utilisez une autre carte ou un autre moyen de paiement.");
        Add(ShopperKeys.ReasonCardExpired,
            "The card has expired. Use another card.",
            "La carte a expiré. Utilisez une autre carte.");
        Add(ShopperKeys.ReasonCancelled,
            "The payment was cancelled before it was confirmed. You can start it again.",
            "Le paiement a été annulé avant d'être confirmé. Vous pouvez le relancer.");
        Add(ShopperKeys.ReasonTimedOutMobileMoney,
            "The request was not confirmed on the phone in time. Try again, and confirm it with your Mobile Money PIN as soon as it arrives.",
            "La demande n'a pas été confirmée à temps sur le téléphone. Réessayez et confirmez-la avec votre code secret Mobile Money dès qu'elle arrive.");
        Add(ShopperKeys.ReasonTimedOutCard,
            "The card payment took too long and was stopped. Try again.",
            "Le paiement par carte a pris trop de temps et a été interrompu. Réessayez.");
        Add(ShopperKeys.ReasonWrongPin,
            "The PIN typed on the phone was wrong. Try again with your Mobile Money PIN.",
            "Le code secret saisi sur le téléphone était erroné. Réessayez avec votre code secret Mobile Money.");
        Add(ShopperKeys.ReasonLimitExceeded,
            "The amount is above the limit of the account or the card. Use another number or card, or ask your operator or bank.",
            "Le montant dépasse le plafond du compte ou de la carte. Utilisez un autre numéro ou une autre carte, ou renseignez-vous auprès de votre opérateur ou de votre banque.");
        Add(ShopperKeys.ReasonUnknown,
            "The operator or the bank did not accept the payment. You can try again, with another number or card if needed.",
            "L'opérateur ou la banque n'a pas accepté le paiement. Vous pouvez réessayer, au besoin avec un autre numéro ou une autre carte.");
        Add(ShopperKeys.ReasonUnknownWithMessage,
            "MyPayGa's message: “{0}”",
            "Message de MyPayGa : « {0} »");

        // Retry page: a new payment cannot start yet
        Add(ShopperKeys.RetryEarlierPushPending,
            "A payment request was sent to {0} and can still be approved on that phone. Approve it there with your Mobile Money PIN: your order will then be paid. So that you are not charged twice, a new request can only be asked once this one has expired.",
            "Une demande de paiement a été envoyée au {0} et peut encore être validée sur ce téléphone. Validez-la avec votre code secret Mobile Money : votre commande sera alors payée. Pour que vous ne payiez pas deux fois, une nouvelle demande ne peut être faite qu'une fois celle-ci expirée.");
        Add(ShopperKeys.RetryEarlierPushPendingNoPhone,
            "A payment request was sent to your phone and can still be approved there. Approve it with your Mobile Money PIN: your order will then be paid. So that you are not charged twice, a new request can only be asked once this one has expired.",
            "Une demande de paiement a été envoyée sur votre téléphone et peut encore y être validée. Validez-la avec votre code secret Mobile Money : votre commande sera alors payée. Pour que vous ne payiez pas deux fois, une nouvelle demande ne peut être faite qu'une fois celle-ci expirée.");
        Add(ShopperKeys.RetryEarlierPushWait, "New request possible in", "Nouvelle demande possible dans");
        Add(ShopperKeys.RetryEarlierPushReady,
            "The earlier request has expired: you can ask for a new one.",
            "La demande précédente a expiré : vous pouvez en demander une nouvelle.");
        Add(ShopperKeys.RetryCheckPayment, "I approved it: check my payment", "Je l'ai validée : vérifier mon paiement");
        Add(ShopperKeys.RetrySeePayment, "See where the payment stands", "Voir où en est le paiement");
        Add(ShopperKeys.RetryLastFailureTo,
            "Your payment request to {0} did not go through",
            "Votre demande de paiement au {0} n'a pas abouti");

        // Checkout: the amount MyPayGa will take, when the store shows prices in another currency
        Add(ShopperKeys.PaymentInfoXafAmount, "Amount charged by MyPayGa", "Montant débité par MyPayGa");
        Add(ShopperKeys.PaymentInfoXafAmountHelp,
            "MyPayGa takes CFA francs (XAF): this is your order total converted at the store's rate.",
            "MyPayGa encaisse en francs CFA (XAF) : c'est le total de votre commande converti au taux de la boutique.");
    }
}
