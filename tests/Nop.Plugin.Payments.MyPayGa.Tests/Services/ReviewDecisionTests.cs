using Moq;
using MyPayGa.Client;
using MyPayGa.Client.Models;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.MyPayGa.Domain;
using Nop.Plugin.Payments.MyPayGa.Services;
using Nop.Plugin.Payments.MyPayGa.Services.Ledger;
using Nop.Plugin.Payments.MyPayGa.Tests.Support;
using NUnit.Framework;

namespace Nop.Plugin.Payments.MyPayGa.Tests.Services;

/// <summary>
/// A person's decisions about money MyPayGa received (held for review, amount mismatch, double payment, paid after
/// the order closed): each done exactly once, whatever runs at the same moment, and not recorded when its action did not
/// happen (MyPayGa failing at each step), so that it can be asked again.
/// </summary>
[TestFixture]
public sealed class ReviewDecisionTests
{
    private const string Admin = "owner@shop.ga";
    private PluginHarness _harness = null!;
    private int _created;

    [SetUp]
    public void SetUp()
    {
        _harness = PluginHarness.Create();
        _created = 0;
        RefundsWork();
    }

    [TearDown]
    public async Task TearDown() => await _harness.DisposeAsync();

    private void RefundsWork()
    {
        _harness.Client.Setup(c => c.CreateRefundAsync(It.IsAny<CreateRefundRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => new CreateRefundResponse
            {
                StatusRequest = new MyPayGaStatus("200"),
                Message = "Refund created",
                RefundId = $"rfd_{Interlocked.Increment(ref _created)}",
            });
        _harness.Client.Setup(c => c.SendRefundAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string id, CancellationToken _) => new SendRefundResponse { RefundStatus = new MyPayGaStatus("200"), Message = "Refund OK.", RefundId = id });
    }

    private IMyPayGaReviewDecisionService Decisions => _harness.Get<IMyPayGaReviewDecisionService>();

    private Task<DecisionOutcome> DecideAsync(Order order, MyPayGaAttempt attempt, ReviewDecision decision, string admin = Admin) =>
        Decisions.DecideAsync(new DecisionCommand(order.Id, attempt.Id, decision, admin));

    private async Task<(Order Order, MyPayGaAttempt Attempt)> HeldAsync(Func<Order, Task>? beforeHeld = null)
    {
        var (order, attempt) = await _harness.AddStartedOrderAsync(channel: PaymentChannel.Card);
        if (beforeHeld is not null)
            await beforeHeld(order);
        _harness.Details[attempt.PaymentToken!] = PluginHarness.Paid(attempt.PaymentToken!, attempt.AmountXaf, "Acceptée avec Risk");
        await _harness.Get<IPaymentStatusProcessor>().ProcessAsync(order, StatusTrigger.Callback);
        Assert.That(_harness.Stored(attempt).Status, Is.EqualTo(AttemptStatus.HeldForReview));
        return (_harness.Orders.Stored(order.Id), _harness.Stored(attempt));
    }

    private async Task<(Order Order, MyPayGaAttempt Paid, MyPayGaAttempt Second)> DoublePaidAsync()
    {
        var (order, first) = await _harness.AddStartedOrderAsync();
        var second = await _harness.StartAnotherAsync(order);
        _harness.Details[first.PaymentToken!] = PluginHarness.Paid(first.PaymentToken!, first.AmountXaf);
        _harness.Details[second.PaymentToken!] = PluginHarness.Paid(second.PaymentToken!, second.AmountXaf);
        await _harness.Get<IPaymentStatusProcessor>().ProcessAsync(order, StatusTrigger.Reconciliation);
        var stored = _harness.AttemptsOf(order);
        var doubled = stored.Single(a => a.Status == AttemptStatus.DoublePayment);
        return (_harness.Orders.Stored(order.Id), stored.Single(a => a.Status == AttemptStatus.Paid), doubled);
    }

