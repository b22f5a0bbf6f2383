using Moq;
using MyPayGa.Client;
using MyPayGa.Client.Models;
using Nop.Core.Domain.Directory;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.MyPayGa.Domain;
using Nop.Plugin.Payments.MyPayGa.Services;
using Nop.Plugin.Payments.MyPayGa.Tests.Support;
using Nop.Services.Payments;
using NUnit.Framework;

namespace Nop.Plugin.Payments.MyPayGa.Tests.Services;

[TestFixture]
public sealed class RefundTests
{
    private const string RefundId = "rfd_165533.IzkknzlJuU3p";

    private PluginHarness _harness = null!;
    private int _created;

    [SetUp]
    public void SetUp()
    {
        _harness = PluginHarness.Create();
        _created = 0;
        _harness.Client.Setup(c => c.CreateRefundAsync(It.IsAny<CreateRefundRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => new CreateRefundResponse
            {
                StatusRequest = new MyPayGaStatus("200"),
                Message = "Refund created",
                RefundId = Interlocked.Increment(ref _created) == 1 ? RefundId : $"rfd_{_created}.next",
            });
        _harness.Client.Setup(c => c.SendRefundAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string id, CancellationToken _) => new SendRefundResponse { RefundStatus = new MyPayGaStatus("200"), Message = "Refund OK.", RefundId = id });
    }

    [TearDown]
    public async Task TearDown() => await _harness.DisposeAsync();

    private async Task<(Order Order, MyPayGaAttempt Attempt)> PaidOrderAsync(decimal total = 10_000m)
    {
        var (order, attempt) = await _harness.AddStartedOrderAsync(total: total);
        _harness.Details[attempt.PaymentToken!] = PluginHarness.Paid(attempt.PaymentToken!, attempt.AmountXaf);
        await _harness.Get<IPaymentStatusProcessor>().ProcessAsync(order, StatusTrigger.Callback);
        return (_harness.Orders.Stored(order.Id), _harness.Stored(attempt));
    }

    private Task<RefundPaymentResult> RefundAsync(Order order, decimal amount, bool partial) =>
        _harness.CreatePaymentMethod().RefundAsync(new RefundPaymentRequest { Order = order, AmountToRefund = amount, IsPartialRefund = partial });

    private long SentXaf(MyPayGaAttempt attempt) =>
        _harness.AllRefunds.Where(r => r.AttemptId == attempt.Id && r.Status == RefundStatus.Sent).Sum(r => r.AmountXaf);

    private void SendAnswerIsLost() =>
        _harness.Client.Setup(c => c.SendRefundAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new MyPayGaException(MyPayGaErrorKind.Timeout, "refund/send", "No answer in 20 s"));

