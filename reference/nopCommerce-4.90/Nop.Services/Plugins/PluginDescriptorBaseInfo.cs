namespace Nop.Services.Plugins;

// The Newtonsoft [JsonProperty] attributes of nopCommerce are not reproduced.
public partial class PluginDescriptorBaseInfo : IComparable<PluginDescriptorBaseInfo>
{
    public virtual string SystemName { get; set; }

    public virtual string Version { get; set; }

    // reference: minimal working body for tests (descriptors are compared by system name)
    public int CompareTo(PluginDescriptorBaseInfo other) =>
        string.Compare(SystemName, other.SystemName, StringComparison.InvariantCultureIgnoreCase);

    // reference: minimal working body for tests
    public override bool Equals(object value) =>
        value is PluginDescriptorBaseInfo other && SystemName != null && SystemName.Equals(other.SystemName);

    // reference: minimal working body for tests
    public override int GetHashCode() => SystemName?.GetHashCode() ?? 0;

    // reference: minimal working body for tests
    public virtual PluginDescriptorBaseInfo GetBaseInfoCopy => new() { SystemName = SystemName, Version = Version };
}
