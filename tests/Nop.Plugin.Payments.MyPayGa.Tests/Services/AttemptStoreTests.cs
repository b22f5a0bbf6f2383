using Nop.Plugin.Payments.MyPayGa.Domain;
using Nop.Plugin.Payments.MyPayGa.Services;
using Nop.Plugin.Payments.MyPayGa.Tests.Support;
using NUnit.Framework;

namespace Nop.Plugin.Payments.MyPayGa.Tests.Services;

[TestFixture]
public sealed class AttemptStoreTests
{
    private PluginHarness _harness = null!;

    [SetUp]
    public void SetUp() => _harness = PluginHarness.Create();

    [TearDown]
    public async Task TearDown() => await _harness.DisposeAsync();

    private IPaymentAttemptStore Store => _harness.Get<IPaymentAttemptStore>();

    private static PaymentAttempt Attempt(string orderNumber, int number, string? token = null) => new()
    {
        Number = number,
        UniqueId = $"{orderNumber}-{number}",
        PaymentToken = token ?? $"tok_{orderNumber}_{number}",
        Channel = PaymentChannel.MobileMoney,
        AmountXaf = 5000,
        Phone = "074121212",
        CreatedOnUtc = new DateTime(2026, 11, 27, 9, 0, 0, DateTimeKind.Utc),
    };

    [Test]
    public async Task Attempts_are_kept_as_json_in_order_with_the_newest_token_on_the_order()
    {
        var order = _harness.AddOrder();
        await Store.AddAsync(order, Attempt(order.CustomOrderNumber, 1));
        await Store.AddAsync(order, Attempt(order.CustomOrderNumber, 2));

        var attempts = await Store.GetAttemptsAsync(order);

        Assert.That(attempts.Select(a => a.Number), Is.EqualTo(new[] { 1, 2 }));
        Assert.That(attempts[0], Is.EqualTo(Attempt(order.CustomOrderNumber, 1)), "every field survives the round trip");
        Assert.That((await Store.GetLatestAsync(order))!.Number, Is.EqualTo(2));
        Assert.That(_harness.Orders.Stored(order.Id).AuthorizationTransactionId, Is.EqualTo($"tok_{order.CustomOrderNumber}_2"));
        var json = _harness.Attribute(order, MyPayGaDefaults.AttemptsAttribute)!;
        Assert.That(json, Does.StartWith("[").And.Contain("\"MobileMoney\""));
    }

    [Test]
    public async Task The_same_attempt_cannot_be_recorded_twice()
    {
        var order = _harness.AddOrder();
        await Store.AddAsync(order, Attempt(order.CustomOrderNumber, 1));

        Assert.ThrowsAsync<InvalidOperationException>(() => Store.AddAsync(order, Attempt(order.CustomOrderNumber, 1, "other")));
    }

    [Test]
    public async Task An_unreadable_history_is_never_overwritten()
    {
        var order = _harness.AddOrder();
        _harness.SetAttribute(order, MyPayGaDefaults.AttemptsAttribute, "{not json");

        Assert.That(await Store.GetAttemptsAsync(order), Is.Empty);
        Assert.ThrowsAsync<InvalidOperationException>(() => Store.AddAsync(order, Attempt(order.CustomOrderNumber, 1)));
        Assert.That(_harness.Attribute(order, MyPayGaDefaults.AttemptsAttribute), Is.EqualTo("{not json"));
        Assert.That(_harness.Log, Has.Some.StartsWith("error:"));
    }

    [Test]
    public async Task An_order_is_found_by_its_attempt_reference()
    {
        var order = _harness.AddOrder();
        await Store.AddAsync(order, Attempt(order.CustomOrderNumber, 1));
        await Store.AddAsync(order, Attempt(order.CustomOrderNumber, 2));

        Assert.That((await Store.FindOrderAsync($"{order.CustomOrderNumber}-2", null))?.Id, Is.EqualTo(order.Id));
        Assert.That((await Store.FindOrderAsync($"{order.CustomOrderNumber}-1", $"tok_{order.CustomOrderNumber}_1"))?.Id, Is.EqualTo(order.Id));
    }

    [Test]
    public async Task Custom_order_numbers_with_dashes_are_split_at_the_last_dash()
    {
        var order = _harness.Orders.Add(o => o.CustomOrderNumber = "2026-11-0042");
        await Store.AddAsync(order, Attempt("2026-11-0042", 3));

        Assert.That((await Store.FindOrderAsync("2026-11-0042-3", null))?.Id, Is.EqualTo(order.Id));
    }

    [Test]
    public async Task A_reference_or_token_that_is_not_one_of_the_orders_attempts_finds_nothing()
    {
        var order = _harness.AddOrder();
        await Store.AddAsync(order, Attempt(order.CustomOrderNumber, 1));

        Assert.That(await Store.FindOrderAsync($"{order.CustomOrderNumber}-2", null), Is.Null, "attempt never made");
        Assert.That(await Store.FindOrderAsync($"{order.CustomOrderNumber}-1", "tok_of_another_order"), Is.Null, "token not the order's");
        Assert.That(await Store.FindOrderAsync(order.CustomOrderNumber, null), Is.Null, "a bare order number is not an attempt");
        Assert.That(await Store.FindOrderAsync("nope-1", null), Is.Null);
        Assert.That(await Store.FindOrderAsync(null, $"tok_{order.CustomOrderNumber}_1"), Is.Null, "a token alone is resolved by the caller");
        Assert.That(await Store.FindOrderAsync("", null), Is.Null);
    }

