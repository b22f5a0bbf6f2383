using Nop.Core.Domain.Directory;
using Nop.Plugin.Payments.MyPayGa.Localization;
using Nop.Plugin.Payments.MyPayGa.Services;
using Nop.Plugin.Payments.MyPayGa.Tests.Support;
using NUnit.Framework;
using static Nop.Plugin.Payments.MyPayGa.Localization.LocaleResources;

namespace Nop.Plugin.Payments.MyPayGa.Tests.Services;

[TestFixture]
public sealed class XafAmountServiceTests
{
    private PluginHarness _harness = null!;

    [SetUp]
    public void SetUp() => _harness = PluginHarness.Create();

    [TearDown]
    public async Task TearDown() => await _harness.DisposeAsync();

    private IXafAmountService Service => _harness.Get<IXafAmountService>();

    private void EuroPrimaryWithXaf(decimal rate = 655.957m)
    {
        _harness.Currencies.Clear();
        _harness.Currencies.Add(new Currency { Id = 1, CurrencyCode = "EUR", Rate = 1m });
        _harness.Currencies.Add(new Currency { Id = 2, CurrencyCode = "XAF", Rate = rate, Published = false });
    }

    [TestCase(10_000, 10_000)]
    [TestCase(9_999.49, 9_999)]
    [TestCase(9_999.5, 10_000)]
    [TestCase(0.5, 1)]
    [TestCase(0.49, 0)]
    [TestCase(1_234_567.5, 1_234_568)]
    public async Task With_xaf_primary_amounts_are_rounded_to_whole_francs_half_up(decimal amount, long expected)
    {
        Assert.That(await Service.GetUnavailabilityReasonAsync(), Is.Null);
        Assert.That(await Service.ToXafAsync(amount), Is.EqualTo(expected));
    }

    [Test]
    public async Task The_xaf_code_is_recognised_whatever_its_case_and_spaces()
    {
        _harness.Currencies[0].CurrencyCode = " xaf ";

        Assert.That(await Service.GetUnavailabilityReasonAsync(), Is.Null);
        Assert.That(await Service.ToXafAsync(100m), Is.EqualTo(100));
    }

    [TestCase(1, 656)]        // 655.957
    [TestCase(15.25, 10_003)] // 10003.344...
    [TestCase(100, 65_596)]   // 65595.7
    [TestCase(0.76, 499)]     // 498.527...
    public async Task With_euro_primary_amounts_are_converted_at_the_xaf_rate_then_rounded(decimal euros, long expected)
    {
        EuroPrimaryWithXaf();

        Assert.That(await Service.GetUnavailabilityReasonAsync(), Is.Null);
        Assert.That(await Service.ToXafAsync(euros), Is.EqualTo(expected));
    }

    [Test]
    public async Task Without_an_xaf_currency_the_method_is_unavailable_with_a_reason()
    {
        _harness.Currencies.Clear();
        _harness.Currencies.Add(new Currency { Id = 1, CurrencyCode = "EUR", Rate = 1m });

        Assert.That(await Service.GetUnavailabilityReasonAsync(), Is.EqualTo(LocaleResources.English[ServiceKeys.XafCurrencyMissing]));
        Assert.ThrowsAsync<InvalidOperationException>(() => Service.ToXafAsync(10m));
        Assert.That(await _harness.CreatePaymentMethod().HidePaymentMethodAsync([]), Is.True);
    }

    [Test]
    public async Task An_xaf_currency_without_a_rate_is_unavailable()
    {
        EuroPrimaryWithXaf(rate: 0m);

        Assert.That(await Service.GetUnavailabilityReasonAsync(), Is.EqualTo(LocaleResources.English[ServiceKeys.XafRateMissing]));
        Assert.ThrowsAsync<InvalidOperationException>(() => Service.ToXafAsync(10m));
    }

    [Test]
    public async Task A_missing_primary_currency_is_unavailable()
    {
        _harness.CurrencySettings.PrimaryStoreCurrencyId = 42;

        Assert.That(await Service.GetUnavailabilityReasonAsync(), Is.EqualTo(LocaleResources.English[ServiceKeys.XafNoPrimaryCurrency]));
    }

    [Test]
    public void Fcfa_is_not_an_iso_code_so_only_xaf_counts()
    {
        _harness.Currencies.Clear();
        _harness.Currencies.Add(new Currency { Id = 1, CurrencyCode = "FCFA", Rate = 1m });

        Assert.ThrowsAsync<InvalidOperationException>(() => Service.ToXafAsync(10m));
    }
}
