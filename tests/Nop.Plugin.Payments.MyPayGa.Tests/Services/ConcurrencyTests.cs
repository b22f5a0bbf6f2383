using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.MyPayGa.Domain;
using Nop.Plugin.Payments.MyPayGa.Services;
using Nop.Plugin.Payments.MyPayGa.Tests.Support;
using NUnit.Framework;

namespace Nop.Plugin.Payments.MyPayGa.Tests.Services;

[TestFixture]
public sealed class ConcurrencyTests
{
    [Test]
    public async Task Fifty_duplicate_callbacks_at_once_mark_the_order_paid_exactly_once()
    {
        await using var harness = PluginHarness.Create();
        var (order, attempt) = await harness.AddStartedOrderAsync();
        harness.Details[attempt.PaymentToken] = PluginHarness.Paid(attempt.PaymentToken, 10_000m);
        harness.DetailDelay = TimeSpan.FromMilliseconds(10);
        var callback = CallbackHandlerTests.FormCallback(("unique_id", attempt.UniqueId), ("payment_token", attempt.PaymentToken),
            ("order_status", "200"), ("amount", "10000"));

        using var start = new ManualResetEventSlim();
        var requests = Enumerable.Range(0, 50).Select(_ => Task.Run(async () =>
        {
            // Each callback is its own HTTP request: its own DI scope.
            await using var scope = harness.CreateScope();
            var handler = (IMyPayGaCallbackHandler)scope.ServiceProvider.GetService(typeof(IMyPayGaCallbackHandler))!;
            start.Wait();
            return await handler.HandleAsync(callback);
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(requests);

        Assert.That(harness.Orders.MarkedPaidCount, Is.EqualTo(1));
        Assert.That(harness.Orders.Stored(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
        Assert.That(results.Select(r => r.HttpStatusCode), Is.All.EqualTo(200));
        Assert.That(results.Count(r => r.Snapshot!.OrderChanged), Is.EqualTo(1));
        Assert.That(results.Select(r => r.Snapshot!.State), Is.All.AnyOf(PaymentState.Paid, PaymentState.Pending));
        Assert.That(harness.Orders.NoteTexts(order.Id).Count(n => n.Contains("confirmed by MyPayGa")), Is.EqualTo(1));
        Assert.That(harness.Locker.Acquired, Is.GreaterThanOrEqualTo(1));

        // Once all are done, every later check reports it paid.
        var later = await harness.Get<IPaymentStatusProcessor>().ProcessAsync(order, StatusTrigger.Reconciliation);
        Assert.That(later.State, Is.EqualTo(PaymentState.Paid));
    }

    [Test]
    public async Task Callbacks_polls_and_the_reconciliation_racing_on_one_order_still_mark_it_once()
    {
        await using var harness = PluginHarness.Create();
        var (order, attempt) = await harness.AddStartedOrderAsync();
        harness.Details[attempt.PaymentToken] = PluginHarness.Paid(attempt.PaymentToken, 10_000m);
        var triggers = Enum.GetValues<StatusTrigger>();

        var work = Enumerable.Range(0, 40).Select(i => Task.Run(async () =>
        {
            await using var scope = harness.CreateScope();
            var processor = (IPaymentStatusProcessor)scope.ServiceProvider.GetService(typeof(IPaymentStatusProcessor))!;
            return await processor.ProcessAsync(harness.Orders.Stored(order.Id), triggers[i % triggers.Length]);
        }));
        var snapshots = await Task.WhenAll(work);

        Assert.That(harness.Orders.MarkedPaidCount, Is.EqualTo(1));
        Assert.That(snapshots.Count(s => s.OrderChanged), Is.EqualTo(1));
    }
}
