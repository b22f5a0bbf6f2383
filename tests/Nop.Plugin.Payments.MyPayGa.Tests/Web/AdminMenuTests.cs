using Moq;
using Nop.Core.Domain.Customers;
using Nop.Plugin.Payments.MyPayGa.Services;
using Nop.Services.Payments;
using Nop.Services.Security;
using Nop.Web.Framework.Events;
using Nop.Web.Framework.Menu;
using NUnit.Framework;

namespace Nop.Plugin.Payments.MyPayGa.Tests.Web;

/// <summary>Sales › MyPayGa review queue in nopCommerce's admin menu.</summary>
[TestFixture]
public sealed class AdminMenuTests
{
    private static (AdminMenuItem Root, AdminMenuCreatedEvent Event) Menu()
    {
        var root = new AdminMenuItem { SystemName = "Home" };
        root.ChildNodes.Add(new AdminMenuItem { SystemName = "Sales" });
        root.ChildNodes.Add(new AdminMenuItem { SystemName = "Catalog" });
        var adminMenu = new Mock<IAdminMenu>();
        adminMenu.Setup(m => m.GetMenuItemUrl(It.IsAny<string>(), It.IsAny<string>())).Returns((string c, string a) => $"/Admin/{c}/{a}");
        return (root, new AdminMenuCreatedEvent(adminMenu.Object, root));
    }

    private static AdminMenuConsumer Consumer(bool active)
    {
        var plugins = new Mock<IPaymentPluginManager>();
        plugins.Setup(p => p.IsPluginActiveAsync(MyPayGaDefaults.SystemName, It.IsAny<Customer>(), It.IsAny<int>())).ReturnsAsync(active);
        return new AdminMenuConsumer(plugins.Object, WebFakes.Localization().Object);
    }

    [Test]
    public async Task The_review_queue_is_under_sales_once_for_those_who_may_view_orders()
    {
        var (root, menu) = Menu();
        var consumer = Consumer(active: true);

        await consumer.HandleEventAsync(menu);
        await consumer.HandleEventAsync(menu);

        var item = root.GetItemBySystemName("Sales")!.ChildNodes.Single();
        Assert.That((item.SystemName, item.Title, item.Url), Is.EqualTo(("MyPayGa review queue", "MyPayGa review queue", "/Admin/MyPayGaAdmin/ReviewQueue")));
        Assert.That(item.PermissionNames, Is.EqualTo(new[] { StandardPermission.Orders.ORDERS_VIEW }));
        Assert.That(root.GetItemBySystemName("Catalog")!.ChildNodes, Is.Empty);
    }

    [Test]
    public async Task Nothing_is_added_while_mypayga_is_not_an_active_payment_method()
    {
        var (root, menu) = Menu();

        await Consumer(active: false).HandleEventAsync(menu);

        Assert.That(root.GetItemBySystemName("Sales")!.ChildNodes, Is.Empty);
    }
}
