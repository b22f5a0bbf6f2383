using FluentMigrator.Infrastructure;

namespace FluentMigrator.Builders.Create;

public interface ICreateExpressionRoot : IFluentSyntax
{
}
