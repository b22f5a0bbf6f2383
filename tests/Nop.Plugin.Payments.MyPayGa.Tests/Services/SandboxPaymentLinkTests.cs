using MyPayGa.Sandbox;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.MyPayGa.Domain;
using Nop.Plugin.Payments.MyPayGa.Services;
using Nop.Plugin.Payments.MyPayGa.Tests.Support;
using NUnit.Framework;

namespace Nop.Plugin.Payments.MyPayGa.Tests.Services;

/// <summary>
/// Payment links end to end: the plugin's services with the REAL client against the sandbox on 127.0.0.1 — generateLink,
/// the shopper paying on the link's page, MyPayGa's callback for that payment (which names the link's order_ref and a
/// token the store never saw), getLink through the status processor, linkCancel.
/// </summary>
[TestFixture]
public sealed class SandboxPaymentLinkTests
{
    private const string Admin = "owner@shop.ga";
    private SandboxServer _sandbox = null!;
    private PluginHarness _harness = null!;
    private HttpClient _browser = null!;

    [OneTimeSetUp]
    public async Task StartSandbox()
    {
        _sandbox = await SandboxServer.StartAsync(new SandboxOptions { OutcomeDelayMs = 0, CallbackDelayMs = 0, CallbackRetries = 0 });
        _browser = new HttpClient();
    }

    [OneTimeTearDown]
    public async Task StopSandbox()
    {
        _browser.Dispose();
        await _sandbox.DisposeAsync();
    }

    [SetUp]
    public void SetUp()
    {
        _sandbox.Reset();
        _harness = PluginHarness.CreateWithRealClient(_sandbox.BaseUrl);
    }

    [TearDown]
    public async Task TearDown() => await _harness.DisposeAsync();

    private IMyPayGaPaymentLinkService Links => _harness.Get<IMyPayGaPaymentLinkService>();

