using System.Xml.Linq;
using Nop.Core;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Services.Orders;
using Nop.Services.Payments;
using Nop.Services.Plugins;

namespace MyPayGa.ReferenceChecker.Tests;

/// <summary>
/// The few working bodies of the reference ("reference: minimal working body for tests") behave like
/// nopCommerce 4.90's, since the plugin's unit tests rely on them.
/// </summary>
[TestFixture]
public sealed class ReferenceBodiesTests
{
    [Test]
    public void CustomValuesIndexerAddsVisiblePaymentValuesAndReplacesByName()
    {
        var values = new CustomValues();

        values["Phone"] = "+241 01 02 03";
        values["Phone"] = "+241 07 08 09";

        Assert.That(values, Has.Count.EqualTo(1));
        Assert.That(values["Phone"], Is.EqualTo("+241 07 08 09"));
        Assert.That(values[0].DisplayToCustomer, Is.True);
        Assert.That(values[0].DisplayLocation, Is.EqualTo(CustomValueDisplayLocation.Payment));
        Assert.That(() => values["Missing"], Throws.InvalidOperationException);
    }

    [Test]
    public void CustomValuesLookupRemoveAndLocationFilter()
    {
        var values = new CustomValues
        {
            new("Reference", "abc", displayToCustomer: false),
            new("Street", "1 rue", CustomValueDisplayLocation.BillingAddress),
        };

        Assert.That(values.TryGetValue("Reference", out var found), Is.True);
        Assert.That(found!.Value, Is.EqualTo("abc"));
        Assert.That(values.TryGetValue("reference", out _), Is.False, "names are case-sensitive");
        Assert.That(values.GetValuesByDisplayLocation(CustomValueDisplayLocation.BillingAddress).Select(value => value.Name),
            Is.EqualTo(new[] { "Street" }));
        Assert.That(values.Remove("Reference"), Is.True);
        Assert.That(values.Remove("Reference"), Is.False);
        Assert.That(values, Has.Count.EqualTo(1));
    }

    [Test]
    public void CustomValuesRoundTripThroughNopCommerceXml()
    {
        var createdOn = new DateTime(2026, 11, 27, 10, 30, 0, DateTimeKind.Utc);
        var values = new CustomValues
        {
            new("Visible", "1 < 2 & \"quoted\""),
            new("Hidden", "secret-free", CustomValueDisplayLocation.Shipping, displayToCustomer: false, createdOnUtc: createdOn),
        };

        var xml = values.SerializeToXml();
        var copy = new CustomValues();
        copy.FillByXml(xml);
        var visibleOnly = new CustomValues();
        visibleOnly.FillByXml(xml, displayToCustomerOnly: true);

        var items = XDocument.Parse(xml).Root!;
        Assert.That(items.Name.LocalName, Is.EqualTo("DictionarySerializer"));
        Assert.That(items.Elements("item").Select(item => item.Element("key")!.Value), Is.EqualTo(new[] { "Visible", "Hidden" }));
        Assert.That(items.Elements("item").Last().Element("location")!.Value, Is.EqualTo("3"));
        Assert.That(copy.Select(value => (value.Name, value.Value, value.DisplayToCustomer, value.DisplayLocation, value.CreatedOnUtc)), Is.EqualTo(new[]
        {
            ("Visible", "1 < 2 & \"quoted\"", true, CustomValueDisplayLocation.Payment, (DateTime?)null),
            ("Hidden", "secret-free", false, CustomValueDisplayLocation.Shipping, (DateTime?)createdOn.ToUniversalTime()),
        }));
        Assert.That(copy[1].CreatedOnUtc!.Value.Ticks, Is.EqualTo(createdOn.Ticks));
        Assert.That(visibleOnly.Select(value => value.Name), Is.EqualTo(new[] { "Visible" }));
    }

