using MyPayGa.Client;
using MyPayGa.Sandbox;
using MyPayGa.Sandbox.Callbacks;
using MyPayGa.Sandbox.Control;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.MyPayGa.Domain;
using Nop.Plugin.Payments.MyPayGa.Services;
using Nop.Plugin.Payments.MyPayGa.Tests.Support;
using Nop.Services.Payments;
using NUnit.Framework;

namespace Nop.Plugin.Payments.MyPayGa.Tests.Services;

/// <summary>
/// The plugin's services with the REAL MyPayGa client against the sandbox on 127.0.0.1: start → the sandbox decides
/// as MyPayGa's test data says → the status processor → the order state. nopCommerce services are fakes.
/// </summary>
[TestFixture]
public sealed class SandboxEndToEndTests
{
    private SandboxServer _sandbox = null!;
    private PluginHarness _harness = null!;

    [OneTimeSetUp]
    public async Task StartSandbox() =>
        _sandbox = await SandboxServer.StartAsync(new SandboxOptions { OutcomeDelayMs = 0, CallbackDelayMs = 0, CallbackRetries = 0 });

    [OneTimeTearDown]
    public async Task StopSandbox() => await _sandbox.DisposeAsync();

    [SetUp]
    public void SetUp()
    {
        _sandbox.Reset();
        _harness = PluginHarness.CreateWithRealClient(_sandbox.BaseUrl);
    }

    [TearDown]
    public async Task TearDown() => await _harness.DisposeAsync();

    // The mobile-money test data of API.md: number → paid or failed.
    private static readonly (string Number, bool Pays)[] MobileNumbers =
    [
        ("074111111", true), ("074121212", true), ("074131313", false), ("650121212", true), ("650131313", false),
        ("242056549200", true), ("242056549400", false), ("09306315", false), ("09306316", true), ("07306316", true),
        ("074151522", true), ("077508412", true),
    ];

    private static IEnumerable<TestCaseData> MobileCases() =>
        MobileNumbers.Select(m => new TestCaseData(m.Number, m.Pays).SetName($"Mobile money {m.Number} {(m.Pays ? "pays" : "fails")}"));

