using Nop.Plugin.Payments.MyPayGa.Domain;
using Nop.Plugin.Payments.MyPayGa.Services;

namespace Nop.Plugin.Payments.MyPayGa.Localization;

// The resources of the admin's MyPayGa panel (order details), its decisions, payment links and the review queue.
// Texts with {0}, {1}... are format strings (arguments documented per key).
public static partial class LocaleResources
{
    /// <summary>Names of the resources of the admin panel, decisions, payment links and review queue.</summary>
    public static class PanelKeys
    {
        private const string P = MyPayGaDefaults.ResourcePrefix + "Panel.";

        public const string Title = P + "Title";
        public const string CheckStatus = P + "CheckStatus";
        /// <summary>{0} what MyPayGa says now (a state).</summary>
        public const string CheckDone = P + "CheckDone";
        public const string CheckUnconfirmed = P + "CheckUnconfirmed";
        public const string OrderBusy = P + "OrderBusy";
        public const string NotMyPayGa = P + "NotMyPayGa";
        public const string NoAttempts = P + "NoAttempts";
        public const string Attempts = P + "Attempts";
        public const string Refunds = P + "Refunds";
        public const string Warnings = P + "Warnings";
        public const string ReviewQueueLink = P + "ReviewQueueLink";
        public const string Back = P + "Back";
        public const string ConfirmQuestion = P + "ConfirmQuestion";

        public const string ColumnReference = P + "Column.Reference";
        public const string ColumnChannel = P + "Column.Channel";
        public const string ColumnPhone = P + "Column.Phone";
        public const string ColumnAmount = P + "Column.Amount";
        public const string ColumnReceived = P + "Column.Received";
        public const string ColumnToken = P + "Column.Token";
        public const string ColumnStatus = P + "Column.Status";
        public const string ColumnProviderStatus = P + "Column.ProviderStatus";
        public const string ColumnCreated = P + "Column.Created";
        public const string ColumnActions = P + "Column.Actions";
        public const string ColumnRefundId = P + "Column.RefundId";
        public const string ColumnRequestedBy = P + "Column.RequestedBy";
        public const string ColumnMessage = P + "Column.Message";
        public const string ColumnOrder = P + "Column.Order";
        public const string ColumnSince = P + "Column.Since";
        /// <summary>{0} when MyPayGa was last read.</summary>
        public const string ReadOn = P + "ReadOn";
        public const string NeverRead = P + "NeverRead";
        /// <summary>{0} who created it.</summary>
        public const string CreatedBy = P + "CreatedBy";

        public const string ChannelLink = P + "Channel.Link";

        /// <summary>{0} attempt reference, {1} amount received.</summary>
        public const string WarningHeld = P + "Warning.Held";
        /// <summary>{0} attempt reference, {1} amount received.</summary>
        public const string WarningMismatch = P + "Warning.Mismatch";
        /// <summary>{0} attempt reference, {1} amount received.</summary>
        public const string WarningDoublePayment = P + "Warning.DoublePayment";
        /// <summary>{0} attempt reference, {1} amount received.</summary>
        public const string WarningPaidOrderClosed = P + "Warning.PaidOrderClosed";
        /// <summary>{0} attempt reference, {1} amount asked.</summary>
        public const string WarningTimedOut = P + "Warning.TimedOut";
        /// <summary>{0} refund id, {1} amount.</summary>
        public const string WarningRefundUnknown = P + "Warning.RefundUnknown";

        public const string DecisionAccept = P + "Decision.Accept";
        public const string DecisionRefundAndCancel = P + "Decision.RefundAndCancel";
        public const string DecisionRefundReceived = P + "Decision.RefundReceived";
        public const string DecisionRefundAttempt = P + "Decision.RefundAttempt";
        public const string DecisionNotFound = P + "Decision.NotFound";
        /// <summary>{0} attempt reference.</summary>
        public const string DecisionNotAvailable = P + "Decision.NotAvailable";
        /// <summary>{0} attempt reference, {1} who.</summary>
        public const string DecisionAlreadyTaken = P + "Decision.AlreadyTaken";
        /// <summary>{0} exception type.</summary>
        public const string DecisionFailed = P + "Decision.Failed";
        /// <summary>{0} attempt reference.</summary>
        public const string DecisionOrderNoLongerPayable = P + "Decision.OrderNoLongerPayable";
        /// <summary>{0} attempt reference.</summary>
        public const string DecisionAcceptedMessage = P + "Decision.AcceptedMessage";
        public const string DecisionCancelled = P + "Decision.Cancelled";
        public const string DecisionNotCancelled = P + "Decision.NotCancelled";
        public const string ConfirmRefundAmount = P + "Confirm.RefundAmount";
        public const string ConfirmCustomer = P + "Confirm.Customer";
        public const string ConfirmEmail = P + "Confirm.Email";
        public const string ConfirmDescription = P + "Confirm.Description";

