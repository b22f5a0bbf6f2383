using System.Text.Json;
using MyPayGa.Client.Json;
using MyPayGa.Client.Models;

namespace MyPayGa.Client.Tests;

public sealed class AccountValidationTests
{
    private static MyPayGaAccount Account(string secret, string? publicKey, MyPayGaEnvironment environment) =>
        new() { SecretKey = secret, PublicKey = publicKey, Environment = environment };

    [TestCase("stest_sandbox_secret_key", "ptest_sandbox_public_key", MyPayGaEnvironment.Test)]
    [TestCase("sprod_live_secret", "pprod_live_public", MyPayGaEnvironment.Production)]
    [TestCase("stest_sandbox_secret_key", null, MyPayGaEnvironment.Test)]
    [TestCase("spub_xjbzlzbazzpizeiad", null, MyPayGaEnvironment.Production)]
    [TestCase("unprefixed_key", null, MyPayGaEnvironment.Test)]
    public void Consistent_accounts_have_no_problem(string secret, string? publicKey, MyPayGaEnvironment environment)
    {
        Assert.That(Account(secret, publicKey, environment).Validate(), Is.Empty);
    }

    [TestCase("", null, MyPayGaEnvironment.Test, "secret key is empty")]
    [TestCase("   ", null, MyPayGaEnvironment.Test, "secret key is empty")]
    [TestCase("stest_sandbox_secret_key", null, MyPayGaEnvironment.Production, "secret key is a test key (stest_) but the environment is production")]
    [TestCase("sprod_live_secret", null, MyPayGaEnvironment.Test, "secret key is a production key (sprod_) but the environment is test")]
    [TestCase("sprod_live_secret", "ptest_sandbox_public_key", MyPayGaEnvironment.Production, "public key is a test key (ptest_) but the environment is production")]
    [TestCase("stest_sandbox_secret_key", "pprod_live_public", MyPayGaEnvironment.Test, "public key is a production key (pprod_) but the environment is test")]
    [TestCase("ptest_sandbox_public_key", null, MyPayGaEnvironment.Test, "holds a public key")]
    [TestCase("stest_sandbox_secret_key", "stest_sandbox_secret_key", MyPayGaEnvironment.Test, "would be sent to browsers")]
    [TestCase(" stest_sandbox_secret_key", null, MyPayGaEnvironment.Test, "spaces")]
    public void Problems_are_named_without_the_key(string secret, string? publicKey, MyPayGaEnvironment environment, string problem)
    {
        var problems = Account(secret, publicKey, environment).Validate();

        Assert.That(problems, Has.Some.Contains(problem));
        Assert.That(string.Join(" ", problems), Does.Not.Contain("sandbox_secret_key").And.Not.Contain("live_secret")
            .And.Not.Contain("sandbox_public_key").And.Not.Contain("live_public"));
    }

    [Test]
    public void Relative_urls_and_bad_timeouts_are_problems()
    {
        var account = new MyPayGaAccount
        {
            SecretKey = "stest_sandbox_secret_key",
            ApiBaseUrl = new Uri("/api", UriKind.Relative),
            CardFormUrl = new Uri("ftp://example.test/form"),
            Timeout = TimeSpan.Zero,
        };

        Assert.That(account.Validate(), Is.EquivalentTo(new[]
        {
            "The API base URL must be an absolute URL.",
            "The card form URL must be an http or https URL.",
            "The timeout must be a positive duration.",
        }));
    }

    [Test]
    public void Factory_refuses_an_unusable_account_listing_the_problems()
    {
        var factory = new MyPayGaClientFactory(new NoHttp());

        var e = Assert.Throws<MyPayGaException>(() => factory.Create(Account("sprod_live_secret", "pprod_live_public", MyPayGaEnvironment.Test)));

        Assert.That(e!.Kind, Is.EqualTo(MyPayGaErrorKind.Configuration));
        Assert.That(e.Message, Does.Contain("secret key is a production key (sprod_)").And.Contain("public key is a production key (pprod_)"));
        Assert.That(e.ToString(), Does.Not.Contain("live_secret").And.Not.Contain("live_public"));
    }

    [Test]
    public void Factory_creates_a_client_for_a_good_account()
    {
        var account = Account("stest_sandbox_secret_key", "ptest_sandbox_public_key", MyPayGaEnvironment.Test);

        Assert.That(new MyPayGaClientFactory(new NoHttp()).Create(account).Account, Is.SameAs(account));
    }

    [TestCase("stest_abc", MyPayGaEnvironment.Test)]
    [TestCase("ptest_abc", MyPayGaEnvironment.Test)]
    [TestCase("sprod_abc", MyPayGaEnvironment.Production)]
    [TestCase("pprod_abc", MyPayGaEnvironment.Production)]
    [TestCase("  SPROD_abc ", MyPayGaEnvironment.Production)]
    [TestCase("spub_abc", null)]
    [TestCase("abc", null)]
    [TestCase("", null)]
    public void Environment_from_key(string key, MyPayGaEnvironment? expected)
    {
        Assert.That(MyPayGaEnvironments.FromKey(key), Is.EqualTo(expected));
    }

