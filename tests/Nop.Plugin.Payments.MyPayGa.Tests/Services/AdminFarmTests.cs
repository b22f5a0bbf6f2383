using System.Collections.Concurrent;
using Moq;
using MyPayGa.Client;
using MyPayGa.Client.Models;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.MyPayGa.Domain;
using Nop.Plugin.Payments.MyPayGa.Services;
using Nop.Plugin.Payments.MyPayGa.Services.Ledger;
using Nop.Plugin.Payments.MyPayGa.Tests.Support;
using Nop.Plugin.Payments.MyPayGa.Tests.Support.Database;
using NUnit.Framework;

namespace Nop.Plugin.Payments.MyPayGa.Tests.Services;

/// <summary>
/// The admin's decisions and payment links on a web farm: two plugin hosts over one real PostgreSQL, admins on both
/// hosts clicking at the same moment while callbacks and the reconciliation run, and a host locker that admits everyone.
/// </summary>
[TestFixture]
[Category("Database")]
public sealed class AdminFarmTests
{
    private PostgresLedger _ledger = null!;
    private PluginHarness _a = null!;
    private PluginHarness _b = null!;
    private int _refundsCreated;
    private int _linksGenerated;

    [SetUp]
    public async Task SetUp()
    {
        _ledger = await PostgresLedger.CreateAsync();
        var store = new PluginHarness.SharedStore(new OrderBook(), _ledger.Attempts, _ledger.Refunds, _ledger.Claims,
            new ConcurrentDictionary<string, PaymentDetail>(StringComparer.Ordinal), new PermissiveLocker());
        _a = PluginHarness.CreateSharing(store);
        _b = PluginHarness.CreateSharing(store);
        _refundsCreated = 0;
        _linksGenerated = 0;
        foreach (var node in new[] { _a, _b })
        {
            node.Client.Setup(c => c.CreateRefundAsync(It.IsAny<CreateRefundRequest>(), It.IsAny<CancellationToken>()))
                .Returns(async (CreateRefundRequest _, CancellationToken _) =>
                {
                    await Task.Delay(10);
                    return new CreateRefundResponse { StatusRequest = new MyPayGaStatus("200"), RefundId = $"rfd_{Interlocked.Increment(ref _refundsCreated)}" };
                });
            node.Client.Setup(c => c.SendRefundAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
                .ReturnsAsync((string id, CancellationToken _) => new SendRefundResponse { RefundStatus = new MyPayGaStatus("200"), RefundId = id });
            node.Client.Setup(c => c.GetLinkAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
                .ReturnsAsync(new PaymentLinkResponse { Link = new PaymentLink { FinalStatus = new MyPayGaStatus("400") } });
            node.Client.Setup(c => c.GenerateLinkAsync(It.IsAny<GenerateLinkRequest>(), It.IsAny<CancellationToken>()))
                .Returns(async (GenerateLinkRequest _, CancellationToken _) =>
                {
                    var n = Interlocked.Increment(ref _linksGenerated);
                    await Task.Delay(10);
                    return new PaymentLinkResponse
                    {
                        Code = new MyPayGaStatus("200"),
                        Link = new PaymentLink { Reference = $"s-{n:D8}", Url = new Uri($"http://127.0.0.1/payment/sharedLink/pay?token_url=tok{n}") },
                    };
                });
        }
    }

    [TearDown]
    public async Task TearDown()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
    }

    private PluginHarness Node(int i) => i % 2 == 0 ? _a : _b;

    [Test]
    public async Task Admins_on_two_hosts_refunding_a_double_payment_while_both_reconcile_send_one_refund_on_its_token()
    {
        var (order, first) = await _a.AddStartedOrderAsync();
        var second = await _a.StartAnotherAsync(order);
        _a.Details[first.PaymentToken!] = PluginHarness.Paid(first.PaymentToken!, first.AmountXaf);
        _a.Details[second.PaymentToken!] = PluginHarness.Paid(second.PaymentToken!, second.AmountXaf);
        await _a.Get<IPaymentStatusProcessor>().ProcessAsync(order, StatusTrigger.Reconciliation);
        var doubled = _a.AttemptsOf(order).Single(a => a.Status == AttemptStatus.DoublePayment);

        var decisions = Enumerable.Range(0, 16).Select(i => Task.Run(() => Node(i).Get<IMyPayGaReviewDecisionService>()
            .DecideAsync(new DecisionCommand(order.Id, doubled.Id, ReviewDecision.RefundAttempt, $"admin{i}@shop.ga"))));
        var checks = Enumerable.Range(0, 4).Select(i => Task.Run(async () =>
        {
            await Node(i).Get<IPaymentStatusProcessor>().ProcessAsync(Node(i).Orders.Stored(order.Id), StatusTrigger.Reconciliation);
            return new DecisionOutcome(false, "check");
        }));
        var outcomes = await Task.WhenAll(decisions.Concat(checks));

        Assert.That(outcomes.Count(o => o.Done), Is.EqualTo(1));
        Assert.That(_refundsCreated, Is.EqualTo(1));
        Assert.That(_ledger.Refunds.Rows.Single().PaymentToken, Is.EqualTo(doubled.PaymentToken));
        Assert.That(_ledger.Claims.Rows.Count(c => c.ClaimKey == ClaimKeys.AttemptReviewed(doubled.Id)), Is.EqualTo(1));
        Assert.That(_a.Orders.Stored(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
    }

    [Test]
    public async Task Admins_on_two_hosts_accepting_a_held_payment_while_a_callback_pays_another_mark_the_order_paid_once()
    {
        var (order, held) = await _a.AddStartedOrderAsync(channel: PaymentChannel.Card);
        var other = await _a.StartAnotherAsync(order);
        _a.Details[held.PaymentToken!] = PluginHarness.Paid(held.PaymentToken!, held.AmountXaf, "Acceptée avec Risk");
        await _a.Get<IPaymentStatusProcessor>().ProcessAsync(order, StatusTrigger.Callback);
        Assert.That(_a.Stored(held).Status, Is.EqualTo(AttemptStatus.HeldForReview));
        _a.Details[other.PaymentToken!] = PluginHarness.Paid(other.PaymentToken!, other.AmountXaf);

        var work = Enumerable.Range(0, 12).Select(i => Task.Run(async () =>
        {
            if (i % 3 == 0)
            {
                await Node(i).Get<IPaymentStatusProcessor>().ProcessAsync(Node(i).Orders.Stored(order.Id), StatusTrigger.Callback);
                return false;
            }

            return (await Node(i).Get<IMyPayGaReviewDecisionService>()
                .DecideAsync(new DecisionCommand(order.Id, held.Id, ReviewDecision.Accept, $"admin{i}@shop.ga"))).Done;
        }));
        var accepted = (await Task.WhenAll(work)).Count(done => done);

        Assert.That(_a.Orders.MarkedPaidCount, Is.EqualTo(1));
        Assert.That(accepted, Is.LessThanOrEqualTo(1));
        Assert.That(_ledger.Claims.Rows.Count(c => c.ClaimKey == ClaimKeys.OrderPaid(order.Id)), Is.EqualTo(1));
        var paidBy = _a.Orders.Stored(order.Id).CaptureTransactionId;
        Assert.That(paidBy, Is.EqualTo(accepted == 1 ? held.PaymentToken : other.PaymentToken));
    }

    [Test]
    public async Task Ten_admins_on_two_hosts_creating_a_payment_link_at_once_make_one_link()
    {
        var order = _a.AddOrder(total: 4_000m);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(() =>
            Node(i).Get<IMyPayGaPaymentLinkService>().CreateAsync(Node(i).Orders.Stored(order.Id), $"admin{i}@shop.ga"))));

        Assert.That(outcomes.Count(o => o.Success), Is.EqualTo(1), string.Join(" | ", outcomes.Select(o => o.Message)));
        Assert.That(_linksGenerated, Is.EqualTo(1));
        var link = _ledger.Attempts.Rows.Single(a => a.Channel == PaymentChannel.Link && a.Status == AttemptStatus.Open);
        Assert.That((link.LinkReference, link.LinkOrderRef, link.AmountXaf), Is.EqualTo(("tok1", "s-00000001", 4_000L)), "the link columns on PostgreSQL");
        Assert.That(await _b.Get<IPaymentAttemptStore>().FindOrderAsync("s-00000001", "a token the store never saw"), Is.Not.Null,
            "a callback for the link's payment finds its order");
    }
}
