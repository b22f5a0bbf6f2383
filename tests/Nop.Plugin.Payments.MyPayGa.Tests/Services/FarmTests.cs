using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using MyPayGa.Client;
using MyPayGa.Client.Callbacks;
using MyPayGa.Client.Models;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.MyPayGa.Domain;
using Nop.Plugin.Payments.MyPayGa.Services;
using Nop.Plugin.Payments.MyPayGa.Services.Farm;
using Nop.Plugin.Payments.MyPayGa.Services.Ledger;
using Nop.Plugin.Payments.MyPayGa.Tests.Support;
using Nop.Plugin.Payments.MyPayGa.Tests.Support.Database;
using NUnit.Framework;

namespace Nop.Plugin.Payments.MyPayGa.Tests.Services;

/// <summary>
/// Two plugin hosts — two nodes of a web farm, each with its own process state (order guard, in-flight checks and
/// reads, callback coordinator) — over one real PostgreSQL holding the plugin's tables, one store's orders, one MyPayGa,
/// one real Redis as nopCommerce's distributed cache (each host its own RedisCache), and a host locker that admits
/// everyone (nopCommerce's DistributedCacheLocker is a get then a set). Whatever must happen once happens once because
/// the database says so; what the hosts share through Redis keeps a farm's MyPayGa reads to those of one instance.
/// </summary>
[TestFixture]
[Category("Database")]
public sealed class FarmTests
{
    private PostgresLedger _ledger = null!;
    private PluginHarness _a = null!;
    private PluginHarness _b = null!;
    private PluginHarness.SharedStore _store = null!;

    private RedisServer _redis = null!;
    private string _redisInstance = null!;

    [SetUp]
    public async Task SetUp()
    {
        _ledger = await PostgresLedger.CreateAsync();
        _redis = await RedisServer.GetAsync();
        _redisInstance = RedisServer.NewInstanceName();
        _store = new PluginHarness.SharedStore(new OrderBook(), _ledger.Attempts, _ledger.Refunds, _ledger.Claims,
            new ConcurrentDictionary<string, PaymentDetail>(StringComparer.Ordinal), new PermissiveLocker(), _redis.CacheOptions(_redisInstance));
        _a = PluginHarness.CreateSharing(_store);
        _b = PluginHarness.CreateSharing(_store);
    }

    private int Reads => _a.DetailReads + _b.DetailReads;

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
    public void With_nopcommerces_redis_cache_the_hosts_share_their_state()
    {
        Assert.That(_a.GetSingleton<IPaymentStateStore>(), Is.InstanceOf<DistributedPaymentStateStore>());
        Assert.That(_b.GetSingleton<IPaymentStateStore>().IsShared, Is.True);
        Assert.That(_a.GetSingleton<IPaymentStateStore>(), Is.Not.SameAs(_b.GetSingleton<IPaymentStateStore>()));
    }

