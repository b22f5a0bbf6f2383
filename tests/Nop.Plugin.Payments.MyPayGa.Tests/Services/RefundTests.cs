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
    private PluginHarness _harness = null!;

    [SetUp]
    public void SetUp()
    {
        _harness = PluginHarness.Create();
        _harness.Client.Setup(c => c.CreateRefundAsync(It.IsAny<CreateRefundRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new CreateRefundResponse { StatusRequest = new MyPayGaStatus("200"), Message = "Refund created", RefundId = "rfd_165533.IzkknzlJuU3p" });
        _harness.Client.Setup(c => c.SendRefundAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string id, CancellationToken _) => new SendRefundResponse { RefundStatus = new MyPayGaStatus("200"), Message = "Refund OK.", RefundId = id });
    }

    [TearDown]
    public async Task TearDown() => await _harness.DisposeAsync();

    private async Task<(Order Order, PaymentAttempt Attempt)> PaidOrderAsync(decimal total = 10_000m)
    {
        var (order, attempt) = await _harness.AddStartedOrderAsync(total: total);
        _harness.Details[attempt.PaymentToken] = PluginHarness.Paid(attempt.PaymentToken, attempt.AmountXaf);
        await _harness.Get<IPaymentStatusProcessor>().ProcessAsync(order, StatusTrigger.Callback);
        return (_harness.Orders.Stored(order.Id), attempt);
    }

    private Task<RefundPaymentResult> RefundAsync(Order order, decimal amount, bool partial) =>
        _harness.CreatePaymentMethod().RefundAsync(new RefundPaymentRequest { Order = order, AmountToRefund = amount, IsPartialRefund = partial });

    [Test]
    public async Task A_full_refund_creates_and_sends_the_refund_of_what_was_paid_and_says_refunded()
    {
        var (order, attempt) = await PaidOrderAsync();

        var result = await RefundAsync(order, order.OrderTotal, partial: false);

        Assert.That(result.Success, Is.True, string.Join("; ", result.Errors));
        Assert.That(result.NewPaymentStatus, Is.EqualTo(PaymentStatus.Refunded));
        _harness.Client.Verify(c => c.CreateRefundAsync(It.Is<CreateRefundRequest>(r =>
            r.PaymentToken == attempt.PaymentToken && r.Amount == 10_000 && r.Description.Contains(order.CustomOrderNumber)), It.IsAny<CancellationToken>()), Times.Once);
        _harness.Client.Verify(c => c.SendRefundAsync("rfd_165533.IzkknzlJuU3p", It.IsAny<CancellationToken>()), Times.Once);
        Assert.That(_harness.Orders.NoteTexts(order.Id), Has.Some.Contains("rfd_165533.IzkknzlJuU3p").And.Some.Contains("10,000 XAF"));
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
    public async Task A_full_refund_in_a_euro_store_gives_back_exactly_the_francs_paid_even_if_the_rate_moved()
    {
        _harness.Currencies.Clear();
        _harness.Currencies.Add(new Currency { Id = 1, CurrencyCode = "EUR", Rate = 1m });
        _harness.Currencies.Add(new Currency { Id = 2, CurrencyCode = "XAF", Rate = 655.957m });
        var (order, attempt) = await PaidOrderAsync(total: 15.25m);
        _harness.Currencies[1].Rate = 700m;

        await RefundAsync(order, order.OrderTotal, partial: false);
        await RefundAsync(order, 20m, partial: true);

        _harness.Client.Verify(c => c.CreateRefundAsync(It.Is<CreateRefundRequest>(r => r.Amount == attempt.AmountXaf), It.IsAny<CancellationToken>()), Times.Exactly(2),
            "full: what was paid; partial: capped at what was paid");
        Assert.That(attempt.AmountXaf, Is.EqualTo(10_003));
    }

    [Test]
    public async Task The_refund_goes_to_the_attempt_mypaygas_says_is_paid()
    {
        var (order, first) = await _harness.AddStartedOrderAsync();
        var second = (await _harness.Get<IMyPayGaCheckoutService>().StartAsync(order, PaymentChannel.MobileMoney, "066123456")).Attempt!;
        _harness.Details[first.PaymentToken] = PluginHarness.Paid(first.PaymentToken, 10_000m);
        _harness.Details[second.PaymentToken] = PluginHarness.Failed(second.PaymentToken);
        await _harness.Get<IPaymentStatusProcessor>().ProcessAsync(order, StatusTrigger.Callback);
        order = _harness.Orders.Stored(order.Id);
        Assert.That(order.AuthorizationTransactionId, Is.EqualTo(second.PaymentToken), "the newest token is the authorization id");

        var result = await RefundAsync(order, order.OrderTotal, partial: false);

        Assert.That(result.Success, Is.True);
        _harness.Client.Verify(c => c.CreateRefundAsync(It.Is<CreateRefundRequest>(r => r.PaymentToken == first.PaymentToken), It.IsAny<CancellationToken>()));
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
    public async Task A_refused_creation_is_an_error_an_admin_can_act_on()
    {
        var (order, _) = await PaidOrderAsync();
        _harness.Client.Setup(c => c.CreateRefundAsync(It.IsAny<CreateRefundRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new MyPayGaException(MyPayGaErrorKind.Rejected, "refund/create", "refused", providerStatus: "400", providerMessage: "Solde marchand insuffisant"));

        var result = await RefundAsync(order, order.OrderTotal, partial: false);

        Assert.That(result.Success, Is.False);
        Assert.That(result.NewPaymentStatus, Is.EqualTo(PaymentStatus.Pending), "nopCommerce ignores it on errors");
        Assert.That(result.Errors.Single(), Does.Contain("Solde marchand insuffisant").And.Contain("Nothing was refunded"));
        _harness.Client.Verify(c => c.SendRefundAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Created_but_not_sent_leaves_the_refund_id_in_a_note_and_the_error()
    {
        var (order, _) = await PaidOrderAsync();
        _harness.Client.Setup(c => c.SendRefundAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new MyPayGaException(MyPayGaErrorKind.Rejected, "refund/send", "refused", providerStatus: "400", providerMessage: "Refund failed"));

        var result = await RefundAsync(order, 3_000m, partial: true);

        Assert.That(result.Success, Is.False);
        Assert.That(result.Errors.Single(), Does.Contain("rfd_165533.IzkknzlJuU3p").And.Contain("dashboard"));
        Assert.That(_harness.Orders.NoteTexts(order.Id), Has.Some.Contains("rfd_165533.IzkknzlJuU3p"));
    }

    [Test]
    public async Task Created_then_a_lost_answer_to_send_warns_not_to_refund_twice()
    {
        var (order, _) = await PaidOrderAsync();
        _harness.Client.Setup(c => c.SendRefundAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new MyPayGaException(MyPayGaErrorKind.Timeout, "refund/send", "No answer in 20 s"));

        var result = await RefundAsync(order, order.OrderTotal, partial: false);

        Assert.That(result.Errors.Single(), Does.Contain("rfd_165533.IzkknzlJuU3p").And.Contain("twice"));
        Assert.That(_harness.Orders.NoteTexts(order.Id), Has.Some.Contains("rfd_165533.IzkknzlJuU3p"));
    }

    [Test]
    public async Task Mypaygas_unreachable_is_an_error_without_any_key()
    {
        var (order, _) = await PaidOrderAsync();
        _harness.Client.Setup(c => c.GetPaymentDetailAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new MyPayGaException(MyPayGaErrorKind.ConnectionFailed, "paiement-detail",
                "Could not connect to https://api.mypayga.com/payment/paiement-detail?apikey=[redacted]"));

        var result = await RefundAsync(order, order.OrderTotal, partial: false);

        Assert.That(result.Success, Is.False);
        Assert.That(result.Errors.Single(), Does.Contain("Nothing was refunded"));
        Assert.That(result.Errors.Single(), Does.Not.Contain(PluginHarness.SecretKey));
    }

    [Test]
    public async Task An_unexpected_exception_becomes_an_error_not_a_crash()
    {
        var (order, _) = await PaidOrderAsync();
        _harness.Client.Setup(c => c.SendRefundAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new HttpRequestException("socket closed while talking to https://api.mypayga.com/?apikey=stest_sandbox_secret_key"));

        var result = await RefundAsync(order, order.OrderTotal, partial: false);

        Assert.That(result.Success, Is.False);
        Assert.That(result.Errors.Single(), Does.Contain("rfd_165533.IzkknzlJuU3p"));
        Assert.That(result.Errors.Single() + _harness.EverythingWritten, Does.Not.Contain(PluginHarness.SecretKey));
    }
}