        /// <summary>{0} attempt reference, {1} amount, {2} admin.</summary>
        public const string NoteAccepted = P + "Note.Accepted";
        /// <summary>{0} attempt reference, {1} refund id, {2} amount, {3} admin.</summary>
        public const string NoteRefundDecided = P + "Note.RefundDecided";
        /// <summary>{0} attempt reference, {1} admin.</summary>
        public const string NoteCancelledByDecision = P + "Note.CancelledByDecision";

        public const string LinkTitle = P + "Link.Title";
        public const string LinkCreate = P + "Link.Create";
        public const string LinkExplanation = P + "Link.Explanation";
        public const string LinkCopy = P + "Link.Copy";
        public const string LinkRefresh = P + "Link.Refresh";
        public const string LinkCancel = P + "Link.Cancel";
        public const string LinkQrAlt = P + "Link.QrAlt";
        /// <summary>{0} order number.</summary>
        public const string LinkDescription = P + "Link.Description";
        /// <summary>{0} amount.</summary>
        public const string LinkCreated = P + "Link.Created";
        /// <summary>{0} why.</summary>
        public const string LinkFailed = P + "Link.Failed";
        /// <summary>{0} why.</summary>
        public const string LinkOutcomeUnknown = P + "Link.OutcomeUnknown";
        public const string LinkNeedsPhone = P + "Link.NeedsPhone";
        public const string LinkNeedsEmail = P + "Link.NeedsEmail";
        public const string LinkAlreadyOpen = P + "Link.AlreadyOpen";
        public const string LinkAwaitingDecision = P + "Link.AwaitingDecision";
        /// <summary>{0} masked phone, {1} minutes left.</summary>
        public const string LinkPushPending = P + "Link.PushPending";
        public const string LinkNotCancellable = P + "Link.NotCancellable";
        public const string LinkCancelled = P + "Link.Cancelled";
        /// <summary>{0} why.</summary>
        public const string LinkCancelFailed = P + "Link.CancelFailed";
        /// <summary>{0} attempt reference, {1} amount, {2} MyPayGa's link reference, {3} admin.</summary>
        public const string NoteLinkCreated = P + "Note.LinkCreated";
        /// <summary>{0} attempt reference, {1} why, {2} admin.</summary>
        public const string NoteLinkFailed = P + "Note.LinkFailed";
        /// <summary>{0} attempt reference, {1} why, {2} admin.</summary>
        public const string NoteLinkOutcomeUnknown = P + "Note.LinkOutcomeUnknown";
        /// <summary>{0} attempt reference, {1} MyPayGa's link reference, {2} who or why.</summary>
        public const string NoteLinkCancelled = P + "Note.LinkCancelled";
        public const string StartPaymentLinkOpen = P + "Start.PaymentLinkOpen";
        /// <summary>{0} attempt reference.</summary>
        public const string RefundLinkNotPossible = P + "Refund.LinkNotPossible";

        public const string QueueTitlePage = P + "Queue.Title";
        public const string QueueEmpty = P + "Queue.Empty";
        public const string QueueNone = P + "Queue.None";
        public const string QueueRuns = P + "Queue.Runs";
        public const string QueueNoRuns = P + "Queue.NoRuns";
        public const string RunStarted = P + "Run.Started";
        public const string RunRead = P + "Run.Read";
        public const string RunSettled = P + "Run.Settled";
        public const string RunExpired = P + "Run.Expired";
        public const string RunUnreadable = P + "Run.Unreadable";
        public const string RunTimedOut = P + "Run.TimedOut";
        public const string RunRefunds = P + "Run.Refunds";
        public const string RunDuration = P + "Run.Duration";

        public static string QueueTitle(ReviewQueueKind kind) => P + "Queue." + kind;