    private void RefundInfoSays(string status, bool exists = true) =>
        _harness.Client.Setup(c => c.GetRefundAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string id, CancellationToken _) => new RefundInfoResponse
            {
                StatusRequest = new MyPayGaStatus("200"),
                Exists = exists,
                Refund = exists ? new RefundInfo { RefundId = id, Status = new MyPayGaStatus(status), Amount = 10_000, Message = "Remboursement effectué" } : null,
            });

    [Test]
    public async Task A_full_refund_creates_and_sends_the_refund_of_what_was_paid_and_says_refunded()
    {
        var (order, attempt) = await PaidOrderAsync();

        var result = await RefundAsync(order, order.OrderTotal, partial: false);

        Assert.That(result.Success, Is.True, string.Join("; ", result.Errors));
        Assert.That(result.NewPaymentStatus, Is.EqualTo(PaymentStatus.Refunded));
        _harness.Client.Verify(c => c.CreateRefundAsync(It.Is<CreateRefundRequest>(r =>
            r.PaymentToken == attempt.PaymentToken && r.Amount == 10_000 && r.Description.Contains(order.CustomOrderNumber)), It.IsAny<CancellationToken>()), Times.Once);
        _harness.Client.Verify(c => c.SendRefundAsync(RefundId, It.IsAny<CancellationToken>()), Times.Once);
        var note = _harness.Orders.NoteTexts(order.Id).Single(n => n.Contains(RefundId));
        Assert.That(note, Does.Contain("10,000 XAF").And.Contain(attempt.UniqueId).And.Contain(attempt.PaymentToken!),
            "each refund names its attempt and its token");
        var row = _harness.AllRefunds.Single();
        Assert.That((row.Status, row.AmountXaf, row.AttemptId, row.RefundId), Is.EqualTo((RefundStatus.Sent, 10_000L, attempt.Id, RefundId)));
        Assert.That(row.LockKey, Does.StartWith("done-"), "the order is free for the next refund");
    }

    [Test]
    public async Task A_partial_refund_converts_the_amount_and_says_partially_refunded()
    {
        var (order, _) = await PaidOrderAsync();

        var result = await RefundAsync(order, 2_500.4m, partial: true);

        Assert.That(result.Success, Is.True);
        Assert.That(result.NewPaymentStatus, Is.EqualTo(PaymentStatus.PartiallyRefunded));
        _harness.Client.Verify(c => c.CreateRefundAsync(It.Is<CreateRefundRequest>(r => r.Amount == 2_500), It.IsAny<CancellationToken>()));
    }

    [Test]
    public async Task Refunds_are_counted_in_the_francs_received_at_the_rate_of_the_payment_never_todays()
    {
        _harness.Currencies.Clear();
        _harness.Currencies.Add(new Currency { Id = 1, CurrencyCode = "EUR", Rate = 1m });
        _harness.Currencies.Add(new Currency { Id = 2, CurrencyCode = "XAF", Rate = 655.957m });
        var (order, attempt) = await PaidOrderAsync(total: 15.25m);
        Assert.That(attempt.AmountXaf, Is.EqualTo(10_003));
        _harness.Currencies[1].Rate = 700m; // the euro moved since

        var partial = await RefundAsync(order, 10m, partial: true);
        var rest = await RefundAsync(order, order.OrderTotal, partial: false);
        var more = await RefundAsync(order, 1m, partial: true);

        Assert.That(partial.Success && rest.Success, Is.True);
        // 10 EUR × 10 003 XAF / 15.25 EUR = 6 559.3 → 6 559 (today's rate would say 7 000)
        _harness.Client.Verify(c => c.CreateRefundAsync(It.Is<CreateRefundRequest>(r => r.Amount == 6_559), It.IsAny<CancellationToken>()), Times.Once);
        _harness.Client.Verify(c => c.CreateRefundAsync(It.Is<CreateRefundRequest>(r => r.Amount == 10_003 - 6_559), It.IsAny<CancellationToken>()), Times.Once,
            "the full refund gives back what is left");
        Assert.That(more.Success, Is.False, "nothing left to give back");
        Assert.That(SentXaf(attempt), Is.EqualTo(10_003), "never more than what was received");
    }

    [Test]
    public async Task A_second_full_refund_sends_nothing()
    {
        var (order, attempt) = await PaidOrderAsync();

        var first = await RefundAsync(order, order.OrderTotal, partial: false);
        var second = await RefundAsync(order, order.OrderTotal, partial: false);

        Assert.That(first.Success, Is.True);
        Assert.That(second.Success, Is.False);
        _harness.Client.Verify(c => c.CreateRefundAsync(It.IsAny<CreateRefundRequest>(), It.IsAny<CancellationToken>()), Times.Once);
        Assert.That(SentXaf(attempt), Is.EqualTo(10_000));
    }

    [Test]
    public async Task Twenty_admins_refunding_at_once_send_one_refund_and_the_others_are_told_why()
    {
        var (order, attempt) = await PaidOrderAsync();
        var release = new TaskCompletionSource();
        _harness.Client.Setup(c => c.CreateRefundAsync(It.IsAny<CreateRefundRequest>(), It.IsAny<CancellationToken>()))
            .Returns(async (CreateRefundRequest r, CancellationToken _) =>
            {
                Interlocked.Increment(ref _created);
                await release.Task;
                return new CreateRefundResponse { StatusRequest = new MyPayGaStatus("200"), RefundId = RefundId };
            });

        var clicks = Enumerable.Range(0, 20).Select(_ => Task.Run(() => RefundAsync(order, order.OrderTotal, partial: false))).ToList();
        while (Volatile.Read(ref _created) == 0)
            await Task.Delay(5);
        await Task.Delay(100);
        release.SetResult();
        var results = await Task.WhenAll(clicks);

        Assert.That(results.Count(r => r.Success), Is.EqualTo(1));
        Assert.That(_created, Is.EqualTo(1), "refund/create once");
        _harness.Client.Verify(c => c.SendRefundAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Once);
        var refused = results.Where(r => !r.Success).Select(r => r.Errors.Single()).ToList();
        Assert.That(refused, Has.All.Contains("Nothing was sent"));
        Assert.That(SentXaf(attempt), Is.EqualTo(10_000));
    }

    [Test]
    public async Task The_refund_goes_to_the_attempt_that_paid_the_order()
    {
        var (order, first) = await _harness.AddStartedOrderAsync();
        var second = await _harness.StartAnotherAsync(order, phone: "066123456");
        _harness.Details[first.PaymentToken!] = PluginHarness.Paid(first.PaymentToken!, 10_000m);
        _harness.Details[second.PaymentToken!] = PluginHarness.Failed(second.PaymentToken!);
        await _harness.Get<IPaymentStatusProcessor>().ProcessAsync(order, StatusTrigger.Callback);
        order = _harness.Orders.Stored(order.Id);

        var result = await RefundAsync(order, order.OrderTotal, partial: false);

        Assert.That(result.Success, Is.True, string.Join("; ", result.Errors));
        _harness.Client.Verify(c => c.CreateRefundAsync(It.Is<CreateRefundRequest>(r => r.PaymentToken == first.PaymentToken!), It.IsAny<CancellationToken>()));
    }

    [Test]
    public async Task Nothing_paid_at_mypaygas_means_an_error_and_no_refund()
    {
        var (order, _) = await _harness.AddStartedOrderAsync();

        var result = await RefundAsync(order, order.OrderTotal, partial: false);

        Assert.That(result.Success, Is.False);
        Assert.That(result.Errors[0], Does.Contain("no paid payment"));
        _harness.Client.Verify(c => c.CreateRefundAsync(It.IsAny<CreateRefundRequest>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task A_refused_creation_is_an_error_an_admin_can_act_on_and_frees_the_order()
    {
        var (order, _) = await PaidOrderAsync();
        _harness.Client.Setup(c => c.CreateRefundAsync(It.IsAny<CreateRefundRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new MyPayGaException(MyPayGaErrorKind.Rejected, "refund/create", "refused", providerStatus: "400", providerMessage: "Solde marchand insuffisant"));

        var result = await RefundAsync(order, order.OrderTotal, partial: false);

        Assert.That(result.Success, Is.False);
        Assert.That(result.NewPaymentStatus, Is.EqualTo(PaymentStatus.Pending), "nopCommerce ignores it on errors");
        Assert.That(result.Errors.Single(), Does.Contain("Solde marchand insuffisant").And.Contain("Nothing was refunded"));
        _harness.Client.Verify(c => c.SendRefundAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
        Assert.That(_harness.AllRefunds.Single().Status, Is.EqualTo(RefundStatus.Failed));
        Assert.That(_harness.AllRefunds.Single().LockKey, Does.StartWith("done-"));
    }

    [Test]
    public async Task A_lost_answer_to_refund_create_sent_nothing_and_the_next_refund_may_go()
    {
        var (order, attempt) = await PaidOrderAsync();
        _harness.Client.Setup(c => c.CreateRefundAsync(It.IsAny<CreateRefundRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new MyPayGaException(MyPayGaErrorKind.Timeout, "refund/create", "No answer"));

        var first = await RefundAsync(order, order.OrderTotal, partial: false);
        _harness.Client.Setup(c => c.CreateRefundAsync(It.IsAny<CreateRefundRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new CreateRefundResponse { StatusRequest = new MyPayGaStatus("200"), RefundId = RefundId });
        var again = await RefundAsync(order, order.OrderTotal, partial: false);

        Assert.That(first.Success, Is.False);
        Assert.That(again.Success, Is.True, "refund/create moves no money: without its id nothing could be sent");
        Assert.That(SentXaf(attempt), Is.EqualTo(10_000));
    }

    [Test]
    public async Task A_refused_send_leaves_the_refund_id_in_a_note_and_the_error()
    {
        var (order, _) = await PaidOrderAsync();
        _harness.Client.Setup(c => c.SendRefundAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new MyPayGaException(MyPayGaErrorKind.Rejected, "refund/send", "refused", providerStatus: "400", providerMessage: "Refund failed"));

        var result = await RefundAsync(order, 3_000m, partial: true);

        Assert.That(result.Success, Is.False);
        Assert.That(result.Errors.Single(), Does.Contain(RefundId).And.Contain("dashboard"));
        Assert.That(_harness.Orders.NoteTexts(order.Id), Has.Some.Contains(RefundId));
        Assert.That(_harness.AllRefunds.Single().Status, Is.EqualTo(RefundStatus.Failed));
    }

    [Test]
    public async Task A_lost_answer_to_send_is_reported_as_unknown_and_blocks_any_new_refund_until_known()
    {
        var (order, _) = await PaidOrderAsync();
        SendAnswerIsLost();

        var first = await RefundAsync(order, order.OrderTotal, partial: false);

        Assert.That(first.Errors.Single(), Does.Contain(RefundId).And.Contain("twice"));
        Assert.That(_harness.Orders.NoteTexts(order.Id), Has.Some.Contains(RefundId));
        Assert.That(_harness.AllRefunds.Single().Status, Is.EqualTo(RefundStatus.Unknown));

        // MyPayGa cannot tell yet (refund/infos neither sent nor failed): nothing new goes out.
        RefundInfoSays("201");
        var second = await RefundAsync(order, 4_000m, partial: true);
        Assert.That(second.Success, Is.False);
        Assert.That(second.Errors.Single(), Does.Contain("has not yet said").And.Contain(RefundId));

        // MyPayGa unreachable: same.
        _harness.Client.Setup(c => c.GetRefundAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(PluginHarness.ProviderDown("refund/infos"));
        var third = await RefundAsync(order, 4_000m, partial: true);
        Assert.That(third.Success, Is.False);

        _harness.Client.Verify(c => c.CreateRefundAsync(It.IsAny<CreateRefundRequest>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task An_unknown_refund_that_went_through_is_recorded_when_the_same_refund_is_asked_again_and_nothing_is_sent()
    {
        var (order, attempt) = await PaidOrderAsync();
        SendAnswerIsLost();
        await RefundAsync(order, order.OrderTotal, partial: false);
        RefundInfoSays("200");

        var again = await RefundAsync(order, order.OrderTotal, partial: false);

        Assert.That(again.Success, Is.True, string.Join("; ", again.Errors));
        Assert.That(again.NewPaymentStatus, Is.EqualTo(PaymentStatus.Refunded));
        _harness.Client.Verify(c => c.CreateRefundAsync(It.IsAny<CreateRefundRequest>(), It.IsAny<CancellationToken>()), Times.Once);
        Assert.That(SentXaf(attempt), Is.EqualTo(10_000));
        Assert.That(_harness.Orders.NoteTexts(order.Id), Has.Some.Contains("confirmed sent"));
    }

    [Test]
    public async Task An_unknown_refund_that_went_through_stops_a_different_refund_and_says_how_to_record_it()
    {
        var (order, attempt) = await PaidOrderAsync();
        SendAnswerIsLost();
        await RefundAsync(order, order.OrderTotal, partial: false);
        RefundInfoSays("200");

        var other = await RefundAsync(order, 2_000m, partial: true);

        Assert.That(other.Success, Is.False);
        Assert.That(other.Errors.Single(), Does.Contain("offline").And.Contain(RefundId));
        _harness.Client.Verify(c => c.CreateRefundAsync(It.IsAny<CreateRefundRequest>(), It.IsAny<CancellationToken>()), Times.Once);
        Assert.That(SentXaf(attempt), Is.EqualTo(10_000));
    }

    [Test]
    public async Task An_unknown_refund_that_failed_lets_the_new_refund_go()
    {
        var (order, attempt) = await PaidOrderAsync();
        SendAnswerIsLost();
        await RefundAsync(order, order.OrderTotal, partial: false);
        RefundInfoSays("400");
        SetUpSendOk();

        var again = await RefundAsync(order, order.OrderTotal, partial: false);

        Assert.That(again.Success, Is.True, string.Join("; ", again.Errors));
        Assert.That(_harness.AllRefunds.Select(r => r.Status), Is.EqualTo(new[] { RefundStatus.Failed, RefundStatus.Sent }));
        Assert.That(SentXaf(attempt), Is.EqualTo(10_000));
    }

    [Test]
    public async Task The_reconciliation_settles_unknown_refunds_with_refund_infos_once()
    {
        var (order, _) = await PaidOrderAsync();
        SendAnswerIsLost();
        await RefundAsync(order, order.OrderTotal, partial: false);
        RefundInfoSays("200");

        var service = _harness.Get<IMyPayGaRefundService>();
        var settled = await Task.WhenAll(service.ResolveUnknownAsync(10), _harness.Get<IMyPayGaRefundService>().ResolveUnknownAsync(10));

        Assert.That(settled.Sum(), Is.GreaterThanOrEqualTo(1));
        Assert.That(_harness.AllRefunds.Single().Status, Is.EqualTo(RefundStatus.Sent));
        Assert.That(_harness.Orders.NoteTexts(order.Id).Count(n => n.Contains("confirmed sent")), Is.EqualTo(1));
    }

    [Test]
    public async Task Mypaygas_unreachable_is_an_error_without_any_key()
    {
        var (order, _) = await PaidOrderAsync();
        _harness.Client.Setup(c => c.CreateRefundAsync(It.IsAny<CreateRefundRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new MyPayGaException(MyPayGaErrorKind.ConnectionFailed, "refund/create",
                "Could not connect to https://api.mypayga.com/refund/create?apikey=[redacted]"));

        var result = await RefundAsync(order, order.OrderTotal, partial: false);

        Assert.That(result.Success, Is.False);
        Assert.That(result.Errors.Single(), Does.Contain("Nothing was refunded"));
        Assert.That(result.Errors.Single(), Does.Not.Contain(PluginHarness.SecretKey));
    }

    [Test]
    public async Task An_unexpected_exception_becomes_an_error_not_a_crash_and_the_refund_stays_blocking()
    {
        var (order, _) = await PaidOrderAsync();
        _harness.Client.Setup(c => c.SendRefundAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new HttpRequestException("socket closed while talking to https://api.mypayga.com/?apikey=stest_sandbox_secret_key"));

        var result = await RefundAsync(order, order.OrderTotal, partial: false);
        var again = await RefundAsync(order, order.OrderTotal, partial: false);

        Assert.That(result.Success, Is.False);
        Assert.That(result.Errors.Single() + _harness.EverythingWritten, Does.Not.Contain(PluginHarness.SecretKey));
        Assert.That(again.Success, Is.False, "the first refund may have gone out: nothing new until MyPayGa says");
        _harness.Client.Verify(c => c.CreateRefundAsync(It.IsAny<CreateRefundRequest>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    private void SetUpSendOk() =>
        _harness.Client.Setup(c => c.SendRefundAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string id, CancellationToken _) => new SendRefundResponse { RefundStatus = new MyPayGaStatus("200"), Message = "Refund OK.", RefundId = id });
}
