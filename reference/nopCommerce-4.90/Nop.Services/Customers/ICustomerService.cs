using Nop.Core.Domain.Customers;

namespace Nop.Services.Customers;

// Subset: called by the plugin, not implemented.
public partial interface ICustomerService
{
    Task<Customer> GetCustomerByIdAsync(int customerId);

    Task<Customer> GetCustomerByGuidAsync(Guid customerGuid);

    Task<Customer> GetCustomerByEmailAsync(string email);

    Task<string> GetCustomerFullNameAsync(Customer customer);

    Task<bool> IsRegisteredAsync(Customer customer, bool onlyActiveCustomerRoles = true);

    Task<bool> IsGuestAsync(Customer customer, bool onlyActiveCustomerRoles = true);
}
