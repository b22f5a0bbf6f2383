using System.Net;
using Moq;
using MyPayGa.Client;
using MyPayGa.Client.Callbacks;
using MyPayGa.Client.Models;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.MyPayGa.Domain;
using Nop.Plugin.Payments.MyPayGa.Services;
using Nop.Plugin.Payments.MyPayGa.Tests.Support;
using NUnit.Framework;

namespace Nop.Plugin.Payments.MyPayGa.Tests.Services;

[TestFixture]
public sealed class CallbackHandlerTests
{
    private PluginHarness _harness = null!;

    [SetUp]
    public void SetUp() => _harness = PluginHarness.Create();

    [TearDown]
    public async Task TearDown() => await _harness.DisposeAsync();

    private Task<CallbackResult> HandleAsync(RawCallbackRequest request) =>
        _harness.Get<IMyPayGaCallbackHandler>().HandleAsync(request);

    internal static RawCallbackRequest FormCallback(params (string Name, string? Value)[] fields) => new()
    {
        Method = "POST",
        ContentType = "application/x-www-form-urlencoded",
        Body = string.Join("&", fields.Where(f => f.Value is not null)
            .Select(f => $"{WebUtility.UrlEncode(f.Name)}={WebUtility.UrlEncode(f.Value)}")),
    };

    private static RawCallbackRequest PaidClaim(MyPayGaAttempt attempt, string? reference = null, string? token = null, string amount = "10000") =>
        FormCallback(("unique_id", reference ?? attempt.UniqueId), ("payment_token", token ?? attempt.PaymentToken!),
            ("order_status", "200"), ("amount", amount), ("message", "Success"), ("client_phone", "074121212"));

    private void AssertNotPaid(Order order)
    {
        var stored = _harness.Orders.Stored(order.Id);
        Assert.That(stored.PaymentStatus, Is.EqualTo(PaymentStatus.Pending));
        _harness.OrderProcessingService.Verify(s => s.MarkOrderAsPaidAsync(It.Is<Order>(o => o.Id == order.Id)), Times.Never);
    }