    [Test]
    public async Task Accepting_a_held_payment_marks_the_order_paid_once_with_a_note_naming_the_admin()
    {
        var (order, attempt) = await HeldAsync();
        Assert.That(Decisions.AvailableDecisions(attempt), Is.EqualTo(new[] { ReviewDecision.Accept, ReviewDecision.RefundAndCancel }));

        var outcome = await DecideAsync(order, attempt, ReviewDecision.Accept);

        Assert.That(outcome.Done, Is.True, outcome.Message);
        var stored = _harness.Orders.Stored(order.Id);
        Assert.That(stored.PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
        Assert.That(stored.CaptureTransactionId, Is.EqualTo(attempt.PaymentToken));
        Assert.That(_harness.Orders.NoteTexts(order.Id).Count(n => n.Contains("accepted by " + Admin)), Is.EqualTo(1));
        var row = _harness.Stored(attempt);
        Assert.That(row.Status, Is.EqualTo(AttemptStatus.Paid));
        Assert.That(row.ReviewedOnUtc, Is.Not.Null);
        Assert.That(row.ReviewNote, Is.EqualTo(Admin + ": Accept"));
        Assert.That(_harness.AllClaims.Single(c => c.ClaimKey == ClaimKeys.AttemptReviewed(attempt.Id)).CompletedOnUtc, Is.Not.Null);
        Assert.That(_harness.AllClaims.Single(c => c.ClaimKey == ClaimKeys.OrderPaid(order.Id)).Detail, Is.EqualTo(attempt.Id.ToString()),
            "the same claim the status processor takes");

        var again = await DecideAsync(order, attempt, ReviewDecision.Accept, "other@shop.ga");
        Assert.That(again.Done, Is.False);
        Assert.That(Decisions.AvailableDecisions(_harness.Stored(attempt)), Is.Empty);
    }

    [Test]
    public async Task Twenty_admins_accepting_at_once_mark_the_order_paid_once_and_the_others_are_told_who_decided()
    {
        var (order, attempt) = await HeldAsync();
        var paidEvents = 0;
        _harness.OrderProcessingService.Setup(s => s.MarkOrderAsPaidAsync(It.IsAny<Order>()))
            .Returns(async (Order o) => { Interlocked.Increment(ref paidEvents); await Task.Delay(20); await _harness.Orders.MarkOrderAsPaidAsync(o); });

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(() => DecideAsync(order, attempt, ReviewDecision.Accept, $"admin{i}@shop.ga"))));