    [Test]
    public async Task Ten_tabs_polling_on_each_of_two_hosts_cost_the_provider_reads_of_one_host()
    {
        var (order, _) = await _a.AddStartedOrderAsync();
        foreach (var node in new[] { _a, _b })
        {
            node.StoreSettings.StatusCacheSeconds = 1;
            node.DetailDelay = TimeSpan.FromMilliseconds(20);
        }

        var before = Reads;
        var duration = TimeSpan.FromSeconds(3);
        var watch = Stopwatch.StartNew();
        var tabs = Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
        {
            var node = Node(i);
            var polls = 0;
            while (watch.Elapsed < duration)
            {
                var snapshot = await node.GetSingleton<IPaymentStatusCache>().GetAsync(_store.Orders.Stored(order.Id));
                Assert.That(snapshot.State, Is.EqualTo(PaymentState.Pending));
                Assert.That(snapshot.Attempt?.OrderId, Is.EqualTo(order.Id), "the attempt comes back from the database");
                polls++;
                await Task.Delay(50);
            }

            return polls;
        })).ToList();
        var polls = (await Task.WhenAll(tabs)).Sum();
        var elapsed = watch.Elapsed;

        // One host polled this way reads once when the status expires: once per StatusCacheSeconds, plus the first.
        var oneHostBound = (int)Math.Ceiling(elapsed.TotalSeconds / 1) + 1;
        Assert.That(polls, Is.GreaterThan(200));
        Assert.That(Reads - before, Is.InRange(2, oneHostBound), $"{polls} polls over two hosts in {elapsed.TotalSeconds:0.0} s");
    }

    [Test]
    public async Task A_new_attempt_started_on_one_host_is_seen_at_the_other_hosts_next_poll()
    {
        var (order, first) = await _a.AddStartedOrderAsync();
        _store.Details[first.PaymentToken!] = PluginHarness.Failed(first.PaymentToken!);
        var onB = await _b.GetSingleton<IPaymentStatusCache>().GetAsync(_store.Orders.Stored(order.Id));
        var onA = await _a.GetSingleton<IPaymentStatusCache>().GetAsync(_store.Orders.Stored(order.Id));
        Assert.That(new[] { onA.State, onB.State }, Is.All.EqualTo(PaymentState.Failed));
        Assert.That(Reads, Is.EqualTo(1), "host A's poll used host B's check (a final state is kept a minute)");

        var second = await _a.StartAnotherAsync(order);
        var next = await _b.GetSingleton<IPaymentStatusCache>().GetAsync(_store.Orders.Stored(order.Id));

        Assert.That(next.State, Is.EqualTo(PaymentState.Pending));
        Assert.That(next.Attempt!.Id, Is.EqualTo(second.Id));
        Assert.That((await _a.GetSingleton<IPaymentStatusCache>().GetAsync(_store.Orders.Stored(order.Id))).Attempt!.Id, Is.EqualTo(second.Id));
    }

    [Test]
    public async Task Two_hundred_copies_of_a_callback_split_over_two_hosts_cost_one_provider_read()
    {
        var (order, attempt) = await _a.AddStartedOrderAsync();
        _store.Details[attempt.PaymentToken!] = PluginHarness.Paid(attempt.PaymentToken!, attempt.AmountXaf);
        _a.DetailDelay = _b.DetailDelay = TimeSpan.FromMilliseconds(100);
        var before = Reads;

        var results = await CallbackWaveAsync(attempt, 200);

        Assert.That(results, Is.All.AnyOf(200, 503));
        Assert.That(results.Count(r => r == 200), Is.GreaterThan(100));
        Assert.That(Reads - before, Is.EqualTo(1), "one read for the farm: the other host waited for it (read lease)");
        Assert.That(_store.Orders.MarkedPaidCount, Is.EqualTo(1));
        Assert.That(_a.Stored(attempt).Status, Is.EqualTo(AttemptStatus.Paid));
    }

    [Test]
    public async Task Waves_of_duplicate_callbacks_for_a_pending_payment_cost_one_read_per_wave_for_the_whole_farm()
    {
        var (_, attempt) = await _a.AddStartedOrderAsync();
        _a.DetailDelay = _b.DetailDelay = TimeSpan.FromMilliseconds(200);
        var before = Reads;
        const int waves = 5;

        for (var wave = 0; wave < waves; wave++)
        {
            var results = await CallbackWaveAsync(attempt, 40);
            // Each answered 200 on a read made after it arrived, or in flight then: never on the previous wave's "pending".
            Assert.That(results, Is.All.EqualTo(200));
        }

        // Two hosts reading each on their own would cost two reads a wave.
        Assert.That(Reads - before, Is.InRange(waves, waves + 1));
        Assert.That(_store.Orders.MarkedPaidCount, Is.Zero);
    }

    [Test]
    public async Task What_the_hosts_share_in_redis_holds_no_token_phone_or_key()
    {
        var (order, attempt) = await _a.AddStartedOrderAsync();
        await _b.GetSingleton<IPaymentStatusCache>().GetAsync(_store.Orders.Stored(order.Id));
        _store.Details[attempt.PaymentToken!] = PluginHarness.Paid(attempt.PaymentToken!, attempt.AmountXaf);
        await CallbackWaveAsync(attempt, 4);
        await _a.GetSingleton<IPaymentStatusCache>().GetAsync(_store.Orders.Stored(order.Id));

        var stored = await _redis.DumpAsync(_redisInstance);

        Assert.That(stored.Keys, Has.Some.Contains("status.").And.Some.Contains("read."));
        var everything = string.Join("\n", stored.Select(p => p.Key + "=" + p.Value));
        Assert.That(everything, Does.Not.Contain(attempt.PaymentToken!));
        Assert.That(everything, Does.Not.Contain(attempt.Phone!));
        Assert.That(everything, Does.Not.Contain("74121212"));
        Assert.That(everything, Does.Not.Contain(PluginHarness.SecretKey));
    }

    /// <summary>Copies of a "paid" callback for one attempt, released at once, alternately on each host.</summary>
    private async Task<int[]> CallbackWaveAsync(MyPayGaAttempt attempt, int count)
    {
        using var start = new ManualResetEventSlim();
        var work = Enumerable.Range(0, count).Select(i => Task.Run(async () =>
        {
            await using var scope = Node(i).CreateScope();
            start.Wait();
            return (await scope.ServiceProvider.GetRequiredService<IMyPayGaCallbackHandler>().HandleAsync(PaidCallback(attempt))).HttpStatusCode;
        })).ToList();
        start.Set();
        return await Task.WhenAll(work);
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
