namespace Nop.Plugin.Payments.MyPayGa.Localization;

// The resources of the shopper's pages added after 4.90.2: why a payment was refused, in the shopper's words.
// Texts with {0}, {1}... are format strings (arguments documented per key).
public static partial class LocaleResources
{
    /// <summary>Names of the resources of the shopper's pages (refusal reasons).</summary>
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
    }
}
