using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using MyPayGa.Client;
using MyPayGa.Client.Models;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.MyPayGa.Domain;
using Nop.Plugin.Payments.MyPayGa.Services;
using Nop.Plugin.Payments.MyPayGa.Tests.Support;
using Nop.Plugin.Payments.MyPayGa.Tests.Support.Database;
using NUnit.Framework;

namespace Nop.Plugin.Payments.MyPayGa.Tests.Services;

/// <summary>
/// What a check costs the store's database. A callback for a payment still pending (the common case, and 200 of them in
/// a burst) and a reconciliation run over thousands of pending orders are paid in round trips to the attempts table:
/// these tests hold them to what the work needs, and hold the shortcut to the same money rules as the full check.
/// </summary>
[TestFixture]
public sealed class RoundTripTests
{
    private PluginHarness _harness = null!;

    [SetUp]
    public void SetUp() => _harness = PluginHarness.Create();

    [TearDown]
    public async Task TearDown() => await _harness.DisposeAsync();

    private InMemoryRepository<MyPayGaAttempt> Table => _harness.AttemptRows;

    private Task<CallbackResult> CallbackAsync(MyPayGaAttempt attempt) =>
        _harness.Get<IMyPayGaCallbackHandler>().HandleAsync(CallbackHandlerTests.FormCallback(
            ("unique_id", attempt.UniqueId), ("payment_token", attempt.PaymentToken), ("order_status", "200"),
            ("amount", attempt.AmountXaf.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("message", "Success")));

    [Test]
    public async Task A_callback_for_a_payment_still_pending_costs_one_query_and_no_second_look_at_the_order()
    {
        var (order, attempt) = await _harness.AddStartedOrderAsync();
        await _harness.StartAnotherAsync(order); // two attempts: both are read, from the one query's rows
        Assert.That(await CallbackAsync(attempt), Is.EqualTo(CallbackResult.Ok)); // records the reads (once a minute)
        _harness.ClearRecords();
        var reads = Table.ReadCount;
        var updates = Table.UpdateCount;

        var result = await CallbackAsync(attempt);

        Assert.That(result, Is.EqualTo(CallbackResult.Ok), "the payment was looked at: 200");
        Assert.That(Table.ReadCount - reads, Is.EqualTo(1), "the attempt named and its order's others come in one query");
        Assert.That(Table.UpdateCount - updates, Is.Zero, "the same answer read again within the minute is not written");
        _harness.Client.Verify(c => c.GetPaymentDetailAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
        _harness.OrderService.Verify(s => s.GetOrderByGuidAsync(It.IsAny<Guid>()), Times.Never, "nothing learned: no second look at the order");
        _harness.OrderProcessingService.VerifyNoOtherCalls();
    }

    [Test]
    public async Task A_pending_read_is_recorded_once_a_minute_on_the_row_as_it_is_stored()
    {
        var (_, attempt) = await _harness.AddStartedOrderAsync();
        await CallbackAsync(attempt);
        var firstRead = _harness.Stored(attempt).LastReadOnUtc!.Value;
        // Meanwhile a signed callback kept the operator's words for the attempt: recording a read must not drop them.
        var stored = _harness.Stored(attempt);
        stored.DisplayMessage = "Vous n'avez pas assez de fonds";
        await _harness.Attempts.UpdateAsync(stored);

        _harness.Clock.Advance(TimeSpan.FromSeconds(61));
        var updates = Table.UpdateCount;
        await CallbackAsync(attempt);

        var after = _harness.Stored(attempt);
        Assert.That(Table.UpdateCount - updates, Is.EqualTo(1));
        Assert.That(after.LastReadOnUtc, Is.GreaterThan(firstRead));
        Assert.That(after.LastProviderStatus, Is.EqualTo(nameof(PaymentOutcome.Pending)));
        Assert.That(after.DisplayMessage, Is.EqualTo("Vous n'avez pas assez de fonds"));
        Assert.That(after.Status, Is.EqualTo(AttemptStatus.Open));
    }

    [Test]
    public async Task An_attempt_another_check_has_settled_meanwhile_is_never_written_back_as_open()
    {
        // The caller's copy says open (read a moment ago); another instance has since recorded the attempt as failed, and a
        // read still answering "pending" (MyPayGa's answers cross on the wire) must not undo that.
        var (order, attempt) = await _harness.AddStartedOrderAsync();
        var callersCopy = _harness.AttemptsOf(order);
        var stored = _harness.Stored(attempt);
        stored.Status = AttemptStatus.Failed;
        stored.FinalOnUtc = _harness.Clock.GetUtcNow().UtcDateTime;
        await _harness.Attempts.UpdateAsync(stored);

        await using (var scope = _harness.CreateScope())
            await scope.ServiceProvider.GetRequiredService<IPaymentStatusProcessor>().ProcessAsync(_harness.Orders.Stored(order.Id),
                StatusTrigger.Callback, new StatusCheckOptions { HintAttemptId = attempt.Id, KnownAttempts = callersCopy });

        Assert.That(_harness.Stored(attempt).Status, Is.EqualTo(AttemptStatus.Failed));
    }

    [Test]
    public async Task Known_attempts_of_another_order_are_ignored()
    {
        var (order, attempt) = await _harness.AddStartedOrderAsync();
        var (other, _) = await _harness.AddStartedOrderAsync();
        _harness.Details[attempt.PaymentToken!] = PluginHarness.Paid(attempt.PaymentToken!, attempt.AmountXaf);

        await using (var scope = _harness.CreateScope())
            await scope.ServiceProvider.GetRequiredService<IPaymentStatusProcessor>().ProcessAsync(_harness.Orders.Stored(order.Id),
                StatusTrigger.Callback, new StatusCheckOptions { KnownAttempts = _harness.AttemptsOf(other) });

        Assert.That(_harness.Orders.Stored(order.Id).PaymentStatus, Is.EqualTo(Nop.Core.Domain.Payments.PaymentStatus.Paid),
            "the order's own attempts were read, not the other order's");
        Assert.That(_harness.Orders.Stored(other.Id).PaymentStatus, Is.EqualTo(Nop.Core.Domain.Payments.PaymentStatus.Pending));
    }

    [Test]
    public async Task Concurrent_checks_of_three_attempts_with_one_unreadable_take_no_shortcut_and_later_pay_the_order_once()
    {
        var (order, first) = await _harness.AddStartedOrderAsync();
        var second = await _harness.StartAnotherAsync(order);
        var third = await _harness.StartAnotherAsync(order);
        var secondDown = true;
        _harness.Client.Setup(c => c.GetPaymentDetailAsync(second.PaymentToken!, It.IsAny<CancellationToken>()))
            .Returns(async (string token, CancellationToken _) =>
            {
                await Task.Yield();
                if (Volatile.Read(ref secondDown))
                    throw PluginHarness.ProviderDown();
                return new PaymentDetailResponse { Code = new MyPayGaStatus("200"), Payments = [PluginHarness.Pending(token)] };
            });
        var cache = _harness.GetSingleton<IPaymentStatusCache>();
        var secondLastRead = _harness.Stored(second).LastReadOnUtc; // read when the third push was started
        _harness.Clock.Advance(TimeSpan.FromMinutes(2)); // every earlier read record is due again

        // MyPayGa answers for two attempts ("pending") but not for the second: nothing may be cut short, every callback
        // must be told to come back, and the unread attempt keeps no trace of a read.
        var whileDown = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() => CallbackAsync(third)))
            .Concat(Enumerable.Range(0, 10).Select(i => Task.Run(async () =>
                (await cache.CheckAsync(_harness.Orders.Stored(order.Id), StatusTrigger.PendingPage)).Unconfirmed ? CallbackResult.RetryLater : CallbackResult.Ok))));

