using Nop.Core.Domain.Customers;

namespace Nop.Services.Security;

// Subset: called by the plugin, not implemented. Members using PermissionRecord are not declared.
public partial interface IPermissionService
{
    Task<bool> AuthorizeAsync(string permissionRecordSystemName);

    Task<bool> AuthorizeAsync(string permissionRecordSystemName, Customer customer);

    Task<bool> AuthorizeAsync(string permissionRecordSystemName, int customerRoleId);
}