    /// <summary>What the shopper does on the link's page: types a test number and presses Pay.</summary>
    private async Task PayOnTheLinkPageAsync(MyPayGaAttempt link, string phone)
    {
        using var response = await _browser.PostAsync(new Uri(_sandbox.BaseUrl, "/payment/sharedLink/pay"),
            new FormUrlEncodedContent([new("token_url", link.LinkReference!), new("phone", phone)]));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("Request sent"));
        await _sandbox.WhenIdleAsync();
    }

    [Test]
    public async Task A_link_for_the_orders_amount_paid_by_the_customer_settles_the_order_through_mypaygas_callback()
    {
        await using var receiver = await CallbackReceiver.StartAsync(_harness);
        _sandbox.ConfigureMerchant(m => m with { CallbackUrl = receiver.Url.ToString() });
        var order = _harness.AddOrder(total: 8_500m);

        var created = await Links.CreateAsync(order, Admin);

        Assert.That(created.Success, Is.True, created.Message);
        var link = created.Attempt!;
        Assert.That((link.Channel, link.Status, link.AmountXaf, link.CreatedBy), Is.EqualTo((PaymentChannel.Link, AttemptStatus.Open, 8_500L, Admin)));
        Assert.That(link.LinkUrl, Does.StartWith(_sandbox.BaseUrl.ToString()).And.Contain("token_url=" + link.LinkReference));
        Assert.That(link.LinkOrderRef, Does.StartWith("s-"));
        Assert.That(link.PaymentToken, Is.EqualTo("link:" + link.LinkReference));
        var page = await _browser.GetStringAsync(link.LinkUrl);
        Assert.That(page, Does.Contain("8500 XAF").And.Contain("Order " + order.CustomOrderNumber), "the amount and a reference tying it to the order");
        Assert.That(_harness.Orders.NoteTexts(order.Id), Has.One.Contains("created by " + Admin));

        await PayOnTheLinkPageAsync(link, "074121212");

        Assert.That(receiver.Received, Is.GreaterThanOrEqualTo(1), "MyPayGa's callback for the link's payment");
        var stored = _harness.Orders.Stored(order.Id);
        Assert.That(stored.PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
        Assert.That(stored.CaptureTransactionId, Is.EqualTo(link.PaymentToken));
        Assert.That(_harness.Orders.MarkedPaidCount, Is.EqualTo(1));
        Assert.That(_harness.Stored(link).Status, Is.EqualTo(AttemptStatus.Paid));
        Assert.That(_harness.EverythingWritten, Does.Not.Contain(_sandbox.SecretKey));
    }

    [Test]
    public async Task A_link_created_at_mypayga_is_e_mailed_to_the_customer_and_the_queued_message_opens_that_links_page()
    {
        await _harness.CreatePaymentMethod().InstallAsync();
        var order = _harness.AddOrder(total: 4_500m);
        var link = (await Links.CreateAsync(order, Admin)).Attempt!;

        var mailed = await _harness.Get<IMyPayGaPaymentLinkMailer>().SendAsync(_harness.Orders.Stored(order.Id), link.Id, Admin);

        Assert.That(mailed.Success, Is.True, mailed.Message);
        var mail = _harness.Messages.Queued.Single();
        Assert.That((mail.Template.Name, mail.To), Is.EqualTo((MyPayGaDefaults.PaymentLinkMessageTemplate, "awa@example.ga")));
        Assert.That(link.LinkUrl, Does.StartWith(_sandbox.BaseUrl.ToString()));
        Assert.That(mail.Body, Does.Contain($"<a href=\"{link.LinkUrl}\">"), "the sandbox's link, as MyPayGa gave it");
        var page = await _browser.GetStringAsync((string)mail.Token("MyPayGa.PaymentLink.URL")!);
        Assert.That(page, Does.Contain("4500 XAF").And.Contain("Order " + order.CustomOrderNumber), "the address in the e-mail is that link's page");
        Assert.That(_harness.Orders.NoteTexts(order.Id), Has.One.Contains("e-mailed to awa@example.ga by " + Admin));
    }

    [Test]
    public async Task Without_any_callback_the_reconciliation_reads_the_link_and_settles_the_order_once()
    {
        var order = _harness.AddOrder(total: 3_000m);
        var link = (await Links.CreateAsync(order, Admin)).Attempt!;
        var processor = _harness.Get<IPaymentStatusProcessor>();

        Assert.That((await processor.ProcessAsync(order, StatusTrigger.Reconciliation)).State, Is.EqualTo(PaymentState.Pending), "not paid yet");
        await PayOnTheLinkPageAsync(link, "074111111");
        var snapshots = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() =>
            _harness.Get<IPaymentStatusProcessor>().ProcessAsync(_harness.Orders.Stored(order.Id), StatusTrigger.Reconciliation))));

        Assert.That(snapshots.Select(s => s.State), Has.Some.EqualTo(PaymentState.Paid));
        Assert.That(_harness.Orders.MarkedPaidCount, Is.EqualTo(1));
        Assert.That(_harness.Orders.NoteTexts(order.Id), Has.One.Contains("Payment link"));
    }

    [Test]
    public async Task A_cancelled_link_can_no_longer_be_paid_is_recorded_failed_and_does_not_cancel_the_order()
    {
        _harness.StoreSettings.CancelOrderOnFailure = true;
        var order = _harness.AddOrder(total: 2_000m);
        var link = (await Links.CreateAsync(order, Admin)).Attempt!;

        var cancelled = await Links.CancelAsync(order, link.Id, Admin);

        Assert.That(cancelled.Success, Is.True, cancelled.Message);
        Assert.That(_harness.Stored(link).Status, Is.EqualTo(AttemptStatus.Failed), "MyPayGa says expired: nothing can be paid on it");
        Assert.That(await _browser.GetStringAsync(link.LinkUrl), Does.Contain("expired"));
        Assert.That(_harness.Orders.Stored(order.Id).OrderStatus, Is.Not.EqualTo(OrderStatus.Cancelled), "a cancelled link is not a failed payment");
        Assert.That(_harness.Orders.NoteTexts(order.Id), Has.One.Contains("cancelled (" + Admin + ")"));
        Assert.That((await Links.ProposeAsync(order)).Refusal, Is.Null, "a new link may be made");
    }

    [Test]
    public async Task When_the_order_is_paid_another_way_its_open_link_is_cancelled_at_mypayga_once()
    {
        var order = _harness.AddOrder(total: 2_000m);
        var link = (await Links.CreateAsync(order, Admin)).Attempt!;
        var paid = _harness.Orders.Stored(order.Id);
        paid.PaymentStatus = PaymentStatus.Paid; // e.g. the admin's "Mark as paid" after a bank transfer
        _harness.Orders.Save(paid);
        var consumer = new PaymentLinkEventConsumer(Links, _harness.Logger.Object);

        await consumer.HandleEventAsync(new OrderPaidEvent(paid));
        await consumer.HandleEventAsync(new OrderPaidEvent(paid));

        Assert.That(await _browser.GetStringAsync(link.LinkUrl), Does.Contain("expired"));
        Assert.That(_harness.Orders.NoteTexts(order.Id).Count(n => n.Contains("order paid")), Is.EqualTo(1));
    }

    [Test]
    public async Task The_link_that_paid_the_order_is_not_cancelled_when_the_order_turns_paid()
    {
        var order = _harness.AddOrder(total: 2_000m);
        var link = (await Links.CreateAsync(order, Admin)).Attempt!;
        await PayOnTheLinkPageAsync(link, "074121212");
        await _harness.Get<IPaymentStatusProcessor>().ProcessAsync(order, StatusTrigger.Reconciliation);

        await new PaymentLinkEventConsumer(Links, _harness.Logger.Object).HandleEventAsync(new OrderPaidEvent(_harness.Orders.Stored(order.Id)));

        Assert.That(await _browser.GetStringAsync(link.LinkUrl), Does.Contain("is paid"));
        Assert.That(_harness.Orders.NoteTexts(order.Id), Has.None.Contains("cancelled ("));
    }

    [Test]
    public async Task A_link_paid_after_the_order_was_paid_by_a_push_is_a_double_payment_for_a_person_and_not_refundable_from_the_store()
    {
        var order = _harness.AddOrder(total: 2_000m, phone: "074121212");
        var link = (await Links.CreateAsync(order, Admin)).Attempt!;
        await PayOnTheLinkPageAsync(link, "074121212");
        // Meanwhile the order was paid by another attempt (simulated: a paid push recorded before the link was read).
        var paid = _harness.Orders.Stored(order.Id);
        paid.PaymentStatus = PaymentStatus.Paid;
        paid.CaptureTransactionId = "tok_other";
        _harness.Orders.Save(paid);

        await _harness.Get<IPaymentStatusProcessor>().ProcessAsync(paid, StatusTrigger.Reconciliation);

        var row = _harness.Stored(link);
        Assert.That(row.Status, Is.EqualTo(AttemptStatus.DoublePayment));
        var refund = await _harness.Get<IMyPayGaReviewDecisionService>().DecideAsync(new DecisionCommand(order.Id, link.Id, ReviewDecision.RefundAttempt, Admin));
        Assert.That(refund.Done, Is.False);
        Assert.That(refund.Message, Does.Contain("MyPayGa's dashboard"));
        Assert.That(_harness.AllRefunds, Is.Empty, "nothing was sent to MyPayGa");
    }
}
