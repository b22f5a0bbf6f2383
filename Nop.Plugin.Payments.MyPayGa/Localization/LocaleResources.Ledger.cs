namespace Nop.Plugin.Payments.MyPayGa.Localization;

// The resources of the payment ledger (4.90.2): refusals of a new attempt, double payments, refunds that cannot be
// sent twice. Texts with {0}, {1}... are format strings (arguments documented per key).
public static partial class LocaleResources
{
    /// <summary>Names of the resources used by the ledger: checkout refusals, notes and refund messages.</summary>
    public static class LedgerKeys
    {
        private const string P = MyPayGaDefaults.ResourcePrefix;

        public const string StartAwaitingReview = P + "Start.AwaitingReview";
        /// <summary>{0} masked phone of the earlier push, {1} minutes left.</summary>
        public const string StartEarlierPushPending = P + "Start.EarlierPushPending";

        /// <summary>{0} attempt reference, {1} amount received, {2} payment token.</summary>
        public const string NoteDoublePayment = P + "Note.DoublePayment";
        /// <summary>{0} attempt reference, {1} hours followed.</summary>
        public const string NoteAttemptTimedOut = P + "Note.AttemptTimedOut";
        /// <summary>{0} refund id, {1} amount, {2} attempt reference, {3} payment token, {4} MyPayGa's message, {5} who asked.</summary>
        public const string NoteRefundSent = P + "Note.RefundSent";
        /// <summary>{0} refund id, {1} amount, {2} MyPayGa's message.</summary>
        public const string NoteRefundResolvedSent = P + "Note.RefundResolvedSent";
        /// <summary>{0} refund id, {1} amount, {2} why.</summary>
        public const string NoteRefundResolvedFailed = P + "Note.RefundResolvedFailed";

        /// <summary>{0} refund id, {1} amount.</summary>
        public const string RefundSentMessage = P + "Refund.Sent";
        /// <summary>{0} refund id, {1} amount.</summary>
        public const string RefundEarlierConfirmed = P + "Refund.EarlierConfirmed";
        /// <summary>{0} refund id, {1} amount.</summary>
        public const string RefundEarlierWentThrough = P + "Refund.EarlierWentThrough";
        /// <summary>{0} refund id, {1} amount.</summary>
        public const string RefundEarlierStillUnknown = P + "Refund.EarlierStillUnknown";
        /// <summary>{0} who started it, {1} when (UTC).</summary>
        public const string RefundInProgress = P + "Refund.InProgress";
        /// <summary>{0} amount asked, {1} amount left to refund, {2} attempt reference.</summary>
        public const string RefundExceedsReceived = P + "Refund.ExceedsReceived";
        /// <summary>{0} attempt reference.</summary>
        public const string RefundNothingLeft = P + "Refund.NothingLeft";
    }

