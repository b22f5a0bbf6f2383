using FluentMigrator;

namespace Nop.Data.Migrations;

public partial class NopMigrationAttribute : MigrationAttribute
{
    public NopMigrationAttribute(string dateTime, MigrationProcessType targetMigrationProcess = MigrationProcessType.NoMatter)
        : base(0, null)
    {
    }

    public NopMigrationAttribute(string dateTime, string description, MigrationProcessType targetMigrationProcess = MigrationProcessType.NoMatter)
        : base(0, null)
    {
    }

    public virtual MigrationProcessType TargetMigrationProcess => throw null;
}
