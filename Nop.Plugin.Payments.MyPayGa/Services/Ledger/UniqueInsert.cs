using System.Runtime.ExceptionServices;
using Nop.Core;
using Nop.Data;

namespace Nop.Plugin.Payments.MyPayGa.Services.Ledger;

/// <summary>
/// Inserting a row whose unique key may already exist. The database refuses the second insert (each provider with its
/// own exception type: PostgresException, SqlException, MySqlException...); whatever the exception, the key is then
/// looked up: present means "someone else has it", absent means a real failure, which is rethrown.
/// </summary>
internal static class UniqueInsert
{
    public static async Task<bool> TryInsertAsync<TEntity>(IRepository<TEntity> repository, TEntity entity, Func<Task<bool>> keyExists)
        where TEntity : BaseEntity
    {
        try
        {
            await repository.InsertAsync(entity, publishEvent: false);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            bool exists;
            try
            {
                exists = await keyExists();
            }
            catch (Exception)
            {
                // The database itself is failing: the insert's own error says more.
                exists = false;
            }

            if (exists)
                return false;
            ExceptionDispatchInfo.Throw(ex);
            throw; // not reached
        }
    }
}
