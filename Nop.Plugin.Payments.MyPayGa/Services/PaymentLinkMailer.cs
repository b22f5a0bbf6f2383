using System.Globalization;
using Nop.Core;
using Nop.Core.Domain.Localization;
using Nop.Core.Domain.Messages;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Stores;
using Nop.Plugin.Payments.MyPayGa.Domain;
using Nop.Services.Common;
using Nop.Services.Configuration;
using Nop.Services.Customers;
using Nop.Services.Helpers;
using Nop.Services.Localization;
using Nop.Services.Logging;
using Nop.Services.Messages;
using Nop.Services.Stores;
using static Nop.Plugin.Payments.MyPayGa.Localization.LocaleResources;

namespace Nop.Plugin.Payments.MyPayGa.Services;

/// <summary>
/// What e-mailing a payment link would do (the confirmation step shows it), or why it cannot be done now. Addresses are
/// shown to the admin (the owner's page), never logged.
/// </summary>
public sealed record LinkMailProposal
{
    public MyPayGaAttempt? Link { get; init; }
    public string? ToEmail { get; init; }
    public string? ToName { get; init; }
    /// <summary>Until when the store follows the link (what the e-mail tells the customer), UTC.</summary>
    public DateTime? ExpiresOnUtc { get; init; }
    /// <summary>The language the e-mail is written in (the order's customer language, else the store's first).</summary>
    public Language? Language { get; init; }
    /// <summary>The active templates that would be sent (one, unless the owner copied it per store) with their e-mail account.</summary>
    public IReadOnlyList<(MessageTemplate Template, EmailAccount Account)> Sends { get; init; } = [];
    /// <summary>Why nothing can be sent now (localised), or null.</summary>
    public string? Refusal { get; init; }
}

/// <summary>
/// E-mails an open payment link to the order's customer through nopCommerce's message template
/// <see cref="MyPayGaDefaults.PaymentLinkMessageTemplate"/>: the template's (or the store's default) e-mail account, the
/// order's customer language, nopCommerce's store, order and customer tokens plus the link's tokens
/// (<see cref="PaymentLinkTemplate.Tokens"/>); the message is queued by nopCommerce like its own. Nothing is sent for a
/// link that is not open, without a customer e-mail, an active template or an e-mail account.
/// </summary>
public interface IMyPayGaPaymentLinkMailer
{
    Task<LinkMailProposal> ProposeAsync(Order order, int attemptId);

    /// <summary>Queues the e-mail and writes an order note naming <paramref name="requestedBy"/> and the address.</summary>
    Task<LinkOutcome> SendAsync(Order order, int attemptId, string? requestedBy, CancellationToken cancellationToken = default);
}

/// <inheritdoc />
public class MyPayGaPaymentLinkMailer : IMyPayGaPaymentLinkMailer
{
    private readonly IPaymentAttemptStore _attemptStore;
    private readonly ISettingService _settingService;
    private readonly IMessageTemplateService _messageTemplateService;
    private readonly IEmailAccountService _emailAccountService;
    private readonly EmailAccountSettings _emailAccountSettings;
    private readonly IMessageTokenProvider _messageTokenProvider;
    private readonly IWorkflowMessageService _workflowMessageService;
    private readonly ILanguageService _languageService;
    private readonly ILocalizationService _localizationService;
    private readonly IAddressService _addressService;
    private readonly ICustomerService _customerService;
    private readonly IStoreService _storeService;
    private readonly IStoreContext _storeContext;
    private readonly IDateTimeHelper _dateTimeHelper;
    private readonly IXafAmountFormatter _xaf;
    private readonly IOrderNoteWriter _notes;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public MyPayGaPaymentLinkMailer(IPaymentAttemptStore attemptStore,
        ISettingService settingService,
        IMessageTemplateService messageTemplateService,
        IEmailAccountService emailAccountService,
        EmailAccountSettings emailAccountSettings,
        IMessageTokenProvider messageTokenProvider,
        IWorkflowMessageService workflowMessageService,
        ILanguageService languageService,
        ILocalizationService localizationService,
        IAddressService addressService,
        ICustomerService customerService,
        IStoreService storeService,
        IStoreContext storeContext,
        IDateTimeHelper dateTimeHelper,
        IXafAmountFormatter xaf,
        IOrderNoteWriter notes,
        TimeProvider time,
        ILogger logger)
    {
        _attemptStore = attemptStore;
        _settingService = settingService;
        _messageTemplateService = messageTemplateService;
        _emailAccountService = emailAccountService;
        _emailAccountSettings = emailAccountSettings;
        _messageTokenProvider = messageTokenProvider;
        _workflowMessageService = workflowMessageService;
        _languageService = languageService;
        _localizationService = localizationService;
        _addressService = addressService;
        _customerService = customerService;
        _storeService = storeService;
        _storeContext = storeContext;
        _dateTimeHelper = dateTimeHelper;
        _xaf = xaf;
        _notes = notes;
        _time = time;
        _logger = logger;
    }

