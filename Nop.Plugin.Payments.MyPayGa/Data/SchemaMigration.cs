using FluentMigrator;
using Nop.Data.Extensions;
using Nop.Data.Migrations;
using Nop.Plugin.Payments.MyPayGa.Domain;

namespace Nop.Plugin.Payments.MyPayGa.Data;

/// <summary>
/// The plugin's tables. NoMatter: applied at install, and at the update of a store that ran 4.90.1 (which kept attempts
/// in an order attribute; they are imported on first use). Uninstalling the plugin drops them (AutoReversingMigration).
/// </summary>
[NopMigration("2026-12-02 13:47:11", "Payments.MyPayGa payment ledger (attempts, refunds, claims)", MigrationProcessType.NoMatter)]
public class SchemaMigration : AutoReversingMigration
{
    public override void Up()
    {
        Create.TableFor<MyPayGaAttempt>();
        Create.TableFor<MyPayGaRefund>();
        Create.TableFor<MyPayGaClaim>();
    }
}
