using System.Collections.Concurrent;
using System.Net;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Messages;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Stores;
using Nop.Services.Helpers;
using Nop.Services.Messages;

namespace Nop.Plugin.Payments.MyPayGa.Tests.Support;

/// <summary>
/// nopCommerce's messaging as far as the plugin uses it, in memory: message templates (with store limits), e-mail
/// accounts, a token provider filling a few store/order/customer tokens, and a workflow service that "queues" each
/// e-mail with its tokens replaced in the template's subject and body (HTML-encoded unless the token says never) — so a
/// test reads what the customer would receive.
/// </summary>
public sealed class InMemoryMessages : IMessageTemplateService, IEmailAccountService, IMessageTokenProvider, IWorkflowMessageService
{
    private readonly List<MessageTemplate> _templates = [];
    private readonly ConcurrentQueue<QueuedMessage> _queued = new();
    private readonly object _gate = new();
    private int _nextTemplateId;
    private int _nextQueuedId;

    /// <param name="customerFullName">What %Order.CustomerFullName% holds for an order (the billing name in nopCommerce).</param>
    /// <param name="customer">The customer of an id, for %Customer.Email% and %Customer.FullName%.</param>
    public InMemoryMessages(Func<Order, string?>? customerFullName = null, Func<int, Customer?>? customer = null)
    {
        CustomerFullName = customerFullName ?? (_ => null);
        Customer = customer ?? (_ => null);
    }

    private Func<Order, string?> CustomerFullName { get; }
    private Func<int, Customer?> Customer { get; }

    public List<EmailAccount> EmailAccounts { get; } = [new EmailAccount { Id = 1, Email = "shop@example.ga", DisplayName = "Boutique Libreville" }];

    /// <summary>Store ids a template limited to stores is mapped to (nopCommerce's store mappings).</summary>
    public Dictionary<int, int[]> StoreMappings { get; } = new();

    /// <summary>When set, SendNotificationAsync throws it (a database failure while queuing).</summary>
    public Exception? QueueFailure { get; set; }

    public IReadOnlyList<MessageTemplate> Templates
    {
        get
        {
            lock (_gate)
                return _templates.ToList();
        }
    }

    public IReadOnlyList<QueuedMessage> Queued => _queued.ToList();

    public MessageTemplate Template(string name) => Templates.Single(t => t.Name == name);

    // ---- IMessageTemplateService ----

    public Task DeleteMessageTemplateAsync(MessageTemplate messageTemplate)
    {
        lock (_gate)
            _templates.RemoveAll(t => t.Id == messageTemplate.Id);
        return Task.CompletedTask;
    }

    public Task InsertMessageTemplateAsync(MessageTemplate messageTemplate)
    {
        lock (_gate)
        {
            messageTemplate.Id = ++_nextTemplateId;
            _templates.Add(messageTemplate);
        }

        return Task.CompletedTask;
    }

    public Task UpdateMessageTemplateAsync(MessageTemplate messageTemplate) => Task.CompletedTask;

    public Task<MessageTemplate> GetMessageTemplateByIdAsync(int messageTemplateId) =>
        Task.FromResult(Templates.FirstOrDefault(t => t.Id == messageTemplateId)!);

    /// <summary>As nopCommerce: by name; with a store, only templates not limited to stores or mapped to it.</summary>
    public Task<IList<MessageTemplate>> GetMessageTemplatesByNameAsync(string messageTemplateName, int? storeId = null)
    {
        if (string.IsNullOrWhiteSpace(messageTemplateName))
            throw new ArgumentException(nameof(messageTemplateName));
        IList<MessageTemplate> found = Templates
            .Where(t => t.Name == messageTemplateName)
            .Where(t => storeId is not > 0 || !t.LimitedToStores || (StoreMappings.TryGetValue(t.Id, out var stores) && stores.Contains(storeId.Value)))
            .OrderBy(t => t.Id)
            .ToList();
        return Task.FromResult(found);
    }

    // ---- IEmailAccountService ----

    public Task<EmailAccount> GetEmailAccountByIdAsync(int emailAccountId) =>
        Task.FromResult(EmailAccounts.FirstOrDefault(a => a.Id == emailAccountId)!);

    public Task<IList<EmailAccount>> GetAllEmailAccountsAsync() => Task.FromResult<IList<EmailAccount>>(EmailAccounts.ToList());

