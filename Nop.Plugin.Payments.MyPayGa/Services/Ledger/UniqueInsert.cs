using System.Data.Common;
using System.Runtime.ExceptionServices;
using Nop.Core;
using Nop.Data;

namespace Nop.Plugin.Payments.MyPayGa.Services.Ledger;

/// <summary>
/// Inserting a row whose unique key may already exist. The database refuses the second insert, each provider with its
/// own exception type (PostgresException, SqlException, MySqlException...), all of them DbExceptions: a unique-key
/// violation is recognised by its SQL state or error number and means "someone else has it" — even when that row is
/// already gone again (a lease given back, a refund settled), which a look-up afterwards could not tell. Any other
/// failure is looked up once (a provider that words it differently), then rethrown.
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
            if (IsUniqueViolation(ex))
                return false;

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

    /// <summary>
    /// PostgreSQL: SQLSTATE 23505. SQL Server: error 2601 or 2627. MySQL / MariaDB: error 1062 (SQLSTATE 23000 is also
    /// used for other integrity errors, so the number decides). Looked for in the exception and its inner exceptions.
    /// </summary>
    internal static bool IsUniqueViolation(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is not DbException db)
                continue;
            if (db.SqlState == "23505")
                return true;
            var number = ErrorNumber(db);
            if (number is 2601 or 2627 or 1062)
                return true;
        }

        return false;
    }

    /// <summary>SqlException.Number / MySqlException.Number (int or an enum), read without referencing the providers.</summary>
    private static int? ErrorNumber(DbException db)
    {
        System.Reflection.PropertyInfo? property;
        try
        {
            property = db.GetType().GetProperty("Number") ?? db.GetType().GetProperty("ErrorCode");
        }
        catch (System.Reflection.AmbiguousMatchException)
        {
            return null;
        }

        var value = property?.GetValue(db);
        return value switch
        {
            int number when property!.Name == "Number" => number,
            Enum code => Convert.ToInt32(code, System.Globalization.CultureInfo.InvariantCulture),
            _ => null,
        };
    }
}
