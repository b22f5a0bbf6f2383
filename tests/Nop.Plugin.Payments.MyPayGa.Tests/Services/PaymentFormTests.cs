using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Nop.Plugin.Payments.MyPayGa.Domain;
using Nop.Plugin.Payments.MyPayGa.Localization;
using Nop.Plugin.Payments.MyPayGa.Tests.Support;
using NUnit.Framework;
using static Nop.Plugin.Payments.MyPayGa.Localization.LocaleResources;

namespace Nop.Plugin.Payments.MyPayGa.Tests.Services;

[TestFixture]
public sealed class PaymentFormTests
{
    private PluginHarness _harness = null!;

    [SetUp]
    public void SetUp() => _harness = PluginHarness.Create();

    [TearDown]
    public async Task TearDown() => await _harness.DisposeAsync();

    private static IFormCollection Form(string? channel, string? phone, string? cardPhone = null)
    {
        var fields = new Dictionary<string, StringValues>();
        if (channel is not null)
            fields[MyPayGaDefaults.ChannelFormField] = channel;
        if (phone is not null)
            fields[MyPayGaDefaults.PhoneFormField] = phone;
        if (cardPhone is not null)
            fields[MyPayGaDefaults.CardPhoneFormField] = cardPhone;
        return new FormCollection(fields);
    }

    private static string En(string key) => LocaleResources.English[key];

    private Task<IList<string>> ValidateAsync(string? channel, string? phone) =>
        _harness.CreatePaymentMethod().ValidatePaymentFormAsync(Form(channel, phone));

    [TestCase("074 12 12 12")]
    [TestCase("+241 74 12 12 12")]
    [TestCase("00241074121212")]
    [TestCase("066.12.34.56")]
    [TestCase("242056549200")]
    [TestCase("650121212")]
    public async Task A_mobile_money_number_that_parses_is_accepted(string phone)
    {
        Assert.That(await ValidateAsync("MobileMoney", phone), Is.Empty);
    }

    [TestCase(null, ServiceKeys.ValidationPhoneRequired)]
    [TestCase("   ", ServiceKeys.ValidationPhoneRequired)]
    [TestCase("074 12 12 1a", ServiceKeys.ValidationPhoneInvalidCharacters)]
    [TestCase("074/121212", ServiceKeys.ValidationPhoneInvalidCharacters)]
    [TestCase("0741212", ServiceKeys.ValidationPhoneTooShort)]
    [TestCase("+2410741212121212121", ServiceKeys.ValidationPhoneTooLong)]
    [TestCase("011 12 34 56", ServiceKeys.ValidationPhoneNotMobileMoney)]
    [TestCase("063 12 34 56", ServiceKeys.ValidationPhoneNotMobileMoney)]
    public async Task Each_phone_error_has_its_own_localised_message(string? phone, string expectedKey)
    {
        var errors = await ValidateAsync("MobileMoney", phone);

        Assert.That(errors, Is.EqualTo(new[] { En(expectedKey) }));
    }

    [Test]
    public async Task Card_needs_no_phone()
    {
        Assert.That(await ValidateAsync("Card", null), Is.Empty);
    }

    [TestCase("card")]
    [TestCase("MOBILEMONEY")]
    public async Task Channel_names_are_read_without_regard_to_case(string channel)
    {
        Assert.That(await ValidateAsync(channel, "074121212"), Is.Empty);
    }

    [TestCase("1")]
    [TestCase("-1")]
    [TestCase("Cash")]
    public async Task An_unknown_channel_is_refused(string channel)
    {
        Assert.That(await ValidateAsync(channel, "074121212"), Is.EqualTo(new[] { En(ServiceKeys.ValidationChannelRequired) }));
    }

    [Test]
    public async Task With_both_channels_enabled_a_missing_channel_must_be_chosen()
    {
        Assert.That(await ValidateAsync(null, "074121212"), Is.EqualTo(new[] { En(ServiceKeys.ValidationChannelRequired) }));
    }

