using Moq;
using MyPayGa.Client;
using MyPayGa.Client.Models;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.MyPayGa.Domain;
using Nop.Plugin.Payments.MyPayGa.Factories;
using Nop.Plugin.Payments.MyPayGa.Services;
using Nop.Plugin.Payments.MyPayGa.Tests.Support;
using NUnit.Framework;

namespace Nop.Plugin.Payments.MyPayGa.Tests.Services;

/// <summary>Payment links with MyPayGa failing at each step (the harness's Moq client), and the review queue.</summary>
[TestFixture]
public sealed class PaymentLinkTests
{
    private const string Admin = "owner@shop.ga";
    private PluginHarness _harness = null!;
    private bool _linkPaid;

    [SetUp]
    public void SetUp()
    {
        _harness = PluginHarness.Create();
        _linkPaid = false;
        _harness.Client.Setup(c => c.GenerateLinkAsync(It.IsAny<GenerateLinkRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new PaymentLinkResponse
            {
                Code = new MyPayGaStatus("200"),
                Link = new PaymentLink { Reference = "s-ABCDEFGH", Url = new Uri("https://www.mypayga.com/payment/sharedLink/pay?token_url=T0k3n") },
            });
        _harness.Client.Setup(c => c.GetLinkAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => new PaymentLinkResponse { Link = new PaymentLink { Reference = "T0k3n", FinalStatus = new MyPayGaStatus(_linkPaid ? "200" : "400") } });
    }

    [TearDown]
    public async Task TearDown() => await _harness.DisposeAsync();

    private IMyPayGaPaymentLinkService Links => _harness.Get<IMyPayGaPaymentLinkService>();

    [Test]
    public async Task A_link_asks_the_orders_xaf_with_the_customer_and_a_reference_and_is_read_with_getLink_by_its_token_url()
    {
        var order = _harness.AddOrder(total: 12_000m);

        var outcome = await Links.CreateAsync(order, Admin);

        Assert.That(outcome.Success, Is.True, outcome.Message);
        _harness.Client.Verify(c => c.GenerateLinkAsync(It.Is<GenerateLinkRequest>(r => r.Amount == 12_000 && r.FirstName == "Awa" && r.LastName == "Nguema"
            && r.Email == "awa@example.ga" && r.Phone == "074121212" && r.Description == "Order " + order.CustomOrderNumber), It.IsAny<CancellationToken>()), Times.Once);
        var link = outcome.Attempt!;
        Assert.That((link.LinkReference, link.LinkOrderRef, link.PaymentToken), Is.EqualTo(("T0k3n", "s-ABCDEFGH", "link:T0k3n")));

        _linkPaid = true;
        var snapshot = await _harness.Get<IPaymentStatusProcessor>().ProcessAsync(order, StatusTrigger.AdminCheck);

        Assert.That(snapshot.State, Is.EqualTo(PaymentState.Paid));
        _harness.Client.Verify(c => c.GetLinkAsync("T0k3n", It.IsAny<CancellationToken>()), Times.AtLeastOnce);
        _harness.Client.Verify(c => c.GetPaymentDetailAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never, "a link is not read with paiement-detail");
        Assert.That(_harness.Orders.Stored(order.Id).CaptureTransactionId, Is.EqualTo("link:T0k3n"));
    }

    [Test]
    public async Task A_lost_answer_to_generateLink_leaves_no_followed_link_says_to_check_mypaygas_dashboard_and_allows_a_new_one()
    {
        var order = _harness.AddOrder();
        _harness.Client.Setup(c => c.GenerateLinkAsync(It.IsAny<GenerateLinkRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new MyPayGaException(MyPayGaErrorKind.Timeout, "generateLink", "No answer in 20 s"));

        var outcome = await Links.CreateAsync(order, Admin);

        Assert.That(outcome.Success, Is.False);
        Assert.That(outcome.Message, Does.Contain("dashboard"));
        Assert.That(_harness.AttemptsOf(order).Single().Status, Is.EqualTo(AttemptStatus.NotStarted));
        Assert.That(_harness.Orders.NoteTexts(order.Id), Has.One.Contains("answer was lost"));
        Assert.That(_harness.Log, Has.One.Contains("generateLink"));
        Assert.That((await Links.ProposeAsync(order)).Refusal, Is.Null);
    }

    [Test]
    public async Task A_refused_generateLink_is_told_with_mypaygas_words()
    {
        var order = _harness.AddOrder();
        _harness.Client.Setup(c => c.GenerateLinkAsync(It.IsAny<GenerateLinkRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new MyPayGaException(MyPayGaErrorKind.Rejected, "generateLink", "refused", providerStatus: "400", providerMessage: "Montant invalide"));

        var outcome = await Links.CreateAsync(order, Admin);

        Assert.That(outcome.Success, Is.False);
        Assert.That(outcome.Message, Does.StartWith("MyPayGa did not create the link"));
        Assert.That(_harness.AttemptsOf(order).Single().Status, Is.EqualTo(AttemptStatus.NotStarted));
    }

    [Test]
    public async Task No_link_without_a_phone_for_a_paid_order_or_while_another_link_or_push_is_live()
    {
        _harness.BillingAddress.PhoneNumber = null;
        var noPhone = _harness.AddOrder(phone: null);
        Assert.That((await Links.ProposeAsync(noPhone)).Refusal, Does.Contain("phone"));
        Assert.That((await Links.CreateAsync(noPhone, Admin)).Success, Is.False);
        _harness.BillingAddress.PhoneNumber = "074 12 12 12";

        var paid = _harness.AddOrder(configure: o => o.PaymentStatus = PaymentStatus.Paid);
        Assert.That((await Links.ProposeAsync(paid)).Refusal, Is.Not.Null);

        var (pushed, _) = await _harness.AddStartedOrderAsync();
        Assert.That((await Links.ProposeAsync(pushed)).Refusal, Does.Contain("may still be approved"));

        var order = _harness.AddOrder();
        Assert.That((await Links.CreateAsync(order, Admin)).Success, Is.True);
        Assert.That((await Links.ProposeAsync(order)).Refusal, Does.Contain("already open"));
        _harness.Client.Verify(c => c.GenerateLinkAsync(It.IsAny<GenerateLinkRequest>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task While_a_link_is_open_the_shopper_cannot_start_a_second_way_to_pay()
    {
        var order = _harness.AddOrder();
        await Links.CreateAsync(order, Admin);

        var retry = await _harness.Get<IMyPayGaCheckoutService>().StartAsync(_harness.Orders.Stored(order.Id), PaymentChannel.MobileMoney, "074121212");

        Assert.That(retry.Refusal, Is.EqualTo(StartRefusal.PaymentLinkOpen));
        Assert.That(retry.ErrorMessage, Does.Contain("payment link"));
        _harness.Client.Verify(c => c.GetHashAsync(It.IsAny<GetHashRequest>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task When_getLink_cannot_be_read_nothing_is_decided_and_a_callback_would_be_answered_503()
    {
        var order = _harness.AddOrder();
        var link = (await Links.CreateAsync(order, Admin)).Attempt!;
        _harness.Client.Setup(c => c.GetLinkAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ThrowsAsync(PluginHarness.ProviderDown("getLink"));

        var snapshot = await _harness.Get<IPaymentStatusProcessor>().ProcessAsync(order, StatusTrigger.Callback);

        Assert.That(snapshot.Unconfirmed, Is.True);
        Assert.That(_harness.Stored(link).Status, Is.EqualTo(AttemptStatus.Open));
        Assert.That(_harness.Orders.Stored(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Pending));
    }

    [Test]
    public async Task A_link_mypayga_cannot_cancel_stays_open_and_followed()
    {
        var order = _harness.AddOrder();
        var link = (await Links.CreateAsync(order, Admin)).Attempt!;
        _harness.Client.Setup(c => c.CancelLinkAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ThrowsAsync(PluginHarness.ProviderDown("linkCancel"));

        var outcome = await Links.CancelAsync(order, link.Id, Admin);
        var obsolete = await Links.CancelObsoleteLinksAsync(order, "order cancelled");

        Assert.That(outcome.Success, Is.False);
        Assert.That(obsolete, Is.Zero);
        Assert.That(_harness.Stored(link).Status, Is.EqualTo(AttemptStatus.Open));
        Assert.That(_harness.AllClaims.Any(c => c.ClaimKey.EndsWith("-linkcancelled", StringComparison.Ordinal)), Is.False, "tried again next time");
    }

    [Test]
    public async Task The_panel_offers_a_link_for_an_unpaid_order_and_shows_an_open_one_with_its_qr_code()
    {
        var order = _harness.AddOrder(total: 6_000m);
        var factory = _harness.Get<IMyPayGaAdminModelFactory>();

        var before = await factory.PrepareOrderPanelModelAsync(order);
        await Links.CreateAsync(order, Admin);
        var after = await factory.PrepareOrderPanelModelAsync(_harness.Orders.Stored(order.Id));
        var confirm = await factory.PrepareLinkModelAsync(order);

        Assert.That(before.CanCreateLink, Is.True);
        Assert.That(before.OutstandingXaf, Does.EndWith("000 FCFA"));
        Assert.That(after.CanCreateLink, Is.False);
        Assert.That(after.OpenLink!.LinkUrl, Is.EqualTo("https://www.mypayga.com/payment/sharedLink/pay?token_url=T0k3n"));
        Assert.That(after.OpenLink.LinkQrSvg, Does.StartWith("<svg"));
        Assert.That(after.OpenLink.CreatedBy, Is.EqualTo(Admin));
        Assert.That(after.OpenLink.Channel, Is.EqualTo("Payment link"));
        Assert.That(confirm.Refusal, Does.Contain("already open"));
    }

    [Test]
    public async Task The_review_queue_lists_what_needs_a_person_with_counts_and_the_last_reconciliation_runs()
    {
        var (order, first) = await _harness.AddStartedOrderAsync();
        var second = await _harness.StartAnotherAsync(order);
        _harness.Details[first.PaymentToken!] = PluginHarness.Paid(first.PaymentToken!, first.AmountXaf);
        _harness.Details[second.PaymentToken!] = PluginHarness.Paid(second.PaymentToken!, second.AmountXaf);
        await _harness.Get<IPaymentStatusProcessor>().ProcessAsync(order, StatusTrigger.Reconciliation);
        await _harness.Refunds.InsertAsync(new MyPayGaRefund
        {
            OrderId = order.Id,
            AttemptId = first.Id,
            PaymentToken = first.PaymentToken!,
            AmountXaf = 500,
            RefundId = "rfd_lost",
            Status = RefundStatus.Unknown,
            LockKey = MyPayGaRefund.ActiveLockKey(order.Id),
            CreatedOnUtc = DateTime.UtcNow,
            UpdatedOnUtc = DateTime.UtcNow,
        }, publishEvent: false);
        var stuck = _harness.AddOrder(configure: o => o.CreatedOnUtc = DateTime.UtcNow.AddHours(-3));
        await _harness.Attempts.InsertAsync(new MyPayGaAttempt
        {
            OrderId = stuck.Id,
            StoreId = stuck.StoreId,
            Number = 1,
            ReservationKey = $"{stuck.Id}-1",
            UniqueId = stuck.CustomOrderNumber + "-1",
            PaymentToken = "tok_unread",
            Status = AttemptStatus.Open,
            AmountXaf = 10_000,
            CreatedOnUtc = _harness.Clock.GetUtcNow().UtcDateTime,
        }, publishEvent: false);
        await _harness.Claims.InsertAsync(new MyPayGaClaim
        {
            ClaimKey = "recon-run-20261202140000",
            CreatedOnUtc = DateTime.UtcNow,
            CompletedOnUtc = DateTime.UtcNow,
            Detail = System.Text.Json.JsonSerializer.Serialize(new ReconciliationSummary { StartedOnUtc = new DateTime(2026, 12, 2, 14, 0, 0, DateTimeKind.Utc), OrdersRead = 12, Settled = 2, Expired = 1, Unreadable = 3 }),
        }, publishEvent: false);

        var model = await _harness.Get<IMyPayGaAdminModelFactory>().PrepareReviewQueueModelAsync();

        var counts = model.Groups.ToDictionary(g => g.Kind, g => g.Rows.Count);
        Assert.That(counts[ReviewQueueKind.DoublePayment], Is.EqualTo(1));
        Assert.That(counts[ReviewQueueKind.RefundOutcomeUnknown], Is.EqualTo(1));
        Assert.That(counts[ReviewQueueKind.PendingUnread], Is.EqualTo(1));
        Assert.That(counts[ReviewQueueKind.HeldForReview] + counts[ReviewQueueKind.AmountMismatch] + counts[ReviewQueueKind.TimedOut], Is.Zero);
        Assert.That(model.Total, Is.EqualTo(3));
        var doubled = model.Groups.Single(g => g.Kind == ReviewQueueKind.DoublePayment).Rows.Single();
        Assert.That((doubled.OrderId, doubled.Amount), Is.EqualTo((order.Id, "10\u202f000 FCFA")));
        var run = model.Runs.Single();
        Assert.That((run.StartedOn, run.Read, run.Settled, run.Expired, run.Unreadable), Is.EqualTo(("2026-12-02 14:00 UTC", 12, 2, 1, 3)));
    }
}
