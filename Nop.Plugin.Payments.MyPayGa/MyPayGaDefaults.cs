namespace Nop.Plugin.Payments.MyPayGa;

/// <summary>Names the plugin shares with nopCommerce (system name, routes, attributes, views).</summary>
public static class MyPayGaDefaults
{
    public const string SystemName = "Payments.MyPayGa";

    /// <summary>The plugin's folder under ~/Plugins (views are found there).</summary>
    public const string PluginFolder = "~/Plugins/Payments.MyPayGa";

    /// <summary>Order generic attribute holding the JSON list of <see cref="Domain.PaymentAttempt"/>.</summary>
    public const string AttemptsAttribute = "MyPayGa.PaymentAttempts";

    /// <summary>Order generic attribute: JSON map uniqueID → MyPayGa's message about that attempt (display only).</summary>
    public const string ProviderMessagesAttribute = "MyPayGa.ProviderMessages";

    /// <summary>Order generic attribute: why starting the payment at checkout failed, until the retry page shows it.</summary>
    public const string StartErrorAttribute = "MyPayGa.StartError";

    /// <summary>CustomValues keys put in the ProcessPaymentRequest by the payment-info form.</summary>
    public const string ChannelCustomValue = "MyPayGa.Channel";
    public const string PhoneCustomValue = "MyPayGa.Phone";

    /// <summary>Form field names of the payment-info view.</summary>
    public const string ChannelFormField = "MyPayGaChannel";
    public const string PhoneFormField = "MyPayGaPhone";
    /// <summary>Card only: the phone MyPayGa's gethash requires (for its receipt); the billing phone when left empty.</summary>
    public const string CardPhoneFormField = "MyPayGaCardPhone";

    /// <summary>Lock key prefix for settling one order (ILocker).</summary>
    public const string OrderLockPrefix = "Nop.Plugin.Payments.MyPayGa.Order-";

    /// <summary>Route names and paths (no language prefix: MyPayGa and the browser reach them as is).</summary>
    public static class Routes
    {
        public const string Configure = "Plugin.Payments.MyPayGa.Configure";
        public const string TestConnection = "Plugin.Payments.MyPayGa.TestConnection";
        public const string Callback = "Plugin.Payments.MyPayGa.Callback";
        public const string Pending = "Plugin.Payments.MyPayGa.Pending";
        public const string Status = "Plugin.Payments.MyPayGa.Status";
        public const string Retry = "Plugin.Payments.MyPayGa.Retry";
        public const string CardRedirect = "Plugin.Payments.MyPayGa.CardRedirect";
        public const string ReturnSuccess = "Plugin.Payments.MyPayGa.ReturnSuccess";
        public const string ReturnFailure = "Plugin.Payments.MyPayGa.ReturnFailure";

        public const string CallbackPath = "mypayga/callback";
        public const string PendingPath = "mypayga/pending/{orderGuid:guid}";
        public const string StatusPath = "mypayga/status/{orderGuid:guid}";
        public const string RetryPath = "mypayga/retry/{orderGuid:guid}";
        public const string CardRedirectPath = "mypayga/card/{orderGuid:guid}";
        public const string ReturnSuccessPath = "mypayga/return/success";
        public const string ReturnFailurePath = "mypayga/return/failure";
    }

    /// <summary>
    /// System name of the message template that e-mails a payment link to the customer (installed with the plugin,
    /// edited by the owner under Content management › Message templates, removed on uninstall).
    /// </summary>
    public const string PaymentLinkMessageTemplate = "MyPayGa.PaymentLink.CustomerNotification";

    /// <summary>Locale resource names start with this.</summary>
    public const string ResourcePrefix = "Plugins.Payments.MyPayGa.";
}
