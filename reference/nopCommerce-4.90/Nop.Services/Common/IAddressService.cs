using Nop.Core.Domain.Common;

namespace Nop.Services.Common;

// Subset: called by the plugin, not implemented.
public partial interface IAddressService
{
    Task<Address> GetAddressByIdAsync(int addressId);
}