    // ---- IMessageTokenProvider (a few of nopCommerce's tokens, enough for the plugin's template) ----

    public Task AddStoreTokensAsync(IList<Token> tokens, Store store, EmailAccount emailAccount, int languageId)
    {
        tokens.Add(new Token("Store.Name", store.Name));
        tokens.Add(new Token("Store.URL", store.Url, true));
        tokens.Add(new Token("Store.Email", emailAccount.Email));
        return Task.CompletedTask;
    }

    public Task AddOrderTokensAsync(IList<Token> tokens, Order order, int languageId, int vendorId = 0)
    {
        tokens.Add(new Token("Order.OrderNumber", order.CustomOrderNumber));
        tokens.Add(new Token("Order.CustomerFullName", CustomerFullName(order) ?? string.Empty));
        tokens.Add(new Token("Order.CreatedOn", order.CreatedOnUtc.ToString("D", System.Globalization.CultureInfo.InvariantCulture)));
        tokens.Add(new Token("Order.OrderURLForCustomer", $"http://shop.test/orderdetails/{order.Id}", true));
        return Task.CompletedTask;
    }

    public Task AddCustomerTokensAsync(IList<Token> tokens, int customerId)
    {
        var customer = Customer(customerId);
        tokens.Add(new Token("Customer.Email", customer?.Email ?? string.Empty));
        tokens.Add(new Token("Customer.FullName", $"{customer?.FirstName} {customer?.LastName}".Trim()));
        return Task.CompletedTask;
    }

    // ---- IWorkflowMessageService ----

    public Task<int> SendNotificationAsync(MessageTemplate messageTemplate, EmailAccount emailAccount, int languageId, IList<Token> tokens,
        string toEmailAddress, string toName, string? attachmentFilePath = null, string? attachmentFileName = null,
        string? replyToEmailAddress = null, string? replyToName = null, string? fromEmail = null, string? fromName = null,
        string? subject = null, bool ignoreDelayBeforeSend = false)
    {
        ArgumentNullException.ThrowIfNull(messageTemplate);
        ArgumentNullException.ThrowIfNull(emailAccount);
        if (QueueFailure is { } failure)
            throw failure;
        var id = Interlocked.Increment(ref _nextQueuedId);
        _queued.Enqueue(new QueuedMessage(id, messageTemplate, emailAccount, languageId, tokens.ToList(), toEmailAddress, toName,
            Replace(subject ?? messageTemplate.Subject, tokens, htmlEncode: false), Replace(messageTemplate.Body, tokens, htmlEncode: true)));
        return Task.FromResult(id);
    }

    /// <summary>%Key% → value, as nopCommerce's tokenizer does (without its %if% blocks).</summary>
    private static string Replace(string text, IEnumerable<Token> tokens, bool htmlEncode)
    {
        foreach (var token in tokens)
        {
            var value = token.Value?.ToString() ?? string.Empty;
            text = text.Replace($"%{token.Key}%", htmlEncode && !token.NeverHtmlEncoded ? WebUtility.HtmlEncode(value) : value, StringComparison.Ordinal);
        }

        return text;
    }
}

/// <summary>An e-mail as nopCommerce would queue it: who, from which account, in which language, with what text.</summary>
public sealed record QueuedMessage(int Id, MessageTemplate Template, EmailAccount Account, int LanguageId, IReadOnlyList<Token> Tokens,
    string To, string ToName, string Subject, string Body)
{
    public object? Token(string key) => Tokens.SingleOrDefault(t => t.Key == key)?.Value;
}

/// <summary>nopCommerce's date-time helper for a customer in Libreville (UTC+1, no daylight saving time).</summary>
public sealed class FixedZoneDateTimeHelper : IDateTimeHelper
{
    public static readonly TimeZoneInfo Libreville = TimeZoneInfo.CreateCustomTimeZone("W. Central Africa", TimeSpan.FromHours(1), "Libreville", "WAT");

    public DateTime ConvertToUserTime(DateTime dt, TimeZoneInfo sourceTimeZone, TimeZoneInfo destinationTimeZone) =>
        TimeZoneInfo.ConvertTime(DateTime.SpecifyKind(dt, DateTimeKind.Unspecified), sourceTimeZone, destinationTimeZone);

    public Task<TimeZoneInfo> GetCustomerTimeZoneAsync(Customer customer) => Task.FromResult(Libreville);
}
