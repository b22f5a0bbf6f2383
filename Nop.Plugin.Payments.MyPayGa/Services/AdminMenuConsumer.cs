using Nop.Services.Events;
using Nop.Services.Localization;
using Nop.Services.Payments;
using Nop.Services.Security;
using Nop.Web.Framework.Events;
using Nop.Web.Framework.Menu;
using static Nop.Plugin.Payments.MyPayGa.Localization.LocaleResources;

namespace Nop.Plugin.Payments.MyPayGa.Services;

/// <summary>
/// Sales › "MyPayGa review queue" in the admin menu, while MyPayGa is an active payment method (the menu event may also
/// come before the plugin is installed: nothing is added then). Shown to admins who may view orders.
/// </summary>
public class AdminMenuConsumer : IConsumer<AdminMenuCreatedEvent>
{
    /// <summary>nopCommerce's system name of the Sales menu.</summary>
    public const string SalesMenu = "Sales";
    public const string MenuSystemName = "MyPayGa review queue";

    private readonly IPaymentPluginManager _paymentPluginManager;
    private readonly ILocalizationService _localizationService;

    public AdminMenuConsumer(IPaymentPluginManager paymentPluginManager, ILocalizationService localizationService)
    {
        _paymentPluginManager = paymentPluginManager;
        _localizationService = localizationService;
    }

    public async Task HandleEventAsync(AdminMenuCreatedEvent eventMessage)
    {
        if (eventMessage?.RootMenuItem?.GetItemBySystemName(SalesMenu) is not { } sales
            || sales.GetItemBySystemName(MenuSystemName) is not null
            || !await _paymentPluginManager.IsPluginActiveAsync(MyPayGaDefaults.SystemName))
            return;

        sales.ChildNodes.Add(new AdminMenuItem
        {
            SystemName = MenuSystemName,
            Title = await _localizationService.GetResourceAsync(PanelKeys.ReviewQueueLink),
            Url = eventMessage.GetMenuItemUrl("MyPayGaAdmin", "ReviewQueue"),
            IconClass = "far fa-dot-circle",
            PermissionNames = [StandardPermission.Orders.ORDERS_VIEW],
            Visible = true,
        });
    }
}
