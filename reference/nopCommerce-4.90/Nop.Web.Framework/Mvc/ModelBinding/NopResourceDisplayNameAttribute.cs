using System.ComponentModel;

namespace Nop.Web.Framework.Mvc.ModelBinding;

[AttributeUsage(AttributeTargets.Property)]
public sealed class NopResourceDisplayNameAttribute : DisplayNameAttribute, IModelAttribute
{
    // reference: minimal working body for tests
    public NopResourceDisplayNameAttribute(string resourceKey) : base(resourceKey)
    {
        ResourceKey = resourceKey;
    }

    public string ResourceKey { get; set; }

    // reference: minimal working body for tests (the key itself; nopCommerce returns the localized resource)
    public override string DisplayName => ResourceKey;

    // reference: minimal working body for tests
    public string Name => nameof(NopResourceDisplayNameAttribute);
}