    [Test]
    public void CustomValuesReadXmlWrittenByNopCommerceAndOlderVersions()
    {
        const string written = "<?xml version=\"1.0\" encoding=\"utf-16\"?><DictionarySerializer><item><key>Code</key><value>42</value>" +
                               "<displayToCustomer>false</displayToCustomer><location>0</location><createdOn>0</createdOn></item></DictionarySerializer>";
        const string legacy = "<DictionarySerializer><item><key>Old</key><value>v</value></item></DictionarySerializer>";
        var values = new CustomValues();

        values.FillByXml(written);
        Assert.That(values.Single().Name, Is.EqualTo("Code"));
        Assert.That(values.Single().DisplayToCustomer, Is.False);
        Assert.That(values.Single().DisplayLocation, Is.EqualTo(CustomValueDisplayLocation.BillingAddress));
        Assert.That(values.Single().CreatedOnUtc, Is.Null);

        values.FillByXml(legacy);
        Assert.That(values.Single().DisplayToCustomer, Is.True);
        Assert.That(values.Single().DisplayLocation, Is.EqualTo(CustomValueDisplayLocation.Payment));

        values.FillByXml("<not-closed>");
        Assert.That(values, Is.Empty);
        Assert.That(new CustomValues().SerializeToXml(), Is.Empty);
    }

    [Test]
    public void OrderStatusPropertiesMapToTheirIds()
    {
        var order = new Order { PaymentStatus = PaymentStatus.Paid, OrderStatus = OrderStatus.Processing };

        Assert.That(order.PaymentStatusId, Is.EqualTo(30));
        Assert.That(order.OrderStatusId, Is.EqualTo(20));
        order.PaymentStatusId = 35;
        Assert.That(order.PaymentStatus, Is.EqualTo(PaymentStatus.PartiallyRefunded));
    }

    [Test]
    public void PaymentRequestAndResultDefaults()
    {
        var request = new ProcessPaymentRequest();
        var other = new ProcessPaymentRequest();

        Assert.That(request.OrderGuid, Is.Not.EqualTo(Guid.Empty).And.Not.EqualTo(other.OrderGuid));
        Assert.That(request.OrderGuidGeneratedOnUtc, Is.EqualTo(DateTime.UtcNow).Within(TimeSpan.FromMinutes(1)));
        Assert.That(request.CustomValues, Is.Not.Null.And.Empty);
        Assert.That(new ProcessPaymentResult().NewPaymentStatus, Is.EqualTo(PaymentStatus.Pending));
        Assert.That(new RefundPaymentResult().NewPaymentStatus, Is.EqualTo(PaymentStatus.Pending));
        Assert.That(new CapturePaymentResult().NewPaymentStatus, Is.EqualTo(PaymentStatus.Pending));
        Assert.That(new VoidPaymentResult().NewPaymentStatus, Is.EqualTo(PaymentStatus.Pending));

        var result = new CancelRecurringPaymentResult();
        Assert.That(result.Success, Is.True);
        result.AddError("declined");
        Assert.That(result.Success, Is.False);
        Assert.That(result.Errors, Is.EqualTo(new[] { "declined" }));
    }

    [Test]
    public void PagedListPagesItsSource()
    {
        var page = new PagedList<int>(Enumerable.Range(1, 25).ToList(), pageIndex: 1, pageSize: 10);

        Assert.That(page, Is.EqualTo(Enumerable.Range(11, 10)));
        Assert.That((page.TotalCount, page.TotalPages, page.HasPreviousPage, page.HasNextPage), Is.EqualTo((25, 3, true, true)));

        var given = new PagedList<int>([7, 8], pageIndex: 0, pageSize: 2, totalCount: 5);
        Assert.That(given, Is.EqualTo(new[] { 7, 8 }));
        Assert.That(given.TotalPages, Is.EqualTo(3));
    }

    [Test]
    public async Task BasePluginMembersAreNoOps()
    {
        var plugin = new SamplePlugin { PluginDescriptor = new PluginDescriptor { SystemName = "Payments.MyPayGa" } };

        Assert.That(plugin.GetConfigurationPageUrl(), Is.Null);
        await plugin.InstallAsync();
        await plugin.UpdateAsync("1.0", "1.1");
        await plugin.PreparePluginToUninstallAsync();
        await plugin.UninstallAsync();
        Assert.That(plugin.PluginDescriptor.SupportedVersions, Is.Empty);
        Assert.That(plugin.PluginDescriptor, Is.EqualTo(new PluginDescriptor { SystemName = "Payments.MyPayGa" }));
    }

    private sealed class SamplePlugin : BasePlugin;
}
