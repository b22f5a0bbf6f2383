using Moq;
using MyPayGa.Client;
using MyPayGa.Client.Models;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.MyPayGa.Domain;
using Nop.Plugin.Payments.MyPayGa.Localization;
using Nop.Plugin.Payments.MyPayGa.Services;
using Nop.Plugin.Payments.MyPayGa.Services.Ledger;
using Nop.Plugin.Payments.MyPayGa.Tests.Support;
using NUnit.Framework;
using static Nop.Plugin.Payments.MyPayGa.Localization.LocaleResources;

namespace Nop.Plugin.Payments.MyPayGa.Tests.Services;

[TestFixture]
public sealed class CheckoutServiceTests
{
    private PluginHarness _harness = null!;

    [SetUp]
    public void SetUp() => _harness = PluginHarness.Create();

    [TearDown]
    public async Task TearDown() => await _harness.DisposeAsync();

    private IMyPayGaCheckoutService Service => _harness.Get<IMyPayGaCheckoutService>();

    private static string En(string key) => LocaleResources.English[key];

    [Test]
    public async Task Mobile_money_start_asks_gethash_records_the_attempt_then_pushes_to_the_phone()
    {
        var order = _harness.AddOrder(total: 12_500m);
        var calls = new List<string>();
        _harness.Client.Setup(c => c.GetHashAsync(It.IsAny<GetHashRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((GetHashRequest r, CancellationToken _) =>
            {
                calls.Add("gethash");
                return new GetHashResponse { Code = new MyPayGaStatus("200"), PaymentToken = "tok_A" };
            });
        _harness.Client.Setup(c => c.RequestMobilePaymentAsync(It.IsAny<MobilePaymentRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((MobilePaymentRequest r, CancellationToken _) =>
            {
                // The attempt is already saved when the push goes out: a lost answer can still be reconciled.
                var saved = _harness.AttemptsOf(order).Any(a => a.PaymentToken == "tok_A" && a.Status == AttemptStatus.Open);
                calls.Add("payment-request with attempt " + (saved ? "saved" : "missing"));
                return new MobilePaymentResponse { StatusRequest = new MyPayGaStatus("200"), Message = "Request Sent.Please Wait." };
            });

        var result = await Service.StartAsync(order, PaymentChannel.MobileMoney, "+241 74 12 12 12");

        Assert.That(result.Success, Is.True, result.ErrorMessage);
        Assert.That(calls, Is.EqualTo(new[] { "gethash", "payment-request with attempt saved" }));
        Assert.That(result.Attempt, Is.Not.Null);
        Assert.That(result.Attempt!.UniqueId, Is.EqualTo($"{order.CustomOrderNumber}-1"));
        Assert.That(result.Attempt.AmountXaf, Is.EqualTo(12_500));
        Assert.That(result.Attempt.Phone, Is.EqualTo("074121212"));
        Assert.That(result.CardForm, Is.Null);

        _harness.Client.Verify(c => c.GetHashAsync(It.Is<GetHashRequest>(r =>
            r.UniqueId == $"{order.CustomOrderNumber}-1" && r.Amount == 12_500 && r.Email == "awa@example.ga"
            && r.FirstName == "Awa" && r.LastName == "Nguema" && r.Phone == "074121212"
            && r.Description == $"Order {order.CustomOrderNumber} - Boutique Libreville"), It.IsAny<CancellationToken>()), Times.Once);
        _harness.Client.Verify(c => c.RequestMobilePaymentAsync(It.Is<MobilePaymentRequest>(r =>
            r.PaymentToken == "tok_A" && r.Amount == 12_500 && r.ClientPhone == "074121212"), It.IsAny<CancellationToken>()), Times.Once);

        var stored = _harness.Orders.Stored(order.Id);
        Assert.That(_harness.Orders.UpdateCount, Is.Zero, "the order row is never written by a start: a stale copy could undo a payment");
        Assert.That(stored.PaymentStatus, Is.EqualTo(PaymentStatus.Pending));
        var attempts = await _harness.Get<IPaymentAttemptStore>().GetAttemptsAsync(stored);
        Assert.That(attempts.Select(a => a.PaymentToken!), Is.EqualTo(new[] { "tok_A" }));

        var notes = string.Join("\n", _harness.Orders.NoteTexts(order.Id));
        Assert.That(notes, Does.Contain("tok_A"));
        Assert.That(notes, Does.Contain("074 ••• •12"));
        Assert.That(notes, Does.Not.Contain("074121212"), "the phone is masked in notes");
        Assert.That(notes, Does.Contain("Request Sent.Please Wait."));
        Assert.That(_harness.EverythingWritten, Does.Not.Contain(PluginHarness.SecretKey));
    }

    [Test]
    public async Task Card_start_returns_the_card_form_and_pushes_nothing()
    {
        var order = _harness.AddOrder(channel: PaymentChannel.Card, phone: null);

        var result = await Service.StartAsync(order, PaymentChannel.Card, null);

        Assert.That(result.Success, Is.True, result.ErrorMessage);
        Assert.That(result.CardForm, Is.Not.Null);
        Assert.That(result.CardForm!.Fields, Does.Contain(new KeyValuePair<string, string>("payment_token", result.Attempt!.PaymentToken!)));
        Assert.That(result.Attempt.Channel, Is.EqualTo(PaymentChannel.Card));
        Assert.That(result.Attempt.Phone, Is.Null);
        _harness.Client.Verify(c => c.RequestMobilePaymentAsync(It.IsAny<MobilePaymentRequest>(), It.IsAny<CancellationToken>()), Times.Never);
        _harness.Client.Verify(c => c.GetHashAsync(It.Is<GetHashRequest>(r => r.Phone == "074121212"), It.IsAny<CancellationToken>()), Times.Once,
            "gethash gets the billing phone for cards");
    }

    [Test]
    public async Task A_retry_after_a_failed_push_is_a_new_attempt_with_the_next_number()
    {
        var (order, first) = await _harness.AddStartedOrderAsync();
        _harness.Details[first.PaymentToken!] = PluginHarness.Failed(first.PaymentToken!);

        var second = await Service.StartAsync(order, PaymentChannel.MobileMoney, "066123456");

        Assert.That(second.Success, Is.True, second.ErrorMessage);
        Assert.That(second.Attempt!.Number, Is.EqualTo(2));
        Assert.That(second.Attempt.UniqueId, Is.EqualTo($"{order.CustomOrderNumber}-2"));
        Assert.That(_harness.Stored(first).Status, Is.EqualTo(AttemptStatus.Failed), "read before deciding");
        var attempts = await _harness.Get<IPaymentAttemptStore>().GetAttemptsAsync(order);
        Assert.That(attempts.Select(a => a.PaymentToken!), Is.EqualTo(new[] { first.PaymentToken!, second.Attempt.PaymentToken }));
    }

    [Test]
    public async Task Amounts_are_converted_to_whole_francs()
    {
        _harness.Currencies.Clear();
        _harness.Currencies.Add(new() { Id = 1, CurrencyCode = "EUR", Rate = 1m });
        _harness.Currencies.Add(new() { Id = 2, CurrencyCode = "XAF", Rate = 655.957m });
        var order = _harness.AddOrder(total: 15.25m);

        var result = await Service.StartAsync(order, PaymentChannel.MobileMoney, "074121212");

        // 15.25 × 655.957 = 10003.344… → 10003
        Assert.That(result.Attempt!.AmountXaf, Is.EqualTo(10_003));
        _harness.Client.Verify(c => c.RequestMobilePaymentAsync(It.Is<MobilePaymentRequest>(r => r.Amount == 10_003), It.IsAny<CancellationToken>()));
    }

    [TestCase(PaymentStatus.Paid, OrderStatus.Processing)]
    [TestCase(PaymentStatus.Pending, OrderStatus.Cancelled)]
    [TestCase(PaymentStatus.Refunded, OrderStatus.Complete)]
    public async Task An_order_that_is_not_pending_payment_is_not_started(PaymentStatus paymentStatus, OrderStatus orderStatus)
    {
        var order = _harness.AddOrder(configure: o => { o.PaymentStatus = paymentStatus; o.OrderStatus = orderStatus; });

        var result = await Service.StartAsync(order, PaymentChannel.MobileMoney, "074121212");

        Assert.That(result.Success, Is.False);
        Assert.That(result.ErrorMessage, Is.EqualTo(En(ServiceKeys.StartOrderNotPayable)));
        _harness.Client.Verify(c => c.GetHashAsync(It.IsAny<GetHashRequest>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task An_order_of_another_payment_method_is_not_started()
    {
        var order = _harness.AddOrder(configure: o => o.PaymentMethodSystemName = "Payments.CheckMoneyOrder");

        var result = await Service.StartAsync(order, PaymentChannel.MobileMoney, "074121212");

        Assert.That(result.Success, Is.False);
        _harness.Client.Verify(c => c.GetHashAsync(It.IsAny<GetHashRequest>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task An_order_paid_meanwhile_by_another_request_is_not_started_again()
    {
        var order = _harness.AddOrder();
        var stored = _harness.Orders.Stored(order.Id);
        stored.PaymentStatus = PaymentStatus.Paid;
        _harness.Orders.Save(stored);

        var result = await Service.StartAsync(order, PaymentChannel.MobileMoney, "074121212"); // stale copy: still pending

        Assert.That(result.Success, Is.False);
        Assert.That(_harness.Orders.Stored(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Paid), "a stale copy was not saved over it");
        _harness.Client.Verify(c => c.GetHashAsync(It.IsAny<GetHashRequest>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task An_invalid_phone_is_refused_with_the_validation_message()
    {
        var order = _harness.AddOrder();

        var result = await Service.StartAsync(order, PaymentChannel.MobileMoney, "011 12 34 56");

        Assert.That(result.Success, Is.False);
        Assert.That(result.ErrorMessage, Is.EqualTo(En(ServiceKeys.ValidationPhoneNotMobileMoney)));
    }

    [Test]
    public async Task A_disabled_channel_is_refused()
    {
        _harness.StoreSettings.CardEnabled = false;
        var order = _harness.AddOrder(channel: PaymentChannel.Card);

        var result = await Service.StartAsync(order, PaymentChannel.Card, null);

        Assert.That(result.Success, Is.False);
        Assert.That(result.ErrorMessage, Is.EqualTo(En(ServiceKeys.ValidationChannelDisabled)));
    }

    [Test]
    public async Task While_another_request_holds_the_order_nothing_is_pushed()
    {
        var order = _harness.AddOrder();
        var guard = _harness.GetSingleton<OrderGuard>();
        guard.Wait = TimeSpan.FromMilliseconds(100);
        await using var held = await guard.TryEnterAsync(order.Id, TimeSpan.Zero);

        var result = await Service.StartAsync(order, PaymentChannel.MobileMoney, "074121212");

        Assert.That(result.Success, Is.False);
        Assert.That(result.ErrorMessage, Is.EqualTo(En(ServiceKeys.StartAlreadyInProgress)));
        _harness.Client.Verify(c => c.GetHashAsync(It.IsAny<GetHashRequest>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Two_tabs_starting_at_once_push_once()
    {
        var order = _harness.AddOrder();
        var release = new TaskCompletionSource();
        _harness.Client.Setup(c => c.RequestMobilePaymentAsync(It.IsAny<MobilePaymentRequest>(), It.IsAny<CancellationToken>()))
            .Returns(async (MobilePaymentRequest r, CancellationToken _) =>
            {
                await release.Task;
                return new MobilePaymentResponse { StatusRequest = new MyPayGaStatus("200") };
            });

        var first = Service.StartAsync(order, PaymentChannel.MobileMoney, "074121212");
        var second = await Service.StartAsync(order, PaymentChannel.MobileMoney, "074121212");
        release.SetResult();

        Assert.That((await first).Success, Is.True);
        Assert.That(second.Success, Is.False);
        _harness.Client.Verify(c => c.RequestMobilePaymentAsync(It.IsAny<MobilePaymentRequest>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    private static IEnumerable<TestCaseData> PushFailures()
    {
        yield return new TestCaseData(
            new MyPayGaException(MyPayGaErrorKind.Rejected, "payment-request", "MyPayGa refused", providerStatus: "400",
                providerMessage: "Dear customer,you have insuffient funds. Thank you."),
            ServiceKeys.StartInsufficientFunds).SetName("Push refused for insufficient funds");
        yield return new TestCaseData(
            new MyPayGaException(MyPayGaErrorKind.Rejected, "payment-request", "MyPayGa refused", providerStatus: "400",
                providerMessage: "Numéro non éligible"),
            ServiceKeys.StartRejected).SetName("Push refused for another reason");
        yield return new TestCaseData(
            new MyPayGaException(MyPayGaErrorKind.Timeout, "payment-request", "No answer in 20 s"),
            ServiceKeys.StartOutcomeUnknown).SetName("Push timed out");
        yield return new TestCaseData(
            new MyPayGaException(MyPayGaErrorKind.HttpError, "payment-request", "HTTP 502", httpStatus: 502),
            ServiceKeys.StartOutcomeUnknown).SetName("Push got a 5xx");
        yield return new TestCaseData(
            new MyPayGaException(MyPayGaErrorKind.ConnectionFailed, "payment-request", "Connection refused"),
            ServiceKeys.StartProviderUnavailable).SetName("Push could not connect");
    }

    [TestCaseSource(nameof(PushFailures))]
    public async Task A_failed_push_leaves_the_order_pending_with_a_note_and_a_message_for_the_shopper(MyPayGaException error, string expectedKey)
    {
        var order = _harness.AddOrder();
        _harness.Client.Setup(c => c.RequestMobilePaymentAsync(It.IsAny<MobilePaymentRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(error);

        var result = await Service.StartAsync(order, PaymentChannel.MobileMoney, "074121212");

        Assert.That(result.Success, Is.False);
        Assert.That(result.ErrorMessage, Does.StartWith(En(expectedKey).Replace("{0}", "").TrimEnd()));
        var stored = _harness.Orders.Stored(order.Id);
        Assert.That(stored.PaymentStatus, Is.EqualTo(PaymentStatus.Pending));
        Assert.That(stored.OrderStatus, Is.EqualTo(OrderStatus.Pending));
        Assert.That(_harness.Orders.MarkedPaidCount + _harness.Orders.CancelledCount, Is.Zero);
        Assert.That(_harness.Orders.NoteTexts(order.Id), Has.Some.Contains("payment-request"), "the admin sees what failed");
        Assert.That(await _harness.CreatePaymentMethod().CanRePostProcessPaymentAsync(stored), Is.True, "the shopper can retry");
        // The attempt stays recorded: after an unknown outcome the prompt may still be approved.
        Assert.That(await _harness.Get<IPaymentAttemptStore>().GetAttemptsAsync(stored), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_rejection_names_mypaygas_reason_to_the_shopper()
    {
        var order = _harness.AddOrder();
        _harness.Client.Setup(c => c.RequestMobilePaymentAsync(It.IsAny<MobilePaymentRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new MyPayGaException(MyPayGaErrorKind.Rejected, "payment-request", "refused", providerStatus: "400", providerMessage: "Numéro non éligible"));

        var result = await Service.StartAsync(order, PaymentChannel.MobileMoney, "074121212");

        Assert.That(result.ErrorMessage, Is.EqualTo("MyPayGa refused the payment request. MyPayGa's message: “Numéro non éligible”"));
    }

    [TestCase("Transaction timed out", ShopperKeys.ReasonTimedOutMobileMoney)]
    [TestCase("Incorrect Pin has been entered", ShopperKeys.ReasonWrongPin)]
    [TestCase("DP00800001007", ShopperKeys.ReasonUnknown)]
    [TestCase("ERR_PAYER_LIMIT", ShopperKeys.ReasonLimitExceeded)]
    [TestCase("E-4021 / 0x1F", ShopperKeys.ReasonUnknown)]
    public async Task A_refused_push_is_explained_in_the_shoppers_words_and_its_raw_text_stays_in_the_order_note(string providerMessage, string reasonKey)
    {
        var order = _harness.AddOrder();
        _harness.Client.Setup(c => c.RequestMobilePaymentAsync(It.IsAny<MobilePaymentRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new MyPayGaException(MyPayGaErrorKind.Rejected, "payment-request", "refused", providerStatus: "400", providerMessage: providerMessage));

        var result = await Service.StartAsync(order, PaymentChannel.MobileMoney, "074121212");

        Assert.That(result.ErrorMessage, Is.EqualTo(En(ServiceKeys.StartRejected).Replace("{0}", En(reasonKey))));
        Assert.That(result.ErrorMessage, Does.Not.Contain(providerMessage));
        Assert.That(_harness.Orders.Notes(order.Id).Select(n => n.Note), Has.Some.Contains(providerMessage));
    }

    [Test]
    public async Task A_failed_gethash_records_no_attempt_and_keeps_the_order_as_it_was()
    {
        var order = _harness.AddOrder();
        _harness.Client.Setup(c => c.GetHashAsync(It.IsAny<GetHashRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new MyPayGaException(MyPayGaErrorKind.HttpError, "gethash", "HTTP 401", httpStatus: 401, rawBody: "{\"message\":\"bad apikey\"}"));

        var result = await Service.StartAsync(order, PaymentChannel.MobileMoney, "074121212");

        Assert.That(result.Success, Is.False);
        Assert.That(result.ErrorMessage, Is.EqualTo(En(ServiceKeys.StartProviderUnavailable)));
        Assert.That(_harness.Attribute(order, MyPayGaDefaults.AttemptsAttribute), Is.Null);
        Assert.That(_harness.Orders.Stored(order.Id).AuthorizationTransactionId, Is.Null);
        Assert.That(_harness.Orders.NoteTexts(order.Id), Has.Some.Contains("gethash").And.Some.Contains("HTTP 401"));
        _harness.Client.Verify(c => c.RequestMobilePaymentAsync(It.IsAny<MobilePaymentRequest>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task An_unconfigured_store_fails_cleanly_without_calling_mypaygas()
    {
        _harness.StoreSettings.TestSecretKey = null;
        var order = _harness.AddOrder();

        var result = await Service.StartAsync(order, PaymentChannel.MobileMoney, "074121212");

        Assert.That(result.Success, Is.False);
        Assert.That(result.ErrorMessage, Is.EqualTo(En(ServiceKeys.StartNotAvailable)));
        _harness.Client.Verify(c => c.GetHashAsync(It.IsAny<GetHashRequest>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Without_an_xaf_currency_nothing_is_started()
    {
        _harness.Currencies.Clear();
        _harness.Currencies.Add(new() { Id = 1, CurrencyCode = "EUR", Rate = 1m });
        var order = _harness.AddOrder();

        var result = await Service.StartAsync(order, PaymentChannel.MobileMoney, "074121212");

        Assert.That(result.Success, Is.False);
        Assert.That(result.ErrorMessage, Is.EqualTo(En(ServiceKeys.StartNotAvailable)));
        Assert.That(_harness.Orders.NoteTexts(order.Id), Has.Some.Contains("XAF"));
    }

    [Test]
    public async Task The_description_template_is_used_and_a_broken_one_falls_back()
    {
        _harness.StoreSettings.PaymentDescriptionTemplate = "Commande {0} chez {1}";
        await Service.StartAsync(_harness.AddOrder(), PaymentChannel.MobileMoney, "074121212");
        _harness.Client.Verify(c => c.GetHashAsync(It.Is<GetHashRequest>(r => r.Description.EndsWith("chez Boutique Libreville")), It.IsAny<CancellationToken>()));

        _harness.StoreSettings.PaymentDescriptionTemplate = "Order {0} {7";
        var order = _harness.AddOrder();
        var result = await Service.StartAsync(order, PaymentChannel.MobileMoney, "074121212");
        Assert.That(result.Success, Is.True);
        _harness.Client.Verify(c => c.GetHashAsync(It.Is<GetHashRequest>(r => r.Description == $"Order {order.CustomOrderNumber}"), It.IsAny<CancellationToken>()));
    }

    [Test]
    public async Task Payer_names_fall_back_to_the_customer_when_the_billing_address_is_missing()
    {
        var order = _harness.AddOrder(configure: o => o.BillingAddressId = 12345);
        _harness.Customer.FirstName = "Jean";
        _harness.Customer.LastName = "Mba";
        _harness.Customer.Email = "jean@example.ga";

        await Service.StartAsync(order, PaymentChannel.MobileMoney, "074121212");

        _harness.Client.Verify(c => c.GetHashAsync(It.Is<GetHashRequest>(r =>
            r.FirstName == "Jean" && r.LastName == "Mba" && r.Email == "jean@example.ga"), It.IsAny<CancellationToken>()));
    }

    [Test]
    public async Task A_refused_push_keeps_the_operators_words_for_the_attempt()
    {
        var order = _harness.AddOrder();
        _harness.Client.Setup(c => c.RequestMobilePaymentAsync(It.IsAny<MobilePaymentRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new MyPayGaException(MyPayGaErrorKind.Rejected, "payment-request", "refused", providerStatus: "400",
                providerMessage: "Numéro non éligible"));

        var result = await Service.StartAsync(order, PaymentChannel.MobileMoney, "074121212");

        Assert.That(_harness.Stored(result.Attempt!).DisplayMessage, Is.EqualTo("Numéro non éligible"));
    }

    [Test]
    public async Task A_push_whose_outcome_is_unknown_keeps_no_message()
    {
        var order = _harness.AddOrder();
        _harness.Client.Setup(c => c.RequestMobilePaymentAsync(It.IsAny<MobilePaymentRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new MyPayGaException(MyPayGaErrorKind.Timeout, "payment-request", "No answer in 20 s"));

        await Service.StartAsync(order, PaymentChannel.MobileMoney, "074121212");

        Assert.That(_harness.Attribute(order, MyPayGaDefaults.ProviderMessagesAttribute), Is.Null);
    }

    [Test]
    public async Task A_card_start_sends_the_typed_receipt_phone_to_gethash_and_keeps_no_phone_on_the_attempt()
    {
        var order = _harness.AddOrder(channel: PaymentChannel.Card, phone: null);

        var result = await Service.StartAsync(order, PaymentChannel.Card, "+241 11 76 54 32");

        Assert.That(result.Success, Is.True, result.ErrorMessage);
        Assert.That(result.Attempt!.Phone, Is.Null, "an attempt's phone is the mobile-money number only");
        _harness.Client.Verify(c => c.GetHashAsync(It.Is<GetHashRequest>(r => r.Phone == "011765432"), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task A_card_start_without_any_phone_says_so_and_never_calls_mypaygas()
    {
        _harness.BillingAddress.PhoneNumber = null;
        _harness.Customer.Phone = null;
        var order = _harness.AddOrder(channel: PaymentChannel.Card, phone: null);

        var result = await Service.StartAsync(order, PaymentChannel.Card, null);

        Assert.That(result.Success, Is.False);
        Assert.That(result.ErrorMessage, Is.EqualTo(En(ServiceKeys.StartCardPhoneMissing)));
        _harness.Client.Verify(c => c.GetHashAsync(It.IsAny<GetHashRequest>(), It.IsAny<CancellationToken>()), Times.Never);
        Assert.That(_harness.Attribute(order, MyPayGaDefaults.AttemptsAttribute), Is.Null);
    }

    [Test]
    public async Task An_unreadable_billing_phone_falls_back_to_the_customers_phone()
    {
        _harness.BillingAddress.PhoneNumber = "n/a";
        _harness.Customer.Phone = "066 12 34 56";
        var order = _harness.AddOrder(channel: PaymentChannel.Card, phone: null);

        var result = await Service.StartAsync(order, PaymentChannel.Card, null);

        Assert.That(result.Success, Is.True, result.ErrorMessage);
        _harness.Client.Verify(c => c.GetHashAsync(It.Is<GetHashRequest>(r => r.Phone == "066123456"), It.IsAny<CancellationToken>()), Times.Once);
        Assert.That((await Service.GetPhoneOnFileAsync(order))?.ForMyPayGa, Is.EqualTo("066123456"));
    }

    [Test]
    public async Task An_unreadable_typed_card_phone_is_refused_with_the_validation_message()
    {
        var order = _harness.AddOrder(channel: PaymentChannel.Card, phone: null);

        var result = await Service.StartAsync(order, PaymentChannel.Card, "phone: 074");

        Assert.That(result.Success, Is.False);
        Assert.That(result.ErrorMessage, Is.EqualTo(En(ServiceKeys.ValidationPhoneInvalidCharacters)));
        _harness.Client.Verify(c => c.GetHashAsync(It.IsAny<GetHashRequest>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task The_phone_on_file_of_a_checkout_comes_from_the_customers_billing_address()
    {
        Assert.That((await Service.GetPhoneOnFileAsync(_harness.Customer))?.ForMyPayGa, Is.EqualTo("074121212"));

        _harness.Customer.BillingAddressId = null;
        Assert.That(await Service.GetPhoneOnFileAsync(_harness.Customer), Is.Null);

        _harness.Customer.Phone = "+241 77 50 84 12";
        Assert.That((await Service.GetPhoneOnFileAsync(_harness.Customer))?.ForMyPayGa, Is.EqualTo("077508412"));
    }
}
