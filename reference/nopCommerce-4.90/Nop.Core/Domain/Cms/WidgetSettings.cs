using Nop.Core.Configuration;

namespace Nop.Core.Domain.Cms;

public partial class WidgetSettings : ISettings
{
    // reference: minimal working body for tests
    public WidgetSettings()
    {
        ActiveWidgetSystemNames = new List<string>();
    }

    public List<string> ActiveWidgetSystemNames { get; set; }
}
