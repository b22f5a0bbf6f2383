using System;

namespace FluentMigrator;

[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public class MigrationAttribute : Attribute
{
    public MigrationAttribute(long version, string description)
    {
    }

    public MigrationAttribute(long version, TransactionBehavior transactionBehavior = TransactionBehavior.Default, string description = null)
    {
    }

    public long Version => throw null;

    public TransactionBehavior TransactionBehavior => throw null;

    public string Description => throw null;
}
