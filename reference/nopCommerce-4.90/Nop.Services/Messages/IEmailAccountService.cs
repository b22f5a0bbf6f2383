using Nop.Core.Domain.Messages;

namespace Nop.Services.Messages;

// Subset: called by the plugin, not implemented.
public partial interface IEmailAccountService
{
    Task<EmailAccount> GetEmailAccountByIdAsync(int emailAccountId);

    Task<IList<EmailAccount>> GetAllEmailAccountsAsync();
}
