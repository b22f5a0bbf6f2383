using MyPayGa.Sandbox.Domain;
using MyPayGa.Sandbox.Tests.Infrastructure;

namespace MyPayGa.Sandbox.Tests;

public sealed class ConcurrencyTests : SandboxTestBase
{
    [Test]
    public async Task Many_concurrent_payments_stay_consistent()
    {
        const int count = 60;
        var tokens = await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            var token = await CreatePaymentAsync(amount: 100 + i, uniqueId: $"C-{i}");
            var phone = i % 2 == 0 ? "074111111" : "074131313";
            var json = await RequestMobileAsync(token, phone, amount: 100 + i);
            Assert.That(S(json, "statusRequest"), Is.EqualTo("200"));
            return (token, i);
        }));
        Assert.That(tokens.Select(t => t.token).Distinct().Count(), Is.EqualTo(count));
        foreach (var (token, i) in tokens)
        {
            var p = Sandbox.GetPayment(token)!;
            Assert.That(p.Amount, Is.EqualTo(100 + i));
            Assert.That(p.UniqueId, Is.EqualTo($"C-{i}"));
            Assert.That(p.State, Is.EqualTo(i % 2 == 0 ? PaymentState.Succeeded : PaymentState.Failed));
        }
    }

    [Test]
    public async Task Concurrent_refunds_never_exceed_the_paid_amount()
    {
        var token = await CreatePaidPaymentAsync(amount: 1000);
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            PostQueryJsonAsync("/refund/create", Params(("apikey", SecretKey), ("payment_token", token), ("amount", "100"),
                ("description", "d")))));
        Assert.That(results.Count(r => N(r, "statusRequest") == 200), Is.EqualTo(10));
        Assert.That(Sandbox.GetPayment(token)!.RefundedAmount, Is.EqualTo(1000));
    }

    [Test]
    public async Task Concurrent_requests_for_one_payment_push_only_once()
    {
        Sandbox.ConfigureMerchant(m => m with { OutcomeDelayMs = -1 });
        var token = await CreatePaymentAsync();
        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => RequestMobileAsync(token, "074111111")));
        Assert.That(results.Count(r => S(r, "statusRequest") == "200"), Is.EqualTo(1));
    }
}
