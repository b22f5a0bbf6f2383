using System.Reflection;
using System.Text;
using FluentMigrator.Builders.Create.Table;
using Nop.Core;
using Nop.Data.Mapping.Builders;

namespace Nop.Plugin.Payments.MyPayGa.Tests.Support.Database;

/// <summary>One column as nopCommerce would create it: from the entity builder, else by its conventions.</summary>
public sealed record ColumnSpec(string Name, Type Type, int? Size, bool Nullable, string? UniqueIndex, string? Index);

/// <summary>
/// The table nopCommerce creates for an entity (Create.TableFor&lt;T&gt;): the columns the plugin's entity builder
/// declares — recorded through the very FluentMigrator interfaces it calls — then every other public settable property
/// of a mapped type by nopCommerce's conventions (string: nvarchar(max) null, value types not null, Nullable&lt;T&gt; null;
/// enums are wrappers, not columns), and an identity primary key Id. The test databases are made from this.
/// </summary>
public sealed class TableSchema
{
    private static readonly HashSet<Type> MappedTypes =
        [typeof(int), typeof(long), typeof(string), typeof(bool), typeof(decimal), typeof(DateTime), typeof(byte[]), typeof(Guid)];

    private TableSchema(Type entity, IReadOnlyList<ColumnSpec> columns)
    {
        Entity = entity;
        Columns = columns;
    }

    public Type Entity { get; }

    public string TableName => Entity.Name;

    /// <summary>Every column but Id.</summary>
    public IReadOnlyList<ColumnSpec> Columns { get; }

    public static TableSchema For<TEntity>(NopEntityBuilder<TEntity> builder) where TEntity : BaseEntity
    {
        var recorder = new ColumnRecorder();
        builder.MapEntity(recorder);
        var columns = recorder.Columns.ToList();
        foreach (var property in typeof(TEntity).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.Name == nameof(BaseEntity.Id) || !property.CanWrite || columns.Any(c => c.Name == property.Name))
                continue;
            var underlying = Nullable.GetUnderlyingType(property.PropertyType);
            var type = underlying ?? property.PropertyType;
            if (!MappedTypes.Contains(type))
                continue;
            columns.Add(new ColumnSpec(property.Name, type, null, type == typeof(string) || underlying is not null, null, null));
        }

        return new TableSchema(typeof(TEntity), columns);
    }

    /// <summary>CREATE TABLE and its indexes, as FluentMigrator's PostgreSQL generator writes them (quoted names).</summary>
    public string PostgresDdl()
    {
        var sql = new StringBuilder();
        sql.Append($"CREATE TABLE \"{TableName}\" (\"Id\" serial PRIMARY KEY");
        foreach (var column in Columns)
            sql.Append($", \"{column.Name}\" {PostgresType(column)}{(column.Nullable ? "" : " NOT NULL")}");
        sql.AppendLine(");");
        foreach (var column in Columns.Where(c => c.UniqueIndex is not null))
            sql.AppendLine($"CREATE UNIQUE INDEX \"{column.UniqueIndex}\" ON \"{TableName}\" (\"{column.Name}\");");
        foreach (var column in Columns.Where(c => c.Index is not null))
            sql.AppendLine($"CREATE INDEX \"{column.Index}\" ON \"{TableName}\" (\"{column.Name}\");");
        return sql.ToString();
    }

    private static string PostgresType(ColumnSpec column) => column.Type switch
    {
        var t when t == typeof(int) => "integer",
        var t when t == typeof(long) => "bigint",
        var t when t == typeof(bool) => "boolean",
        var t when t == typeof(decimal) => "numeric(18,4)",
        var t when t == typeof(DateTime) => "timestamp(6)",
        var t when t == typeof(Guid) => "uuid",
        var t when t == typeof(byte[]) => "bytea",
        _ => column.Size is { } size ? $"varchar({size})" : "text",
    };

    /// <summary>Records what the entity builder asks of FluentMigrator, through the interfaces the real builder implements.</summary>
    private sealed class ColumnRecorder : CreateTableExpressionBuilder,
        ICreateTableWithColumnSyntax, ICreateTableColumnAsTypeSyntax, ICreateTableColumnOptionOrWithColumnSyntax
    {
        private readonly List<Column> _columns = [];

        public IEnumerable<ColumnSpec> Columns => _columns.Select(c =>
            new ColumnSpec(c.Name, c.Type ?? typeof(string), c.Size, c.Nullable ?? c.Type == typeof(string), c.Unique, c.Index));

        private Column Current => _columns[^1];

        public ICreateTableColumnAsTypeSyntax WithColumn(string name)
        {
            _columns.Add(new Column { Name = name });
            return this;
        }

        public ICreateTableColumnOptionOrWithColumnSyntax AsInt32() => Typed(typeof(int));

        public ICreateTableColumnOptionOrWithColumnSyntax AsInt64() => Typed(typeof(long));

        public ICreateTableColumnOptionOrWithColumnSyntax AsString(int size)
        {
            Current.Size = size;
            return Typed(typeof(string));
        }

        public ICreateTableColumnOptionOrWithColumnSyntax Indexed(string indexName)
        {
            Current.Index = indexName;
            return this;
        }

        public ICreateTableColumnOptionOrWithColumnSyntax Nullable()
        {
            Current.Nullable = true;
            return this;
        }

        public ICreateTableColumnOptionOrWithColumnSyntax NotNullable()
        {
            Current.Nullable = false;
            return this;
        }

        public ICreateTableColumnOptionOrWithColumnSyntax Unique(string indexName)
        {
            Current.Unique = indexName;
            return this;
        }

        private ICreateTableColumnOptionOrWithColumnSyntax Typed(Type type)
        {
            Current.Type = type;
            return this;
        }

        private sealed class Column
        {
            public string Name = string.Empty;
            public Type? Type;
            public int? Size;
            public bool? Nullable;
            public string? Unique;
            public string? Index;
        }
    }
}
