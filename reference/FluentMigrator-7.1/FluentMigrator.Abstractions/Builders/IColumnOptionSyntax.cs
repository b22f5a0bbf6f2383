using FluentMigrator.Infrastructure;

namespace FluentMigrator.Builders;

public interface IColumnOptionSyntax<TNext, TNextFk> : IFluentSyntax
    where TNext : IFluentSyntax
    where TNextFk : IFluentSyntax
{
    TNext Indexed(string indexName);

    TNext Nullable();

    TNext NotNullable();

    TNext Unique(string indexName);
}
