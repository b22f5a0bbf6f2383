using Nop.Core.Domain.Messages;

namespace Nop.Services.Messages;

// Subset: called by the plugin, not implemented. Only the common sending method is declared.
public partial interface IWorkflowMessageService
{
    Task<int> SendNotificationAsync(MessageTemplate messageTemplate,
        EmailAccount emailAccount, int languageId, IList<Token> tokens,
        string toEmailAddress, string toName,
        string attachmentFilePath = null, string attachmentFileName = null,
        string replyToEmailAddress = null, string replyToName = null,
        string fromEmail = null, string fromName = null, string subject = null,
        bool ignoreDelayBeforeSend = false);
}