    [Test]
    public async Task Provider_messages_are_kept_per_attempt_cleaned_and_read_back()
    {
        var order = _harness.AddOrder();

        await Store.SaveProviderMessageAsync(order, $"{order.CustomOrderNumber}-1", "Dear customer,\r\nyou have insuffient funds. Thank you.");
        await Store.SaveProviderMessageAsync(order, $"{order.CustomOrderNumber}-2", "Numéro non éligible");

        Assert.That(await Store.GetProviderMessageAsync(order, $"{order.CustomOrderNumber}-1"),
            Is.EqualTo("Dear customer, you have insuffient funds. Thank you."));
        Assert.That(await Store.GetProviderMessageAsync(order, $"{order.CustomOrderNumber}-2"), Is.EqualTo("Numéro non éligible"));
        Assert.That(await Store.GetProviderMessageAsync(order, $"{order.CustomOrderNumber}-3"), Is.Null);
        Assert.That(_harness.Attribute(order, MyPayGaDefaults.ProviderMessagesAttribute), Does.StartWith("{"));
    }

    [Test]
    public async Task A_bare_status_word_never_replaces_a_kept_message()
    {
        var order = _harness.AddOrder();
        var uniqueId = $"{order.CustomOrderNumber}-1";
        await Store.SaveProviderMessageAsync(order, uniqueId, "Dear customer,you have insuffient funds. Thank you.");

        await Store.SaveProviderMessageAsync(order, uniqueId, "Failed");
        await Store.SaveProviderMessageAsync(order, uniqueId, "   ");

        Assert.That(await Store.GetProviderMessageAsync(order, uniqueId), Is.EqualTo("Dear customer,you have insuffient funds. Thank you."));
    }

    [Test]
    public async Task Unreadable_provider_messages_are_simply_none()
    {
        var order = _harness.AddOrder();
        _harness.SetAttribute(order, MyPayGaDefaults.ProviderMessagesAttribute, "{not json");

        Assert.That(await Store.GetProviderMessageAsync(order, $"{order.CustomOrderNumber}-1"), Is.Null);
        await Store.SaveProviderMessageAsync(order, $"{order.CustomOrderNumber}-1", "Solde insuffisant");
        Assert.That(await Store.GetProviderMessageAsync(order, $"{order.CustomOrderNumber}-1"), Is.EqualTo("Solde insuffisant"));
    }

    private static readonly DateTime StartedOn = new(2026, 11, 27, 9, 0, 0, DateTimeKind.Utc);

    [Test]
    public async Task A_start_error_is_read_once()
    {
        var order = _harness.AddOrder();
        await Store.SaveStartErrorAsync(order, "MyPayGa cannot be reached at the moment.", StartedOn);

        var first = await Store.TakeStartErrorAsync(order, StartedOn.AddMinutes(1), TimeSpan.FromMinutes(15));
        var second = await Store.TakeStartErrorAsync(order, StartedOn.AddMinutes(1), TimeSpan.FromMinutes(15));

        Assert.That(first, Is.EqualTo("MyPayGa cannot be reached at the moment."));
        Assert.That(second, Is.Null);
        Assert.That(_harness.Attribute(order, MyPayGaDefaults.StartErrorAttribute), Is.Null, "the attribute is deleted");
    }

    [Test]
    public async Task An_old_or_unreadable_start_error_is_not_shown_and_is_forgotten()
    {
        var order = _harness.AddOrder();
        await Store.SaveStartErrorAsync(order, "Too old to matter.", StartedOn);
        Assert.That(await Store.TakeStartErrorAsync(order, StartedOn.AddMinutes(16), TimeSpan.FromMinutes(15)), Is.Null);
        Assert.That(_harness.Attribute(order, MyPayGaDefaults.StartErrorAttribute), Is.Null);

        _harness.SetAttribute(order, MyPayGaDefaults.StartErrorAttribute, "{not json");
        Assert.That(await Store.TakeStartErrorAsync(order, StartedOn, TimeSpan.FromMinutes(15)), Is.Null);
        Assert.That(_harness.Attribute(order, MyPayGaDefaults.StartErrorAttribute), Is.Null);
    }

    [Test]
    public async Task A_newer_start_error_replaces_the_older_one()
    {
        var order = _harness.AddOrder();
        await Store.SaveStartErrorAsync(order, "first", StartedOn);
        await Store.SaveStartErrorAsync(order, "second", StartedOn.AddMinutes(2));

        Assert.That(await Store.TakeStartErrorAsync(order, StartedOn.AddMinutes(3), TimeSpan.FromMinutes(15)), Is.EqualTo("second"));
    }
}
