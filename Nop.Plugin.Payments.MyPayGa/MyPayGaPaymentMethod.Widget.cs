using Nop.Core.Domain.Cms;
using Nop.Plugin.Payments.MyPayGa.Components.Admin;
using Nop.Services.Cms;
using Nop.Web.Framework.Infrastructure;

namespace Nop.Plugin.Payments.MyPayGa;

/// <summary>
/// The payment method is also a widget (as nopCommerce's PayPal Commerce is): the MyPayGa panel in the admin's order
/// details. nopCommerce renders only the widgets listed in WidgetSettings.ActiveWidgetSystemNames, so the plugin lists
/// itself at install and at each update, and removes itself at uninstall; it is hidden from the widget list (the
/// payment method's own activation is what the owner manages).
/// </summary>
public partial class MyPayGaPaymentMethod
{
    public bool HideInWidgetList => true;

    public Task<IList<string>> GetWidgetZonesAsync() => Task.FromResult<IList<string>>([AdminWidgetZones.OrderDetailsBlock]);

    public Type GetWidgetViewComponent(string widgetZone)
    {
        ArgumentNullException.ThrowIfNull(widgetZone);
        return typeof(OrderPanelViewComponent);
    }

    private async Task SetWidgetActiveAsync(bool active)
    {
        var widgetSettings = await _settingService.LoadSettingAsync<WidgetSettings>();
        var listed = widgetSettings.ActiveWidgetSystemNames.Contains(MyPayGaDefaults.SystemName);
        if (active == listed)
            return;

        if (active)
            widgetSettings.ActiveWidgetSystemNames.Add(MyPayGaDefaults.SystemName);
        else
            widgetSettings.ActiveWidgetSystemNames.RemoveAll(name => string.Equals(name, MyPayGaDefaults.SystemName, StringComparison.Ordinal));
        await _settingService.SaveSettingAsync(widgetSettings);
    }
}
