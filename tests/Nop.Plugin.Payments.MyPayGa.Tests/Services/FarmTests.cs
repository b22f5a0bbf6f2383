using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using MyPayGa.Client;
using MyPayGa.Client.Callbacks;
using MyPayGa.Client.Models;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.MyPayGa.Domain;
using Nop.Plugin.Payments.MyPayGa.Services;
using Nop.Plugin.Payments.MyPayGa.Services.Ledger;
using Nop.Plugin.Payments.MyPayGa.Tests.Support;
using Nop.Plugin.Payments.MyPayGa.Tests.Support.Database;
using NUnit.Framework;

namespace Nop.Plugin.Payments.MyPayGa.Tests.Services;

/// <summary>
/// Two plugin hosts — two nodes of a web farm, each with its own process state (order guard, caches, callback
/// coordinator) — over one real PostgreSQL holding the plugin's tables, one store's orders, one MyPayGa, and a host
/// locker that admits everyone (nopCommerce's DistributedCacheLocker is a get then a set). Whatever must happen once
/// happens once because the database says so.
/// </summary>
[TestFixture]
[Category("Database")]
public sealed class FarmTests
{
    private PostgresLedger _ledger = null!;
    private PluginHarness _a = null!;
    private PluginHarness _b = null!;
    private PluginHarness.SharedStore _store = null!;

    [SetUp]
    public async Task SetUp()
    {
        _ledger = await PostgresLedger.CreateAsync();
        _store = new PluginHarness.SharedStore(new OrderBook(), _ledger.Attempts, _ledger.Refunds, _ledger.Claims,
            new ConcurrentDictionary<string, PaymentDetail>(StringComparer.Ordinal), new PermissiveLocker());
        _a = PluginHarness.CreateSharing(_store);
        _b = PluginHarness.CreateSharing(_store);
    }

