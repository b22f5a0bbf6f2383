using Microsoft.Extensions.DependencyInjection;
using Moq;
using MyPayGa.Client.Models;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.MyPayGa.Domain;
using Nop.Plugin.Payments.MyPayGa.Services;
using Nop.Plugin.Payments.MyPayGa.Tests.Support;
using NUnit.Framework;
using static Nop.Plugin.Payments.MyPayGa.Localization.LocaleResources;

namespace Nop.Plugin.Payments.MyPayGa.Tests.Services;

/// <summary>
/// Every push or card form is an attempt followed until MyPayGa calls it final: a push approved late, an abandoned card
/// form that completes, a second payment — nothing is missed, nothing is silent, nothing is paid twice.
/// </summary>
[TestFixture]
public sealed class AttemptFollowingTests
{
    private PluginHarness _harness = null!;

    [SetUp]
    public void SetUp() => _harness = PluginHarness.Create();

    [TearDown]
    public async Task TearDown() => await _harness.DisposeAsync();

    private Task<PaymentStatusSnapshot> CheckAsync(Order order, StatusTrigger trigger = StatusTrigger.Reconciliation) =>
        _harness.Get<IPaymentStatusProcessor>().ProcessAsync(_harness.Orders.Stored(order.Id), trigger);

    private async Task RunReconciliationAsync()
    {
        await using var scope = _harness.CreateScope();
        await ActivatorUtilities.CreateInstance<PendingPaymentReconciliationTask>(scope.ServiceProvider).RunAsync();
        _harness.Clock.Advance(PendingPaymentReconciliationTask.MinimumSpacing);
    }