        Assert.That(whileDown, Has.All.EqualTo(CallbackResult.RetryLater));
        Assert.That(_harness.Stored(second).LastReadOnUtc, Is.EqualTo(secondLastRead), "no read recorded for the attempt that could not be read");
        Assert.That(_harness.AttemptsOf(order).Select(a => a.Status), Has.All.EqualTo(AttemptStatus.Open));

        // MyPayGa is back and the third push was approved: callbacks, polls and a reconciliation run at once pay it once.
        Volatile.Write(ref secondDown, false);
        _harness.Details[third.PaymentToken!] = PluginHarness.Paid(third.PaymentToken!, third.AmountXaf);
        var work = Enumerable.Range(0, 40).Select(_ => Task.Run(() => CallbackAsync(third)))
            .Concat(Enumerable.Range(0, 10).Select(_ => Task.Run(async () =>
            {
                await cache.CheckAsync(_harness.Orders.Stored(order.Id), StatusTrigger.PendingPage);
                return CallbackResult.Ok;
            })))
            .Append(Task.Run(async () =>
            {
                await using var scope = _harness.CreateScope();
                await ActivatorUtilities.CreateInstance<PendingPaymentReconciliationTask>(scope.ServiceProvider).RunAsync();
                return CallbackResult.Ok;
            }));
        var afterwards = await Task.WhenAll(work);

