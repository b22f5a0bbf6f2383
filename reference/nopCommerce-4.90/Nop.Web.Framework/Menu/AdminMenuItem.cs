namespace Nop.Web.Framework.Menu;

// Subset of the members; the plugin adds one item under Sales.
public partial class AdminMenuItem
{
    // reference: minimal working body for tests
    public AdminMenuItem()
    {
        ChildNodes = new List<AdminMenuItem>();
    }

    // reference: minimal working body for tests
    public AdminMenuItem GetItemBySystemName(string systemName) =>
        string.IsNullOrEmpty(systemName) ? null
        : string.Equals(SystemName, systemName, StringComparison.Ordinal) ? this
        : ChildNodes.Select(node => node.GetItemBySystemName(systemName)).FirstOrDefault(node => node is not null);

    public virtual bool InsertAfter(string itemSystemName, AdminMenuItem newMenuItem) => throw null;

    public IList<string> PermissionNames { get; set; }

    public string SystemName { get; set; }

    public string Title { get; set; }

    public string Url { get; set; }

    public IList<AdminMenuItem> ChildNodes { get; set; }

    public string IconClass { get; set; }

    public bool Visible { get; set; } = true;
}