    [Test]
    public async Task The_oldest_of_five_pushes_approved_late_is_read_and_pays_the_order()
    {
        var (order, first) = await _harness.AddStartedOrderAsync();
        for (var i = 0; i < 4; i++)
        {
            var next = await _harness.StartAnotherAsync(order);
            _harness.Details[next.PaymentToken!] = PluginHarness.Failed(next.PaymentToken!);
        }

        await CheckAsync(order);
        Assert.That(_harness.Orders.Stored(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Pending));

        // The shopper finally approves the very first prompt.
        _harness.Details[first.PaymentToken!] = PluginHarness.Paid(first.PaymentToken!, first.AmountXaf);
        await RunReconciliationAsync();

        Assert.That(_harness.Orders.Stored(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
        Assert.That(_harness.Orders.Stored(order.Id).CaptureTransactionId, Is.EqualTo(first.PaymentToken));
    }

    [Test]
    public async Task A_callback_naming_an_attempt_thought_failed_is_read_again_and_late_money_is_taken_into_account()
    {
        var (order, attempt) = await _harness.AddStartedOrderAsync();
        _harness.Details[attempt.PaymentToken!] = PluginHarness.Failed(attempt.PaymentToken!);
        await CheckAsync(order);
        Assert.That(_harness.Stored(attempt).Status, Is.EqualTo(AttemptStatus.Failed));

        // MyPayGa changes its mind (or was late): its callback names the attempt.
        _harness.Details[attempt.PaymentToken!] = PluginHarness.Paid(attempt.PaymentToken!, attempt.AmountXaf);
        var result = await _harness.Get<IMyPayGaCallbackHandler>().HandleAsync(CallbackHandlerTests.FormCallback(
            ("payment_token", attempt.PaymentToken!), ("order_status", "200")));

        Assert.That(result.HttpStatusCode, Is.EqualTo(200));
        Assert.That(_harness.Orders.Stored(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
    }

    [Test]
    public async Task After_the_order_is_paid_its_other_open_attempts_are_followed_and_a_second_payment_is_a_double_payment()
    {
        var (order, first) = await _harness.AddStartedOrderAsync();
        var second = await _harness.StartAnotherAsync(order, PaymentChannel.Card);
        _harness.Details[second.PaymentToken!] = PluginHarness.Paid(second.PaymentToken!, second.AmountXaf);
        await CheckAsync(order, StatusTrigger.ReturnPage);
        Assert.That(_harness.Orders.Stored(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Paid));

        // The shopper's phone prompt is approved too, minutes later.
        _harness.Details[first.PaymentToken!] = PluginHarness.Paid(first.PaymentToken!, first.AmountXaf);
        await CheckAsync(order, StatusTrigger.PendingPage);
        Assert.That(_harness.Stored(first).Status, Is.EqualTo(AttemptStatus.Open), "the shopper's page of a paid order reads nothing");
        await RunReconciliationAsync();
        await RunReconciliationAsync();

        Assert.That(_harness.Stored(first).Status, Is.EqualTo(AttemptStatus.DoublePayment));
        Assert.That(_harness.Orders.MarkedPaidCount, Is.EqualTo(1));
        var notes = _harness.Orders.NoteTexts(order.Id).Where(n => n.Contains("DOUBLE PAYMENT")).ToList();
        Assert.That(notes, Has.Count.EqualTo(1));
        Assert.That(notes[0], Does.Contain(first.UniqueId).And.Contain(first.PaymentToken));
        Assert.That(_harness.Log.Count(l => l.StartsWith("error:", StringComparison.Ordinal) && l.Contains($"order {order.Id} was paid twice")), Is.EqualTo(1));
        var review = await _harness.Get<IPaymentAttemptStore>().GetNeedingReviewAsync(10);
        Assert.That(review.Select(a => a.Id), Is.EqualTo(new[] { first.Id }), "listed for the admin");
    }

    [Test]
    public async Task A_double_payment_is_refunded_with_one_action_on_its_own_token_and_only_once()
    {
        var (order, first) = await _harness.AddStartedOrderAsync();
        var second = await _harness.StartAnotherAsync(order);
        _harness.Details[first.PaymentToken!] = PluginHarness.Paid(first.PaymentToken!, first.AmountXaf);
        _harness.Details[second.PaymentToken!] = PluginHarness.Paid(second.PaymentToken!, second.AmountXaf);
        await CheckAsync(order);
        var doubled = _harness.AttemptsOf(order).Single(a => a.Status == AttemptStatus.DoublePayment);
        _harness.Client.Setup(c => c.CreateRefundAsync(It.IsAny<CreateRefundRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new CreateRefundResponse { StatusRequest = new global::MyPayGa.Client.MyPayGaStatus("200"), RefundId = "rfd_double" });
        _harness.Client.Setup(c => c.SendRefundAsync("rfd_double", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new SendRefundResponse { RefundStatus = new global::MyPayGa.Client.MyPayGaStatus("200"), Message = "Refund OK." });

        var service = _harness.Get<IMyPayGaRefundService>();
        var refund = await service.RefundAsync(new RefundCommand(_harness.Orders.Stored(order.Id), doubled, null, RefundReason.DoublePayment, "admin@shop.ga"));
        var again = await service.RefundAsync(new RefundCommand(_harness.Orders.Stored(order.Id), doubled, null, RefundReason.DoublePayment, "admin@shop.ga"));

        Assert.That(refund.Kind, Is.EqualTo(RefundOutcomeKind.Sent), refund.Message);
        Assert.That(again.Kind, Is.EqualTo(RefundOutcomeKind.Refused));
        _harness.Client.Verify(c => c.CreateRefundAsync(It.Is<CreateRefundRequest>(r => r.PaymentToken == doubled.PaymentToken && r.Amount == doubled.AmountXaf),
            It.IsAny<CancellationToken>()), Times.Once);
        Assert.That(_harness.Orders.Stored(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Paid), "the order keeps its own payment");
    }

    [Test]
    public async Task The_expiry_never_cancels_an_order_whose_push_may_still_be_approved()
    {
        var (order, _) = await _harness.AddStartedOrderAsync();
        _harness.Clock.Advance(TimeSpan.FromMinutes(_harness.StoreSettings.PendingPaymentExpiryMinutes * 3));

        await RunReconciliationAsync();

        Assert.That(_harness.Orders.Stored(order.Id).OrderStatus, Is.EqualTo(OrderStatus.Pending));
        Assert.That(_harness.Orders.CancelledCount, Is.Zero);
    }

    [Test]
    public async Task The_expiry_never_cancels_an_order_holding_money_a_person_must_look_at()
    {
        var (order, attempt) = await _harness.AddStartedOrderAsync();
        _harness.Details[attempt.PaymentToken!] = PluginHarness.Paid(attempt.PaymentToken!, attempt.AmountXaf - 1);
        await CheckAsync(order);
        Assert.That(_harness.Stored(attempt).Status, Is.EqualTo(AttemptStatus.AmountMismatch));
        _harness.Clock.Advance(TimeSpan.FromDays(3));

        await RunReconciliationAsync();

        Assert.That(_harness.Orders.Stored(order.Id).OrderStatus, Is.EqualTo(OrderStatus.Pending));
        Assert.That(_harness.Orders.NoteTexts(order.Id).Count(n => n.Contains("does not match")), Is.EqualTo(1), "noted once");
    }

    [Test]
    public async Task A_new_push_is_refused_while_the_earlier_one_may_still_be_approved_and_allowed_once_it_failed()
    {
        var (order, first) = await _harness.AddStartedOrderAsync();
        var checkout = _harness.Get<IMyPayGaCheckoutService>();

        var refused = await checkout.StartAsync(order, PaymentChannel.MobileMoney, "066123456");

        Assert.That(refused.Success, Is.False);
        Assert.That(refused.Refusal, Is.EqualTo(StartRefusal.EarlierPushMayStillBeApproved));
        Assert.That(refused.ErrorMessage, Does.Contain("074 ••• •12").And.Contain("minute"));
        Assert.That(_harness.AttemptsOf(order), Has.Count.EqualTo(1), "nothing pushed");

        _harness.Details[first.PaymentToken!] = PluginHarness.Failed(first.PaymentToken!);
        var allowed = await checkout.StartAsync(order, PaymentChannel.MobileMoney, "066123456");
        Assert.That(allowed.Success, Is.True, allowed.ErrorMessage);
    }

    [Test]
    public async Task A_new_push_is_allowed_after_the_approval_window_and_the_old_one_is_still_followed()
    {
        var (order, first) = await _harness.AddStartedOrderAsync();

        var second = await _harness.StartAnotherAsync(order);

        Assert.That(second.Number, Is.EqualTo(2));
        Assert.That(_harness.Stored(first).Status, Is.EqualTo(AttemptStatus.Open));
        Assert.That(PaymentStatusProcessor.ChooseAttemptsToRead(_harness.Orders.Stored(order.Id), _harness.AttemptsOf(order),
            StatusTrigger.Reconciliation, StatusCheckOptions.Default, DateTime.UtcNow.AddHours(-48)).Select(a => a.Number), Is.EqualTo(new[] { 2, 1 }));
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task No_new_attempt_while_money_received_waits_for_a_person(bool mismatch)
    {
        _harness.StoreSettings.RiskyCardPolicy = RiskyCardPolicy.HoldForReview;
        var (order, attempt) = await _harness.AddStartedOrderAsync(channel: PaymentChannel.Card);
        _harness.Details[attempt.PaymentToken!] = mismatch
            ? PluginHarness.Paid(attempt.PaymentToken!, attempt.AmountXaf + 500)
            : PluginHarness.Paid(attempt.PaymentToken!, attempt.AmountXaf, "Acceptée avec Risk");
        await CheckAsync(order);

        var result = await _harness.Get<IMyPayGaCheckoutService>().StartAsync(_harness.Orders.Stored(order.Id), PaymentChannel.Card, null);

        Assert.That(result.Success, Is.False);
        Assert.That(result.Refusal, Is.EqualTo(StartRefusal.AwaitingReview));
        Assert.That(result.ErrorMessage, Is.EqualTo(Localization.LocaleResources.English[LedgerKeys.StartAwaitingReview]));
        Assert.That(_harness.AttemptsOf(order), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Once_a_person_decided_about_a_wrong_amount_the_order_is_no_longer_shown_as_under_review_and_may_be_paid_again()
    {
        var (order, attempt) = await _harness.AddStartedOrderAsync();
        _harness.Details[attempt.PaymentToken!] = PluginHarness.Paid(attempt.PaymentToken!, attempt.AmountXaf + 500);
        Assert.That((await CheckAsync(order)).State, Is.EqualTo(PaymentState.AmountMismatch));

        var row = _harness.Stored(attempt);
        row.ReviewedOnUtc = DateTime.UtcNow;
        row.ReviewNote = "admin@shop.ga: refunded";
        await _harness.Attempts.UpdateAsync(row);

        Assert.That((await CheckAsync(order, StatusTrigger.PendingPage)).State, Is.EqualTo(PaymentState.Failed), "the shopper may pay again");
        var next = await _harness.Get<IMyPayGaCheckoutService>().StartAsync(_harness.Orders.Stored(order.Id), PaymentChannel.MobileMoney, "066123456");
        Assert.That(next.Success, Is.True, next.ErrorMessage);
    }

    [Test]
    public async Task Two_tabs_retrying_at_once_start_one_attempt()
    {
        var (order, first) = await _harness.AddStartedOrderAsync();
        _harness.Details[first.PaymentToken!] = PluginHarness.Failed(first.PaymentToken!);
        _harness.DetailDelay = TimeSpan.FromMilliseconds(20);

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() =>
            _harness.Get<IMyPayGaCheckoutService>().StartAsync(_harness.Orders.Stored(order.Id), PaymentChannel.MobileMoney, "066123456"))));

        Assert.That(results.Count(r => r.Success), Is.EqualTo(1));
        Assert.That(_harness.AttemptsOf(order), Has.Count.EqualTo(2));
        Assert.That(results.Where(r => !r.Success).Select(r => r.Refusal),
            Is.All.AnyOf(StartRefusal.AlreadyStarting, StartRefusal.EarlierPushMayStillBeApproved));
    }

    [Test]
    public async Task A_refused_push_is_final_at_once_so_the_shopper_may_try_another_number()
    {
        var order = _harness.AddOrder();
        _harness.Client.Setup(c => c.RequestMobilePaymentAsync(It.IsAny<MobilePaymentRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new global::MyPayGa.Client.MyPayGaException(global::MyPayGa.Client.MyPayGaErrorKind.Rejected, "payment-request", "refused",
                providerStatus: "400", providerMessage: "Dear customer,you have insuffient funds. Thank you."));

        var first = await _harness.Get<IMyPayGaCheckoutService>().StartAsync(order, PaymentChannel.MobileMoney, "074131313");
        _harness.Client.Setup(c => c.RequestMobilePaymentAsync(It.IsAny<MobilePaymentRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new MobilePaymentResponse { StatusRequest = new global::MyPayGa.Client.MyPayGaStatus("200") });
        var second = await _harness.Get<IMyPayGaCheckoutService>().StartAsync(order, PaymentChannel.MobileMoney, "066123456");

        Assert.That(first.Success, Is.False);
        Assert.That(_harness.Stored(first.Attempt!).Status, Is.EqualTo(AttemptStatus.Failed));
        Assert.That(second.Success, Is.True, second.ErrorMessage);
    }

    [Test]
    public async Task A_push_whose_answer_was_lost_stays_open_and_blocks_a_new_push_for_the_window()
    {
        var order = _harness.AddOrder();
        _harness.Client.Setup(c => c.RequestMobilePaymentAsync(It.IsAny<MobilePaymentRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new global::MyPayGa.Client.MyPayGaException(global::MyPayGa.Client.MyPayGaErrorKind.Timeout, "payment-request", "No answer in 20 s"));

        var first = await _harness.Get<IMyPayGaCheckoutService>().StartAsync(order, PaymentChannel.MobileMoney, "074121212");
        var second = await _harness.Get<IMyPayGaCheckoutService>().StartAsync(order, PaymentChannel.MobileMoney, "074121212");

        Assert.That(first.Success, Is.False);
        Assert.That(_harness.Stored(first.Attempt!).Status, Is.EqualTo(AttemptStatus.Open), "the prompt may have reached the phone");
        Assert.That(second.Refusal, Is.EqualTo(StartRefusal.EarlierPushMayStillBeApproved));
    }

    [Test]
    public async Task A_start_whose_gethash_failed_holds_no_money_and_does_not_block_the_next()
    {
        var order = _harness.AddOrder();
        _harness.Client.Setup(c => c.GetHashAsync(It.IsAny<GetHashRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(PluginHarness.ProviderDown("gethash"));

        var failed = await _harness.Get<IMyPayGaCheckoutService>().StartAsync(order, PaymentChannel.MobileMoney, "074121212");

        Assert.That(failed.Success, Is.False);
        var row = _harness.AttemptsOf(order).Single();
        Assert.That(row.Status, Is.EqualTo(AttemptStatus.NotStarted));
        Assert.That(row.PaymentToken, Is.Null);
        Assert.That(PaymentStatusProcessor.ChooseAttemptsToRead(order, [row], StatusTrigger.Reconciliation, StatusCheckOptions.Default, DateTime.MinValue), Is.Empty);

        _harness.Client.Setup(c => c.GetHashAsync(It.IsAny<GetHashRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new GetHashResponse { Code = new global::MyPayGa.Client.MyPayGaStatus("200"), PaymentToken = "tok_after" });
        var next = await _harness.Get<IMyPayGaCheckoutService>().StartAsync(order, PaymentChannel.MobileMoney, "074121212");
        Assert.That(next.Success, Is.True, next.ErrorMessage);
        Assert.That(next.Attempt!.Number, Is.EqualTo(2));
    }
}
