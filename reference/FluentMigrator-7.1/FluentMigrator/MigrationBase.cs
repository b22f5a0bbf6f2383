using FluentMigrator.Builders.Create;

namespace FluentMigrator;

public abstract class MigrationBase : IMigration
{
    public string ConnectionString { get => throw null; protected set => throw null; }

    public abstract void Up();

    public abstract void Down();

    public ICreateExpressionRoot Create => throw null;
}
