using System.Text.RegularExpressions;
using MyPayGa.Sandbox.Domain;
using MyPayGa.Sandbox.Tests.Infrastructure;

namespace MyPayGa.Sandbox.Tests;

public sealed partial class GetHashTests : SandboxTestBase
{
    [GeneratedRegex("^[A-Za-z0-9]{25}$")]
    private static partial Regex TokenShape();

    [GeneratedRegex("^[0-9a-f]+$")]
    private static partial Regex Hex();

    [Test]
    public async Task Form_body_returns_the_documented_shape()
    {
        var json = await PostFormJsonAsync("/payment/gethash", HashParams(uniqueId: "1234A"));
        Assert.That(Names(json), Is.EqualTo(new[] { "code", "message", "hash", "payment_token", "uniqueID" }));
        Assert.That(S(json, "code"), Is.EqualTo("200"));
        Assert.That(S(json, "message"), Is.EqualTo("References created successfully"));
        Assert.That(S(json, "hash"), Does.Match(Hex()));
        Assert.That(S(json, "payment_token"), Does.Match(TokenShape()));
        Assert.That(S(json, "uniqueID"), Is.EqualTo("1234A"));
    }

    [Test]
    public async Task Query_string_works_as_well()
    {
        var json = await PostQueryJsonAsync("/payment/gethash", HashParams(amount: 2400, uniqueId: "Q-1"));
        Assert.That(S(json, "code"), Is.EqualTo("200"));
        var payment = Sandbox.GetPayment(S(json, "payment_token"))!;
        Assert.That(payment.Amount, Is.EqualTo(2400));
        Assert.That(payment.UniqueId, Is.EqualTo("Q-1"));
        Assert.That(payment.State, Is.EqualTo(PaymentState.Pending));
        Assert.That(payment.Email, Is.EqualTo("client@example.com"));
    }

    [Test]
    public async Task Reusing_a_uniqueID_gives_a_new_token()
    {
        var first = await CreatePaymentAsync(uniqueId: "ORDER-9");
        var second = await CreatePaymentAsync(uniqueId: "ORDER-9");
        Assert.That(second, Is.Not.EqualTo(first));
        Assert.That(Sandbox.GetPayment(first)!.UniqueId, Is.EqualTo(Sandbox.GetPayment(second)!.UniqueId));
    }

    [TestCase("email")]
    [TestCase("firstname")]
    [TestCase("lastname")]
    [TestCase("uniqueID")]
    [TestCase("amount")]
    [TestCase("phone")]
    [TestCase("description")]
    public async Task Missing_required_parameter_is_a_400_inside_http_200(string parameter)
    {
        var fields = HashParams();
        fields.Remove(parameter);
        var json = await PostFormJsonAsync("/payment/gethash", fields);
        Assert.That(S(json, "code"), Is.EqualTo("400"));
        Assert.That(S(json, "message"), Does.Contain(parameter));
        Assert.That(json.TryGetProperty("payment_token", out _), Is.False);
    }

    [TestCase("100.5", "whole")]
    [TestCase("-3", "positive")]
    [TestCase("0", "positive")]
    [TestCase("abc", "whole positive")]
    [TestCase("1e3", "whole")]
    [TestCase(" ", "Missing parameter")]
    public async Task Amount_must_be_a_whole_positive_number(string amount, string hint)
    {
        var fields = HashParams();
        fields["amount"] = amount;
        var json = await PostFormJsonAsync("/payment/gethash", fields);
        Assert.That(S(json, "code"), Is.EqualTo("400"));
        Assert.That(S(json, "message"), Does.Contain("amount").And.Contain(hint));
        Assert.That(Sandbox.Payments, Is.Empty);
    }

    [Test]
    public async Task Form_value_wins_over_the_query_string_for_the_same_name()
    {
        var response = await Http.PostAsync(WithQuery("/payment/gethash", Params(("amount", "999"))),
            new FormUrlEncodedContent(HashParams(amount: 700)));
        var json = await JsonAsync(response);
        Assert.That(Sandbox.GetPayment(S(json, "payment_token"))!.Amount, Is.EqualTo(700));
    }
}
