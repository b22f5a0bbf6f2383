using System.Linq.Expressions;
using LinqToDB.Mapping;
using Nop.Core;
using Nop.Plugin.Payments.MyPayGa.Data;
using Nop.Plugin.Payments.MyPayGa.Domain;
using Npgsql;

namespace Nop.Plugin.Payments.MyPayGa.Tests.Support.Database;

/// <summary>
/// The plugin's three tables in a fresh PostgreSQL database, created from the plugin's own entity builders, with
/// repositories over them. Several plugin hosts given the same ledger share one database, as a web farm does.
/// </summary>
public sealed class PostgresLedger
{
    public static readonly IReadOnlyList<TableSchema> Schemas =
    [
        TableSchema.For(new MyPayGaAttemptBuilder()),
        TableSchema.For(new MyPayGaRefundBuilder()),
        TableSchema.For(new MyPayGaClaimBuilder()),
    ];

    private static readonly MappingSchema Mapping = BuildMapping();

    private PostgresLedger(string connectionString)
    {
        ConnectionString = connectionString;
        Attempts = new PostgresRepository<MyPayGaAttempt>(connectionString, Mapping);
        Refunds = new PostgresRepository<MyPayGaRefund>(connectionString, Mapping);
        Claims = new PostgresRepository<MyPayGaClaim>(connectionString, Mapping);
    }

    public string ConnectionString { get; }
    public PostgresRepository<MyPayGaAttempt> Attempts { get; }
    public PostgresRepository<MyPayGaRefund> Refunds { get; }
    public PostgresRepository<MyPayGaClaim> Claims { get; }

    public static async Task<PostgresLedger> CreateAsync()
    {
        var server = await PostgresServer.GetAsync();
        var connectionString = await server.CreateDatabaseAsync();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var schema in Schemas)
        {
            await using var command = new NpgsqlCommand(schema.PostgresDdl(), connection);
            await command.ExecuteNonQueryAsync();
        }

        return new PostgresLedger(connectionString);
    }

    /// <summary>linq2db's mapping of the same columns (nopCommerce derives it from the builders the same way).</summary>
    private static MappingSchema BuildMapping()
    {
        var schema = new MappingSchema();
        var builder = new FluentMappingBuilder(schema);
        foreach (var table in Schemas)
            typeof(PostgresLedger).GetMethod(nameof(MapEntity), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
                .MakeGenericMethod(table.Entity).Invoke(null, [builder, table]);
        builder.Build();
        return schema;
    }

    private static void MapEntity<TEntity>(FluentMappingBuilder builder, TableSchema table) where TEntity : BaseEntity
    {
        var entity = builder.Entity<TEntity>().HasTableName(table.TableName).IsColumnRequired();
        entity.Property(e => e.Id).IsPrimaryKey().IsIdentity().HasColumnName("Id");
        var property = typeof(PostgresLedger).GetMethod(nameof(MapColumn), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;
        foreach (var column in table.Columns)
        {
            var clrType = typeof(TEntity).GetProperty(column.Name)!.PropertyType;
            property.MakeGenericMethod(typeof(TEntity), clrType).Invoke(null, [entity, column]);
        }
    }

    private static void MapColumn<TEntity, TProperty>(EntityMappingBuilder<TEntity> entity, ColumnSpec column)
    {
        var parameter = Expression.Parameter(typeof(TEntity), "e");
        var lambda = Expression.Lambda<Func<TEntity, TProperty>>(Expression.Property(parameter, column.Name), parameter);
        entity.Property(lambda).HasColumnName(column.Name).IsNullable(column.Nullable);
    }
}
