using Nop.Services.Plugins;

namespace Nop.Services.Cms;

// Implemented by the plugin: every member is declared.
public partial interface IWidgetPlugin : IPlugin
{
    bool HideInWidgetList { get; }

    Task<IList<string>> GetWidgetZonesAsync();

    Type GetWidgetViewComponent(string widgetZone);
}
