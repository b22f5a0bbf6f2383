using Nop.Core.Domain.Stores;

namespace Nop.Services.Stores;

// Subset: called by the plugin, not implemented.
public partial interface IStoreService
{
    Task<IList<Store>> GetAllStoresAsync();

    Task<Store> GetStoreByIdAsync(int storeId);
}
