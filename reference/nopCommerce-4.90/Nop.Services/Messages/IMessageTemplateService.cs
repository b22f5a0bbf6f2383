using Nop.Core.Domain.Messages;

namespace Nop.Services.Messages;

// Subset: called by the plugin, not implemented.
public partial interface IMessageTemplateService
{
    Task DeleteMessageTemplateAsync(MessageTemplate messageTemplate);

    Task InsertMessageTemplateAsync(MessageTemplate messageTemplate);

    Task UpdateMessageTemplateAsync(MessageTemplate messageTemplate);

    Task<MessageTemplate> GetMessageTemplateByIdAsync(int messageTemplateId);

    Task<IList<MessageTemplate>> GetMessageTemplatesByNameAsync(string messageTemplateName, int? storeId = null);
}