    static partial void AddLedger(Dictionary<string, string> en, Dictionary<string, string> fr)
    {
        void Add(string key, string english, string french)
        {
            en.Add(key, english);
            fr.Add(key, french);
        }

        void Field(string name, string english, string french, string englishHint, string frenchHint)
        {
            Add(Models.ConfigurationModel.FieldPrefix + name, english, french);
            Add(Models.ConfigurationModel.FieldPrefix + name + WebKeys.HintSuffix, englishHint, frenchHint);
        }

        Field("AttemptFollowHours", "Follow payments for (hours)", "Suivre les paiements pendant (heures)",
            "How long a payment MyPayGa has not called final is still checked by the scheduled task. Until then its order is never expired, and money that arrives late (a push approved late, a second payment) is noticed.",
            "Durée pendant laquelle un paiement que MyPayGa n'a pas déclaré définitif est encore vérifié par la tâche planifiée. Jusque-là sa commande n'expire jamais, et l'argent qui arrive tard (une demande validée tard, un second paiement) est repéré.");
        Field("PushApprovalMinutes", "Push approval window (minutes)", "Délai de validation d'une demande (minutes)",
            "How long a Mobile Money request may still be approved on the shopper's phone. Meanwhile the shopper cannot ask for a new one, so that they are not charged twice.",
            "Durée pendant laquelle une demande Mobile Money peut encore être validée sur le téléphone du client. Pendant ce temps le client ne peut pas en demander une nouvelle, pour ne pas payer deux fois.");
        Field("ReconciliationConcurrency", "Orders checked at once", "Commandes vérifiées en parallèle",
            "How many orders the scheduled task checks with MyPayGa at the same time (never more calls at once than this).",
            "Nombre de commandes que la tâche planifiée vérifie auprès de MyPayGa en même temps (jamais plus d'appels simultanés).");

        Add(LedgerKeys.StartAwaitingReview,
            "We have received a payment for this order that the store must check before anything else. Please wait for the store to contact you; do not pay again.",
            "Nous avons reçu pour cette commande un paiement que la boutique doit vérifier avant toute chose. Merci d'attendre que la boutique vous contacte ; ne payez pas une seconde fois.");
        Add(LedgerKeys.StartEarlierPushPending,
            "A payment request was sent to {0} a moment ago and can still be approved on that phone. Approve it there, or wait {1} minute(s) before asking for a new one, so that you are not charged twice.",
            "Une demande de paiement a été envoyée au {0} il y a peu et peut encore être validée sur ce téléphone. Validez-la, ou attendez {1} minute(s) avant d'en demander une nouvelle, pour ne pas payer deux fois.");

        Add(LedgerKeys.NoteDoublePayment,
            "DOUBLE PAYMENT: attempt {0} was paid ({1}, token {2}) although the order was already paid by another attempt. Refund it from the MyPayGa panel of this order.",
            "DOUBLE PAIEMENT : la tentative {0} a été payée ({1}, jeton {2}) alors que la commande était déjà payée par une autre tentative. Remboursez-la depuis le panneau MyPayGa de cette commande.");
        Add(LedgerKeys.NoteAttemptTimedOut,
            "Attempt {0}: MyPayGa gave no final answer within {1} hours; it is no longer checked automatically (a callback naming it, or \"Check status now\", still reads it).",
            "Tentative {0} : MyPayGa n'a pas donné de réponse définitive en {1} heures ; elle n'est plus vérifiée automatiquement (un rappel qui la nomme, ou « Vérifier le statut », la relit encore).");
        Add(LedgerKeys.NoteRefundSent,
            "Refund {0} of {1} sent for attempt {2} (token {3}). MyPayGa: {4}. Asked by {5}.",
            "Remboursement {0} de {1} envoyé pour la tentative {2} (jeton {3}). MyPayGa : {4}. Demandé par {5}.");
        Add(LedgerKeys.NoteRefundResolvedSent,
            "Refund {0} of {1}, whose outcome was unknown, is confirmed sent by MyPayGa ({2}).",
            "Le remboursement {0} de {1}, dont l'issue était inconnue, est confirmé envoyé par MyPayGa ({2}).");
        Add(LedgerKeys.NoteRefundResolvedFailed,
            "Refund {0} of {1}, whose outcome was unknown, did not go through ({2}); nothing was given back.",
            "Le remboursement {0} de {1}, dont l'issue était inconnue, n'a pas abouti ({2}) ; rien n'a été rendu.");

        Add(LedgerKeys.RefundSentMessage,
            "MyPayGa refund {0} of {1} sent.",
            "Remboursement MyPayGa {0} de {1} envoyé.");
        Add(LedgerKeys.RefundEarlierConfirmed,
            "The earlier refund {0} of {1}, whose outcome was unknown, went through: it is recorded now and nothing new was sent.",
            "Le remboursement précédent {0} de {1}, dont l'issue était inconnue, a abouti : il est enregistré maintenant et rien de nouveau n'a été envoyé.");
        Add(LedgerKeys.RefundEarlierWentThrough,
            "Nothing was sent: the earlier refund {0} of {1}, whose outcome was unknown, went through after all. Record it with \"Refund (offline)\" or \"Partial refund (offline)\", then refund the rest if needed.",
            "Rien n'a été envoyé : le remboursement précédent {0} de {1}, dont l'issue était inconnue, a finalement abouti. Enregistrez-le avec « Remboursement (hors ligne) » ou « Remboursement partiel (hors ligne) », puis remboursez le reste si besoin.");
        Add(LedgerKeys.RefundEarlierStillUnknown,
            "Nothing was sent: MyPayGa has not yet said whether the earlier refund {0} of {1} went through. Try again later; the plugin checks it every few minutes.",
            "Rien n'a été envoyé : MyPayGa n'a pas encore dit si le remboursement précédent {0} de {1} a abouti. Réessayez plus tard ; le module le vérifie toutes les quelques minutes.");
        Add(LedgerKeys.RefundInProgress,
            "Nothing was sent: another refund of this order is being sent right now (started by {0} at {1} UTC). Reload the order in a moment.",
            "Rien n'a été envoyé : un autre remboursement de cette commande est en cours d'envoi (lancé par {0} à {1} UTC). Rechargez la commande dans un instant.");
        Add(LedgerKeys.RefundNothingLeft,
            "Nothing was sent: everything attempt {0} received has already been refunded (or is being refunded).",
            "Rien n'a été envoyé : tout ce que la tentative {0} a reçu a déjà été remboursé (ou est en cours de remboursement).");
        Add(LedgerKeys.RefundExceedsReceived,
            "Nothing was sent: {0} is more than what is left to refund on attempt {2} ({1}, in XAF as received).",
            "Rien n'a été envoyé : {0} dépasse ce qui reste à rembourser sur la tentative {2} ({1}, en XAF tels que reçus).");
    }
}
