namespace FluentMigrator;

public interface IMigration
{
    string ConnectionString { get; }
}
