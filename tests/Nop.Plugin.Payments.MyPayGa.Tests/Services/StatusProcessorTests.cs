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

[TestFixture]
public sealed class StatusProcessorTests
{
    private PluginHarness _harness = null!;

    [SetUp]
    public void SetUp() => _harness = PluginHarness.Create();

    [TearDown]
    public async Task TearDown() => await _harness.DisposeAsync();

    private Task<PaymentStatusSnapshot> ProcessAsync(Order order, StatusTrigger trigger = StatusTrigger.PendingPage) =>
        _harness.Get<IPaymentStatusProcessor>().ProcessAsync(order, trigger);

    private void AssertUntouched(Order order)
    {
        var stored = _harness.Orders.Stored(order.Id);
        Assert.That(stored.PaymentStatus, Is.EqualTo(PaymentStatus.Pending));
        Assert.That(stored.OrderStatus, Is.EqualTo(OrderStatus.Pending));
        Assert.That(_harness.Orders.MarkedPaidCount, Is.Zero);
        Assert.That(_harness.Orders.CancelledCount, Is.Zero);
    }

    [Test]
    public async Task An_order_without_attempts_is_not_started_and_mypaygas_is_not_asked()
    {
        var order = _harness.AddOrder();

        var snapshot = await ProcessAsync(order);

        Assert.That(snapshot.State, Is.EqualTo(PaymentState.NotStarted));
        Assert.That(_harness.DetailReads, Is.Zero);
    }