    [Test]
    public async Task With_only_mobile_money_enabled_the_channel_may_be_absent_and_the_phone_is_still_checked()
    {
        _harness.StoreSettings.CardEnabled = false;

        Assert.That(await ValidateAsync(null, "074121212"), Is.Empty);
        Assert.That(await ValidateAsync(null, ""), Is.EqualTo(new[] { En(ServiceKeys.ValidationPhoneRequired) }));
    }

    [Test]
    public async Task With_only_card_enabled_the_channel_may_be_absent()
    {
        _harness.StoreSettings.MobileMoneyEnabled = false;

        Assert.That(await ValidateAsync(null, null), Is.Empty);
    }

    [Test]
    public async Task A_disabled_channel_is_refused()
    {
        _harness.StoreSettings.CardEnabled = false;
        Assert.That(await ValidateAsync("Card", null), Is.EqualTo(new[] { En(ServiceKeys.ValidationChannelDisabled) }));

        _harness.StoreSettings.CardEnabled = true;
        _harness.StoreSettings.MobileMoneyEnabled = false;
        Assert.That(await ValidateAsync("MobileMoney", "074121212"), Is.EqualTo(new[] { En(ServiceKeys.ValidationChannelDisabled) }));
    }

    [Test]
    public async Task Card_without_a_public_key_counts_as_disabled()
    {
        _harness.StoreSettings.TestPublicKey = null;

        Assert.That(await ValidateAsync("Card", null), Is.EqualTo(new[] { En(ServiceKeys.ValidationChannelDisabled) }));
        Assert.That(await ValidateAsync(null, "074121212"), Is.Empty, "mobile money is then the only channel");
    }

    [Test]
    public async Task With_no_channel_enabled_every_form_is_refused()
    {
        _harness.StoreSettings.CardEnabled = false;
        _harness.StoreSettings.MobileMoneyEnabled = false;

        Assert.That(await ValidateAsync(null, "074121212"), Is.EqualTo(new[] { En(ServiceKeys.ValidationChannelDisabled) }));
    }

    [Test]
    public async Task Payment_info_for_mobile_money_shows_the_masked_number_and_hides_the_digits()
    {
        var request = await _harness.CreatePaymentMethod().GetPaymentInfoAsync(Form("MobileMoney", "+241 74 12 12 12"));

        var visible = request.CustomValues.Where(v => v.DisplayToCustomer).ToList();
        Assert.That(visible, Has.Count.EqualTo(1));
        Assert.That(visible[0].Name, Is.EqualTo(En(ServiceKeys.CustomValueMobileMoneyNumber)));
        Assert.That(visible[0].Value, Is.EqualTo("074 ••• •12 (Airtel Money)"));
        Assert.That(visible[0].Value, Does.Not.Contain("0741212"));

        Assert.That(request.CustomValues.TryGetValue(MyPayGaDefaults.PhoneCustomValue, out var phone), Is.True);
        Assert.That(phone.Value, Is.EqualTo("074121212"));
        Assert.That(phone.DisplayToCustomer, Is.False);
        Assert.That(request.CustomValues.TryGetValue(MyPayGaDefaults.ChannelCustomValue, out var channel), Is.True);
        Assert.That(channel.Value, Is.EqualTo(nameof(PaymentChannel.MobileMoney)));
        Assert.That(channel.DisplayToCustomer, Is.False);
    }

    [Test]
    public async Task Payment_info_for_a_moov_number_names_moov()
    {
        var request = await _harness.CreatePaymentMethod().GetPaymentInfoAsync(Form("MobileMoney", "066 12 34 56"));

        Assert.That(request.CustomValues[En(ServiceKeys.CustomValueMobileMoneyNumber)], Is.EqualTo("066 ••• •56 (Moov Money)"));
    }

