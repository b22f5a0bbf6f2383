using Microsoft.Extensions.DependencyInjection;
using Moq;
using MyPayGa.Client.Callbacks;
using MyPayGa.Client.Models;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.MyPayGa.Domain;
using Nop.Plugin.Payments.MyPayGa.Services;
using Nop.Plugin.Payments.MyPayGa.Tests.Support;
using NUnit.Framework;

namespace Nop.Plugin.Payments.MyPayGa.Tests.Services;

/// <summary>
/// One store, many requests at once on one order: MyPayGa's duplicate callbacks, tabs polling, the return page, the
/// admin's "check now" and the reconciliation — with a host locker that admits everyone (the guarantees are the
/// plugin's own). The same scenarios on two hosts sharing a real PostgreSQL are in FarmTests.
/// </summary>
[TestFixture]
public sealed class ConcurrencyTests
{
    private static RawCallbackRequest PaidCallback(MyPayGaAttempt attempt) =>
        CallbackHandlerTests.FormCallback(("unique_id", attempt.UniqueId), ("payment_token", attempt.PaymentToken!),
            ("order_status", "200"), ("amount", attempt.AmountXaf.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private static PluginHarness.SharedStore Permissive() => new(new OrderBook(), new InMemoryRepository<MyPayGaAttempt>(a => a.ReservationKey),
        new InMemoryRepository<MyPayGaRefund>(r => r.LockKey), new InMemoryRepository<MyPayGaClaim>(c => c.ClaimKey),
        new(StringComparer.Ordinal), new PermissiveLocker());

    [Test]
    public async Task Two_hundred_callbacks_polls_and_reconciliations_on_one_order_mark_it_paid_once_whatever_the_locker()
    {
        await using var harness = PluginHarness.CreateSharing(Permissive());
        var (order, attempt) = await harness.AddStartedOrderAsync();
        harness.Details[attempt.PaymentToken!] = PluginHarness.Paid(attempt.PaymentToken!, 10_000m);
        harness.DetailDelay = TimeSpan.FromMilliseconds(5);
        var triggers = Enum.GetValues<StatusTrigger>();

        using var start = new ManualResetEventSlim();
        var work = new List<Task>();
        for (var i = 0; i < 200; i++)
            work.Add(Task.Run(async () =>
            {
                await using var scope = harness.CreateScope();
                start.Wait();
                var result = await scope.ServiceProvider.GetRequiredService<IMyPayGaCallbackHandler>().HandleAsync(PaidCallback(attempt));
                Assert.That(result.HttpStatusCode, Is.AnyOf(200, 503));
            }));
        for (var i = 0; i < 30; i++)
        {
            var trigger = triggers[i % triggers.Length];
            work.Add(Task.Run(async () =>
            {
                await using var scope = harness.CreateScope();
                start.Wait();
                await scope.ServiceProvider.GetRequiredService<IPaymentStatusProcessor>().ProcessAsync(harness.Orders.Stored(order.Id), trigger);
            }));
            work.Add(Task.Run(async () =>
            {
                start.Wait();
                await harness.GetSingleton<IPaymentStatusCache>().GetAsync(harness.Orders.Stored(order.Id));
            }));
        }

        for (var i = 0; i < 3; i++)
            work.Add(Task.Run(async () =>
            {
                await using var scope = harness.CreateScope();
                start.Wait();
                await ActivatorUtilities.CreateInstance<PendingPaymentReconciliationTask>(scope.ServiceProvider).RunAsync();
            }));
        start.Set();
        await Task.WhenAll(work);

        Assert.That(harness.Orders.MarkedPaidCount, Is.EqualTo(1), "one OrderPaidEvent: one e-mail, one set of reward points");
        Assert.That(harness.Orders.Stored(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
        var notes = harness.Orders.NoteTexts(order.Id);
        Assert.That(notes.Count(n => n.Contains("confirmed by MyPayGa")), Is.EqualTo(1), "one paid note");
        Assert.That(notes.Count(n => n.Contains("failed") || n.Contains("held") || n.Contains("does not match") || n.Contains("DOUBLE")), Is.Zero);
        Assert.That(harness.Stored(attempt).Status, Is.EqualTo(AttemptStatus.Paid));
        Assert.That(((PermissiveLocker)harness.Locker).Admitted, Is.Zero, "the plugin does not rely on nopCommerce's locker at all");
    }

    [Test]
    public async Task Two_hundred_copies_of_one_callback_cost_at_most_two_provider_reads_and_a_bounded_number_of_checks()
    {
        await using var harness = PluginHarness.Create();
        var (order, attempt) = await harness.AddStartedOrderAsync();
        harness.Details[attempt.PaymentToken!] = PluginHarness.Paid(attempt.PaymentToken!, 10_000m);
        harness.DetailDelay = TimeSpan.FromMilliseconds(50);
        var readsBefore = harness.DetailReads;

        using var start = new ManualResetEventSlim();
        var requests = Enumerable.Range(0, 200).Select(_ => Task.Run(async () =>
        {
            await using var scope = harness.CreateScope();
            start.Wait();
            return await scope.ServiceProvider.GetRequiredService<IMyPayGaCallbackHandler>().HandleAsync(PaidCallback(attempt));
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(requests);

        Assert.That(harness.DetailReads - readsBefore, Is.LessThanOrEqualTo(2));
        Assert.That(results.Select(r => r.HttpStatusCode), Is.All.EqualTo(200));
        Assert.That(harness.Orders.MarkedPaidCount, Is.EqualTo(1));
        Assert.That(harness.GetSingleton<CallbackCoordinator>().PeakConcurrentChecks, Is.LessThanOrEqualTo(CallbackCoordinator.MaxConcurrentChecks));
    }

    [Test]
    public async Task Different_callbacks_at_once_never_run_more_checks_than_the_bound()
    {
        await using var harness = PluginHarness.Create();
        var attempts = new List<MyPayGaAttempt>();
        for (var i = 0; i < 60; i++)
            attempts.Add((await harness.AddStartedOrderAsync()).Attempt);
        foreach (var attempt in attempts)
            harness.Details[attempt.PaymentToken!] = PluginHarness.Paid(attempt.PaymentToken!, 10_000m);
        harness.DetailDelay = TimeSpan.FromMilliseconds(30);

        var results = await Task.WhenAll(attempts.Select(attempt => Task.Run(async () =>
        {
            await using var scope = harness.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<IMyPayGaCallbackHandler>().HandleAsync(PaidCallback(attempt));
        })));

        Assert.That(harness.GetSingleton<CallbackCoordinator>().PeakConcurrentChecks, Is.InRange(2, CallbackCoordinator.MaxConcurrentChecks));
        Assert.That(results.Select(r => r.HttpStatusCode), Is.All.EqualTo(200));
        Assert.That(harness.Orders.MarkedPaidCount, Is.EqualTo(60));
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public async Task With_mypayga_failing_half_the_reads_rounds_of_concurrent_callbacks_still_pay_once_and_note_once(int seed)
    {
        await using var harness = PluginHarness.CreateSharing(Permissive());
        var (order, first) = await harness.AddStartedOrderAsync();
        var second = await harness.StartAnotherAsync(order);
        harness.Details[first.PaymentToken!] = PluginHarness.Failed(first.PaymentToken!);
        harness.Details[second.PaymentToken!] = PluginHarness.Paid(second.PaymentToken!, second.AmountXaf);
        var random = new Random(seed);
        harness.Client.Setup(c => c.GetPaymentDetailAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns(async (string token, CancellationToken _) =>
            {
                await Task.Yield();
                bool fail;
                lock (random)
                    fail = random.NextDouble() < 0.5;
                if (fail)
                    throw PluginHarness.ProviderDown();
                return new PaymentDetailResponse { Payments = [harness.Details[token]] };
            });

        var answers = new List<int>();
        for (var round = 0; round < 10 && harness.Orders.Stored(order.Id).PaymentStatus != PaymentStatus.Paid; round++)
        {
            var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(async () =>
            {
                await using var scope = harness.CreateScope();
                return await scope.ServiceProvider.GetRequiredService<IMyPayGaCallbackHandler>().HandleAsync(PaidCallback(i % 2 == 0 ? first : second));
            })));
            answers.AddRange(results.Select(r => r.HttpStatusCode));
        }

        Assert.That(harness.Orders.MarkedPaidCount, Is.EqualTo(1));
        Assert.That(answers, Has.Some.EqualTo(503), "a callback MyPayGa could not confirm is asked again");
        var notes = harness.Orders.NoteTexts(order.Id);
        Assert.That(notes.Count(n => n.Contains("confirmed by MyPayGa")), Is.EqualTo(1));
        Assert.That(notes.Count(n => n.Contains(first.UniqueId) && n.Contains("failed", StringComparison.OrdinalIgnoreCase) && !n.Contains("started")),
            Is.LessThanOrEqualTo(1), "the failure of attempt 1 noted at most once");
    }

    [Test]
    public async Task A_database_failing_while_claiming_decides_nothing_and_the_next_delivery_pays_once()
    {
        await using var harness = PluginHarness.Create();
        var (order, attempt) = await harness.AddStartedOrderAsync();
        harness.Details[attempt.PaymentToken!] = PluginHarness.Paid(attempt.PaymentToken!, attempt.AmountXaf);
        harness.ClaimRows.FailInsert = _ => new TimeoutException("database timeout");

        var failed = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(async () =>
        {
            await using var scope = harness.CreateScope();
            try
            {
                return (await scope.ServiceProvider.GetRequiredService<IMyPayGaCallbackHandler>().HandleAsync(PaidCallback(attempt))).HttpStatusCode;
            }
            catch (TimeoutException)
            {
                return 503; // what MyPayGaCallbackController answers to an unexpected failure (CallbackControllerTests)
            }
        })));

        Assert.That(failed, Has.All.EqualTo(503));
        Assert.That(harness.Orders.MarkedPaidCount, Is.Zero, "no claim, no transition");

        harness.ClaimRows.FailInsert = null;
        var ok = await harness.Get<IMyPayGaCallbackHandler>().HandleAsync(PaidCallback(attempt));
        Assert.That(ok.HttpStatusCode, Is.EqualTo(200));
        Assert.That(harness.Orders.MarkedPaidCount, Is.EqualTo(1));
    }

    [Test]
    public async Task Two_attempts_paid_at_the_same_moment_pay_the_order_once_and_the_other_is_a_double_payment()
    {
        await using var harness = PluginHarness.CreateSharing(Permissive());
        var (order, first) = await harness.AddStartedOrderAsync();
        var second = await harness.StartAnotherAsync(order);
        harness.Details[first.PaymentToken!] = PluginHarness.Paid(first.PaymentToken!, 10_000m);
        harness.Details[second.PaymentToken!] = PluginHarness.Paid(second.PaymentToken!, 10_000m);

        using var start = new ManualResetEventSlim();
        var callbacks = Enumerable.Range(0, 100).Select(i => Task.Run(async () =>
        {
            await using var scope = harness.CreateScope();
            start.Wait();
            await scope.ServiceProvider.GetRequiredService<IMyPayGaCallbackHandler>().HandleAsync(PaidCallback(i % 2 == 0 ? first : second));
        })).ToList();
        start.Set();
        await Task.WhenAll(callbacks);

        Assert.That(harness.Orders.MarkedPaidCount, Is.EqualTo(1));
        var statuses = new[] { harness.Stored(first).Status, harness.Stored(second).Status };
        Assert.That(statuses, Is.EquivalentTo(new[] { AttemptStatus.Paid, AttemptStatus.DoublePayment }));
        var notes = harness.Orders.NoteTexts(order.Id);
        Assert.That(notes.Count(n => n.Contains("DOUBLE PAYMENT")), Is.EqualTo(1));
        Assert.That(notes.Count(n => n.Contains("confirmed by MyPayGa")), Is.EqualTo(1));
        Assert.That(harness.Log.Count(l => l.StartsWith("error:", StringComparison.Ordinal) && l.Contains("paid twice")), Is.EqualTo(1));
    }
}
