namespace Nop.Services.Plugins;

// Subset. The Newtonsoft [JsonProperty] attributes of nopCommerce are not reproduced.
public partial class PluginDescriptor : PluginDescriptorBaseInfo, IDescriptor, IComparable<PluginDescriptor>
{
    // reference: minimal working body for tests
    public PluginDescriptor()
    {
        SupportedVersions = new List<string>();
        LimitedToStores = new List<int>();
        LimitedToCustomerRoles = new List<int>();
        DependsOn = new List<string>();
    }

    public static PluginDescriptor GetPluginDescriptorFromText(string text) => throw null;

    public virtual TPlugin Instance<TPlugin>() where TPlugin : class, IPlugin => throw null;

    // reference: minimal working body for tests
    public int CompareTo(PluginDescriptor other) =>
        DisplayOrder != other.DisplayOrder ? DisplayOrder.CompareTo(other.DisplayOrder)
            : string.Compare(SystemName, other.SystemName, StringComparison.InvariantCultureIgnoreCase);

    // reference: minimal working body for tests
    public override string ToString() => FriendlyName;

    public virtual void Save() => throw null;

    public virtual string Group { get; set; }

    public virtual string FriendlyName { get; set; }

    public virtual IList<string> SupportedVersions { get; set; }

    public virtual string Author { get; set; }

    public virtual int DisplayOrder { get; set; }

    public virtual string AssemblyFileName { get; set; }

    public virtual string Description { get; set; }

    public virtual IList<int> LimitedToStores { get; set; }

    public virtual IList<int> LimitedToCustomerRoles { get; set; }

    public virtual IList<string> DependsOn { get; set; }

    public virtual bool Installed { get; set; }

    public virtual Type PluginType { get; set; }

    public virtual string OriginalAssemblyFile { get; set; }

    public virtual IList<string> PluginFiles { get; set; }
}