    public async Task<LinkMailProposal> ProposeAsync(Order order, int attemptId)
    {
        ArgumentNullException.ThrowIfNull(order);

        // The link: open (not paid, failed, cancelled or past the follow window), with an address to send.
        var link = (await _attemptStore.GetAttemptsAsync(order)).FirstOrDefault(a => a.Id == attemptId);
        if (link is not { Channel: PaymentChannel.Link, LinkReference: not null, Status: AttemptStatus.Open } || LinkAddress(link) is null)
            return new LinkMailProposal { Link = link, Refusal = await TextAsync(MailKeys.NotOpen) };
        var settings = await _settingService.LoadSettingAsync<MyPayGaSettings>(order.StoreId);
        var expiresOnUtc = link.CreatedOnUtc + PaymentStatusProcessor.FollowWindow(settings);
        if (!MyPayGaCheckoutService.IsPayable(order) || UtcNow >= expiresOnUtc)
            return new LinkMailProposal { Link = link, ExpiresOnUtc = expiresOnUtc, Refusal = await TextAsync(MailKeys.NotOpen) };

        var proposal = new LinkMailProposal { Link = link, ExpiresOnUtc = expiresOnUtc };

        // The customer, as nopCommerce's order e-mails address them: the billing address, else the customer's account.
        var address = await _addressService.GetAddressByIdAsync(order.BillingAddressId);
        var customer = await _customerService.GetCustomerByIdAsync(order.CustomerId);
        var (toEmail, toName) = !string.IsNullOrWhiteSpace(address?.Email)
            ? (address.Email.Trim(), $"{address.FirstName} {address.LastName}".Trim())
            : !string.IsNullOrWhiteSpace(customer?.Email)
                ? (customer.Email.Trim(), $"{customer.FirstName} {customer.LastName}".Trim())
                : (null, null);
        if (toEmail is null)
            return proposal with { Refusal = await TextAsync(MailKeys.NoRecipient) };
        proposal = proposal with { ToEmail = toEmail, ToName = toName };

        // The owner's template for this order's store: present, active.
        var templates = await _messageTemplateService.GetMessageTemplatesByNameAsync(MyPayGaDefaults.PaymentLinkMessageTemplate, order.StoreId)
                        ?? [];
        if (templates.Count == 0)
            return proposal with { Refusal = await TextAsync(MailKeys.TemplateMissing, MyPayGaDefaults.PaymentLinkMessageTemplate) };
        var active = templates.Where(t => t.IsActive).ToList();
        if (active.Count == 0)
            return proposal with { Refusal = await TextAsync(MailKeys.TemplateInactive, MyPayGaDefaults.PaymentLinkMessageTemplate) };

        var language = await CustomerLanguageAsync(order);
        proposal = proposal with { Language = language };
        var sends = new List<(MessageTemplate, EmailAccount)>(active.Count);
        foreach (var template in active)
        {
            if (await EmailAccountOfAsync(template, language?.Id ?? 0) is not { } account)
                return proposal with { Refusal = await TextAsync(MailKeys.NoEmailAccount) };
            sends.Add((template, account));
        }

        return proposal with { Sends = sends };
    }

    public async Task<LinkOutcome> SendAsync(Order order, int attemptId, string? requestedBy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        var proposal = await ProposeAsync(order, attemptId);
        if (proposal.Refusal is not null)
            return new LinkOutcome(false, proposal.Refusal, proposal.Link);

        cancellationToken.ThrowIfCancellationRequested();
        var link = proposal.Link!;
        var languageId = proposal.Language?.Id ?? 0;
        var store = await _storeService.GetStoreByIdAsync(order.StoreId) ?? await _storeContext.GetCurrentStoreAsync();
        var linkTokens = await LinkTokensAsync(order, link, proposal.ExpiresOnUtc!.Value, proposal.Language);

        var queued = new List<int>();
        foreach (var (template, account) in proposal.Sends)
        {
            var tokens = await TokensAsync(store, order, account, languageId, linkTokens);
            try
            {
                var id = await _workflowMessageService.SendNotificationAsync(template, account, languageId, tokens, proposal.ToEmail!, proposal.ToName!);
                if (id > 0)
                    queued.Add(id);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                await _logger.ErrorAsync($"MyPayGa: order {order.Id}: the payment link {link.UniqueId} could not be queued for e-mail ({ex.GetType().Name}).");
            }
        }

        if (queued.Count == 0)
            return new LinkOutcome(false, await TextAsync(MailKeys.NotQueued), link);

        await _notes.AddAsync(order, MailKeys.NoteSent, link.UniqueId, proposal.ToEmail, requestedBy ?? string.Empty,
            MyPayGaDefaults.PaymentLinkMessageTemplate);
        return new LinkOutcome(true, await TextAsync(MailKeys.Sent, proposal.ToEmail), link);
    }

