using System.Text.Json;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
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

    private static MyPayGaAttempt Attempt(Order order, int number, string? token = null) => new()
    {
        OrderId = order.Id,
        StoreId = order.StoreId,
        Number = number,
        UniqueId = $"{order.CustomOrderNumber}-{number}",
        PaymentToken = token ?? $"tok_{order.CustomOrderNumber}_{number}",
        Channel = PaymentChannel.MobileMoney,
        AmountXaf = 5000,
        OrderTotal = 5000m,
        Phone = "074121212",
        CreatedOnUtc = new DateTime(2026, 11, 27, 9, 0, 0, DateTimeKind.Utc),
        Status = AttemptStatus.Open,
    };

    [Test]
    public async Task Attempts_are_rows_of_the_plugin_table_read_back_in_order()
    {
        var order = _harness.AddOrder();
        Assert.That(await Store.TryReserveAsync(Attempt(order, 2)), Is.True);
        Assert.That(await Store.TryReserveAsync(Attempt(order, 1)), Is.True);

        var attempts = await Store.GetAttemptsAsync(order);

        Assert.That(attempts.Select(a => a.Number), Is.EqualTo(new[] { 1, 2 }));
        Assert.That(attempts[0].ReservationKey, Is.EqualTo($"{order.Id}-1"));
        Assert.That(attempts[0].PaymentToken, Is.EqualTo($"tok_{order.CustomOrderNumber}_1"));
        Assert.That(attempts[0].Channel, Is.EqualTo(PaymentChannel.MobileMoney));
        Assert.That((await Store.GetLatestAsync(order))!.Number, Is.EqualTo(2));
        Assert.That(_harness.Orders.UpdateCount, Is.Zero, "starting an attempt never writes the order (a stale copy could undo a payment)");
    }

    [Test]
    public async Task Attempt_n_of_an_order_is_reserved_once_even_by_simultaneous_requests()
    {
        var order = _harness.AddOrder();

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(() =>
            _harness.Get<IPaymentAttemptStore>().TryReserveAsync(Attempt(order, 1, $"tok_{i}")))));

        Assert.That(results.Count(won => won), Is.EqualTo(1));
        Assert.That(_harness.AttemptsOf(order), Has.Count.EqualTo(1));
    }

    [Test]
    public void A_database_failure_that_is_not_a_duplicate_is_not_mistaken_for_one()
    {
        var order = _harness.AddOrder();
        _harness.AttemptRows.FailInsert = _ => new TimeoutException("database timeout");

        Assert.ThrowsAsync<TimeoutException>(() => Store.TryReserveAsync(Attempt(order, 1)));
    }

    [Test]
    public async Task An_order_is_found_by_its_token_or_its_attempt_reference()
    {
        var order = _harness.AddOrder();
        await Store.TryReserveAsync(Attempt(order, 1));

        Assert.That((await Store.FindOrderAsync(null, $"tok_{order.CustomOrderNumber}_1"))?.Id, Is.EqualTo(order.Id), "a token alone is enough");
        Assert.That((await Store.FindOrderAsync($"{order.CustomOrderNumber}-1", null))?.Id, Is.EqualTo(order.Id));
        Assert.That((await Store.FindOrderAsync($" {order.CustomOrderNumber}-1 ", $"tok_{order.CustomOrderNumber}_1"))?.Id, Is.EqualTo(order.Id));
    }

    [Test]
    public async Task A_reference_and_a_token_of_different_attempts_find_nothing()
    {
        var order = _harness.AddOrder();
        var other = _harness.AddOrder();
        await Store.TryReserveAsync(Attempt(order, 1));
        await Store.TryReserveAsync(Attempt(other, 1));

        Assert.That(await Store.FindOrderAsync($"{order.CustomOrderNumber}-1", $"tok_{other.CustomOrderNumber}_1"), Is.Null);
        Assert.That(await Store.FindOrderAsync($"{order.CustomOrderNumber}-2", null), Is.Null, "no such attempt");
        Assert.That(await Store.FindOrderAsync(null, "tok_unknown"), Is.Null);
        Assert.That(await Store.FindOrderAsync("", null), Is.Null);
        Assert.That(await Store.FindOrderAsync(null, new string('x', 5000)), Is.Null, "an absurd token is not even looked up");
    }

    [Test]
    public async Task Attempts_of_version_4_90_1_are_imported_from_the_order_attribute_once()
    {
        var order = _harness.AddOrder(configure: o =>
        {
            o.PaymentStatus = PaymentStatus.Paid;
            o.CaptureTransactionId = $"tok_{o.CustomOrderNumber}_2";
        });
        var legacy = JsonSerializer.Serialize(new object[]
        {
            new { Number = 1, UniqueId = $"{order.CustomOrderNumber}-1", PaymentToken = $"tok_{order.CustomOrderNumber}_1", Channel = "MobileMoney", AmountXaf = 5000, Phone = "074121212", CreatedOnUtc = "2026-11-20T09:00:00Z" },
            new { Number = 2, UniqueId = $"{order.CustomOrderNumber}-2", PaymentToken = $"tok_{order.CustomOrderNumber}_2", Channel = "Card", AmountXaf = 5000, Phone = (string?)null, CreatedOnUtc = "2026-11-20T09:05:00Z" },
        });
        _harness.SetAttribute(order, PaymentAttemptStore.LegacyAttemptsAttribute, legacy);

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() =>
            _harness.Get<IPaymentAttemptStore>().GetAttemptsAsync(_harness.Orders.Stored(order.Id)))));

        Assert.That(results, Has.All.Count.EqualTo(2), "every concurrent reader sees both attempts");
        var rows = _harness.AttemptsOf(order);
        Assert.That(rows, Has.Count.EqualTo(2), "imported once");
        Assert.That(rows[0].Status, Is.EqualTo(AttemptStatus.Open), "read again by the processor");
        Assert.That(rows[1].Status, Is.EqualTo(AttemptStatus.Paid), "the attempt that paid the order");
        Assert.That(rows[1].Channel, Is.EqualTo(PaymentChannel.Card));
        Assert.That((await Store.FindOrderAsync(null, $"tok_{order.CustomOrderNumber}_1"))?.Id, Is.EqualTo(order.Id));
    }

    [Test]
    public async Task An_unreadable_legacy_attribute_is_left_alone_and_logged()
    {
        var order = _harness.AddOrder();
        _harness.SetAttribute(order, PaymentAttemptStore.LegacyAttemptsAttribute, "[{not json");

        Assert.That(await Store.GetAttemptsAsync(order), Is.Empty);
        Assert.That(_harness.Attribute(order, PaymentAttemptStore.LegacyAttemptsAttribute), Is.EqualTo("[{not json"));
        Assert.That(_harness.Log, Has.Some.Contains("cannot be read"));
    }

    [Test]
    public async Task Display_messages_are_kept_per_attempt_cleaned_and_never_replaced_by_a_bare_status_word()
    {
        var order = _harness.AddOrder();
        await Store.TryReserveAsync(Attempt(order, 1));
        var attempt = (await Store.GetAttemptsAsync(order))[0];

        await Store.SaveDisplayMessageAsync(attempt, "Dear customer,\r\nyou have insuffient funds. Thank you.");
        await Store.SaveDisplayMessageAsync(attempt, "Failed");
        await Store.SaveDisplayMessageAsync(attempt, "   ");

        Assert.That(_harness.Stored(attempt).DisplayMessage, Is.EqualTo("Dear customer, you have insuffient funds. Thank you."));
    }

    [Test]
    public async Task Attempts_to_follow_are_the_open_ones_of_the_window_newest_first()
    {
        var order = _harness.AddOrder();
        var now = DateTime.UtcNow;
        var old = Attempt(order, 1); old.CreatedOnUtc = now.AddHours(-50);
        var open = Attempt(order, 2); open.CreatedOnUtc = now.AddMinutes(-10);
        var failed = Attempt(order, 3); failed.CreatedOnUtc = now.AddMinutes(-5); failed.Status = AttemptStatus.Failed;
        var newest = Attempt(order, 4); newest.CreatedOnUtc = now.AddMinutes(-1);
        foreach (var attempt in new[] { old, open, failed, newest })
            await Store.TryReserveAsync(attempt);

        var due = await Store.GetAttemptsToFollowAsync(now.AddHours(-48), 100);
        var overdue = await Store.GetOverdueAsync(now.AddHours(-48), 100);

        Assert.That(due.Select(a => a.Number), Is.EqualTo(new[] { 4, 2 }));
        Assert.That(overdue.Select(a => a.Number), Is.EqualTo(new[] { 1 }));
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
