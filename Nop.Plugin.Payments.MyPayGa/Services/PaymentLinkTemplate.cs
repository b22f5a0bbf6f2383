using Nop.Core.Domain.Messages;
using Nop.Services.Messages;

namespace Nop.Plugin.Payments.MyPayGa.Services;

/// <summary>
/// The message template that e-mails a payment link to the customer, as installed: English, HTML like the store's own
/// customer notifications, with the store, order and customer tokens nopCommerce fills plus the plugin's link tokens.
/// Once installed it is the owner's (text, translations, active or not, e-mail account, stores).
/// </summary>
public static class PaymentLinkTemplate
{
    /// <summary>The plugin's own tokens (without the % signs), filled by <see cref="IMyPayGaPaymentLinkMailer"/>.</summary>
    public static class Tokens
    {
        /// <summary>The address of MyPayGa's page where the customer pays.</summary>
        public const string Url = "MyPayGa.PaymentLink.URL";
        /// <summary>The amount asked, in XAF, in the store's XAF format.</summary>
        public const string Amount = "MyPayGa.PaymentLink.Amount";
        /// <summary>Until when the store follows the link (its creation + the "follow payments" hours), in the customer's time zone.</summary>
        public const string ExpiresOn = "MyPayGa.PaymentLink.ExpiresOn";
        /// <summary>The link's reference in the store ("{order number}-{n}").</summary>
        public const string Reference = "MyPayGa.PaymentLink.Reference";

        /// <summary>As nopCommerce lists tokens on a template's page: "%Name%".</summary>
        public static readonly IReadOnlyList<string> All = [$"%{Url}%", $"%{Amount}%", $"%{ExpiresOn}%", $"%{Reference}%"];
    }

    public const string Subject = "%Store.Name%. Your payment link for order #%Order.OrderNumber%";

    public static readonly string Body = string.Join(Environment.NewLine,
        "<p>",
        "<a href=\"%Store.URL%\">%Store.Name%</a>",
        "<br />",
        "<br />",
        "Hello %Order.CustomerFullName%,",
        "<br />",
        "<br />",
        "Your order #%Order.OrderNumber% is waiting for its payment of %MyPayGa.PaymentLink.Amount%. You can pay it on MyPayGa's secure payment page:",
        "<br />",
        "<br />",
        "<a href=\"%MyPayGa.PaymentLink.URL%\">Pay %MyPayGa.PaymentLink.Amount% now</a>",
        "<br />",
        "<br />",
        "If the button does not open, copy this address into your browser: %MyPayGa.PaymentLink.URL%",
        "<br />",
        "<br />",
        "Please pay before %MyPayGa.PaymentLink.ExpiresOn%. Your order is confirmed as soon as MyPayGa tells us it is paid.",
        "<br />",
        "<br />",
        "Order number: %Order.OrderNumber%",
        "<br />",
        "Date ordered: %Order.CreatedOn%",
        "<br />",
        "Order details: <a href=\"%Order.OrderURLForCustomer%\" target=\"_blank\">%Order.OrderURLForCustomer%</a>",
        "<br />",
        "Payment reference: %MyPayGa.PaymentLink.Reference%",
        "</p>",
        "");

    /// <summary>A new template as installed: active, sent from the store's default e-mail account (0: nopCommerce's fallback).</summary>
    public static MessageTemplate Create(int emailAccountId) => new()
    {
        Name = MyPayGaDefaults.PaymentLinkMessageTemplate,
        Subject = Subject,
        Body = Body,
        IsActive = true,
        EmailAccountId = emailAccountId,
        LimitedToStores = false,
    };
}

/// <summary>Installs and removes the payment-link message template.</summary>
public interface IMyPayGaMessageTemplateInstaller
{
    /// <summary>
    /// Adds the template when no template of that name exists (install, and the update of a store that ran an earlier
    /// version). An existing one — maybe edited, deactivated or copied per store by the owner — is left as it is.
    /// </summary>
    Task<bool> EnsureAsync();

    /// <summary>Deletes every template of that name (uninstall), the owner's copies per store included.</summary>
    Task<int> RemoveAsync();
}

/// <inheritdoc />
public class MyPayGaMessageTemplateInstaller : IMyPayGaMessageTemplateInstaller
{
    private readonly IMessageTemplateService _messageTemplateService;
    private readonly EmailAccountSettings _emailAccountSettings;

    public MyPayGaMessageTemplateInstaller(IMessageTemplateService messageTemplateService, EmailAccountSettings emailAccountSettings)
    {
        _messageTemplateService = messageTemplateService;
        _emailAccountSettings = emailAccountSettings;
    }

    public async Task<bool> EnsureAsync()
    {
        // storeId null: every template of that name, whatever stores it is limited to.
        var existing = await _messageTemplateService.GetMessageTemplatesByNameAsync(MyPayGaDefaults.PaymentLinkMessageTemplate);
        if (existing is { Count: > 0 })
            return false;

        await _messageTemplateService.InsertMessageTemplateAsync(PaymentLinkTemplate.Create(_emailAccountSettings.DefaultEmailAccountId));
        return true;
    }

    public async Task<int> RemoveAsync()
    {
        var existing = await _messageTemplateService.GetMessageTemplatesByNameAsync(MyPayGaDefaults.PaymentLinkMessageTemplate);
        if (existing is null)
            return 0;
        foreach (var template in existing.ToList())
            await _messageTemplateService.DeleteMessageTemplateAsync(template);
        return existing.Count;
    }
}