    [Test]
    public async Task A_callback_for_a_payment_mypaygas_confirms_marks_the_order_paid()
    {
        var (order, attempt) = await _harness.AddStartedOrderAsync();
        _harness.Details[attempt.PaymentToken!] = PluginHarness.Paid(attempt.PaymentToken!, 10_000m);

        var result = await HandleAsync(PaidClaim(attempt));

        Assert.That(result, Is.EqualTo(CallbackResult.Ok));
        Assert.That(_harness.Orders.Stored(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
        Assert.That(_harness.Orders.NoteTexts(order.Id), Has.Some.Contains(nameof(StatusTrigger.Callback)));
    }

    [Test]
    public async Task A_repeated_callback_answers_200_and_changes_nothing()
    {
        var (order, attempt) = await _harness.AddStartedOrderAsync();
        _harness.Details[attempt.PaymentToken!] = PluginHarness.Paid(attempt.PaymentToken!, 10_000m);

        var first = await HandleAsync(PaidClaim(attempt));
        var second = await HandleAsync(PaidClaim(attempt));

        Assert.That(first.HttpStatusCode, Is.EqualTo(200));
        Assert.That(second.HttpStatusCode, Is.EqualTo(200));
        Assert.That(_harness.Orders.MarkedPaidCount, Is.EqualTo(1));
    }

    [Test]
    public async Task A_success_claim_for_a_payment_mypaygas_says_is_pending_pays_nothing()
    {
        var (order, attempt) = await _harness.AddStartedOrderAsync();

        var result = await HandleAsync(PaidClaim(attempt));

        Assert.That(result.HttpStatusCode, Is.EqualTo(200));
        Assert.That(result.Message, Is.EqualTo("OK"), "a fixed word: the caller learns nothing of the payment's state");
        AssertNotPaid(order);
    }

    [Test]
    public async Task A_success_claim_for_a_payment_mypaygas_says_failed_pays_nothing()
    {
        var (order, attempt) = await _harness.AddStartedOrderAsync();
        _harness.Details[attempt.PaymentToken!] = PluginHarness.Failed(attempt.PaymentToken!, "Refus solde ins");

        var result = await HandleAsync(PaidClaim(attempt));

        Assert.That(result, Is.EqualTo(CallbackResult.Ok), "the same answer as for a paid one");
        Assert.That(_harness.Stored(attempt).Status, Is.EqualTo(AttemptStatus.Failed));
        AssertNotPaid(order);
    }

    [Test]
    public async Task A_callback_naming_another_orders_paid_token_pays_neither_order()
    {
        var (paidOrder, paidAttempt) = await _harness.AddStartedOrderAsync();
        var (victim, victimAttempt) = await _harness.AddStartedOrderAsync();
        _harness.Details[paidAttempt.PaymentToken!] = PluginHarness.Paid(paidAttempt.PaymentToken!, 10_000m);
        var notesBefore = _harness.Orders.NoteTexts(victim.Id).Count;

        // The victim's reference with the token of a payment that was really made (for the other order).
        var result = await HandleAsync(PaidClaim(victimAttempt, token: paidAttempt.PaymentToken!));

        Assert.That(result.HttpStatusCode, Is.EqualTo(404));
        AssertNotPaid(victim);
        Assert.That(_harness.Orders.NoteTexts(victim.Id), Has.Count.EqualTo(notesBefore));
        Assert.That(_harness.Orders.Stored(paidOrder.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Pending),
            "the other order is only settled by its own callback or check");
    }

    [Test]
    public async Task A_token_only_callback_is_resolved_from_the_plugins_table_without_asking_mypayga_who_it_is()
    {
        var (order, attempt) = await _harness.AddStartedOrderAsync();
        _harness.Details[attempt.PaymentToken!] = PluginHarness.Paid(attempt.PaymentToken!, 10_000m);

        var result = await HandleAsync(FormCallback(("payment_token", attempt.PaymentToken!), ("order_status", "200")));

        Assert.That(result.HttpStatusCode, Is.EqualTo(200));
        Assert.That(_harness.Orders.Stored(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
        Assert.That(_harness.DetailReads, Is.EqualTo(1), "one read: the check itself");
    }

    [Test]
    public async Task Unknown_tokens_cost_no_provider_read_and_repeats_are_remembered()
    {
        await _harness.AddStartedOrderAsync();

        for (var i = 0; i < 20; i++)
            Assert.That((await HandleAsync(FormCallback(("payment_token", "tok_nobody"), ("order_status", "200")))).HttpStatusCode, Is.EqualTo(404));

        Assert.That(_harness.DetailReads, Is.Zero);
        Assert.That(_harness.Log.Count(l => l.Contains("MyPayGa callback")), Is.EqualTo(1), "the first look is logged; remembered repeats write nothing");
    }

    [Test]
    public async Task An_unknown_payment_is_404_and_changes_nothing()
    {
        var (order, _) = await _harness.AddStartedOrderAsync();
        var notes = _harness.Orders.AllNoteTexts.Count;

        var byReference = await HandleAsync(FormCallback(("unique_id", "999999-1"), ("order_status", "200")));
        var byToken = await HandleAsync(FormCallback(("payment_token", "tok_nobody"), ("order_status", "200")));

        Assert.That(byReference.HttpStatusCode, Is.EqualTo(404));
        Assert.That(byToken.HttpStatusCode, Is.EqualTo(404));
        Assert.That(byReference.Message, Is.EqualTo("Unknown payment"));
        Assert.That(_harness.Orders.AllNoteTexts, Has.Count.EqualTo(notes));
        AssertNotPaid(order);
    }

    [Test]
    public async Task A_reference_without_a_matching_attempt_is_unknown()
    {
        var (order, attempt) = await _harness.AddStartedOrderAsync();

        // The right order number, an attempt that was never made.
        var result = await HandleAsync(FormCallback(("unique_id", $"{order.CustomOrderNumber}-7"), ("order_status", "200")));

        Assert.That(result.HttpStatusCode, Is.EqualTo(404));
        Assert.That(attempt.Number, Is.EqualTo(1));
    }

    [Test]
    public async Task An_order_of_another_payment_method_is_unknown_here()
    {
        var (order, attempt) = await _harness.AddStartedOrderAsync();
        var stored = _harness.Orders.Stored(order.Id);
        stored.PaymentMethodSystemName = "Payments.Manual";
        _harness.Orders.Save(stored);
        _harness.Details[attempt.PaymentToken!] = PluginHarness.Paid(attempt.PaymentToken!, 10_000m);

        var result = await HandleAsync(PaidClaim(attempt));

        Assert.That(result.HttpStatusCode, Is.EqualTo(404));
        Assert.That(_harness.Orders.MarkedPaidCount, Is.Zero);
    }

    [Test]
    public async Task An_unreadable_callback_is_400_with_the_reason()
    {
        var result = await HandleAsync(new RawCallbackRequest { Method = "POST", Body = "" });

        Assert.That(result.HttpStatusCode, Is.EqualTo(400));
        Assert.That(result.Message, Is.Not.Empty);
        Assert.That(_harness.DetailReads, Is.Zero);
    }

    [Test]
    public async Task With_a_callback_secret_a_wrong_signature_is_refused_and_a_right_one_accepted()
    {
        _harness.StoreSettings.CallbackSecret = "whsec_local_test_secret";
        var (order, attempt) = await _harness.AddStartedOrderAsync();
        _harness.Details[attempt.PaymentToken!] = PluginHarness.Paid(attempt.PaymentToken!, 10_000m);
        var fields = new List<(string, string?)>
        {
            ("order_status", "200"), ("unique_id", attempt.UniqueId), ("amount", "10000"), ("payment_token", attempt.PaymentToken!),
        };

        var forged = await HandleAsync(FormCallback([.. fields, ("hash", new string('a', 128))]));
        Assert.That(forged.HttpStatusCode, Is.EqualTo(400));
        var unsigned = await HandleAsync(FormCallback([.. fields]));
        Assert.That(unsigned.HttpStatusCode, Is.EqualTo(400), "a secret is configured: no hash, no hearing");
        var empty = await HandleAsync(FormCallback([.. fields, ("hash", "")]));
        Assert.That(empty.HttpStatusCode, Is.EqualTo(400));
        AssertNotPaid(order);
        Assert.That(_harness.DetailReads, Is.Zero, "refused callbacks cost no provider read");

        var hash = MyPayGaCallbackParser.ComputeSignature("whsec_local_test_secret", "200", attempt.UniqueId, "10000", attempt.PaymentToken!, null, null, null);
        var signed = await HandleAsync(FormCallback([.. fields, ("hash", hash)]));
        Assert.That(signed.HttpStatusCode, Is.EqualTo(200));
        Assert.That(_harness.Orders.Stored(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
        Assert.That(_harness.EverythingWritten, Does.Not.Contain("whsec_local_test_secret"));
    }

    [Test]
    public async Task An_encrypted_callback_secret_signs_with_its_clear_value_and_an_unreadable_one_still_refuses_unsigned_callbacks()
    {
        var protector = _harness.Get<IMyPayGaKeyProtector>();
        _harness.StoreSettings.CallbackSecret = protector.Protect("whsec_local_test_secret");
        var (order, attempt) = await _harness.AddStartedOrderAsync();
        _harness.Details[attempt.PaymentToken!] = PluginHarness.Paid(attempt.PaymentToken!, 10_000m);
        var hash = MyPayGaCallbackParser.ComputeSignature("whsec_local_test_secret", "200", attempt.UniqueId, null, attempt.PaymentToken!, null, null, null);
        var signed = FormCallback(("order_status", "200"), ("unique_id", attempt.UniqueId), ("payment_token", attempt.PaymentToken!), ("hash", hash));

        Assert.That((await HandleAsync(signed)).HttpStatusCode, Is.EqualTo(200));
        Assert.That(_harness.Orders.Stored(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Paid));

        _harness.StoreSettings.CallbackSecret = MyPayGaKeyProtector.StoredPrefix + "not-a-ciphertext";
        var unsigned = await HandleAsync(FormCallback(("order_status", "200"), ("payment_token", attempt.PaymentToken!)));
        Assert.That(unsigned.HttpStatusCode, Is.EqualTo(400));
        Assert.That(_harness.EverythingWritten, Does.Not.Contain("whsec_local_test_secret"));
    }

    [Test]
    public async Task The_default_stores_secret_is_tried_after_the_current_stores()
    {
        _harness.Settings[1] = PluginHarness.NewSettings();
        _harness.Settings[1].CallbackSecret = "store_one_secret";
        _harness.StoreSettings.CallbackSecret = "shared_secret";
        var (order, attempt) = await _harness.AddStartedOrderAsync();
        _harness.Details[attempt.PaymentToken!] = PluginHarness.Paid(attempt.PaymentToken!, 10_000m);
        var hash = MyPayGaCallbackParser.ComputeSignature("shared_secret", "200", attempt.UniqueId, null, attempt.PaymentToken!, null, null, null);

        var result = await HandleAsync(FormCallback(("order_status", "200"), ("unique_id", attempt.UniqueId),
            ("payment_token", attempt.PaymentToken!), ("hash", hash)));

        Assert.That(result.HttpStatusCode, Is.EqualTo(200));
        Assert.That(order.Id, Is.GreaterThan(0));
    }

    [Test]
    public async Task When_mypaygas_is_down_the_callback_gets_503_so_it_is_sent_again()
    {
        var (order, attempt) = await _harness.AddStartedOrderAsync();
        _harness.Client.Setup(c => c.GetPaymentDetailAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(PluginHarness.ProviderDown());

        var byReference = await HandleAsync(PaidClaim(attempt));
        var byToken = await HandleAsync(FormCallback(("payment_token", attempt.PaymentToken!)));

        Assert.That(byReference.HttpStatusCode, Is.EqualTo(503));
        Assert.That(byToken.HttpStatusCode, Is.EqualTo(503));
        AssertNotPaid(order);
    }

    [Test]
    public async Task A_callback_for_a_busy_order_is_answered_503_and_nothing_is_decided()
    {
        var (order, attempt) = await _harness.AddStartedOrderAsync();
        _harness.Details[attempt.PaymentToken!] = PluginHarness.Paid(attempt.PaymentToken!, 10_000m);
        var guard = _harness.GetSingleton<Nop.Plugin.Payments.MyPayGa.Services.Ledger.OrderGuard>();
        guard.Wait = TimeSpan.FromMilliseconds(100);

        CallbackResult result;
        await using (await guard.TryEnterAsync(order.Id, TimeSpan.Zero))
            result = await HandleAsync(PaidClaim(attempt));

        Assert.That(result, Is.EqualTo(CallbackResult.RetryLater), "never 200 for a callback that was not looked at");
        AssertNotPaid(order);
        Assert.That((await HandleAsync(PaidClaim(attempt))).HttpStatusCode, Is.EqualTo(200), "delivered again, it settles the order");
        Assert.That(_harness.Orders.MarkedPaidCount, Is.EqualTo(1));
    }

    [Test]
    public async Task A_callback_whose_attempt_could_not_be_read_is_503_even_when_another_attempt_is_final()
    {
        var (order, first) = await _harness.AddStartedOrderAsync();
        var second = await _harness.StartAnotherAsync(order);
        _harness.Details[second.PaymentToken!] = PluginHarness.Failed(second.PaymentToken!);
        _harness.Client.Setup(c => c.GetPaymentDetailAsync(first.PaymentToken!, It.IsAny<CancellationToken>()))
            .ThrowsAsync(PluginHarness.ProviderDown());

        var result = await HandleAsync(PaidClaim(first));

        Assert.That(result.HttpStatusCode, Is.EqualTo(503));
    }

    [Test]
    public async Task A_callback_invalidates_the_cached_status()
    {
        var (order, attempt) = await _harness.AddStartedOrderAsync();
        var cache = _harness.GetSingleton<IPaymentStatusCache>();
        Assert.That((await cache.GetAsync(order)).State, Is.EqualTo(PaymentState.Pending));
        _harness.Details[attempt.PaymentToken!] = PluginHarness.Paid(attempt.PaymentToken!, 10_000m);

        await HandleAsync(PaidClaim(attempt));

        Assert.That((await cache.GetAsync(order)).State, Is.EqualTo(PaymentState.Paid), "not the cached Pending");
    }

    [Test]
    public async Task Each_callback_is_logged_on_one_line_with_the_phone_masked()
    {
        var (_, attempt) = await _harness.AddStartedOrderAsync();

        await HandleAsync(PaidClaim(attempt));

        var lines = _harness.Log.Where(l => l.Contains("MyPayGa callback")).ToList();
        Assert.That(lines, Has.Count.EqualTo(1));
        Assert.That(lines[0], Does.Contain(attempt.UniqueId).And.Contain("074 ••• •12").And.Contain("200"));
        Assert.That(lines[0], Does.Not.Contain("074121212"));
    }

    private const string InsufficientFunds = "Dear customer,you have insuffient funds. Thank you.";

    private static RawCallbackRequest FailureClaim(MyPayGaAttempt attempt, string? message = InsufficientFunds, bool withToken = true) =>
        FormCallback(("unique_id", attempt.UniqueId), ("payment_token", withToken ? attempt.PaymentToken : null),
            ("order_status", "400"), ("message", message), ("client_phone", "074131313"));

    [Test]
    public async Task The_operators_reason_in_a_failure_callback_is_kept_for_that_attempt_and_decides_nothing()
    {
        var (order, attempt) = await _harness.AddStartedOrderAsync();
        // paiement-detail only says "Failed"; the callback carries the operator's words.
        _harness.Details[attempt.PaymentToken!] = PluginHarness.Failed(attempt.PaymentToken!, "Failed");

        var result = await HandleAsync(FailureClaim(attempt));

        Assert.That(result, Is.EqualTo(CallbackResult.Ok));
        Assert.That(_harness.Stored(attempt).DisplayMessage, Is.EqualTo(InsufficientFunds));
        Assert.That(_harness.Orders.NoteTexts(order.Id), Has.Some.Contains(InsufficientFunds), "the owner's failure note says why");
        AssertNotPaid(order);
    }

    [Test]
    public async Task A_callback_naming_only_the_reference_cannot_put_text_in_front_of_the_shopper()
    {
        var (order, attempt) = await _harness.AddStartedOrderAsync();
        _harness.Details[attempt.PaymentToken!] = PluginHarness.Failed(attempt.PaymentToken!, "Failed");

        // Order numbers are guessable: without the token (or a valid signature) the words are not kept.
        await HandleAsync(FailureClaim(attempt, message: "Call 0800 000 000 to get your money back", withToken: false));

        Assert.That(_harness.Stored(attempt).DisplayMessage, Is.Null);
        Assert.That(_harness.Stored(attempt).Status, Is.EqualTo(AttemptStatus.Failed), "the attempt is still read and settled");
        Assert.That(order.Id, Is.GreaterThan(0));
    }

    [Test]
    public async Task A_success_claims_message_is_not_kept()
    {
        var (order, attempt) = await _harness.AddStartedOrderAsync();
        _harness.Details[attempt.PaymentToken!] = PluginHarness.Failed(attempt.PaymentToken!, "Failed");

        await HandleAsync(FormCallback(("unique_id", attempt.UniqueId), ("payment_token", attempt.PaymentToken!),
            ("order_status", "200"), ("message", "Payment success")));

        Assert.That(_harness.Stored(attempt).DisplayMessage, Is.Null);
        Assert.That(order.Id, Is.GreaterThan(0));
    }

    [Test]
    public async Task No_message_is_kept_for_a_callback_that_matches_no_order()
    {
        var (order, attempt) = await _harness.AddStartedOrderAsync();

        var result = await HandleAsync(FormCallback(("unique_id", $"{order.CustomOrderNumber}-7"), ("order_status", "400"),
            ("message", "Forged words")));

        Assert.That(result.HttpStatusCode, Is.EqualTo(404));
        Assert.That(_harness.AttemptsOf(order).Select(a => a.DisplayMessage), Has.All.Null);
        Assert.That(attempt.Number, Is.EqualTo(1));
    }
}
