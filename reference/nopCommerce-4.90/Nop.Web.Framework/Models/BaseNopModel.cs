using System.Xml.Serialization;

namespace Nop.Web.Framework.Models;

public partial record BaseNopModel
{
    // reference: minimal working body for tests
    public BaseNopModel()
    {
        CustomProperties = new Dictionary<string, string>();
        PostInitialize();
    }

    // reference: minimal working body for tests
    protected virtual void PostInitialize()
    {
    }

    [XmlIgnore]
    public Dictionary<string, string> CustomProperties { get; set; }
}
