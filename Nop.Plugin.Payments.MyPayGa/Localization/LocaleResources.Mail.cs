namespace Nop.Plugin.Payments.MyPayGa.Localization;

// The resources of e-mailing a payment link to the customer through nopCommerce's message templates. The e-mail's own
// text is the message template (Content management › Message templates), not a resource.
// Texts with {0}, {1}... are format strings (arguments documented per key).
public static partial class LocaleResources
{
    /// <summary>Names of the resources of e-mailing a payment link.</summary>
    public static class MailKeys
    {
        private const string P = MyPayGaDefaults.ResourcePrefix + "Panel.LinkMail.";

        /// <summary>The panel's button and the confirmation page's title and button.</summary>
        public const string Send = P + "Send";
        public const string Explanation = P + "Explanation";
        /// <summary>The checkbox on the confirmation of a new link.</summary>
        public const string SendWithNewLink = P + "SendWithNewLink";
        public const string FactRecipient = P + "Fact.Recipient";
        public const string FactLink = P + "Fact.Link";
        public const string FactExpiresOn = P + "Fact.ExpiresOn";
        public const string FactTemplate = P + "Fact.Template";
        public const string FactLanguage = P + "Fact.Language";
        public const string FactEmailAccount = P + "Fact.EmailAccount";

        /// <summary>{0} recipient's e-mail address.</summary>
        public const string Sent = P + "Sent";
        public const string NotOpen = P + "NotOpen";
        /// <summary>{0} the template's system name.</summary>
        public const string TemplateMissing = P + "TemplateMissing";
        /// <summary>{0} the template's system name.</summary>
        public const string TemplateInactive = P + "TemplateInactive";
        public const string NoRecipient = P + "NoRecipient";
        public const string NoEmailAccount = P + "NoEmailAccount";
        public const string NotQueued = P + "NotQueued";

        /// <summary>{0} link reference, {1} recipient's e-mail address, {2} who sent it, {3} the template's system name.</summary>
        public const string NoteSent = P + "Note.Sent";
    }

    static partial void AddMail(Dictionary<string, string> en, Dictionary<string, string> fr)
    {
        void Add(string key, string english, string french)
        {
            en.Add(key, english);
            fr.Add(key, french);
        }

        Add(MailKeys.Send, "E-mail the link to the customer", "Envoyer le lien au client par e-mail");
        Add(MailKeys.Explanation, "The store sends the link to the customer with the message template below (Content management › Message templates: its text, whether it is active and its e-mail account are yours to change). The e-mail is queued like the store's other e-mails.",
            "La boutique envoie le lien au client avec le modèle de message ci-dessous (Gestion du contenu › Modèles de messages : son texte, son activation et son compte e-mail sont à vous). L'e-mail part par la file d'attente comme les autres e-mails de la boutique.");
        Add(MailKeys.SendWithNewLink, "E-mail the link to the customer once it is created", "Envoyer le lien au client par e-mail dès sa création");
        Add(MailKeys.FactRecipient, "To", "Destinataire");
        Add(MailKeys.FactLink, "Link", "Lien");
        Add(MailKeys.FactExpiresOn, "Followed until", "Suivi jusqu'au");
        Add(MailKeys.FactTemplate, "Message template", "Modèle de message");
        Add(MailKeys.FactLanguage, "Language", "Langue");
        Add(MailKeys.FactEmailAccount, "Sent from", "Envoyé depuis");
        Add(MailKeys.Sent, "The payment link was e-mailed to {0} (queued).", "Le lien de paiement a été envoyé à {0} (en file d'attente).");
        Add(MailKeys.NotOpen, "This payment link is no longer open (paid, cancelled or expired): nothing was sent.",
            "Ce lien de paiement n'est plus ouvert (payé, annulé ou expiré) : rien n'a été envoyé.");
        Add(MailKeys.TemplateMissing, "The message template {0} does not exist for this store: update or reinstall the plugin (or restore it under Content management › Message templates). Nothing was sent.",
            "Le modèle de message {0} n'existe pas pour cette boutique : mettez à jour ou réinstallez le plugin (ou rétablissez-le dans Gestion du contenu › Modèles de messages). Rien n'a été envoyé.");
        Add(MailKeys.TemplateInactive, "The message template {0} is not active: activate it under Content management › Message templates. Nothing was sent.",
            "Le modèle de message {0} n'est pas actif : activez-le dans Gestion du contenu › Modèles de messages. Rien n'a été envoyé.");
        Add(MailKeys.NoRecipient, "The order has no customer e-mail (billing address or customer account): nothing was sent.",
            "La commande n'a pas d'e-mail client (adresse de facturation ou compte client) : rien n'a été envoyé.");
        Add(MailKeys.NoEmailAccount, "The store has no e-mail account to send from (Configuration › E-mail accounts): nothing was sent.",
            "La boutique n'a pas de compte e-mail pour l'envoi (Configuration › Comptes e-mail) : rien n'a été envoyé.");
        Add(MailKeys.NotQueued, "nopCommerce did not queue the e-mail: nothing was sent.", "nopCommerce n'a pas mis l'e-mail en file d'attente : rien n'a été envoyé.");
        Add(MailKeys.NoteSent, "payment link {0} e-mailed to {1} by {2} (message template {3}).",
            "lien de paiement {0} envoyé par e-mail à {1} par {2} (modèle de message {3}).");
    }
}
