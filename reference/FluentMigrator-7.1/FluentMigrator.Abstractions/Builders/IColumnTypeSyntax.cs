using FluentMigrator.Infrastructure;

namespace FluentMigrator.Builders;

public interface IColumnTypeSyntax<TNext> : IFluentSyntax
    where TNext : IFluentSyntax
{
    TNext AsInt32();

    TNext AsInt64();

    TNext AsString(int size);
}
