using Microsoft.Extensions.DependencyInjection;
using Moq;
using MyPayGa.Client.Models;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.MyPayGa.Domain;
using Nop.Plugin.Payments.MyPayGa.Services;
using Nop.Plugin.Payments.MyPayGa.Tests.Support;
using Nop.Services.Configuration;
using NUnit.Framework;

namespace Nop.Plugin.Payments.MyPayGa.Tests.Services;

[TestFixture]
public sealed class StatusCacheTests
{
    private PluginHarness _harness = null!;

    [SetUp]
    public void SetUp() => _harness = PluginHarness.Create();

    [TearDown]
    public async Task TearDown() => await _harness.DisposeAsync();

    [Test]
    public void The_cache_is_one_for_the_whole_application()
    {
        var fromOneRequest = _harness.Get<IPaymentStatusCache>();
        var fromAnother = _harness.Get<IPaymentStatusCache>();
        Assert.That(fromOneRequest, Is.SameAs(fromAnother));
    }

    [Test]
    public async Task Twenty_tabs_polling_one_order_at_once_cause_one_read_of_mypaygas()
    {
        var (order, _) = await _harness.AddStartedOrderAsync();
        _harness.DetailDelay = TimeSpan.FromMilliseconds(150);
        var cache = _harness.GetSingleton<IPaymentStatusCache>();

        var polls = Enumerable.Range(0, 20).Select(_ => Task.Run(() => cache.GetAsync(_harness.Orders.Stored(order.Id)))).ToList();
        var snapshots = await Task.WhenAll(polls);

        Assert.That(_harness.DetailReads, Is.EqualTo(1));
        Assert.That(snapshots.Select(s => s.State), Is.All.EqualTo(PaymentState.Pending));
        Assert.That(snapshots.Distinct().Count(), Is.EqualTo(1), "they all got the one snapshot");
    }

    [Test]
    public async Task A_snapshot_is_reused_for_the_configured_seconds_then_read_again()
    {
        var (order, _) = await _harness.AddStartedOrderAsync();
        var time = new ManualTime();
        var cache = NewCache(time);

        await cache.GetAsync(order);
        time.Advance(TimeSpan.FromSeconds(4));
        await cache.GetAsync(order);
        Assert.That(_harness.DetailReads, Is.EqualTo(1));

        time.Advance(TimeSpan.FromSeconds(2));
        await cache.GetAsync(order);
        Assert.That(_harness.DetailReads, Is.EqualTo(2));
    }

    [Test]
    public async Task A_final_state_is_kept_longer()
    {
        var (order, attempt) = await _harness.AddStartedOrderAsync();
        _harness.Details[attempt.PaymentToken!] = PluginHarness.Failed(attempt.PaymentToken!);
        var time = new ManualTime();
        var cache = NewCache(time);

        await cache.GetAsync(order);
        time.Advance(TimeSpan.FromSeconds(30));
        Assert.That((await cache.GetAsync(order)).State, Is.EqualTo(PaymentState.Failed));
        Assert.That(_harness.DetailReads, Is.EqualTo(1));

        time.Advance(PaymentStatusCache.FinalStateLifetime);
        Assert.That((await cache.GetAsync(order)).State, Is.EqualTo(PaymentState.Failed));
        Assert.That(_harness.DetailReads, Is.EqualTo(1), "a failed attempt is final: never read again");
    }

    [Test]
    public async Task Invalidate_forces_a_new_read()
    {
        var (order, _) = await _harness.AddStartedOrderAsync();
        var cache = _harness.GetSingleton<IPaymentStatusCache>();

        await cache.GetAsync(order);
        cache.Invalidate(order.Id);
        await cache.GetAsync(order);

        Assert.That(_harness.DetailReads, Is.EqualTo(2));
    }

    [Test]
    public async Task Starting_a_new_attempt_invalidates_the_order_entry()
    {
        var (order, first) = await _harness.AddStartedOrderAsync();
        _harness.Details[first.PaymentToken!] = PluginHarness.Failed(first.PaymentToken!);
        var cache = _harness.GetSingleton<IPaymentStatusCache>();
        Assert.That((await cache.GetAsync(order)).Attempt!.Number, Is.EqualTo(1));

        var second = await _harness.Get<IMyPayGaCheckoutService>().StartAsync(order, PaymentChannel.MobileMoney, "074121212");
        Assert.That(second.Success, Is.True, second.ErrorMessage);

        Assert.That((await cache.GetAsync(order)).Attempt!.Number, Is.EqualTo(2));
    }