    [TestCaseSource(nameof(MobileCases))]
    public async Task Every_mobile_money_test_number_ends_as_the_test_data_says(string number, bool pays)
    {
        var order = _harness.AddOrder(total: 7_500m, phone: number);

        var start = await _harness.Get<IMyPayGaCheckoutService>().StartAsync(order, PaymentChannel.MobileMoney, number);
        Assert.That(start.Success, Is.True, start.ErrorMessage);
        await _sandbox.WhenIdleAsync();
        var snapshot = await _harness.Get<IPaymentStatusProcessor>().ProcessAsync(order, StatusTrigger.PendingPage);

        var stored = _harness.Orders.Stored(order.Id);
        if (pays)
        {
            Assert.That(snapshot.State, Is.EqualTo(PaymentState.Paid), snapshot.ProviderMessage);
            Assert.That(stored.PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
            Assert.That(stored.CaptureTransactionId, Is.EqualTo(start.Attempt!.PaymentToken!));
        }
        else
        {
            Assert.That(snapshot.State, Is.EqualTo(PaymentState.Failed), snapshot.ProviderMessage);
            Assert.That(stored.PaymentStatus, Is.EqualTo(PaymentStatus.Pending));
            Assert.That(_harness.Orders.MarkedPaidCount, Is.Zero);
        }
        Assert.That(_harness.EverythingWritten, Does.Not.Contain(_sandbox.SecretKey));
    }

    // The card test data of API.md: number → outcome.
    private static IEnumerable<TestCaseData> CardCases()
    {
        yield return new TestCaseData("4285220922286457", PaymentState.Paid).SetName("Card 4285… Success");
        yield return new TestCaseData("4242937137682335", PaymentState.Failed).SetName("Card 4242… Refus solde ins");
        yield return new TestCaseData("4005075690593537", PaymentState.Failed).SetName("Card 4005… Refus Risk");
        yield return new TestCaseData("4102972145002274", PaymentState.Failed).SetName("Card 4102… Refus carte volée");
        yield return new TestCaseData("5335406367416736", PaymentState.HeldForReview).SetName("Card 5335… Acceptée avec Risk (held)");
    }

    [TestCaseSource(nameof(CardCases))]
    public async Task Every_test_card_ends_as_the_test_data_says(string card, PaymentState expected)
    {
        var order = _harness.AddOrder(total: 25_000m, channel: PaymentChannel.Card, phone: null);

        var start = await _harness.Get<IMyPayGaCheckoutService>().StartAsync(order, PaymentChannel.Card, null);
        Assert.That(start.Success, Is.True, start.ErrorMessage);
        Assert.That(start.CardForm!.Url.ToString(), Does.StartWith(_sandbox.BaseUrl.ToString()));
        Assert.That(start.CardForm.Fields, Does.Contain(new KeyValuePair<string, string>("apikey", _sandbox.PublicKey)));
        Assert.That((await _harness.Get<IPaymentStatusProcessor>().ProcessAsync(order, StatusTrigger.ReturnPage)).State,
            Is.EqualTo(PaymentState.Pending), "before the shopper pays");

        _sandbox.PayByCard(start.Attempt!.PaymentToken!, card);
        var snapshot = await _harness.Get<IPaymentStatusProcessor>().ProcessAsync(order, StatusTrigger.ReturnPage);

        Assert.That(snapshot.State, Is.EqualTo(expected), snapshot.ProviderMessage);
        Assert.That(_harness.Orders.Stored(order.Id).PaymentStatus,
            Is.EqualTo(expected == PaymentState.Paid ? PaymentStatus.Paid : PaymentStatus.Pending));
    }

    [Test]
    public async Task A_card_order_without_a_billing_phone_is_paid_with_the_phone_typed_for_the_receipt()
    {
        _harness.BillingAddress.PhoneNumber = null;
        var withoutPhone = _harness.AddOrder(channel: PaymentChannel.Card, phone: null);
        var withPhone = _harness.AddOrder(total: 25_000m, channel: PaymentChannel.Card, phone: null);
        var checkout = _harness.Get<IMyPayGaCheckoutService>();

        var refused = await checkout.StartAsync(withoutPhone, PaymentChannel.Card, null);
        var start = await checkout.StartAsync(withPhone, PaymentChannel.Card, "011 76 54 32");
        _sandbox.PayByCard(start.Attempt!.PaymentToken!, "4285220922286457");
        var snapshot = await _harness.Get<IPaymentStatusProcessor>().ProcessAsync(withPhone, StatusTrigger.ReturnPage);

        Assert.That(refused.ErrorMessage, Is.EqualTo(Localization.LocaleResources.English[Localization.LocaleResources.ServiceKeys.StartCardPhoneMissing]),
            "a clear message instead of MyPayGa's \"Missing parameter: phone\"");
        Assert.That(_sandbox.Payments.Any(p => p.UniqueId.StartsWith(withoutPhone.CustomOrderNumber + "-", StringComparison.Ordinal)), Is.False);
        Assert.That(start.Success, Is.True, start.ErrorMessage);
        Assert.That(_sandbox.Payments.Single(p => p.Token == start.Attempt.PaymentToken!).Phone, Is.EqualTo("011765432"));
        Assert.That(snapshot.State, Is.EqualTo(PaymentState.Paid));
    }

    [Test]
    public async Task A_risky_card_is_marked_paid_when_the_store_accepts_the_risk()
    {
        _harness.StoreSettings.RiskyCardPolicy = RiskyCardPolicy.MarkPaid;
        var order = _harness.AddOrder(channel: PaymentChannel.Card, phone: null);
        var start = await _harness.Get<IMyPayGaCheckoutService>().StartAsync(order, PaymentChannel.Card, null);

        _sandbox.PayByCard(start.Attempt!.PaymentToken!, "5335406367416736");
        var snapshot = await _harness.Get<IPaymentStatusProcessor>().ProcessAsync(order, StatusTrigger.Callback);

        Assert.That(snapshot.State, Is.EqualTo(PaymentState.Paid));
        Assert.That(_harness.Orders.NoteTexts(order.Id), Has.Some.Contains("RISK WARNING"));
    }

    [Test]
    public async Task Through_post_process_a_paid_push_and_the_callback_settle_the_order()
    {
        await using var receiver = await CallbackReceiver.StartAsync(_harness);
        _sandbox.ConfigureMerchant(m => m with { CallbackUrl = receiver.Url.ToString() });
        var order = _harness.AddOrder(phone: "077508412");

        await _harness.CreatePaymentMethod().PostProcessPaymentAsync(new PostProcessPaymentRequest { Order = order });
        await _sandbox.WhenIdleAsync();

        Assert.That(_harness.HttpContextAccessor.HttpContext!.Response.Headers.Location.ToString(), Does.Contain("mypayga/pending/"));
        Assert.That(receiver.Received, Is.GreaterThanOrEqualTo(1));
        Assert.That(_harness.Orders.Stored(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
    }

    [Test]
    public async Task Fifty_duplicate_callbacks_from_the_sandbox_mark_the_order_once()
    {
        await using var receiver = await CallbackReceiver.StartAsync(_harness);
        var order = _harness.AddOrder(phone: "074121212");
        var start = await _harness.Get<IMyPayGaCheckoutService>().StartAsync(order, PaymentChannel.MobileMoney, "074121212");
        await _sandbox.WhenIdleAsync();
        _sandbox.ConfigureMerchant(m => m with { CallbackUrl = receiver.Url.ToString() });

        var deliveries = await _sandbox.DeliverCallbackAsync(start.Attempt!.PaymentToken!, new CallbackRequest { Times = 50 });

        Assert.That(deliveries.Select(d => d.StatusCode), Is.All.EqualTo(200));
        Assert.That(_harness.Orders.MarkedPaidCount, Is.EqualTo(1));
        Assert.That(_harness.Orders.Stored(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
    }

    [Test]
    public async Task A_forged_success_callback_for_a_failed_payment_pays_nothing()
    {
        await using var receiver = await CallbackReceiver.StartAsync(_harness);
        var order = _harness.AddOrder(phone: "074131313");
        var start = await _harness.Get<IMyPayGaCheckoutService>().StartAsync(order, PaymentChannel.MobileMoney, "074131313");
        await _sandbox.WhenIdleAsync();
        _sandbox.ConfigureMerchant(m => m with { CallbackUrl = receiver.Url.ToString() });

        var deliveries = await _sandbox.DeliverCallbackAsync(start.Attempt!.PaymentToken!,
            new CallbackRequest { Status = "200", Message = "Success", Times = 3 });

        Assert.That(deliveries, Is.Not.Empty);
        Assert.That(_harness.Orders.MarkedPaidCount, Is.Zero);
        Assert.That(_harness.Orders.Stored(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Pending));
    }

    [Test]
    public async Task A_lost_answer_to_the_push_is_reported_honestly_and_still_reconciled()
    {
        _sandbox.AddFault(new FaultRule { Endpoint = "/mpayment/payment-request", Kind = FaultKind.Drop, AfterHandler = true });
        var order = _harness.AddOrder(phone: "074111111");

        var start = await _harness.Get<IMyPayGaCheckoutService>().StartAsync(order, PaymentChannel.MobileMoney, "074111111");
        await _sandbox.WhenIdleAsync();

        Assert.That(start.Success, Is.False);
        Assert.That(start.ErrorMessage, Does.Contain("could not confirm"));
        var snapshot = await _harness.Get<IPaymentStatusProcessor>().ProcessAsync(order, StatusTrigger.Reconciliation);
        Assert.That(snapshot.State, Is.EqualTo(PaymentState.Paid), "the attempt was recorded before the push");
        Assert.That(_harness.Orders.Stored(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
    }

    [Test]
    public async Task While_mypaygas_answers_503_nothing_changes_then_the_next_check_settles()
    {
        var order = _harness.AddOrder(phone: "074121212");
        await _harness.Get<IMyPayGaCheckoutService>().StartAsync(order, PaymentChannel.MobileMoney, "074121212");
        await _sandbox.WhenIdleAsync();
        var outage = _sandbox.AddFault(new FaultRule { Endpoint = "/payment/paiement-detail", Kind = FaultKind.HttpError, StatusCode = 503, Count = -1 });

        var during = await _harness.Get<IPaymentStatusProcessor>().ProcessAsync(order, StatusTrigger.Reconciliation);
        Assert.That(during.State, Is.EqualTo(PaymentState.ProviderUnavailable));
        Assert.That(_harness.Orders.Stored(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Pending));
        Assert.That(outage.Id, Is.GreaterThan(0));

        _sandbox.ClearFaults();
        var after = await _harness.Get<IPaymentStatusProcessor>().ProcessAsync(order, StatusTrigger.Reconciliation);
        Assert.That(after.State, Is.EqualTo(PaymentState.Paid));
    }

    [Test]
    public async Task A_paid_order_is_refunded_fully_and_partly_through_the_sandbox()
    {
        var order = _harness.AddOrder(total: 20_000m, phone: "074121212");
        await _harness.Get<IMyPayGaCheckoutService>().StartAsync(order, PaymentChannel.MobileMoney, "074121212");
        await _sandbox.WhenIdleAsync();
        await _harness.Get<IPaymentStatusProcessor>().ProcessAsync(order, StatusTrigger.Callback);
        order = _harness.Orders.Stored(order.Id);
        var method = _harness.CreatePaymentMethod();

        var partial = await method.RefundAsync(new RefundPaymentRequest { Order = order, AmountToRefund = 5_000m, IsPartialRefund = true });
        Assert.That(partial.Success, Is.True, string.Join("; ", partial.Errors));
        Assert.That(partial.NewPaymentStatus, Is.EqualTo(PaymentStatus.PartiallyRefunded));

        var otherOrder = _harness.AddOrder(total: 8_000m, phone: "077508412");
        await _harness.Get<IMyPayGaCheckoutService>().StartAsync(otherOrder, PaymentChannel.MobileMoney, "077508412");
        await _sandbox.WhenIdleAsync();
        await _harness.Get<IPaymentStatusProcessor>().ProcessAsync(otherOrder, StatusTrigger.Callback);
        var full = await method.RefundAsync(new RefundPaymentRequest { Order = _harness.Orders.Stored(otherOrder.Id), AmountToRefund = 8_000m });
        Assert.That(full.Success, Is.True, string.Join("; ", full.Errors));
        Assert.That(full.NewPaymentStatus, Is.EqualTo(PaymentStatus.Refunded));
        Assert.That(_harness.Orders.NoteTexts(otherOrder.Id), Has.Some.Contains("refund").IgnoreCase);
    }

    [Test]
    public void The_sandbox_keys_are_test_keys_the_plugin_accepts()
    {
        Assert.That(MyPayGaEnvironments.FromKey(_sandbox.SecretKey), Is.EqualTo(MyPayGaEnvironment.Test));
        Assert.That(_harness.StoreSettings.TestSecretKey, Is.EqualTo(_sandbox.SecretKey));
        Assert.That(_harness.StoreSettings.TestPublicKey, Is.EqualTo(_sandbox.PublicKey));
    }
}