        Assert.That(afterwards, Has.All.EqualTo(CallbackResult.Ok));
        Assert.That(_harness.Orders.MarkedPaidCount, Is.EqualTo(1));
        Assert.That(_harness.Orders.Stored(order.Id).CaptureTransactionId, Is.EqualTo(third.PaymentToken));
        Assert.That(_harness.Orders.NoteTexts(order.Id).Count(n => n.Contains("confirmed by MyPayGa", StringComparison.Ordinal)), Is.EqualTo(1),
            "one \"paid\" note");
        Assert.That(_harness.Stored(third).Status, Is.EqualTo(AttemptStatus.Paid));
        Assert.That(new[] { _harness.Stored(first).Status, _harness.Stored(second).Status }, Has.All.EqualTo(AttemptStatus.Open),
            "the order's other pushes are still followed");
        Assert.That(_harness.Stored(second).LastProviderStatus, Is.EqualTo(nameof(PaymentOutcome.Pending)));
    }

    [Test]
    public async Task A_reconciliation_run_reads_the_attempts_table_in_batches_not_order_by_order()
    {
        const int orders = 450;
        for (var i = 0; i < orders; i++)
            await _harness.AddStartedOrderAsync();
        _harness.ClearRecords();
        var reads = Table.ReadCount;
        var updates = Table.UpdateCount;

        await using (var scope = _harness.CreateScope())
            await ActivatorUtilities.CreateInstance<PendingPaymentReconciliationTask>(scope.ServiceProvider).RunAsync();

        _harness.Client.Verify(c => c.GetPaymentDetailAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Exactly(orders));
        Assert.That(Table.UpdateCount - updates, Is.EqualTo(orders), "each read recorded once");
        // Per order: the row re-read before its read is recorded. Per run: the pending orders' rows (1 query per 500), the
        // attempts to follow (1), the workers' batches (1 per 200), the overdue attempts (1); before, ~5 per order.
        Assert.That(Table.ReadCount - reads, Is.LessThanOrEqualTo(orders + 10));
        _harness.OrderService.Verify(s => s.GetOrderByGuidAsync(It.IsAny<Guid>()), Times.Never, "nothing learned: no second look at any order");
        _harness.OrderService.Verify(s => s.GetOrderByIdAsync(It.IsAny<int>()), Times.Exactly(orders),
            "each order loaded once to be checked; the expiry looks at the listed order's age first");
        Assert.That(_harness.AllAttempts.Select(a => a.LastReadOnUtc), Has.All.Not.Null);
    }
}

/// <summary>The one-query lookup of a callback's payment, as PostgreSQL runs it (linq2db translates the correlated subquery).</summary>
[TestFixture]
[Category("Database")]
public sealed class RoundTripDatabaseTests
{
    private PostgresLedger _ledger = null!;
    private PluginHarness _harness = null!;

    [SetUp]
    public async Task SetUp()
    {
        _ledger = await PostgresLedger.CreateAsync();
        _harness = PluginHarness.CreateSharing(new PluginHarness.SharedStore(new OrderBook(), _ledger.Attempts, _ledger.Refunds, _ledger.Claims,
            new ConcurrentDictionary<string, PaymentDetail>(StringComparer.Ordinal)));
    }

    [TearDown]
    public async Task TearDown() => await _harness.DisposeAsync();

    [Test]
    public async Task A_token_brings_its_attempt_and_all_its_orders_attempts_in_one_query()
    {
        var (order, first) = await _harness.AddStartedOrderAsync();
        var second = await _harness.StartAnotherAsync(order);
        var third = await _harness.StartAnotherAsync(order);
        await _harness.AddStartedOrderAsync(); // another order's attempt stays out
        var store = _harness.Get<IPaymentAttemptStore>();
        var reads = _ledger.Attempts.ReadCount;

        var found = await store.FindPaymentAsync(second.UniqueId, second.PaymentToken);

        Assert.That(_ledger.Attempts.ReadCount - reads, Is.EqualTo(1));
        Assert.That(found, Is.Not.Null);
        Assert.That(found!.Order.Id, Is.EqualTo(order.Id));
        Assert.That(found.Attempt!.Id, Is.EqualTo(second.Id));
        Assert.That(found.Attempts.Select(a => a.Id), Is.EqualTo(new[] { first.Id, second.Id, third.Id }), "the order's attempts, oldest first");
    }

    [Test]
    public async Task A_token_with_another_attempts_reference_finds_nothing()
    {
        var (order, first) = await _harness.AddStartedOrderAsync();
        var second = await _harness.StartAnotherAsync(order);
        var store = _harness.Get<IPaymentAttemptStore>();

        Assert.That(await store.FindPaymentAsync(first.UniqueId, second.PaymentToken), Is.Null);
        Assert.That((await store.FindPaymentAsync(first.UniqueId, null))?.Attempt?.Id, Is.EqualTo(first.Id), "a reference alone still finds its attempt");
        Assert.That(await store.FindPaymentAsync(null, "tok_unknown"), Is.Null);
    }

    [Test]
    public async Task The_attempts_of_many_orders_come_back_grouped_by_order_in_few_queries()
    {
        var orders = new List<Order>();
        for (var i = 0; i < 12; i++)
            orders.Add((await _harness.AddStartedOrderAsync()).Order);
        var store = _harness.Get<IPaymentAttemptStore>();
        var reads = _ledger.Attempts.ReadCount;

        var byOrder = await store.GetAttemptsOfOrdersAsync(orders.Select(o => o.Id).Append(999_999).ToList());

        Assert.That(_ledger.Attempts.ReadCount - reads, Is.EqualTo(1));
        Assert.That(byOrder.Keys, Is.EquivalentTo(orders.Select(o => o.Id)), "an order without rows is absent");
        Assert.That(byOrder.Values.Select(a => a.Count), Has.All.EqualTo(1));
    }
}