    [Test]
    public async Task Orders_are_cached_separately()
    {
        var (first, _) = await _harness.AddStartedOrderAsync();
        var (second, _) = await _harness.AddStartedOrderAsync();
        var cache = _harness.GetSingleton<IPaymentStatusCache>();

        var a = await cache.GetAsync(first);
        var b = await cache.GetAsync(second);

        Assert.That(a.OrderId, Is.EqualTo(first.Id));
        Assert.That(b.OrderId, Is.EqualTo(second.Id));
        Assert.That(_harness.DetailReads, Is.EqualTo(2));
    }

    [Test]
    public async Task A_failing_check_is_not_cached_and_reaches_every_waiting_caller()
    {
        var order = _harness.AddOrder();
        var processor = new Mock<IPaymentStatusProcessor>();
        var calls = 0;
        processor.Setup(p => p.ProcessAsync(It.IsAny<Order>(), It.IsAny<StatusTrigger>(), It.IsAny<StatusCheckOptions>(), It.IsAny<CancellationToken>()))
            .Returns(async (Order o, StatusTrigger _, StatusCheckOptions _, CancellationToken _) =>
            {
                await Task.Delay(50);
                if (Interlocked.Increment(ref calls) == 1)
                    throw new InvalidOperationException("database unavailable");
                return new PaymentStatusSnapshot { OrderId = o.Id, State = PaymentState.Pending, ReadOnUtc = DateTime.UtcNow };
            });
        var cache = CacheOver(processor.Object, new ManualTime());

        var waiting = Enumerable.Range(0, 5).Select(_ => cache.GetAsync(order)).ToList();
        foreach (var call in waiting)
            Assert.ThrowsAsync<InvalidOperationException>(async () => await call);
        var next = await cache.GetAsync(order);

        Assert.That(next.State, Is.EqualTo(PaymentState.Pending));
        Assert.That(calls, Is.EqualTo(2));
    }

    [Test]
    public async Task A_caller_giving_up_does_not_cancel_the_shared_check()
    {
        var (order, _) = await _harness.AddStartedOrderAsync();
        _harness.DetailDelay = TimeSpan.FromMilliseconds(200);
        var cache = _harness.GetSingleton<IPaymentStatusCache>();
        using var impatient = new CancellationTokenSource(TimeSpan.FromMilliseconds(20));

        var leaving = cache.GetAsync(order, impatient.Token);
        var staying = cache.GetAsync(order);

        Assert.CatchAsync<OperationCanceledException>(async () => await leaving);
        Assert.That((await staying).State, Is.EqualTo(PaymentState.Pending));
        Assert.That(_harness.DetailReads, Is.EqualTo(1));
    }

    [Test]
    public async Task Old_entries_are_swept()
    {
        var time = new ManualTime();
        var cache = NewCache(time);
        for (var i = 0; i < 10; i++)
        {
            var (order, _) = await _harness.AddStartedOrderAsync();
            await cache.GetAsync(order);
        }

        Assert.That(cache.Count, Is.EqualTo(10));
        time.Advance(TimeSpan.FromMinutes(5));
        var (last, _) = await _harness.AddStartedOrderAsync();
        await cache.GetAsync(last);

        Assert.That(cache.Count, Is.EqualTo(1));
    }

    private PaymentStatusCache NewCache(TimeProvider time) =>
        new(_harness.GetSingleton<IServiceScopeFactory>(), time);

    private PaymentStatusCache CacheOver(IPaymentStatusProcessor processor, TimeProvider time)
    {
        var services = new ServiceCollection();
        services.AddSingleton(processor);
        services.AddSingleton(_harness.SettingService.Object);
        return new PaymentStatusCache(services.BuildServiceProvider().GetRequiredService<IServiceScopeFactory>(), time);
    }

    private sealed class ManualTime : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

        public void Advance(TimeSpan by) => _now += by;

        public override DateTimeOffset GetUtcNow() => _now;
    }
}
