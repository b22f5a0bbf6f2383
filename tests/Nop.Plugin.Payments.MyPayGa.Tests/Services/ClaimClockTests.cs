using Microsoft.Extensions.DependencyInjection;
using Nop.Plugin.Payments.MyPayGa.Domain;
using Nop.Plugin.Payments.MyPayGa.Services;
using Nop.Plugin.Payments.MyPayGa.Services.Ledger;
using Nop.Plugin.Payments.MyPayGa.Tests.Support;
using NUnit.Framework;

namespace Nop.Plugin.Payments.MyPayGa.Tests.Services;

/// <summary>
/// A claim is stamped by the claim store with the database host's clock; whether its holder died is told with that
/// clock, not with the checking instance's TimeProvider. A host whose clock runs ahead (or a test's moved clock) must
/// never take over a claim whose holder is marking the order paid at this very moment.
/// </summary>
[TestFixture]
public sealed class ClaimClockTests
{
    private PluginHarness _harness = null!;

    [SetUp]
    public void SetUp() => _harness = PluginHarness.Create();

    [TearDown]
    public async Task TearDown() => await _harness.DisposeAsync();

    [Test]
    public async Task A_live_claim_to_mark_the_order_paid_is_not_taken_over_however_far_this_instances_clock_has_moved()
    {
        var (order, attempt) = await _harness.AddStartedOrderAsync();
        _harness.Details[attempt.PaymentToken!] = PluginHarness.Paid(attempt.PaymentToken!, attempt.AmountXaf);
        var claims = _harness.Get<IMyPayGaClaimStore>();
        // Another instance is marking the order paid with another attempt right now.
        var peer = (await claims.TryClaimAsync(ClaimKeys.OrderPaid(order.Id), order.Id, "another instance"))!;
        _harness.Clock.Advance(PaymentStatusProcessor.ClaimLease + TimeSpan.FromMinutes(5));

        var peerFinishes = Task.Run(async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            var stored = _harness.Orders.Stored(order.Id);
            stored.CaptureTransactionId = "tok_paid_by_the_other_instance";
            await _harness.Orders.MarkOrderAsPaidAsync(stored);
            await claims.CompleteAsync(peer);
        });
        PaymentStatusSnapshot snapshot;
        await using (var scope = _harness.CreateScope())
            snapshot = await scope.ServiceProvider.GetRequiredService<IPaymentStatusProcessor>()
                .ProcessAsync(_harness.Orders.Stored(order.Id), StatusTrigger.Callback);
        await peerFinishes;

        Assert.That(_harness.Orders.MarkedPaidCount, Is.EqualTo(1), "paid once, by the instance holding the claim");
        Assert.That(_harness.AllClaims.Count(c => c.ClaimKey == ClaimKeys.OrderPaid(order.Id)), Is.EqualTo(1));
        Assert.That(_harness.Stored(attempt).Status, Is.EqualTo(AttemptStatus.DoublePayment), "this attempt's money came second");
        Assert.That(snapshot.State, Is.EqualTo(PaymentState.Paid));
    }

    [Test]
    public async Task A_claim_whose_holder_died_is_taken_over_once_its_lease_has_passed_on_the_claim_stores_clock()
    {
        var (order, attempt) = await _harness.AddStartedOrderAsync();
        _harness.Details[attempt.PaymentToken!] = PluginHarness.Paid(attempt.PaymentToken!, attempt.AmountXaf);
        // A holder that died six minutes ago (by the claim store's clock), before marking the order paid.
        await _harness.Claims.InsertAsync(new MyPayGaClaim
        {
            ClaimKey = ClaimKeys.OrderPaid(order.Id),
            OrderId = order.Id,
            CreatedOnUtc = DateTime.UtcNow - PaymentStatusProcessor.ClaimLease - TimeSpan.FromMinutes(1),
            Owner = "a process that died",
        });

        await using (var scope = _harness.CreateScope())
            await scope.ServiceProvider.GetRequiredService<IPaymentStatusProcessor>().ProcessAsync(_harness.Orders.Stored(order.Id), StatusTrigger.Callback);

        Assert.That(_harness.Orders.MarkedPaidCount, Is.EqualTo(1));
        Assert.That(_harness.Orders.Stored(order.Id).CaptureTransactionId, Is.EqualTo(attempt.PaymentToken));
        var claim = _harness.AllClaims.Single(c => c.ClaimKey == ClaimKeys.OrderPaid(order.Id));
        Assert.That(claim.CompletedOnUtc, Is.Not.Null);
        Assert.That(claim.Owner, Is.Not.EqualTo("a process that died"));
    }
}