    [TearDown]
    public async Task TearDown()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
    }

    private PluginHarness Node(int i) => i % 2 == 0 ? _a : _b;

    private static RawCallbackRequest PaidCallback(MyPayGaAttempt attempt) =>
        CallbackHandlerTests.FormCallback(("unique_id", attempt.UniqueId), ("payment_token", attempt.PaymentToken!), ("order_status", "200"));

    [Test]
    public async Task The_tables_carry_the_unique_keys_the_guarantees_rest_on()
    {
        var unique = PostgresLedger.Schemas.SelectMany(s => s.Columns.Where(c => c.UniqueIndex is not null).Select(c => $"{s.TableName}.{c.Name}"));

        Assert.That(unique, Is.EquivalentTo(new[] { "MyPayGaAttempt.ReservationKey", "MyPayGaRefund.LockKey", "MyPayGaClaim.ClaimKey" }));
        Assert.That(PostgresLedger.Schemas.Single(s => s.TableName == "MyPayGaClaim").PostgresDdl(),
            Does.Contain("CREATE UNIQUE INDEX \"UX_MyPayGaClaim_ClaimKey\""));
    }

    [Test]
    public async Task Two_hundred_simultaneous_claims_of_one_key_on_postgres_have_one_winner()
    {
        var wins = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(async () =>
        {
            await using var scope = Node(i).CreateScope();
            return await scope.ServiceProvider.GetRequiredService<IMyPayGaClaimStore>().TryClaimAsync("order-1-paid", 1) is not null;
        })));

        Assert.That(wins.Count(won => won), Is.EqualTo(1));
        Assert.That(_ledger.Claims.Rows, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_stale_claim_is_taken_over_by_exactly_one_of_fifty_callers()
    {
        await using var scope = _a.CreateScope();
        var claims = scope.ServiceProvider.GetRequiredService<IMyPayGaClaimStore>();
        var stale = (await claims.TryClaimAsync("order-2-paid", 2))!;

        var takers = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(async () =>
        {
            await using var inner = Node(i).CreateScope();
            return await inner.ServiceProvider.GetRequiredService<IMyPayGaClaimStore>().TryTakeOverAsync(stale);
        })));

        Assert.That(takers.Count(taken => taken), Is.EqualTo(1));
    }

    [Test]
    public async Task Two_hosts_under_two_hundred_callbacks_polls_and_reconciliations_mark_the_order_paid_once()
    {
        var (order, attempt) = await _a.AddStartedOrderAsync();
        _store.Details[attempt.PaymentToken!] = PluginHarness.Paid(attempt.PaymentToken!, attempt.AmountXaf);
        _a.DetailDelay = _b.DetailDelay = TimeSpan.FromMilliseconds(5);

        using var start = new ManualResetEventSlim();
        var work = new List<Task>();
        for (var i = 0; i < 200; i++)
        {
            var node = Node(i);
            work.Add(Task.Run(async () =>
            {
                await using var scope = node.CreateScope();
                start.Wait();
                var result = await scope.ServiceProvider.GetRequiredService<IMyPayGaCallbackHandler>().HandleAsync(PaidCallback(attempt));
                Assert.That(result.HttpStatusCode, Is.AnyOf(200, 503));
            }));
        }

        for (var i = 0; i < 20; i++)
        {
            var node = Node(i);
            work.Add(Task.Run(async () =>
            {
                start.Wait();
                await node.GetSingleton<IPaymentStatusCache>().GetAsync(_store.Orders.Stored(order.Id));
            }));
        }

        for (var i = 0; i < 4; i++)
        {
            var node = Node(i);
            work.Add(Task.Run(async () =>
            {
                await using var scope = node.CreateScope();
                start.Wait();
                await ActivatorUtilities.CreateInstance<PendingPaymentReconciliationTask>(scope.ServiceProvider).RunAsync();
            }));
        }

        start.Set();
        await Task.WhenAll(work);

        Assert.That(_store.Orders.MarkedPaidCount, Is.EqualTo(1), "one transition for the whole farm");
        Assert.That(_store.Orders.Stored(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
        var notes = _store.Orders.NoteTexts(order.Id);
        Assert.That(notes.Count(n => n.Contains("confirmed by MyPayGa")), Is.EqualTo(1));
        Assert.That(notes.Count(n => n.Contains("failed") || n.Contains("DOUBLE") || n.Contains("does not match")), Is.Zero);
        Assert.That(_a.Stored(attempt).Status, Is.EqualTo(AttemptStatus.Paid));
    }

    [Test]
    public async Task Two_paid_attempts_settled_on_two_hosts_at_once_give_one_transition_and_one_double_payment()
    {
        var (order, first) = await _a.AddStartedOrderAsync();
        var second = await _a.StartAnotherAsync(order);
        _store.Details[first.PaymentToken!] = PluginHarness.Paid(first.PaymentToken!, first.AmountXaf);
        _store.Details[second.PaymentToken!] = PluginHarness.Paid(second.PaymentToken!, second.AmountXaf);

        using var start = new ManualResetEventSlim();
        var work = Enumerable.Range(0, 100).Select(i => Task.Run(async () =>
        {
            await using var scope = Node(i).CreateScope();
            start.Wait();
            await scope.ServiceProvider.GetRequiredService<IMyPayGaCallbackHandler>().HandleAsync(PaidCallback(i % 4 < 2 ? first : second));
        })).ToList();
        start.Set();
        await Task.WhenAll(work);

        Assert.That(_store.Orders.MarkedPaidCount, Is.EqualTo(1));
        Assert.That(new[] { _a.Stored(first).Status, _a.Stored(second).Status },
            Is.EquivalentTo(new[] { AttemptStatus.Paid, AttemptStatus.DoublePayment }));
        Assert.That(_store.Orders.NoteTexts(order.Id).Count(n => n.Contains("DOUBLE PAYMENT")), Is.EqualTo(1));
    }

    [Test]
    public async Task Two_simultaneous_reconciliation_runs_on_two_hosts_do_the_work_once()
    {
        var attempts = new List<MyPayGaAttempt>();
        for (var i = 0; i < 20; i++)
            attempts.Add((await _a.AddStartedOrderAsync()).Attempt);
        _a.DetailDelay = _b.DetailDelay = TimeSpan.FromMilliseconds(20);
        var readsBefore = _a.DetailReads + _b.DetailReads;

        var runs = await Task.WhenAll(Enumerable.Range(0, 2).Select(i => Task.Run(async () =>
        {
            await using var scope = Node(i).CreateScope();
            return await ActivatorUtilities.CreateInstance<PendingPaymentReconciliationTask>(scope.ServiceProvider).RunAsync();
        })));

        Assert.That(runs.Count(r => r is not null), Is.EqualTo(1), "one of the two did the work");
        Assert.That(_a.DetailReads + _b.DetailReads - readsBefore, Is.EqualTo(attempts.Count), "each pending order read once");
        Assert.That(runs.Single(r => r is not null)!.OrdersRead, Is.EqualTo(attempts.Count));
    }

    [Test]
    public async Task Two_admins_on_two_hosts_refunding_at_once_send_one_refund()
    {
        var (order, attempt) = await _a.AddStartedOrderAsync();
        _store.Details[attempt.PaymentToken!] = PluginHarness.Paid(attempt.PaymentToken!, attempt.AmountXaf);
        await _a.Get<IPaymentStatusProcessor>().ProcessAsync(order, StatusTrigger.Callback);
        var created = 0;
        foreach (var node in new[] { _a, _b })
        {
            node.Client.Setup(c => c.CreateRefundAsync(It.IsAny<CreateRefundRequest>(), It.IsAny<CancellationToken>()))
                .Returns(async () =>
                {
                    Interlocked.Increment(ref created);
                    await Task.Delay(50);
                    return new CreateRefundResponse { StatusRequest = new MyPayGaStatus("200"), RefundId = "rfd_farm" };
                });
            node.Client.Setup(c => c.SendRefundAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
                .ReturnsAsync(new SendRefundResponse { RefundStatus = new MyPayGaStatus("200"), Message = "Refund OK." });
        }

        var stored = _store.Orders.Stored(order.Id);
        var paid = _a.Stored(attempt);
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(() =>
            Node(i).Get<IMyPayGaRefundService>().RefundAsync(new RefundCommand(stored, paid, null, RefundReason.OrderRefund, $"admin{i}")))));

        Assert.That(outcomes.Count(o => o.Kind == RefundOutcomeKind.Sent), Is.EqualTo(1));
        Assert.That(created, Is.EqualTo(1));
        Assert.That(_ledger.Refunds.Rows.Where(r => r.Status == RefundStatus.Sent).Sum(r => r.AmountXaf), Is.EqualTo(attempt.AmountXaf));
    }

    [Test]
    public async Task Simultaneous_retries_on_two_hosts_start_one_attempt()
    {
        var (order, first) = await _a.AddStartedOrderAsync();
        _store.Details[first.PaymentToken!] = PluginHarness.Failed(first.PaymentToken!);
        _a.Clock.Advance(TimeSpan.FromMinutes(10));
        _b.Clock.Advance(TimeSpan.FromMinutes(10));

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(() =>
            Node(i).Get<IMyPayGaCheckoutService>().StartAsync(_store.Orders.Stored(order.Id), PaymentChannel.MobileMoney, "066123456"))));

        Assert.That(_ledger.Attempts.Rows.Count(a => a.OrderId == order.Id), Is.EqualTo(2));
        Assert.That(results.Count(r => r.Success), Is.EqualTo(1));
        var pushes = new[] { _a, _b }.Sum(node => node.Client.Invocations.Count(i => i.Method.Name == nameof(IMyPayGaClient.RequestMobilePaymentAsync)));
        Assert.That(pushes, Is.EqualTo(2), "the first push and one retry");
    }
}
