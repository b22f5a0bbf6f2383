using Microsoft.Extensions.DependencyInjection;
using Moq;
using Nop.Core;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Core.Domain.ScheduleTasks;
using Nop.Plugin.Payments.MyPayGa.Domain;
using Nop.Plugin.Payments.MyPayGa.Services;
using Nop.Plugin.Payments.MyPayGa.Tests.Support;
using NUnit.Framework;

namespace Nop.Plugin.Payments.MyPayGa.Tests.Services;

[TestFixture]
public sealed class ReconciliationTaskTests
{
    private const string ExpectedType = "Nop.Plugin.Payments.MyPayGa.Services.PendingPaymentReconciliationTask";

    private PluginHarness _harness = null!;
    private readonly List<int> _orderIds = [];
    private readonly List<ScheduleTask> _tasks = [];

    [SetUp]
    public void SetUp()
    {
        _harness = PluginHarness.Create();
        _orderIds.Clear();
        _tasks.Clear();
        SetupScheduleTasks();
    }

    [TearDown]
    public async Task TearDown() => await _harness.DisposeAsync();

    // ---- settling ----

    [Test]
    public async Task A_pending_order_mypayga_reports_paid_is_marked_paid()
    {
        var (order, attempt) = await StartedOrderAsync();
        _harness.Details[attempt.PaymentToken!] = PluginHarness.Paid(attempt.PaymentToken!, attempt.AmountXaf);

        await RunAsync(DateTime.UtcNow);

        Assert.That(_harness.Orders.Stored(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
        Assert.That(_harness.Orders.MarkedPaidCount, Is.EqualTo(1));
        Assert.That(_harness.Orders.CancelledCount, Is.Zero);
    }

    [Test]
    public async Task A_young_order_still_pending_is_left_alone()
    {
        var (order, _) = await StartedOrderAsync();

        await RunAsync(DateTime.UtcNow.AddMinutes(30));

        var stored = _harness.Orders.Stored(order.Id);
        Assert.That(stored.PaymentStatus, Is.EqualTo(PaymentStatus.Pending));
        Assert.That(stored.OrderStatus, Is.EqualTo(OrderStatus.Pending));
        Assert.That(_harness.Orders.CancelledCount, Is.Zero);
        Assert.That(_harness.DetailReads, Is.GreaterThan(0), "the task asked MyPayGa");
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task An_order_past_the_expiry_is_cancelled_once_with_a_note_and_without_mailing_the_shopper(bool failed)
    {
        var (order, attempt) = await StartedOrderAsync();
        if (failed)
            _harness.Details[attempt.PaymentToken!] = PluginHarness.Failed(attempt.PaymentToken!);
        // A push MyPayGa never calls final is followed for the whole window before its order may expire.
        var later = failed
            ? DateTime.UtcNow.AddMinutes(_harness.StoreSettings.PendingPaymentExpiryMinutes + 1)
            : DateTime.UtcNow.AddHours(_harness.StoreSettings.AttemptFollowHours).AddMinutes(1);

        await RunAsync(later);
        await RunAsync(later.AddMinutes(5));

        Assert.That(_harness.Orders.Stored(order.Id).OrderStatus, Is.EqualTo(OrderStatus.Cancelled));
        Assert.That(_harness.Orders.CancelledCount, Is.EqualTo(1));
        _harness.OrderProcessingService.Verify(s => s.CancelOrderAsync(It.IsAny<Order>(), false), Times.Once);
        _harness.OrderProcessingService.Verify(s => s.CancelOrderAsync(It.IsAny<Order>(), true), Times.Never);
        var expiryNotes = _harness.Orders.NoteTexts(order.Id).Where(n => n.Contains("had not confirmed any payment", StringComparison.Ordinal)).ToList();
        Assert.That(expiryNotes, Has.Count.EqualTo(1));
        Assert.That(expiryNotes[0], Does.StartWith(OrderNotes.Prefix).And.Contain("60 minutes"));
    }

    [Test]
    public async Task An_order_mypayga_reports_paid_is_not_cancelled_even_past_the_expiry()
    {
        var (order, attempt) = await StartedOrderAsync();
        _harness.Details[attempt.PaymentToken!] = PluginHarness.Paid(attempt.PaymentToken!, attempt.AmountXaf);

        await RunAsync(DateTime.UtcNow.AddHours(3));

        var stored = _harness.Orders.Stored(order.Id);
        Assert.That(stored.PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
        Assert.That(stored.OrderStatus, Is.Not.EqualTo(OrderStatus.Cancelled));
        Assert.That(_harness.Orders.CancelledCount, Is.Zero);
    }

    [Test]
    public async Task When_mypayga_cannot_be_read_an_expired_order_is_not_cancelled_and_one_warning_is_logged_per_run()
    {
        var (order, _) = await StartedOrderAsync();
        var (other, _) = await StartedOrderAsync();
        _harness.Client.Setup(c => c.GetPaymentDetailAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(PluginHarness.ProviderDown());

        await RunAsync(DateTime.UtcNow.AddHours(3));

        Assert.That(_harness.Orders.Stored(order.Id).OrderStatus, Is.EqualTo(OrderStatus.Pending));
        Assert.That(_harness.Orders.Stored(other.Id).OrderStatus, Is.EqualTo(OrderStatus.Pending));
        Assert.That(_harness.Orders.CancelledCount, Is.Zero);
        var warnings = _harness.Log.Where(l => l.StartsWith("warning:", StringComparison.Ordinal)).ToList();
        Assert.That(warnings, Has.Count.EqualTo(1), "one summary line, not one per order");
        Assert.That(warnings[0], Does.Contain("2 could not be read"));
        Assert.That(_harness.EverythingWritten, Does.Not.Contain(PluginHarness.SecretKey));
    }

    [Test]
    public async Task An_expiry_of_zero_never_cancels()
    {
        _harness.StoreSettings.PendingPaymentExpiryMinutes = 0;
        var (order, attempt) = await StartedOrderAsync();
        _harness.Details[attempt.PaymentToken!] = PluginHarness.Failed(attempt.PaymentToken!);

        await RunAsync(DateTime.UtcNow.AddYears(1));

        Assert.That(_harness.Orders.Stored(order.Id).OrderStatus, Is.EqualTo(OrderStatus.Pending));
        Assert.That(_harness.Orders.CancelledCount, Is.Zero);
    }

    [Test]
    public async Task The_expiry_is_read_for_the_orders_own_store()
    {
        _harness.Settings[2] = PluginHarness.NewSettings();
        _harness.Settings[2].PendingPaymentExpiryMinutes = 0;
        var (store1Order, attempt1) = await StartedOrderAsync();
        var store2Order = _harness.AddOrder(configure: o => o.StoreId = 2);
        var attempt2 = (await _harness.Get<IMyPayGaCheckoutService>().StartAsync(store2Order, Domain.PaymentChannel.MobileMoney, "074121212")).Attempt!;
        _orderIds.Add(store2Order.Id);
        _harness.Details[attempt1.PaymentToken!] = PluginHarness.Failed(attempt1.PaymentToken!);
        _harness.Details[attempt2.PaymentToken!] = PluginHarness.Failed(attempt2.PaymentToken!);

        await RunAsync(DateTime.UtcNow.AddDays(1));

        Assert.That(_harness.Orders.Stored(store1Order.Id).OrderStatus, Is.EqualTo(OrderStatus.Cancelled));
        Assert.That(_harness.Orders.Stored(store2Order.Id).OrderStatus, Is.EqualTo(OrderStatus.Pending));
    }

    [Test]
    public async Task One_order_that_throws_does_not_stop_the_next()
    {
        var (broken, brokenAttempt) = await StartedOrderAsync();
        var (good, goodAttempt) = await StartedOrderAsync();
        _harness.Client.Setup(c => c.GetPaymentDetailAsync(brokenAttempt.PaymentToken!, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("unexpected answer"));
        _harness.Details[goodAttempt.PaymentToken!] = PluginHarness.Paid(goodAttempt.PaymentToken!, goodAttempt.AmountXaf);

        await RunAsync(DateTime.UtcNow);

        Assert.That(_harness.Orders.Stored(good.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
        Assert.That(_harness.Orders.Stored(broken.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Pending));
        Assert.That(_harness.Log, Has.Some.StartsWith("error:").And.Contain($"order {broken.Id}"));
    }

    [Test]
    public async Task A_cancelled_orders_open_attempt_is_still_followed_and_late_money_is_noticed()
    {
        var (cancelled, attempt) = await StartedOrderAsync();
        var stored = _harness.Orders.Stored(cancelled.Id);
        stored.OrderStatus = OrderStatus.Cancelled;
        _harness.Orders.Save(stored);

        await RunAsync(DateTime.UtcNow.AddHours(1));
        Assert.That(_harness.DetailReads, Is.EqualTo(1), "the push was still open");
        Assert.That(_harness.Orders.CancelledCount, Is.Zero);

        // The shopper approves the old push after the order was cancelled.
        _harness.Details[attempt.PaymentToken!] = PluginHarness.Paid(attempt.PaymentToken!, attempt.AmountXaf);
        await RunAsync(DateTime.UtcNow.AddHours(2));

        Assert.That(_harness.Stored(attempt).Status, Is.EqualTo(AttemptStatus.PaidOrderClosed));
        Assert.That(_harness.Orders.MarkedPaidCount, Is.Zero);
        Assert.That(_harness.Orders.NoteTexts(cancelled.Id), Has.Some.Contains("can no longer be marked as paid"));
        Assert.That(_harness.Log, Has.Some.StartsWith("error:").And.Contain($"order {cancelled.Id}"));
    }

    [Test]
    public async Task A_thousand_stuck_orders_do_not_keep_a_new_paid_order_waiting()
    {
        for (var i = 0; i < 1000; i++)
            await StartedOrderAsync();
        var (fresh, attempt) = await StartedOrderAsync();
        _harness.Details[attempt.PaymentToken!] = PluginHarness.Paid(attempt.PaymentToken!, attempt.AmountXaf);

        await RunAsync(DateTime.UtcNow.AddMinutes(5));

        Assert.That(_harness.Orders.Stored(fresh.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Paid), "settled in the first run");
        Assert.That(_harness.DetailReads, Is.EqualTo(1001), "every pending order read once in the run");
    }

    [Test]
    public async Task Orders_read_least_recently_first_and_never_more_reads_at_once_than_the_setting()
    {
        _harness.StoreSettings.ReconciliationConcurrency = 3;
        for (var i = 0; i < 30; i++)
            await StartedOrderAsync();
        var running = 0;
        var peak = 0;
        _harness.Client.Setup(c => c.GetPaymentDetailAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns(async (string token, CancellationToken _) =>
            {
                var now = Interlocked.Increment(ref running);
                lock (_orderIds)
                    peak = Math.Max(peak, now);
                await Task.Delay(20);
                Interlocked.Decrement(ref running);
                return new global::MyPayGa.Client.Models.PaymentDetailResponse { Payments = [PluginHarness.Pending(token)] };
            });

        await RunAsync(DateTime.UtcNow.AddMinutes(5));

        Assert.That(peak, Is.InRange(2, 3), "bounded by ReconciliationConcurrency, and really concurrent");
        Assert.That(_harness.AllAttempts.Select(a => a.LastReadOnUtc), Has.All.Not.Null);
    }

    [Test]
    public async Task A_second_run_in_the_same_interval_does_nothing_and_a_later_one_runs()
    {
        await StartedOrderAsync();

        await RunAsync(DateTime.UtcNow.AddMinutes(1));
        var reads = _harness.DetailReads;
        await RunAsync(DateTime.UtcNow.AddMinutes(1).AddSeconds(30));
        Assert.That(_harness.DetailReads, Is.EqualTo(reads), "two timers firing together, or a double \"Run now\"");

        await RunAsync(DateTime.UtcNow.AddMinutes(7));
        Assert.That(_harness.DetailReads, Is.GreaterThan(reads));
        var summaries = await PendingPaymentReconciliationTask.GetRecentSummariesAsync(_harness.Get<Nop.Plugin.Payments.MyPayGa.Services.Ledger.IMyPayGaClaimStore>(), 10);
        Assert.That(summaries, Has.Count.EqualTo(2));
        Assert.That(summaries[0].OrdersRead, Is.EqualTo(1));
    }

    [Test]
    public void The_task_is_created_from_the_plugins_services_as_nopcommerce_does()
    {
        using var scope = _harness.CreateScope();
        var task = ActivatorUtilities.CreateInstance(scope.ServiceProvider,
            Type.GetType(ExpectedType + ", Nop.Plugin.Payments.MyPayGa", throwOnError: true)!);
        Assert.That(task, Is.InstanceOf<Nop.Services.ScheduleTasks.IScheduleTask>());
    }

    // ---- registration ----

    [Test]
    public async Task Install_registers_the_task_once_and_uninstall_deletes_it()
    {
        var plugin = _harness.CreatePaymentMethod();

        await plugin.InstallAsync();
        await plugin.InstallAsync();

        Assert.That(_tasks, Has.Count.EqualTo(1));
        var task = _tasks[0];
        Assert.That(task.Name, Is.EqualTo("MyPayGa: settle pending payments"));
        Assert.That(task.Type, Is.EqualTo(ExpectedType));
        Assert.That(task.Seconds, Is.EqualTo(300));
        Assert.That(task.Enabled, Is.True);
        Assert.That(task.StopOnError, Is.False);
        Assert.That(task.LastEnabledUtc, Is.EqualTo(DateTime.UtcNow).Within(TimeSpan.FromMinutes(1)));

        await plugin.UninstallAsync();

        Assert.That(_tasks, Is.Empty);
    }

    [Test]
    public async Task Update_adds_the_task_when_missing_and_not_twice()
    {
        var plugin = _harness.CreatePaymentMethod();

        await plugin.UpdateAsync("4.90.0", "4.90.1");
        await plugin.UpdateAsync("4.90.0", "4.90.1");

        Assert.That(_tasks.Select(t => t.Type), Is.EqualTo(new[] { ExpectedType }));
    }

    // ---- helpers ----

    private async Task RunAsync(DateTime nowUtc)
    {
        await using var scope = _harness.CreateScope();
        var task = ActivatorUtilities.CreateInstance<PendingPaymentReconciliationTask>(scope.ServiceProvider);
        _harness.Clock.Advance(nowUtc - _harness.Clock.GetUtcNow().UtcDateTime);
        await task.RunAsync();
    }

    private async Task<(Order Order, Domain.MyPayGaAttempt Attempt)> StartedOrderAsync()
    {
        var started = await _harness.AddStartedOrderAsync();
        _orderIds.Add(started.Order.Id);
        return started;
    }

    private void SetupScheduleTasks()
    {
        _harness.ScheduleTaskService.Setup(s => s.GetTaskByTypeAsync(It.IsAny<string>()))
            .ReturnsAsync((string type) => _tasks.FirstOrDefault(t => t.Type == type)!);
        _harness.ScheduleTaskService.Setup(s => s.InsertTaskAsync(It.IsAny<ScheduleTask>()))
            .Returns((ScheduleTask t) => { _tasks.Add(t); return Task.CompletedTask; });
        _harness.ScheduleTaskService.Setup(s => s.DeleteTaskAsync(It.IsAny<ScheduleTask>()))
            .Returns((ScheduleTask t) => { _tasks.Remove(t); return Task.CompletedTask; });
    }
}