        Assert.That(outcomes.Count(o => o.Done), Is.EqualTo(1));
        Assert.That(paidEvents, Is.EqualTo(1));
        Assert.That(_harness.Orders.NoteTexts(order.Id).Count(n => n.Contains("accepted by admin")), Is.EqualTo(1));
        Assert.That(outcomes.Where(o => !o.Done).Select(o => o.Message), Has.All.Contain("decided"));
    }

    [Test]
    public async Task Accepting_while_a_callback_pays_the_order_with_another_attempt_leaves_one_payment_and_one_to_refund()
    {
        MyPayGaAttempt other = null!;
        var (order, held) = await HeldAsync(async o => other = await _harness.StartAnotherAsync(o));
        _harness.Details[other.PaymentToken!] = PluginHarness.Paid(other.PaymentToken!, other.AmountXaf);
        _harness.OrderProcessingService.Setup(s => s.MarkOrderAsPaidAsync(It.IsAny<Order>()))
            .Returns(async (Order o) => { await Task.Delay(30); await _harness.Orders.MarkOrderAsPaidAsync(o); });

        var processor = _harness.Get<IPaymentStatusProcessor>();
        var callback = Task.Run(() => processor.ProcessAsync(_harness.Orders.Stored(order.Id), StatusTrigger.Callback));
        var accept = Task.Run(() => DecideAsync(order, held, ReviewDecision.Accept));
        await Task.WhenAll(callback, accept);

        var stored = _harness.Orders.Stored(order.Id);
        Assert.That(stored.PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
        Assert.That(_harness.Orders.MarkedPaidCount, Is.EqualTo(1), "the order was marked paid once");
        if (accept.Result.Done)
        {
            Assert.That(stored.CaptureTransactionId, Is.EqualTo(held.PaymentToken));
            // The callback's attempt arrived second: a double payment for a person to refund.
            await processor.ProcessAsync(stored, StatusTrigger.Reconciliation);
            Assert.That(_harness.Stored(other).Status, Is.EqualTo(AttemptStatus.DoublePayment));
        }
        else
        {
            Assert.That(stored.CaptureTransactionId, Is.EqualTo(other.PaymentToken));
            Assert.That(_harness.Stored(held).ReviewedOnUtc, Is.Null, "not decided: the admin can now refund it");
            Assert.That(Decisions.AvailableDecisions(_harness.Stored(held)), Does.Contain(ReviewDecision.RefundAndCancel));
        }
    }

    [Test]
    public async Task Refund_and_cancel_gives_the_money_back_once_then_cancels_the_order_once()
    {
        var (order, attempt) = await HeldAsync();

        var outcome = await DecideAsync(order, attempt, ReviewDecision.RefundAndCancel);

        Assert.That(outcome.Done, Is.True, outcome.Message);
        var refund = _harness.AllRefunds.Single();
        Assert.That((refund.Status, refund.AmountXaf, refund.Reason, refund.RequestedBy),
            Is.EqualTo((RefundStatus.Sent, attempt.AmountXaf, RefundReason.ReviewDecision, Admin)));
        Assert.That(_harness.Orders.Stored(order.Id).OrderStatus, Is.EqualTo(OrderStatus.Cancelled));
        Assert.That(_harness.AllClaims.Count(c => c.ClaimKey == ClaimKeys.OrderCancelled(order.Id)), Is.EqualTo(1));
        Assert.That(_harness.Orders.NoteTexts(order.Id).Count(n => n.Contains("cancelled by " + Admin)), Is.EqualTo(1));
        Assert.That(_harness.Stored(attempt).ReviewNote, Is.EqualTo(Admin + ": RefundAndCancel"));
    }

    [Test]
    public async Task When_mypayga_refuses_the_refund_nothing_is_recorded_the_order_stays_and_the_decision_can_be_asked_again()
    {
        var (order, attempt) = await HeldAsync();
        _harness.Client.Setup(c => c.CreateRefundAsync(It.IsAny<CreateRefundRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new MyPayGaException(MyPayGaErrorKind.Rejected, "refund/create", "refused", providerStatus: "400", providerMessage: "Solde insuffisant"));

        var outcome = await DecideAsync(order, attempt, ReviewDecision.RefundAndCancel);

        Assert.That(outcome.Done, Is.False);
        Assert.That(_harness.Orders.Stored(order.Id).OrderStatus, Is.Not.EqualTo(OrderStatus.Cancelled));
        Assert.That(_harness.Stored(attempt).ReviewedOnUtc, Is.Null);
        Assert.That(_harness.AllClaims.Any(c => c.ClaimKey == ClaimKeys.AttemptReviewed(attempt.Id)), Is.False, "the claim was given back");

        RefundsWork();
        var retried = await DecideAsync(order, attempt, ReviewDecision.RefundAndCancel);
        Assert.That(retried.Done, Is.True, retried.Message);
        Assert.That(_harness.AllRefunds.Count(r => r.Status == RefundStatus.Sent), Is.EqualTo(1));
    }

    [Test]
    public async Task A_lost_answer_to_refund_send_is_not_a_decision_and_the_retry_sends_nothing_new_when_it_went_through()
    {
        var (order, attempt) = await HeldAsync();
        _harness.Client.Setup(c => c.SendRefundAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new MyPayGaException(MyPayGaErrorKind.Timeout, "refund/send", "No answer in 20 s"));

        var first = await DecideAsync(order, attempt, ReviewDecision.RefundAndCancel);

        Assert.That(first.Done, Is.False);
        Assert.That(_harness.AllRefunds.Single().Status, Is.EqualTo(RefundStatus.Unknown));
        Assert.That(_harness.Orders.Stored(order.Id).OrderStatus, Is.Not.EqualTo(OrderStatus.Cancelled));

        // MyPayGa did send it: the retry records it, sends nothing, and carries on with the cancellation.
        _harness.Client.Setup(c => c.GetRefundAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string id, CancellationToken _) => new RefundInfoResponse
            {
                StatusRequest = new MyPayGaStatus("200"),
                Exists = true,
                Refund = new RefundInfo { RefundId = id, Status = new MyPayGaStatus("200"), Amount = attempt.AmountXaf },
            });
        var retried = await DecideAsync(order, attempt, ReviewDecision.RefundAndCancel);

        Assert.That(retried.Done, Is.True, retried.Message);
        _harness.Client.Verify(c => c.CreateRefundAsync(It.IsAny<CreateRefundRequest>(), It.IsAny<CancellationToken>()), Times.Once);
        _harness.Client.Verify(c => c.SendRefundAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Once);
        Assert.That(_harness.Orders.Stored(order.Id).OrderStatus, Is.EqualTo(OrderStatus.Cancelled));
    }

    [Test]
    public async Task An_amount_mismatch_is_refunded_for_what_mypayga_received_and_the_order_stays_unpaid()
    {
        var (order, attempt) = await _harness.AddStartedOrderAsync();
        _harness.Details[attempt.PaymentToken!] = PluginHarness.Paid(attempt.PaymentToken!, attempt.AmountXaf - 4_000);
        await _harness.Get<IPaymentStatusProcessor>().ProcessAsync(order, StatusTrigger.Callback);
        var mismatched = _harness.Stored(attempt);
        Assert.That(mismatched.Status, Is.EqualTo(AttemptStatus.AmountMismatch));
        Assert.That(Decisions.AvailableDecisions(mismatched), Is.EqualTo(new[] { ReviewDecision.RefundReceived }));

        var outcome = await DecideAsync(order, mismatched, ReviewDecision.RefundReceived);

        Assert.That(outcome.Done, Is.True, outcome.Message);
        _harness.Client.Verify(c => c.CreateRefundAsync(It.Is<CreateRefundRequest>(r => r.Amount == attempt.AmountXaf - 4_000 && r.PaymentToken == attempt.PaymentToken),
            It.IsAny<CancellationToken>()), Times.Once);
        Assert.That(_harness.Orders.Stored(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Pending));
        Assert.That(await DecideAsync(order, mismatched, ReviewDecision.Accept) is { Done: false }, "a mismatch is never accepted");
    }

    [Test]
    public async Task A_double_payment_refunded_by_twenty_admins_and_the_reconciliation_at_once_is_refunded_once_on_its_own_token()
    {
        var (order, paid, second) = await DoublePaidAsync();
        _harness.Client.Setup(c => c.CreateRefundAsync(It.IsAny<CreateRefundRequest>(), It.IsAny<CancellationToken>()))
            .Returns(async (CreateRefundRequest r, CancellationToken _) =>
            {
                await Task.Delay(20);
                return new CreateRefundResponse { StatusRequest = new MyPayGaStatus("200"), RefundId = $"rfd_{Interlocked.Increment(ref _created)}" };
            });

        var work = Enumerable.Range(0, 20).Select(i => Task.Run(() => DecideAsync(order, second, ReviewDecision.RefundAttempt, $"admin{i}@shop.ga")))
            .Concat([Task.Run(async () =>
            {
                await _harness.Get<IPaymentStatusProcessor>().ProcessAsync(_harness.Orders.Stored(order.Id), StatusTrigger.Reconciliation);
                return new DecisionOutcome(false, "reconciliation");
            })]);
        var outcomes = await Task.WhenAll(work);

        Assert.That(outcomes.Count(o => o.Done), Is.EqualTo(1));
        _harness.Client.Verify(c => c.CreateRefundAsync(It.Is<CreateRefundRequest>(r => r.PaymentToken == second.PaymentToken), It.IsAny<CancellationToken>()), Times.Once);
        _harness.Client.Verify(c => c.CreateRefundAsync(It.Is<CreateRefundRequest>(r => r.PaymentToken == paid.PaymentToken), It.IsAny<CancellationToken>()), Times.Never);
        Assert.That(_harness.AllRefunds.Single().Reason, Is.EqualTo(RefundReason.DoublePayment));
        Assert.That(_harness.Orders.Stored(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Paid), "the order keeps its payment");
        Assert.That(_harness.Stored(second).ReviewedOnUtc, Is.Not.Null);
    }

    [Test]
    public async Task A_decision_whose_process_died_is_taken_over_after_its_lease_by_one_admin()
    {
        var (order, paid, second) = await DoublePaidAsync();
        var claims = _harness.Get<Nop.Plugin.Payments.MyPayGa.Services.Ledger.IMyPayGaClaimStore>();
        await claims.TryClaimAsync(ClaimKeys.AttemptReviewed(second.Id), order.Id, "RefundAttempt by dead@shop.ga");

        var blocked = await DecideAsync(order, second, ReviewDecision.RefundAttempt);
        Assert.That(blocked.Done, Is.False);
        Assert.That(blocked.Message, Does.Contain("dead@shop.ga"));

        var stale = _harness.AllClaims.Single(c => c.ClaimKey == ClaimKeys.AttemptReviewed(second.Id));
        stale.CreatedOnUtc = DateTime.UtcNow.AddMinutes(-6);
        await _harness.Claims.UpdateAsync(stale, publishEvent: false);
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => Task.Run(() => DecideAsync(order, second, ReviewDecision.RefundAttempt, $"admin{i}@shop.ga"))));

        Assert.That(outcomes.Count(o => o.Done), Is.EqualTo(1));
        Assert.That(_harness.AllRefunds.Count, Is.EqualTo(1));
        Assert.That(paid.Status, Is.EqualTo(AttemptStatus.Paid));
    }

    [Test]
    public async Task A_decision_that_does_not_fit_the_attempt_or_the_order_is_refused_without_doing_anything()
    {
        var (order, paid, second) = await DoublePaidAsync();

        Assert.That((await DecideAsync(order, paid, ReviewDecision.RefundAttempt)).Done, Is.False, "the paying attempt needs no decision");
        Assert.That((await DecideAsync(order, second, ReviewDecision.Accept)).Done, Is.False, "a double payment cannot pay the order again");
        var otherOrder = _harness.AddOrder();
        Assert.That((await Decisions.DecideAsync(new DecisionCommand(otherOrder.Id, second.Id, ReviewDecision.RefundAttempt, Admin))).Done, Is.False,
            "an attempt of another order");
        Assert.That(_harness.AllRefunds, Is.Empty);
        Assert.That(_harness.AllClaims.Any(c => c.ClaimKey.EndsWith("-reviewed", StringComparison.Ordinal)), Is.False);
    }
}