    /// <summary>nopCommerce's store, order and customer tokens (in the e-mail's language), then the link's.</summary>
    private async Task<List<Token>> TokensAsync(Store store, Order order, EmailAccount account, int languageId, IEnumerable<Token> linkTokens)
    {
        var tokens = new List<Token>();
        await _messageTokenProvider.AddStoreTokensAsync(tokens, store, account, languageId);
        await _messageTokenProvider.AddOrderTokensAsync(tokens, order, languageId);
        await _messageTokenProvider.AddCustomerTokensAsync(tokens, order.CustomerId);
        tokens.AddRange(linkTokens);
        return tokens;
    }

    private async Task<IReadOnlyList<Token>> LinkTokensAsync(Order order, MyPayGaAttempt link, DateTime expiresOnUtc, Language? language)
    {
        var culture = CultureOf(language);
        var customer = await _customerService.GetCustomerByIdAsync(order.CustomerId);
        var expiresOn = customer is null
            ? expiresOnUtc.ToString("f", culture) + " UTC"
            : _dateTimeHelper.ConvertToUserTime(expiresOnUtc, TimeZoneInfo.Utc, await _dateTimeHelper.GetCustomerTimeZoneAsync(customer)).ToString("f", culture);
        return
        [
            // An absolute http(s) address, percent-encoded: safe in an href without HTML encoding, as nopCommerce's URL tokens.
            new Token(PaymentLinkTemplate.Tokens.Url, LinkAddress(link)!, true),
            new Token(PaymentLinkTemplate.Tokens.Amount, await _xaf.FormatAsync(link.AmountXaf)),
            new Token(PaymentLinkTemplate.Tokens.ExpiresOn, expiresOn),
            new Token(PaymentLinkTemplate.Tokens.Reference, link.UniqueId),
        ];
    }

    /// <summary>The link's address when it is an absolute http(s) URL (percent-encoded), else null.</summary>
    internal static string? LinkAddress(MyPayGaAttempt link) =>
        Uri.TryCreate(link.LinkUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri.AbsoluteUri
            : null;

    /// <summary>The order's customer language when published, else the store's first language, else any (as nopCommerce's order e-mails).</summary>
    private async Task<Language?> CustomerLanguageAsync(Order order)
    {
        var language = order.CustomerLanguageId > 0 ? await _languageService.GetLanguageByIdAsync(order.CustomerLanguageId) : null;
        if (language is { Published: true })
            return language;
        return (await _languageService.GetAllLanguagesAsync(storeId: order.StoreId))?.FirstOrDefault()
               ?? (await _languageService.GetAllLanguagesAsync())?.FirstOrDefault();
    }

    /// <summary>The template's e-mail account (for that language if the owner set one), else the store's default, else the first.</summary>
    private async Task<EmailAccount?> EmailAccountOfAsync(MessageTemplate template, int languageId)
    {
        var accountId = languageId > 0 ? await _localizationService.GetLocalizedAsync(template, t => t.EmailAccountId, languageId) : 0;
        if (accountId == 0)
            accountId = template.EmailAccountId;
        return (accountId > 0 ? await _emailAccountService.GetEmailAccountByIdAsync(accountId) : null)
               ?? (_emailAccountSettings.DefaultEmailAccountId > 0 ? await _emailAccountService.GetEmailAccountByIdAsync(_emailAccountSettings.DefaultEmailAccountId) : null)
               ?? (await _emailAccountService.GetAllEmailAccountsAsync())?.FirstOrDefault();
    }

    private static CultureInfo CultureOf(Language? language)
    {
        try
        {
            return string.IsNullOrWhiteSpace(language?.LanguageCulture) ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo(language.LanguageCulture);
        }
        catch (CultureNotFoundException)
        {
            return CultureInfo.InvariantCulture;
        }
    }

    private async Task<string> TextAsync(string key, params object?[] args)
    {
        var text = await _localizationService.GetResourceAsync(key);
        return args.Length == 0 ? text : string.Format(CultureInfo.CurrentCulture, text, args);
    }

    private DateTime UtcNow => _time.GetUtcNow().UtcDateTime;
}