        public static string QueueExplanation(ReviewQueueKind kind) => P + "Queue." + kind + ".Explanation";

        public static string AttemptStatus(AttemptStatus status) => P + "Status." + status;

        public static string RefundStatus(RefundStatus status) => P + "RefundStatus." + status;

        public static string State(PaymentState state) => P + "State." + state;
    }

    static partial void AddPanel(Dictionary<string, string> en, Dictionary<string, string> fr)
    {
        void Add(string key, string english, string french)
        {
            en.Add(key, english);
            fr.Add(key, french);
        }

        Add(PanelKeys.Title, "MyPayGa payments", "Paiements MyPayGa");
        Add(PanelKeys.CheckStatus, "Check status now", "Vérifier le statut maintenant");
        Add(PanelKeys.CheckDone, "MyPayGa was read: {0}", "MyPayGa a été interrogé : {0}");
        Add(PanelKeys.CheckUnconfirmed, "MyPayGa could not be read for every payment of this order; nothing was changed for those. Try again in a moment.",
            "MyPayGa n'a pas pu être interrogé pour chaque paiement de cette commande ; rien n'a changé pour ceux-là. Réessayez dans un instant.");
        Add(PanelKeys.OrderBusy, "Another request is settling this order right now. Try again in a few seconds.",
            "Une autre requête traite cette commande en ce moment. Réessayez dans quelques secondes.");
        Add(PanelKeys.NotMyPayGa, "This order was not paid with MyPayGa.", "Cette commande n'a pas été payée avec MyPayGa.");
        Add(PanelKeys.NoAttempts, "No MyPayGa payment was started for this order.", "Aucun paiement MyPayGa n'a été lancé pour cette commande.");
        Add(PanelKeys.Attempts, "Payment attempts", "Tentatives de paiement");
        Add(PanelKeys.Refunds, "Refunds", "Remboursements");
        Add(PanelKeys.Warnings, "Needs your attention", "Demande votre attention");
        Add(PanelKeys.ReviewQueueLink, "MyPayGa review queue", "File de revue MyPayGa");
        Add(PanelKeys.Back, "Back to the order", "Retour à la commande");
        Add(PanelKeys.ConfirmQuestion, "Please confirm: this is done once and cannot be undone from here.",
            "Merci de confirmer : cette action est faite une seule fois et ne peut pas être annulée d'ici.");

        Add(PanelKeys.ColumnReference, "Reference", "Référence");
        Add(PanelKeys.ColumnChannel, "Channel", "Moyen");
        Add(PanelKeys.ColumnPhone, "Phone", "Téléphone");
        Add(PanelKeys.ColumnAmount, "Amount", "Montant");
        Add(PanelKeys.ColumnReceived, "Received", "Reçu");
        Add(PanelKeys.ColumnToken, "Token", "Jeton");
        Add(PanelKeys.ColumnStatus, "Status", "Statut");
        Add(PanelKeys.ColumnProviderStatus, "MyPayGa says", "Selon MyPayGa");
        Add(PanelKeys.ColumnCreated, "Started", "Lancée");
        Add(PanelKeys.ColumnActions, "Actions", "Actions");
        Add(PanelKeys.ColumnRefundId, "Refund id", "N° de remboursement");
        Add(PanelKeys.ColumnRequestedBy, "Asked by", "Demandé par");
        Add(PanelKeys.ColumnMessage, "Message", "Message");
        Add(PanelKeys.ColumnOrder, "Order", "Commande");
        Add(PanelKeys.ColumnSince, "Since", "Depuis");
        Add(PanelKeys.ReadOn, "read {0}", "lu le {0}");
        Add(PanelKeys.NeverRead, "not read yet", "pas encore lu");
        Add(PanelKeys.CreatedBy, "by {0}", "par {0}");
        Add(PanelKeys.ChannelLink, "Payment link", "Lien de paiement");

        Add(PanelKeys.WarningHeld, "Payment {0} ({1}) is held for review: the card was accepted with risk. Accept it or refund it and cancel the order.",
            "Le paiement {0} ({1}) est en attente de revue : la carte a été acceptée avec risque. Acceptez-le, ou remboursez-le et annulez la commande.");
        Add(PanelKeys.WarningMismatch, "Payment {0}: MyPayGa received {1}, not the amount asked. The order was not marked as paid. Refund what was received.",
            "Paiement {0} : MyPayGa a reçu {1}, pas le montant demandé. La commande n'a pas été marquée payée. Remboursez ce qui a été reçu.");
        Add(PanelKeys.WarningDoublePayment, "Payment {0} ({1}) arrived after the order was already paid: the customer paid twice. Refund this payment.",
            "Le paiement {0} ({1}) est arrivé alors que la commande était déjà payée : le client a payé deux fois. Remboursez ce paiement.");
        Add(PanelKeys.WarningPaidOrderClosed, "Payment {0} ({1}) arrived while the order could no longer take it (cancelled). Refund it.",
            "Le paiement {0} ({1}) est arrivé alors que la commande ne pouvait plus l'accepter (annulée). Remboursez-le.");
        Add(PanelKeys.WarningTimedOut, "Payment {0} ({1}) got no final answer from MyPayGa within the follow window. Check its status now, or look it up in MyPayGa's dashboard.",
            "Le paiement {0} ({1}) n'a pas reçu de réponse définitive de MyPayGa pendant la période de suivi. Vérifiez son statut maintenant, ou dans le tableau de bord MyPayGa.");
        Add(PanelKeys.WarningRefundUnknown, "The outcome of refund {0} ({1}) is unknown: no new refund of this order is sent until MyPayGa tells (the reconciliation asks it every run).",
            "Le résultat du remboursement {0} ({1}) est inconnu : aucun nouveau remboursement de cette commande n'est envoyé tant que MyPayGa ne l'a pas dit (la réconciliation le demande à chaque passage).");

        Add(PanelKeys.DecisionAccept, "Accept (mark paid)", "Accepter (marquer payée)");
        Add(PanelKeys.DecisionAccept + ".Explanation", "The order is marked as paid with this payment, once, with a note naming you. If another payment paid the order meanwhile, nothing is done and this one becomes a double payment to refund.",
            "La commande est marquée payée avec ce paiement, une seule fois, avec une note à votre nom. Si un autre paiement a payé la commande entre-temps, rien n'est fait et celui-ci devient un double paiement à rembourser.");
        Add(PanelKeys.DecisionRefundAndCancel, "Refund and cancel", "Rembourser et annuler");
        Add(PanelKeys.DecisionRefundAndCancel + ".Explanation", "Everything this payment received and not yet given back is refunded through MyPayGa, then the order is cancelled. If the refund does not go through, the order is left as it is.",
            "Tout ce que ce paiement a reçu et qui n'a pas encore été rendu est remboursé par MyPayGa, puis la commande est annulée. Si le remboursement n'aboutit pas, la commande reste telle quelle.");
        Add(PanelKeys.DecisionRefundReceived, "Refund what was received", "Rembourser ce qui a été reçu");
        Add(PanelKeys.DecisionRefundReceived + ".Explanation", "The amount MyPayGa received for this payment (not the amount asked) is refunded. The order stays unpaid: the customer may pay the right amount.",
            "Le montant reçu par MyPayGa pour ce paiement (et non le montant demandé) est remboursé. La commande reste non payée : le client peut payer le bon montant.");
        Add(PanelKeys.DecisionRefundAttempt, "Refund this payment", "Rembourser ce paiement");
        Add(PanelKeys.DecisionRefundAttempt + ".Explanation", "This payment's money is refunded on its own token. The payment that paid the order is not touched.",
            "L'argent de ce paiement est remboursé sur son propre jeton. Le paiement qui a payé la commande n'est pas touché.");
        Add(PanelKeys.DecisionNotFound, "This payment does not belong to this order.", "Ce paiement n'appartient pas à cette commande.");
        Add(PanelKeys.DecisionNotAvailable, "This decision is not open for payment {0} (already decided, or its status changed).",
            "Cette décision n'est pas possible pour le paiement {0} (déjà décidée, ou son statut a changé).");
        Add(PanelKeys.DecisionAlreadyTaken, "Payment {0} is already being decided or was decided by {1}. Nothing was done.",
            "Le paiement {0} est déjà en cours de décision ou a été décidé par {1}. Rien n'a été fait.");
        Add(PanelKeys.DecisionFailed, "The decision failed unexpectedly ({0}); nothing was recorded. You may try again.",
            "La décision a échoué de façon inattendue ({0}) ; rien n'a été enregistré. Vous pouvez réessayer.");
        Add(PanelKeys.DecisionOrderNoLongerPayable, "The order can no longer be marked paid with payment {0} (paid by another payment, or closed). Refund it instead.",
            "La commande ne peut plus être marquée payée avec le paiement {0} (payée par un autre paiement, ou close). Remboursez-le plutôt.");
        Add(PanelKeys.DecisionAcceptedMessage, "Payment {0} accepted: the order is marked as paid.", "Paiement {0} accepté : la commande est marquée payée.");
        Add(PanelKeys.DecisionCancelled, "The order is cancelled.", "La commande est annulée.");
        Add(PanelKeys.DecisionNotCancelled, "The order was not cancelled (already cancelled, paid, or not cancellable).",
            "La commande n'a pas été annulée (déjà annulée, payée ou non annulable).");
        Add(PanelKeys.ConfirmRefundAmount, "To refund", "À rembourser");
        Add(PanelKeys.ConfirmCustomer, "Customer", "Client");
        Add(PanelKeys.ConfirmEmail, "E-mail", "E-mail");
        Add(PanelKeys.ConfirmDescription, "Description", "Description");

        Add(PanelKeys.NoteAccepted, "payment {0} ({1}) accepted by {2}: the order is marked as paid.",
            "paiement {0} ({1}) accepté par {2} : la commande est marquée payée.");
        Add(PanelKeys.NoteRefundDecided, "decision by {3}: payment {0} refunded (refund {1}, {2}).",
            "décision de {3} : paiement {0} remboursé (remboursement {1}, {2}).");
        Add(PanelKeys.NoteCancelledByDecision, "order cancelled by {1} after refunding payment {0}.",
            "commande annulée par {1} après le remboursement du paiement {0}.");

        Add(PanelKeys.LinkTitle, "Payment link", "Lien de paiement");
        Add(PanelKeys.LinkCreate, "Create payment link", "Créer un lien de paiement");
        Add(PanelKeys.LinkExplanation, "MyPayGa creates a page where the customer pays the order's amount in XAF. Send the link (or show its QR code) to the customer; the order is marked paid when MyPayGa says the link was paid, like any payment.",
            "MyPayGa crée une page où le client paie le montant de la commande en XAF. Envoyez le lien (ou montrez son QR code) au client ; la commande est marquée payée quand MyPayGa indique que le lien a été payé, comme tout paiement.");
        Add(PanelKeys.LinkCopy, "Copy", "Copier");
        Add(PanelKeys.LinkRefresh, "Refresh", "Actualiser");
        Add(PanelKeys.LinkCancel, "Cancel link", "Annuler le lien");
        Add(PanelKeys.LinkQrAlt, "QR code of the payment link", "QR code du lien de paiement");
        Add(PanelKeys.LinkDescription, "Order {0}", "Commande {0}");
        Add(PanelKeys.LinkCreated, "Payment link created for {0}.", "Lien de paiement créé pour {0}.");
        Add(PanelKeys.LinkFailed, "MyPayGa did not create the link: {0}", "MyPayGa n'a pas créé le lien : {0}");
        Add(PanelKeys.LinkOutcomeUnknown, "MyPayGa's answer was lost ({0}): a link may have been created that this store cannot see. Check MyPayGa's dashboard before creating another.",
            "La réponse de MyPayGa a été perdue ({0}) : un lien a peut-être été créé sans que la boutique le voie. Vérifiez le tableau de bord MyPayGa avant d'en créer un autre.");
        Add(PanelKeys.LinkNeedsPhone, "MyPayGa needs the customer's phone to make a link: add one to the billing address.",
            "MyPayGa a besoin du téléphone du client pour créer un lien : ajoutez-en un à l'adresse de facturation.");
        Add(PanelKeys.LinkNeedsEmail, "MyPayGa needs the customer's e-mail to make a link: add one to the billing address.",
            "MyPayGa a besoin de l'e-mail du client pour créer un lien : ajoutez-en un à l'adresse de facturation.");
        Add(PanelKeys.LinkAlreadyOpen, "A payment link is already open for this order: cancel it first.",
            "Un lien de paiement est déjà ouvert pour cette commande : annulez-le d'abord.");
        Add(PanelKeys.LinkAwaitingDecision, "Money received for this order waits for your decision (above): decide first, then make a link if one is still needed.",
            "De l'argent reçu pour cette commande attend votre décision (ci-dessus) : décidez d'abord, puis créez un lien s'il en faut encore un.");
        Add(PanelKeys.LinkPushPending, "A payment request sent to {0} may still be approved on that phone for {1} minute(s): wait before making a link, or the customer could pay twice.",
            "Une demande de paiement envoyée au {0} peut encore être approuvée sur ce téléphone pendant {1} minute(s) : attendez avant de créer un lien, sinon le client pourrait payer deux fois.");
        Add(PanelKeys.LinkNotCancellable, "This payment link cannot be cancelled (paid, failed or not a link).",
            "Ce lien de paiement ne peut pas être annulé (payé, échoué ou pas un lien).");
        Add(PanelKeys.LinkCancelled, "Payment link cancelled.", "Lien de paiement annulé.");
        Add(PanelKeys.LinkCancelFailed, "MyPayGa did not cancel the link: {0}", "MyPayGa n'a pas annulé le lien : {0}");
        Add(PanelKeys.NoteLinkCreated, "payment link {0} created by {3} for {1} (MyPayGa reference {2}).",
            "lien de paiement {0} créé par {3} pour {1} (référence MyPayGa {2}).");
        Add(PanelKeys.NoteLinkFailed, "payment link {0} asked by {2} was not created: {1}",
            "le lien de paiement {0} demandé par {2} n'a pas été créé : {1}");
        Add(PanelKeys.NoteLinkOutcomeUnknown, "payment link {0} asked by {2}: MyPayGa's answer was lost ({1}); a link may exist at MyPayGa that this store cannot follow.",
            "lien de paiement {0} demandé par {2} : la réponse de MyPayGa a été perdue ({1}) ; un lien que la boutique ne peut pas suivre existe peut-être chez MyPayGa.");
        Add(PanelKeys.NoteLinkCancelled, "payment link {0} (MyPayGa reference {1}) cancelled ({2}).",
            "lien de paiement {0} (référence MyPayGa {1}) annulé ({2}).");
        Add(PanelKeys.StartPaymentLinkOpen, "The store sent you a payment link for this order: please pay through that link.",
            "La boutique vous a envoyé un lien de paiement pour cette commande : merci de payer par ce lien.");
        Add(PanelKeys.RefundLinkNotPossible, "Payment {0} was made through a payment link: MyPayGa gives no payment token for it, so it cannot be refunded from the store. Refund it from MyPayGa's dashboard.",
            "Le paiement {0} a été fait par un lien de paiement : MyPayGa ne donne pas de jeton de paiement pour celui-ci, il ne peut donc pas être remboursé depuis la boutique. Remboursez-le depuis le tableau de bord MyPayGa.");

        Add(PanelKeys.QueueTitlePage, "MyPayGa review queue", "File de revue MyPayGa");
        Add(PanelKeys.QueueEmpty, "Nothing needs a person right now.", "Rien ne demande d'intervention pour le moment.");
        Add(PanelKeys.QueueNone, "None.", "Aucun.");
        Add(PanelKeys.QueueRuns, "Last reconciliation runs", "Derniers passages de la réconciliation");
        Add(PanelKeys.QueueNoRuns, "The reconciliation has not run yet.", "La réconciliation n'est pas encore passée.");
        Add(PanelKeys.RunStarted, "When", "Quand");
        Add(PanelKeys.RunRead, "Read", "Lus");
        Add(PanelKeys.RunSettled, "Settled", "Réglés");
        Add(PanelKeys.RunExpired, "Expired", "Expirés");
        Add(PanelKeys.RunUnreadable, "Could not be read", "Illisibles");
        Add(PanelKeys.RunTimedOut, "Timed out", "Abandonnés");
        Add(PanelKeys.RunRefunds, "Refunds settled", "Remboursements éclaircis");
        Add(PanelKeys.RunDuration, "Duration (ms)", "Durée (ms)");

        (ReviewQueueKind, string, string, string, string)[] queue =
        [
            (ReviewQueueKind.HeldForReview, "Held for review", "Cards accepted with risk: accept, or refund and cancel.",
                "En attente de revue", "Cartes acceptées avec risque : accepter, ou rembourser et annuler."),
            (ReviewQueueKind.AmountMismatch, "Amount mismatch", "MyPayGa received another amount than asked: refund what was received.",
                "Montant différent", "MyPayGa a reçu un autre montant que celui demandé : rembourser ce qui a été reçu."),
            (ReviewQueueKind.DoublePayment, "Double payments", "Orders paid twice: refund the second payment.",
                "Doubles paiements", "Commandes payées deux fois : rembourser le second paiement."),
            (ReviewQueueKind.PaidOrderClosed, "Paid after the order was closed", "Money received for a cancelled order: refund it.",
                "Payé après la clôture de la commande", "Argent reçu pour une commande annulée : le rembourser."),
            (ReviewQueueKind.RefundOutcomeUnknown, "Refunds with an unknown outcome", "MyPayGa has not told whether these refunds went through; the reconciliation asks every run.",
                "Remboursements au résultat inconnu", "MyPayGa n'a pas dit si ces remboursements ont abouti ; la réconciliation le demande à chaque passage."),
            (ReviewQueueKind.TimedOut, "Timed out", "No final answer from MyPayGa within the follow window: check the status, or look in MyPayGa's dashboard.",
                "Abandonnés", "Pas de réponse définitive de MyPayGa pendant la période de suivi : vérifiez le statut, ou regardez dans le tableau de bord MyPayGa."),
            (ReviewQueueKind.PendingUnread, "Pending orders MyPayGa could not tell about", "Pending past the expiry with a payment whose status could not be read lately.",
                "Commandes en attente sans nouvelles de MyPayGa", "En attente au-delà de l'expiration, avec un paiement dont le statut n'a pas pu être lu récemment."),
        ];
        foreach (var (kind, titleEn, explainEn, titleFr, explainFr) in queue)
        {
            Add(PanelKeys.QueueTitle(kind), titleEn, titleFr);
            Add(PanelKeys.QueueExplanation(kind), explainEn, explainFr);
        }

        (AttemptStatus, string, string)[] statuses =
        [
            (AttemptStatus.Starting, "Starting", "En cours de lancement"),
            (AttemptStatus.NotStarted, "Not started", "Non lancée"),
            (AttemptStatus.Open, "Waiting for MyPayGa", "En attente de MyPayGa"),
            (AttemptStatus.Failed, "Failed", "Échouée"),
            (AttemptStatus.Paid, "Paid", "Payée"),
            (AttemptStatus.HeldForReview, "Held for review", "En attente de revue"),
            (AttemptStatus.AmountMismatch, "Amount mismatch", "Montant différent"),
            (AttemptStatus.DoublePayment, "Double payment", "Double paiement"),
            (AttemptStatus.PaidOrderClosed, "Paid, order closed", "Payée, commande close"),
            (AttemptStatus.TimedOut, "Timed out", "Abandonnée"),
        ];
        foreach (var (status, english, french) in statuses)
            Add(PanelKeys.AttemptStatus(status), english, french);

        (RefundStatus, string, string)[] refunds =
        [
            (RefundStatus.Creating, "Being created", "En création"),
            (RefundStatus.Sending, "Being sent", "En cours d'envoi"),
            (RefundStatus.Sent, "Sent", "Envoyé"),
            (RefundStatus.Failed, "Failed (no money moved)", "Échoué (aucun argent n'a bougé)"),
            (RefundStatus.Unknown, "Outcome unknown", "Résultat inconnu"),
        ];
        foreach (var (status, english, french) in refunds)
            Add(PanelKeys.RefundStatus(status), english, french);

        (PaymentState, string, string)[] states =
        [
            (PaymentState.NotStarted, "no payment started", "aucun paiement lancé"),
            (PaymentState.Pending, "waiting for the customer", "en attente du client"),
            (PaymentState.Paid, "paid", "payée"),
            (PaymentState.HeldForReview, "money received, waiting for your decision", "argent reçu, en attente de votre décision"),
            (PaymentState.Failed, "failed", "échoué"),
            (PaymentState.AmountMismatch, "amount mismatch, waiting for your decision", "montant différent, en attente de votre décision"),
            (PaymentState.ProviderUnavailable, "MyPayGa could not be read", "MyPayGa n'a pas pu être interrogé"),
            (PaymentState.Busy, "another request is settling the order", "une autre requête traite la commande"),
        ];
        foreach (var (state, english, french) in states)
            Add(PanelKeys.State(state), english, french);
    }
}
