using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MyPayGa.Browser.Tests.Host;
using MyPayGa.Browser.Tests.Support;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.MyPayGa;

namespace MyPayGa.Browser.Tests;

/// <summary>
/// The store owner's side: the MyPayGa panel in the admin's order details (inside nopCommerce's order form), a payment
/// link made from it and paid by the customer on MyPayGa's page, a decision about a card held for review, the review
/// queue. The admin has a browser of their own (their own cookie); the customer pays in theirs.
/// </summary>
public sealed class AdminPanelTests : BrowserTest
{
    public const string RiskyCard = "5335406367416736";
    public const string AdminEmail = "owner@boutique.ga";

    private IBrowserContext _adminContext = null!;
    private IPage _admin = null!;

    [SetUp]
    public async Task OpenAdminBrowserAsync()
    {
        var admin = Host.Orders.AddCustomer();
        admin.Email = AdminEmail;
        _adminContext = await BrowserSession.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1200, Height = 900 },
            Locale = "en-US",
        });
        await _adminContext.AddCookiesAsync(
        [
            new Cookie { Name = TestWorkContext.CookieName, Value = admin.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Url = Host.BaseUrl.AbsoluteUri },
        ]);
        _adminContext.SetDefaultNavigationTimeout(Timings.NavigationTimeoutMs);
        _admin = await _adminContext.NewPageAsync();
    }

    [TearDown]
    public async Task CloseAdminBrowserAsync()
    {
        if (_adminContext is not null)
            await _adminContext.CloseAsync();
    }

    private async Task OpenOrderAsync(Order order)
    {
        await _admin.GotoAsync(Host.Url($"Admin/Order/Edit/{order.Id}"));
        await Assertions.Expect(_admin.Locator("h1")).ToContainTextAsync("Edit order details");
    }

    /// <summary>A part of the admin's page for the owner's guides (docs/images): {ScreenshotFolder}/docs/{name}.png.</summary>
    private async Task DocScreenshotAsync(ILocator locator, string name)
    {
        var folder = Path.Combine(ScreenshotFolder, "docs");
        Directory.CreateDirectory(folder);
        await locator.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(folder, name + ".png") });
    }

    /// <summary>A card order paid with the "accepted with risk" card: the store holds it for review.</summary>
    private async Task<Order> PlaceHeldCardOrderAsync()
    {
        var order = await PlaceOrderAsync(phone: null, card: true);
        await WaitForUrlAsync(new Regex("/mpgga-form-cbpay$"));
        await PayOnCardFormAsync(RiskyCard);
        await WaitForUrlAsync(new Regex("/mypayga/return/success$"));
        await WhenSandboxIdleAsync();
        return order;
    }

    [Test]
    public async Task A_payment_link_made_from_the_panel_and_paid_by_the_customer_settles_the_order()
    {
        // The customer's push is refused (insufficient funds): the order stays unpaid.
        var order = await PlaceOrderAsync("074131313");
        await WaitForPendingPageAsync();
        await WhenSandboxIdleAsync();

        await OpenOrderAsync(order);
        var panel = _admin.Locator("#mypayga-panel");
        await Assertions.Expect(panel).ToContainTextAsync("MyPayGa payments");
        await Assertions.Expect(panel.Locator($"tr[data-attempt='{order.CustomOrderNumber}-1']")).ToContainTextAsync("Failed");
        await Assertions.Expect(panel.Locator("#mypayga-attempts")).ToContainTextAsync("074 ••• •");
        await Assertions.Expect(panel.Locator("#mypayga-link-create")).ToBeVisibleAsync();
        await Assertions.Expect(panel).ToContainTextAsync("12 500 FCFA");

        await panel.Locator("#mypayga-link-create").ClickAsync();
        await Assertions.Expect(_admin.Locator("#mypayga-confirm")).ToContainTextAsync("12 500 FCFA");
        await Assertions.Expect(_admin.Locator("#mypayga-confirm")).ToContainTextAsync("Order " + order.CustomOrderNumber);
        await DocScreenshotAsync(_admin.Locator("#mypayga-confirm"), "link-confirm");
        await _admin.Locator("#mypayga-confirm-button").ClickAsync();

        await Assertions.Expect(_admin.Locator(".alert-success")).ToContainTextAsync("Payment link created");
        var url = await _admin.Locator("#mypayga-link-url").InputValueAsync();
        Assert.That(url, Does.StartWith(Sandbox.BaseUrl.AbsoluteUri).And.Contain("token_url="));
        await Assertions.Expect(_admin.Locator("#mypayga-link-qr svg")).ToBeVisibleAsync();
        await Assertions.Expect(_admin.Locator($"tr[data-attempt='{order.CustomOrderNumber}-2']")).ToContainTextAsync("by " + AdminEmail);
        await DocScreenshotAsync(panel, "panel-link");
        await ScreenshotAsync("admin-link");

        // E-mail it to the customer through the store's message template: confirmed first, then queued by nopCommerce.
        await panel.Locator("#mypayga-link-email").ClickAsync();
        var confirm = _admin.Locator("#mypayga-confirm");
        await Assertions.Expect(confirm).ToContainTextAsync(MyPayGaDefaults.PaymentLinkMessageTemplate);
        await Assertions.Expect(confirm).ToContainTextAsync(url);
        var customerEmail = Host.Orders.GetAddress(order.BillingAddressId)?.Email ?? Host.Orders.GetCustomer(order.CustomerId)!.Email;
        await Assertions.Expect(confirm).ToContainTextAsync(customerEmail);
        await DocScreenshotAsync(confirm, "link-email-confirm");
        await _admin.Locator("#mypayga-confirm-button").ClickAsync();
        await Assertions.Expect(_admin.Locator(".alert-success")).ToContainTextAsync("e-mailed to " + customerEmail);
        var mail = Host.Messages.Queued.Single();
        Assert.That((mail.To, mail.Template.Name), Is.EqualTo((customerEmail, MyPayGaDefaults.PaymentLinkMessageTemplate)));
        Assert.That(mail.Body, Does.Contain($"<a href=\"{url}\">"));
        Assert.That(mail.Token("MyPayGa.PaymentLink.Amount"), Does.Match(@"^12\s500\sFCFA$"));
        Assert.That(Host.Orders.NotesOf(order.Id).Select(n => n.Note), Has.One.Contains("e-mailed to " + customerEmail + " by " + AdminEmail));

        // The customer opens the link (sent by e-mail or shown as a QR code) and pays there.
        await Page.GotoAsync(url);
        await Page.FillAsync("#phone", "074121212");
        await Page.ClickAsync("#pay");
        await Assertions.Expect(Page.Locator("body")).ToContainTextAsync("Request sent");
        await WhenSandboxIdleAsync();

        await OpenOrderAsync(order);
        await Assertions.Expect(_admin.Locator("#payment-status")).ToHaveTextAsync("Paid");
        await Assertions.Expect(_admin.Locator($"tr[data-attempt='{order.CustomOrderNumber}-2']")).ToContainTextAsync("Paid");
        await Assertions.Expect(_admin.Locator("#mypayga-link")).ToHaveCountAsync(0);
        await DocScreenshotAsync(panel, "panel-link-paid");
        AssertPaidOnce(order);
        Assert.That(Stored(order).CaptureTransactionId, Does.StartWith("link:"));
        AssertStoreHealthy();
    }

    [Test]
    public async Task A_card_held_for_review_is_checked_then_refunded_and_the_order_cancelled_after_a_confirmation()
    {
        var order = await PlaceHeldCardOrderAsync();

        await OpenOrderAsync(order);
        var panel = _admin.Locator("#mypayga-panel");
        await Assertions.Expect(panel.Locator("#mypayga-warnings")).ToContainTextAsync("held for review");
        await panel.Locator("#mypayga-check").ClickAsync();
        await Assertions.Expect(_admin.Locator(".alert-success")).ToContainTextAsync("MyPayGa was read: money received, waiting for your decision");
        await Assertions.Expect(panel.Locator("a.mypayga-decision")).ToHaveCountAsync(2);
        await DocScreenshotAsync(panel, "panel-held");

        var decisionUrl = await panel.Locator("a.mypayga-decision[data-decision='RefundAndCancel']").GetAttributeAsync("href");
        await panel.Locator("a.mypayga-decision[data-decision='RefundAndCancel']").ClickAsync();
        var confirm = _admin.Locator("#mypayga-confirm");
        await Assertions.Expect(confirm).ToContainTextAsync("To refund");
        await Assertions.Expect(confirm).ToContainTextAsync("12 500 FCFA");
        await DocScreenshotAsync(confirm, "decision-confirm");
        await _admin.Locator("#mypayga-confirm-button").ClickAsync();

        await Assertions.Expect(_admin.Locator(".alert-success")).ToContainTextAsync("The order is cancelled.");
        await Assertions.Expect(_admin.Locator("#order-status")).ToHaveTextAsync(nameof(OrderStatus.Cancelled));
        await Assertions.Expect(panel.Locator("#mypayga-refunds")).ToContainTextAsync("Sent");
        await Assertions.Expect(panel.Locator("#mypayga-refunds")).ToContainTextAsync(AdminEmail);
        await Assertions.Expect(panel.Locator("a.mypayga-decision")).ToHaveCountAsync(0);
        await DocScreenshotAsync(panel, "panel-decided");
        await ScreenshotAsync("admin-decided");

        Assert.That(Host.OrderProcessing.MarkOrderAsPaidCalls(order.Id), Is.Zero, "never marked paid");
        Assert.That(Host.Orders.NotesOf(order.Id).Select(n => n.Note), Has.One.Contains("cancelled by " + AdminEmail));

        // Coming back to the confirmation (a bookmark, the browser's history) offers nothing to decide twice.
        await _admin.GotoAsync(Host.Url(decisionUrl!.TrimStart('/')));
        await Assertions.Expect(_admin.Locator("#mypayga-refusal")).ToContainTextAsync("not open");
        await Assertions.Expect(_admin.Locator("#mypayga-confirm-button")).ToHaveCountAsync(0);
        AssertStoreHealthy();
    }

    [Test]
    public async Task The_review_queue_lists_a_held_payment_with_a_link_to_its_order()
    {
        var order = await PlaceHeldCardOrderAsync();

        await OpenOrderAsync(order);
        await _admin.Locator("#mypayga-queue").ClickAsync();

        var held = _admin.Locator(".mypayga-queue-group[data-kind='HeldForReview']");
        await Assertions.Expect(held).ToContainTextAsync(order.CustomOrderNumber + "-1");
        await Assertions.Expect(_admin.Locator("#mypayga-runs")).ToContainTextAsync("Last reconciliation runs");
        await DocScreenshotAsync(_admin.Locator(".content-wrapper"), "review-queue");
        await held.Locator($"a[href$='/Admin/Order/Edit/{order.Id}']").First.ClickAsync();
        await Assertions.Expect(_admin.Locator("h1")).ToContainTextAsync("Edit order details - " + order.CustomOrderNumber);
        AssertStoreHealthy();
    }

    [Test]
    public async Task An_order_of_another_payment_method_shows_no_mypayga_panel_and_its_page_works()
    {
        var other = Host.Orders.Place(new Order
        {
            OrderGuid = Guid.NewGuid(),
            StoreId = StoreHost.StoreId,
            CustomerId = Customer.Id,
            OrderStatus = OrderStatus.Pending,
            PaymentStatus = PaymentStatus.Pending,
            PaymentMethodSystemName = "Payments.CheckMoneyOrder",
            OrderTotal = 5_000m,
            CreatedOnUtc = DateTime.UtcNow,
        });

        await OpenOrderAsync(other);

        await Assertions.Expect(_admin.Locator("#order-info")).ToBeVisibleAsync();
        await Assertions.Expect(_admin.Locator("#mypayga-panel")).ToHaveCountAsync(0);
        Assert.That(other.PaymentMethodSystemName, Is.Not.EqualTo(MyPayGaDefaults.SystemName));
        AssertStoreHealthy();
    }
}
