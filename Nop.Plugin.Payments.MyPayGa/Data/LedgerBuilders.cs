using FluentMigrator.Builders.Create.Table;
using Nop.Data.Mapping.Builders;
using Nop.Plugin.Payments.MyPayGa.Domain;

namespace Nop.Plugin.Payments.MyPayGa.Data;

// Columns that need a size, an index or a unique key; nopCommerce maps the other properties by convention. The
// builders talk to FluentMigrator only through ICreateTableWithColumnSyntax (see reference/opaque-types.txt).

public class MyPayGaAttemptBuilder : NopEntityBuilder<MyPayGaAttempt>
{
    public override void MapEntity(CreateTableExpressionBuilder table) =>
        ((ICreateTableWithColumnSyntax)table)
            .WithColumn(nameof(MyPayGaAttempt.ReservationKey)).AsString(50).NotNullable().Unique("UX_MyPayGaAttempt_ReservationKey")
            .WithColumn(nameof(MyPayGaAttempt.OrderId)).AsInt32().NotNullable().Indexed("IX_MyPayGaAttempt_OrderId")
            .WithColumn(nameof(MyPayGaAttempt.UniqueId)).AsString(100).NotNullable().Indexed("IX_MyPayGaAttempt_UniqueId")
            .WithColumn(nameof(MyPayGaAttempt.PaymentToken)).AsString(200).Nullable().Indexed("IX_MyPayGaAttempt_PaymentToken")
            .WithColumn(nameof(MyPayGaAttempt.StatusId)).AsInt32().NotNullable().Indexed("IX_MyPayGaAttempt_StatusId")
            .WithColumn(nameof(MyPayGaAttempt.Phone)).AsString(32).Nullable()
            .WithColumn(nameof(MyPayGaAttempt.LastProviderStatus)).AsString(50).Nullable()
            .WithColumn(nameof(MyPayGaAttempt.LastProviderMessage)).AsString(400).Nullable()
            .WithColumn(nameof(MyPayGaAttempt.DisplayMessage)).AsString(400).Nullable()
            .WithColumn(nameof(MyPayGaAttempt.ReviewNote)).AsString(400).Nullable()
            .WithColumn(nameof(MyPayGaAttempt.LinkReference)).AsString(100).Nullable()
            .WithColumn(nameof(MyPayGaAttempt.LinkOrderRef)).AsString(100).Nullable().Indexed("IX_MyPayGaAttempt_LinkOrderRef")
            .WithColumn(nameof(MyPayGaAttempt.LinkUrl)).AsString(500).Nullable()
            .WithColumn(nameof(MyPayGaAttempt.CreatedBy)).AsString(200).Nullable();
}

public class MyPayGaRefundBuilder : NopEntityBuilder<MyPayGaRefund>
{
    public override void MapEntity(CreateTableExpressionBuilder table) =>
        ((ICreateTableWithColumnSyntax)table)
            .WithColumn(nameof(MyPayGaRefund.LockKey)).AsString(50).NotNullable().Unique("UX_MyPayGaRefund_LockKey")
            .WithColumn(nameof(MyPayGaRefund.OrderId)).AsInt32().NotNullable().Indexed("IX_MyPayGaRefund_OrderId")
            .WithColumn(nameof(MyPayGaRefund.PaymentToken)).AsString(200).NotNullable()
            .WithColumn(nameof(MyPayGaRefund.RefundId)).AsString(100).Nullable()
            .WithColumn(nameof(MyPayGaRefund.StatusId)).AsInt32().NotNullable().Indexed("IX_MyPayGaRefund_StatusId")
            .WithColumn(nameof(MyPayGaRefund.RequestedBy)).AsString(200).Nullable()
            .WithColumn(nameof(MyPayGaRefund.Message)).AsString(400).Nullable();
}

public class MyPayGaClaimBuilder : NopEntityBuilder<MyPayGaClaim>
{
    public override void MapEntity(CreateTableExpressionBuilder table) =>
        ((ICreateTableWithColumnSyntax)table)
            .WithColumn(nameof(MyPayGaClaim.ClaimKey)).AsString(200).NotNullable().Unique("UX_MyPayGaClaim_ClaimKey")
            .WithColumn(nameof(MyPayGaClaim.OrderId)).AsInt32().NotNullable().Indexed("IX_MyPayGaClaim_OrderId")
            .WithColumn(nameof(MyPayGaClaim.Owner)).AsString(200).Nullable()
            .WithColumn(nameof(MyPayGaClaim.Detail)).AsString(2000).Nullable();
}