    [Test]
    public async Task Payment_info_for_card_has_a_visible_channel_and_no_phone()
    {
        var request = await _harness.CreatePaymentMethod().GetPaymentInfoAsync(Form("Card", "074121212"));

        Assert.That(request.CustomValues[En(ServiceKeys.CustomValuePaymentChannel)], Is.EqualTo(En(ServiceKeys.ChannelCard)));
        Assert.That(request.CustomValues.TryGetValue(MyPayGaDefaults.PhoneCustomValue, out _), Is.False);
        Assert.That(request.CustomValues[MyPayGaDefaults.ChannelCustomValue], Is.EqualTo(nameof(PaymentChannel.Card)));
    }

    [Test]
    public async Task Hidden_values_survive_the_order_xml_round_trip_that_nopCommerce_does()
    {
        var request = await _harness.CreatePaymentMethod().GetPaymentInfoAsync(Form("MobileMoney", "077 50 84 12"));
        var order = _harness.Orders.Add(o => o.CustomValuesXml = request.CustomValues.SerializeToXml());

        var (channel, phone) = MyPayGaPaymentMethod.ReadOrderChoice(order);

        Assert.That(channel, Is.EqualTo(PaymentChannel.MobileMoney));
        Assert.That(phone, Is.EqualTo("077508412"));
    }

    private void NoPhoneOnFile()
    {
        _harness.BillingAddress.PhoneNumber = "";
        _harness.Customer.Phone = null;
    }

    [Test]
    public async Task Card_without_a_phone_on_file_needs_one_typed()
    {
        NoPhoneOnFile();

        Assert.That(await _harness.CreatePaymentMethod().ValidatePaymentFormAsync(Form("Card", null)),
            Is.EqualTo(new[] { En(ServiceKeys.ValidationCardPhoneRequired) }));
        Assert.That(await _harness.CreatePaymentMethod().ValidatePaymentFormAsync(Form("Card", null, cardPhone: "  ")),
            Is.EqualTo(new[] { En(ServiceKeys.ValidationCardPhoneRequired) }));
        Assert.That(await _harness.CreatePaymentMethod().ValidatePaymentFormAsync(Form("Card", null, cardPhone: "074 12 34 56")), Is.Empty);
    }

    [TestCase("+241 11 76 54 32")]
    [TestCase("+33 6 12 34 56 78")]
    [TestCase("077 50 84 12")]
    public async Task Any_readable_number_will_do_for_the_card_receipt(string cardPhone)
    {
        NoPhoneOnFile();

        Assert.That(await _harness.CreatePaymentMethod().ValidatePaymentFormAsync(Form("Card", null, cardPhone)), Is.Empty);
    }

    [Test]
    public async Task A_typed_card_phone_is_checked_even_with_a_phone_on_file()
    {
        Assert.That(await _harness.CreatePaymentMethod().ValidatePaymentFormAsync(Form("Card", null, cardPhone: "074 12")),
            Is.EqualTo(new[] { En(ServiceKeys.ValidationPhoneTooShort) }));
    }

    [Test]
    public async Task Payment_info_for_card_carries_the_typed_receipt_phone_hidden()
    {
        var request = await _harness.CreatePaymentMethod().GetPaymentInfoAsync(Form("Card", "074121212", cardPhone: "+241 11 76 54 32"));

        Assert.That(request.CustomValues.TryGetValue(MyPayGaDefaults.PhoneCustomValue, out var phone), Is.True);
        Assert.That(phone.Value, Is.EqualTo("011765432"));
        Assert.That(phone.DisplayToCustomer, Is.False);
        Assert.That(request.CustomValues.Where(v => v.DisplayToCustomer).Select(v => v.Value), Has.None.Contains("76"));
        Assert.That(MyPayGaPaymentMethod.ReadOrderChoice(_harness.Orders.Add(o => o.CustomValuesXml = request.CustomValues.SerializeToXml())),
            Is.EqualTo((PaymentChannel.Card, "011765432")));
    }
}
