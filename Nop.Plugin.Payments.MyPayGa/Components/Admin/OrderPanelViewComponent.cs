using Microsoft.AspNetCore.Mvc;
using Nop.Plugin.Payments.MyPayGa.Controllers;
using Nop.Plugin.Payments.MyPayGa.Factories;
using Nop.Services.Logging;
using Nop.Services.Orders;
using Nop.Services.Security;
using Nop.Web.Framework.Components;
using Nop.Web.Framework.Infrastructure;
using Nop.Web.Framework.Models;

namespace Nop.Plugin.Payments.MyPayGa.Components.Admin;

/// <summary>
/// The MyPayGa panel in the admin's order details (widget zone admin_order_details_block): for MyPayGa orders only, and
/// only for admins who may view orders. Whatever goes wrong here renders nothing rather than break nopCommerce's page.
/// </summary>
public class OrderPanelViewComponent : NopViewComponent
{
    private readonly IOrderService _orderService;
    private readonly IPermissionService _permissionService;
    private readonly IMyPayGaAdminModelFactory _modelFactory;
    private readonly ILogger _logger;

    public OrderPanelViewComponent(IOrderService orderService, IPermissionService permissionService,
        IMyPayGaAdminModelFactory modelFactory, ILogger logger)
    {
        _orderService = orderService;
        _permissionService = permissionService;
        _modelFactory = modelFactory;
        _logger = logger;
    }

    public async Task<IViewComponentResult> InvokeAsync(string widgetZone, object additionalData)
    {
        if (!string.Equals(widgetZone, AdminWidgetZones.OrderDetailsBlock, StringComparison.Ordinal)
            || additionalData is not BaseNopEntityModel { Id: > 0 } orderModel)
            return Content(string.Empty);

        try
        {
            if (!await _permissionService.AuthorizeAsync(StandardPermission.Orders.ORDERS_VIEW))
                return Content(string.Empty);

            var order = await _orderService.GetOrderByIdAsync(orderModel.Id);
            if (order is null || !string.Equals(order.PaymentMethodSystemName, MyPayGaDefaults.SystemName, StringComparison.OrdinalIgnoreCase))
                return Content(string.Empty);

            return View(MyPayGaViewPaths.OrderPanel, await _modelFactory.PrepareOrderPanelModelAsync(order));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await _logger.ErrorAsync($"MyPayGa: the panel of order {orderModel.Id} could not be shown ({ex.GetType().Name}).");
            return Content(string.Empty);
        }
    }
}
