namespace FluentMigrator.Builders.Create.Table;

// Opaque (see ../../../../opaque-types.txt): only named as the parameter of NopEntityBuilder<T>.MapEntity; the
// plugin reaches its columns through ICreateTableWithColumnSyntax, which the real class implements.
public class CreateTableExpressionBuilder
{
    protected CreateTableExpressionBuilder()
    {
    }
}