    private sealed class NoHttp : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => throw new InvalidOperationException("no HTTP in this test");
    }
}

public sealed class PaymentOutcomeTests
{
    // text, OrderStatus, final_status → outcome. The text decides card outcomes; unknown is never paid.
    [TestCase("Success", "200", "200", PaymentOutcome.Paid)]
    [TestCase("success", "200", null, PaymentOutcome.Paid)]
    [TestCase(" Success ", null, null, PaymentOutcome.Paid)]
    [TestCase("Success", "202", null, PaymentOutcome.Paid)]
    [TestCase("Success", "400", "400", PaymentOutcome.Pending)]
    [TestCase("Acceptée avec Risk", "200", "200", PaymentOutcome.PaidWithRisk)]
    [TestCase("Acceptee avec risk", "200", null, PaymentOutcome.PaidWithRisk)]
    [TestCase("ACCEPTÉE  AVEC  RISK", null, "200", PaymentOutcome.PaidWithRisk)]
    [TestCase("Acceptée avec Risk", "400", null, PaymentOutcome.Pending)]
    [TestCase("Refus solde ins", "200", "200", PaymentOutcome.Failed)]
    [TestCase("Refus Risk", "200", "200", PaymentOutcome.Failed)]
    [TestCase("Refus carte volée", "200", "200", PaymentOutcome.Failed)]
    [TestCase("refusée", null, null, PaymentOutcome.Failed)]
    [TestCase(null, "200", "200", PaymentOutcome.Paid)]
    [TestCase("", "200", null, PaymentOutcome.Paid)]
    [TestCase(null, null, "200", PaymentOutcome.Paid)]
    [TestCase(null, "400", "400", PaymentOutcome.Failed)]
    [TestCase("Failed", "400", null, PaymentOutcome.Failed)]
    [TestCase("Dear customer,you have insuffient funds. Thank you.", "400", "400", PaymentOutcome.Failed)]
    [TestCase("Failed", "200", "200", PaymentOutcome.Pending)]
    [TestCase("Payment success", "200", "200", PaymentOutcome.Pending)]
    [TestCase("Pending", "200", null, PaymentOutcome.Pending)]
    [TestCase(null, "200", "400", PaymentOutcome.Pending)]
    [TestCase(null, "100", null, PaymentOutcome.Pending)]
    [TestCase(null, null, null, PaymentOutcome.Pending)]
    [TestCase("Successful", "202", null, PaymentOutcome.Pending)]
    public void Decide(string? text, string? orderStatus, string? finalStatus, PaymentOutcome expected)
    {
        var payment = new PaymentDetail { MessageData = text, OrderStatus = new MyPayGaStatus(orderStatus), FinalStatus = new MyPayGaStatus(finalStatus) };

        Assert.That(PaymentOutcomes.Decide(payment), Is.EqualTo(expected));
        Assert.That(payment.Outcome, Is.EqualTo(expected));
    }
}

public sealed class JsonConverterTests
{
    private sealed record Holder(MyPayGaStatus Status);

    [TestCase("\"200\"", "200")]
    [TestCase("200", "200")]
    [TestCase("200.0", "200")]
    [TestCase("\" 400 \"", "400")]
    [TestCase("\"\"", null)]
    [TestCase("null", null)]
    [TestCase("{\"a\": 1}", null)]
    [TestCase("true", "true")]
    [TestCase("2.5", "2.5")]
    public void Status_from_any_form(string json, string? raw)
    {
        // The public converter (MyPayGaStatus's attribute) and the client's wire reader agree.
        var holder = JsonSerializer.Deserialize<Holder>($"{{\"Status\": {json}}}")!;
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(json));
        reader.Read();

        Assert.That(holder.Status.Raw, Is.EqualTo(raw));
        Assert.That(WireJson.Status(ref reader).Raw, Is.EqualTo(raw));
    }

    [Test]
    public void Missing_status_is_unknown_and_a_status_round_trips_as_a_string()
    {
        Assert.That(JsonSerializer.Deserialize<Holder>("{}")!.Status.IsUnknown, Is.True);
        Assert.That(JsonSerializer.Serialize(new Holder(new MyPayGaStatus("200"))), Is.EqualTo("{\"Status\":\"200\"}"));
        Assert.That(JsonSerializer.Deserialize<Holder>("{\"Status\":200}")!.Status.IsSuccess, Is.True, "the attribute works without the client's options");
    }

    [TestCase("200", true, false)]
    [TestCase("400", false, true)]
    [TestCase("201", false, false)]
    [TestCase(null, false, false)]
    public void Status_meaning(string? raw, bool success, bool failure)
    {
        var status = new MyPayGaStatus(raw);

        Assert.That(status.IsSuccess, Is.EqualTo(success));
        Assert.That(status.IsFailure, Is.EqualTo(failure));
        Assert.That(status.IsUnknown, Is.EqualTo(!success && !failure));
    }
}