    [Test]
    public async Task Paid_for_the_right_amount_marks_the_order_paid_through_nopcommerce()
    {
        var (order, attempt) = await _harness.AddStartedOrderAsync(total: 10_000m);
        _harness.Details[attempt.PaymentToken!] = PluginHarness.Paid(attempt.PaymentToken!, 10_000m, "Success");

        var snapshot = await ProcessAsync(order, StatusTrigger.Callback);

        Assert.That(snapshot.State, Is.EqualTo(PaymentState.Paid));
        Assert.That(snapshot.OrderChanged, Is.True);
        Assert.That(snapshot.Attempt!.PaymentToken, Is.EqualTo(attempt.PaymentToken!));
        var stored = _harness.Orders.Stored(order.Id);
        Assert.That(stored.PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
        Assert.That(stored.CaptureTransactionId, Is.EqualTo(attempt.PaymentToken!));
        _harness.OrderProcessingService.Verify(s => s.MarkOrderAsPaidAsync(It.Is<Order>(o => o.Id == order.Id)), Times.Once);
        Assert.That(_harness.Orders.NoteTexts(order.Id), Has.Some.Contains(attempt.UniqueId).And.Some.Contains("10,000 XAF"));
        Assert.That(order.PaymentStatus, Is.EqualTo(PaymentStatus.Paid), "the caller's copy reflects the change");
    }

    [Test]
    public async Task A_second_check_of_a_paid_order_changes_nothing()
    {
        var (order, attempt) = await _harness.AddStartedOrderAsync();
        _harness.Details[attempt.PaymentToken!] = PluginHarness.Paid(attempt.PaymentToken!, 10_000m);
        await ProcessAsync(order);
        var notes = _harness.Orders.NoteTexts(order.Id).Count;

        var again = await ProcessAsync(_harness.Orders.Stored(order.Id));
        var fromStaleCopy = await ProcessAsync(order);

        Assert.That(again.State, Is.EqualTo(PaymentState.Paid));
        Assert.That(again.OrderChanged, Is.False);
        Assert.That(fromStaleCopy.State, Is.EqualTo(PaymentState.Paid));
        Assert.That(fromStaleCopy.OrderChanged, Is.False);
        Assert.That(_harness.Orders.MarkedPaidCount, Is.EqualTo(1));
        Assert.That(_harness.Orders.NoteTexts(order.Id), Has.Count.EqualTo(notes));
    }

    [Test]
    public async Task A_stale_copy_of_an_order_paid_meanwhile_is_not_marked_again()
    {
        var (order, attempt) = await _harness.AddStartedOrderAsync();
        var stored = _harness.Orders.Stored(order.Id);
        stored.PaymentStatus = PaymentStatus.Paid;
        _harness.Orders.Save(stored);
        _harness.Details[attempt.PaymentToken!] = PluginHarness.Paid(attempt.PaymentToken!, 10_000m);

        var snapshot = await ProcessAsync(order); // still says Pending

        Assert.That(snapshot.State, Is.EqualTo(PaymentState.Paid));
        Assert.That(snapshot.OrderChanged, Is.False);
        _harness.OrderProcessingService.Verify(s => s.MarkOrderAsPaidAsync(It.IsAny<Order>()), Times.Never);
    }

    [Test]
    public async Task Pending_stays_pending()
    {
        var (order, _) = await _harness.AddStartedOrderAsync();

        var snapshot = await ProcessAsync(order);

        Assert.That(snapshot.State, Is.EqualTo(PaymentState.Pending));
        Assert.That(snapshot.OrderChanged, Is.False);
        AssertUntouched(order);
    }

    [Test]
    public async Task Paid_with_risk_is_held_for_review_with_one_note_when_the_store_holds_such_payments()
    {
        _harness.StoreSettings.RiskyCardPolicy = RiskyCardPolicy.HoldForReview;
        var (order, attempt) = await _harness.AddStartedOrderAsync(channel: PaymentChannel.Card, phone: null);
        _harness.Details[attempt.PaymentToken!] = PluginHarness.Paid(attempt.PaymentToken!, 10_000m, "Acceptée avec Risk");
        var notesBefore = _harness.Orders.NoteTexts(order.Id).Count;

        var first = await ProcessAsync(order);
        var second = await ProcessAsync(order);
        var third = await ProcessAsync(order);

        Assert.That(new[] { first.State, second.State, third.State }, Is.All.EqualTo(PaymentState.HeldForReview));
        AssertUntouched(order);
        var newNotes = _harness.Orders.NoteTexts(order.Id).Skip(notesBefore).ToList();
        Assert.That(newNotes, Has.Count.EqualTo(1), "one note, not one per poll");
        Assert.That(newNotes[0], Does.Contain("risk").IgnoreCase.And.Contain(attempt.UniqueId));
    }

    [Test]
    public async Task Paid_with_risk_is_marked_paid_with_a_risk_note_when_the_store_accepts_such_payments()
    {
        _harness.StoreSettings.RiskyCardPolicy = RiskyCardPolicy.MarkPaid;
        var (order, attempt) = await _harness.AddStartedOrderAsync(channel: PaymentChannel.Card, phone: null);
        _harness.Details[attempt.PaymentToken!] = PluginHarness.Paid(attempt.PaymentToken!, 10_000m, "Acceptée avec Risk");

        var snapshot = await ProcessAsync(order);

        Assert.That(snapshot.State, Is.EqualTo(PaymentState.Paid));
        Assert.That(_harness.Orders.Stored(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
        Assert.That(_harness.Orders.NoteTexts(order.Id), Has.Some.Contains("RISK WARNING"));
    }

    [Test]
    public async Task Failed_is_reported_with_one_note_and_the_order_left_for_a_retry()
    {
        var (order, attempt) = await _harness.AddStartedOrderAsync();
        _harness.Details[attempt.PaymentToken!] = PluginHarness.Failed(attempt.PaymentToken!, "Refus solde ins");
        var notesBefore = _harness.Orders.NoteTexts(order.Id).Count;

        var first = await ProcessAsync(order);
        var second = await ProcessAsync(order);

        Assert.That(first.State, Is.EqualTo(PaymentState.Failed));
        Assert.That(first.ProviderMessage, Is.EqualTo("Refus solde ins"));
        Assert.That(second.State, Is.EqualTo(PaymentState.Failed));
        AssertUntouched(order);
        var newNotes = _harness.Orders.NoteTexts(order.Id).Skip(notesBefore).ToList();
        Assert.That(newNotes, Has.Count.EqualTo(1));
        Assert.That(newNotes[0], Does.Contain("Refus solde ins"));
        Assert.That(await _harness.CreatePaymentMethod().CanRePostProcessPaymentAsync(_harness.Orders.Stored(order.Id)), Is.True);
    }

    [Test]
    public async Task Failed_cancels_the_order_and_tells_the_customer_when_the_store_asks_for_it()
    {
        _harness.StoreSettings.CancelOrderOnFailure = true;
        var (order, attempt) = await _harness.AddStartedOrderAsync();
        _harness.Details[attempt.PaymentToken!] = PluginHarness.Failed(attempt.PaymentToken!);

        var snapshot = await ProcessAsync(order);
        var again = await ProcessAsync(order);

        Assert.That(snapshot.State, Is.EqualTo(PaymentState.Failed));
        Assert.That(snapshot.OrderChanged, Is.True);
        Assert.That(again.OrderChanged, Is.False);
        Assert.That(_harness.Orders.Stored(order.Id).OrderStatus, Is.EqualTo(OrderStatus.Cancelled));
        _harness.OrderProcessingService.Verify(s => s.CancelOrderAsync(It.Is<Order>(o => o.Id == order.Id), true), Times.Once);
        Assert.That(await _harness.CreatePaymentMethod().CanRePostProcessPaymentAsync(_harness.Orders.Stored(order.Id)), Is.False);
    }

    [Test]
    public async Task Failed_does_not_cancel_while_an_older_push_may_still_be_approved()
    {
        _harness.StoreSettings.CancelOrderOnFailure = true;
        var (order, first) = await _harness.AddStartedOrderAsync();
        var second = await _harness.StartAnotherAsync(order, phone: "066123456");
        _harness.Details[second.PaymentToken!] = PluginHarness.Failed(second.PaymentToken!);
        // first: still pending at MyPayGa

        var snapshot = await ProcessAsync(order);

        Assert.That(snapshot.State, Is.EqualTo(PaymentState.Failed), "the shopper sees the newest attempt and may try again");
        Assert.That(_harness.Orders.CancelledCount, Is.Zero, "the older push is still followed");
        Assert.That(_harness.Stored(first).Status, Is.EqualTo(AttemptStatus.Open));
        Assert.That(first.PaymentToken!, Is.Not.EqualTo(second.PaymentToken!));
    }

    [Test]
    public async Task A_paid_older_attempt_counts_even_when_the_newest_is_pending()
    {
        var (order, first) = await _harness.AddStartedOrderAsync();
        var second = await _harness.StartAnotherAsync(order, phone: "066123456");
        _harness.Details[first.PaymentToken!] = PluginHarness.Paid(first.PaymentToken!, 10_000m);

        var snapshot = await ProcessAsync(order);

        Assert.That(snapshot.State, Is.EqualTo(PaymentState.Paid));
        Assert.That(snapshot.Attempt!.PaymentToken, Is.EqualTo(first.PaymentToken!));
        Assert.That(_harness.Orders.Stored(order.Id).CaptureTransactionId, Is.EqualTo(first.PaymentToken!));
        Assert.That(second.Number, Is.EqualTo(2));
    }

    [Test]
    public async Task Every_open_attempt_is_read_newest_first_and_final_ones_are_never_read_again()
    {
        var (order, _) = await _harness.AddStartedOrderAsync();
        for (var i = 0; i < 4; i++)
            await _harness.StartAnotherAsync(order);
        var attempts = _harness.AttemptsOf(order);

        var readTokens = new List<string>();
        _harness.Client.Setup(c => c.GetPaymentDetailAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string token, CancellationToken _) =>
            {
                lock (readTokens)
                    readTokens.Add(token);
                return new PaymentDetailResponse { Payments = [PluginHarness.Failed(token)] };
            });

        await ProcessAsync(order);
        Assert.That(readTokens, Is.EqualTo(attempts.AsEnumerable().Reverse().Select(a => a.PaymentToken!)),
            "five attempts, five reads: an old push approved late is never missed");

        readTokens.Clear();
        await ProcessAsync(order);
        Assert.That(readTokens, Is.Empty, "all five are final");
        Assert.That(_harness.AttemptsOf(order).Select(a => a.Status), Is.All.EqualTo(AttemptStatus.Failed));
        Assert.That(_harness.Orders.NoteTexts(order.Id).Count(n => n.Contains("failed", StringComparison.OrdinalIgnoreCase) && n.Contains("MyPayGa says")),
            Is.LessThanOrEqualTo(5));
    }

    [Test]
    public async Task When_mypaygas_cannot_be_read_nothing_changes_and_a_warning_is_logged()
    {
        var (order, attempt) = await _harness.AddStartedOrderAsync();
        var notesBefore = _harness.Orders.NoteTexts(order.Id).Count;
        _harness.Client.Setup(c => c.GetPaymentDetailAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new MyPayGaException(MyPayGaErrorKind.Timeout, "paiement-detail",
                "No answer from https://api.mypayga.com/payment/paiement-detail?apikey=[redacted]"));

        var snapshot = await ProcessAsync(order);

        Assert.That(snapshot.State, Is.EqualTo(PaymentState.ProviderUnavailable));
        Assert.That(snapshot.Attempt!.PaymentToken, Is.EqualTo(attempt.PaymentToken!));
        AssertUntouched(order);
        Assert.That(_harness.Orders.NoteTexts(order.Id), Has.Count.EqualTo(notesBefore));
        Assert.That(_harness.Log, Has.Some.StartsWith("warning:").And.Some.Contains("paiement-detail"));
        Assert.That(_harness.EverythingWritten, Does.Not.Contain(PluginHarness.SecretKey));
    }

    [Test]
    public async Task When_the_store_is_no_longer_configured_nothing_changes()
    {
        var (order, _) = await _harness.AddStartedOrderAsync();
        _harness.StoreSettings.TestSecretKey = "";

        var snapshot = await ProcessAsync(order);

        Assert.That(snapshot.State, Is.EqualTo(PaymentState.ProviderUnavailable));
        AssertUntouched(order);
    }

    [TestCase(9_999)]
    [TestCase(10_001)]
    [TestCase(10_000.5)]
    [TestCase(100)]
    public async Task Paid_for_another_amount_is_never_marked_paid(decimal reported)
    {
        var (order, attempt) = await _harness.AddStartedOrderAsync(total: 10_000m);
        _harness.Details[attempt.PaymentToken!] = PluginHarness.Paid(attempt.PaymentToken!, reported);

        var snapshot = await ProcessAsync(order);
        await ProcessAsync(order);

        Assert.That(snapshot.State, Is.EqualTo(PaymentState.AmountMismatch));
        AssertUntouched(order);
        Assert.That(_harness.Orders.NoteTexts(order.Id).Count(n => n.Contains("does not match")), Is.EqualTo(1));
        Assert.That(_harness.Log.Count(l => l.StartsWith("error:") && l.Contains(attempt.UniqueId)), Is.EqualTo(1), "logged once, not on every poll");
    }

    [Test]
    public async Task Paid_without_an_amount_is_never_marked_paid()
    {
        var (order, attempt) = await _harness.AddStartedOrderAsync();
        _harness.Details[attempt.PaymentToken!] = PluginHarness.Paid(attempt.PaymentToken!, 0) with { TotalAmount = null };

        Assert.That((await ProcessAsync(order)).State, Is.EqualTo(PaymentState.AmountMismatch));
        AssertUntouched(order);
    }

    [TestCase(null, true)]
    [TestCase("XAF", true)]
    [TestCase("CFA", true)]
    [TestCase("fcfa", true)]
    [TestCase("EUR", false)]
    [TestCase("XOF", false)]
    public void The_currency_when_given_must_be_the_cfa_franc(string? currency, bool accepted)
    {
        var attempt = new MyPayGaAttempt
        {
            Number = 1,
            UniqueId = "1-1",
            PaymentToken = "t",
            Channel = PaymentChannel.Card,
            AmountXaf = 5000,
            CreatedOnUtc = DateTime.UtcNow,
        };

        Assert.That(PaymentStatusProcessor.AmountMatches(attempt, 5000m, currency, out var why), Is.EqualTo(accepted), why);
        Assert.That(PaymentStatusProcessor.AmountMatches(attempt, 5001m, currency, out _), Is.False);
    }

    [Test]
    public async Task An_answer_about_another_payment_token_is_not_this_attempts_status()
    {
        var (order, attempt) = await _harness.AddStartedOrderAsync();
        _harness.Client.Setup(c => c.GetPaymentDetailAsync(attempt.PaymentToken!, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new PaymentDetailResponse { Payments = [PluginHarness.Paid("tok_someone_else", 10_000m)] });

        var snapshot = await ProcessAsync(order);

        Assert.That(snapshot.State, Is.EqualTo(PaymentState.Pending));
        AssertUntouched(order);
    }

    [Test]
    public async Task Paid_for_a_cancelled_order_is_held_for_a_person_with_a_note()
    {
        var (order, attempt) = await _harness.AddStartedOrderAsync();
        var stored = _harness.Orders.Stored(order.Id);
        stored.OrderStatus = OrderStatus.Cancelled;
        _harness.Orders.Save(stored);
        _harness.Details[attempt.PaymentToken!] = PluginHarness.Paid(attempt.PaymentToken!, 10_000m);

        var snapshot = await ProcessAsync(stored);
        await ProcessAsync(stored);

        Assert.That(snapshot.State, Is.EqualTo(PaymentState.HeldForReview));
        Assert.That(_harness.Orders.MarkedPaidCount, Is.Zero);
        Assert.That(_harness.Orders.NoteTexts(order.Id).Count(n => n.Contains("can no longer be marked as paid")), Is.EqualTo(1));
    }

    [Test]
    public async Task A_busy_order_is_reported_busy_and_unconfirmed_and_nothing_is_decided()
    {
        var (order, attempt) = await _harness.AddStartedOrderAsync();
        _harness.Details[attempt.PaymentToken!] = PluginHarness.Paid(attempt.PaymentToken!, 10_000m);
        var guard = _harness.GetSingleton<OrderGuard>();
        guard.Wait = TimeSpan.FromMilliseconds(200);

        PaymentStatusSnapshot snapshot;
        await using (await guard.TryEnterAsync(order.Id, TimeSpan.Zero))
            snapshot = await ProcessAsync(order, StatusTrigger.Callback);

        Assert.That(snapshot.State, Is.EqualTo(PaymentState.Busy));
        Assert.That(snapshot.Unconfirmed, Is.True, "a callback gets 503 and is delivered again");
        Assert.That(_harness.Orders.MarkedPaidCount, Is.Zero);

        snapshot = await ProcessAsync(order, StatusTrigger.Callback);
        Assert.That(snapshot.State, Is.EqualTo(PaymentState.Paid));
        Assert.That(_harness.Orders.MarkedPaidCount, Is.EqualTo(1));
        Assert.That(guard.ActiveCount, Is.Zero, "nothing left behind");
    }

    [Test]
    public async Task A_holder_that_finishes_soon_is_waited_for_so_the_payment_is_settled()
    {
        var (order, attempt) = await _harness.AddStartedOrderAsync();
        _harness.Details[attempt.PaymentToken!] = PluginHarness.Paid(attempt.PaymentToken!, 10_000m);
        var guard = _harness.GetSingleton<OrderGuard>();
        var held = await guard.TryEnterAsync(order.Id, TimeSpan.Zero);
        _ = Task.Delay(300).ContinueWith(_ => held!.DisposeAsync().AsTask(), TaskScheduler.Default);

        var snapshot = await ProcessAsync(order, StatusTrigger.Callback);

        Assert.That(snapshot.State, Is.EqualTo(PaymentState.Paid));
        Assert.That(snapshot.OrderChanged, Is.True);
        Assert.That(_harness.Orders.MarkedPaidCount, Is.EqualTo(1));
    }

    [Test]
    public async Task Settings_are_those_of_the_orders_store()
    {
        _harness.Settings[2] = PluginHarness.NewSettings();
        _harness.Settings[2].CancelOrderOnFailure = true;
        var (order, attempt) = await _harness.AddStartedOrderAsync();
        var stored = _harness.Orders.Stored(order.Id);
        stored.StoreId = 2;
        _harness.Orders.Save(stored);
        _harness.Details[attempt.PaymentToken!] = PluginHarness.Failed(attempt.PaymentToken!);

        await ProcessAsync(stored);

        Assert.That(_harness.Orders.Stored(order.Id).OrderStatus, Is.EqualTo(OrderStatus.Cancelled));
        _harness.SettingService.Verify(s => s.LoadSettingAsync<MyPayGaSettings>(2), Times.AtLeastOnce);
    }
}
