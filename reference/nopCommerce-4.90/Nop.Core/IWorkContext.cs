using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Directory;
using Nop.Core.Domain.Localization;

namespace Nop.Core;

// Subset: the vendor and tax-display members are not declared.
public partial interface IWorkContext
{
    Task<Customer> GetCurrentCustomerAsync();

    Task SetCurrentCustomerAsync(Customer customer = null);

    Customer OriginalCustomerIfImpersonated { get; }

    Task<Language> GetWorkingLanguageAsync();

    Task SetWorkingLanguageAsync(Language language);

    Task<Currency> GetWorkingCurrencyAsync();

    Task SetWorkingCurrencyAsync(Currency currency);
}
