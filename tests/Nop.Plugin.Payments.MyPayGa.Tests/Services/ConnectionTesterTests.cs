using System.Net;
using System.Net.Sockets;
using MyPayGa.Client;
using MyPayGa.Sandbox;
using MyPayGa.Sandbox.Control;
using Nop.Plugin.Payments.MyPayGa.Services;
using Nop.Plugin.Payments.MyPayGa.Tests.Support;
using NUnit.Framework;

namespace Nop.Plugin.Payments.MyPayGa.Tests.Services;

/// <summary>
/// "Test connection" with the REAL client against the sandbox on 127.0.0.1: getFees with the saved keys tells an
/// accepted key from a refused one; outages and unreadable answers are told apart; no key in any result or log line.
/// </summary>
[TestFixture]
public sealed class ConnectionTesterTests
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
        _sandbox.ClearFaults();
        _harness = PluginHarness.CreateWithRealClient(_sandbox.BaseUrl);
        // As the configuration page saves it since 4.90.2: encrypted.
        _harness.StoreSettings.TestSecretKey = new MyPayGaKeyProtector(_harness.Encryption).Protect(_sandbox.SecretKey);
    }

    [TearDown]
    public async Task TearDown() => await _harness.DisposeAsync();

    private Task<ConnectionTestResult> TestAsync() => _harness.Get<IMyPayGaConnectionTester>().TestAsync(0);

    private IReadOnlyList<JournalEntry> Requests() => _sandbox.Events().Where(e => e.Kind == "request").ToList();

    private void AssertNoKeyAnywhere(ConnectionTestResult result, params string[] keys)
    {
        foreach (var key in keys.Append(_sandbox.SecretKey))
        {
            Assert.That(result.Message, Does.Not.Contain(key));
            Assert.That(result.ToString(), Does.Not.Contain(key));
            Assert.That(_harness.EverythingWritten, Does.Not.Contain(key));
        }
    }

    [Test]
    public async Task The_sandbox_accepts_the_saved_test_key_and_the_result_says_which_environment_where_and_how_fast()
    {
        var result = await TestAsync();

        Assert.That(result.Outcome, Is.EqualTo(ConnectionTestOutcome.Success), result.Message);
        Assert.That(result.Success, Is.True);
        Assert.That(result.Environment, Is.EqualTo(MyPayGaEnvironment.Test));
        Assert.That(result.ApiBaseUrl, Is.EqualTo(_sandbox.BaseUrl.ToString()));
        Assert.That(result.ElapsedMs, Is.Not.Null.And.GreaterThanOrEqualTo(0).And.LessThan(20_000));
        Assert.That(result.Message, Is.EqualTo("The keys work: MyPayGa accepted the secret key of the Test environment."));

        var requests = Requests();
        Assert.That(requests, Has.Count.EqualTo(1), "one harmless read");
        Assert.That(requests[0].Method, Is.EqualTo("GET"));
        Assert.That(requests[0].Path, Is.EqualTo("/mpayment/getFees"));
        Assert.That(_sandbox.Payments, Is.Empty, "nothing created");
        Assert.That(_harness.Log, Has.Some.Contains("connection test of store 0: Success"));
        AssertNoKeyAnywhere(result);
    }

    [Test]
    public async Task A_key_mypayga_does_not_know_is_reported_as_refused()
    {
        _harness.StoreSettings.TestSecretKey = new MyPayGaKeyProtector(_harness.Encryption).Protect("stest_revoked_or_mistyped_key");

        var result = await TestAsync();

        Assert.That(result.Outcome, Is.EqualTo(ConnectionTestOutcome.KeyRefused), result.Message);
        Assert.That(result.Message, Does.StartWith("MyPayGa refused the secret key of the Test environment."));
        Assert.That(result.ElapsedMs, Is.Not.Null);
        AssertNoKeyAnywhere(result, "stest_revoked_or_mistyped_key");
    }

    [Test]
    public async Task A_production_account_is_tested_with_the_production_key()
    {
        var protector = new MyPayGaKeyProtector(_harness.Encryption);
        _harness.StoreSettings.Environment = MyPayGaEnvironment.Production;
        _harness.StoreSettings.ProductionSecretKey = protector.Protect("sprod_merchant_live_key");
        _harness.StoreSettings.ProductionPublicKey = "pprod_merchant_live_public";

        var result = await TestAsync();

        // The sandbox refuses production keys, as a real MyPayGa refuses a key it does not know.
        Assert.That(result.Outcome, Is.EqualTo(ConnectionTestOutcome.KeyRefused), result.Message);
        Assert.That(result.Environment, Is.EqualTo(MyPayGaEnvironment.Production));
        Assert.That(result.Message, Does.Contain("Production environment"));
        AssertNoKeyAnywhere(result, "sprod_merchant_live_key");
    }

    [Test]
    public async Task Without_a_usable_key_nothing_is_sent()
    {
        _harness.StoreSettings.TestSecretKey = null;

        var result = await TestAsync();

        Assert.That(result.Outcome, Is.EqualTo(ConnectionTestOutcome.NotConfigured));
        Assert.That(result.ElapsedMs, Is.Null);
        Assert.That(result.Message, Does.StartWith("The account of the Test environment cannot be tested yet:"));
        Assert.That(Requests(), Is.Empty);
    }

    [Test]
    public async Task An_undecryptable_key_is_not_configured_and_says_why()
    {
        _harness.Encryption.EncryptionKey = "AnotherStoreKey12345";

        var result = await TestAsync();

        Assert.That(result.Outcome, Is.EqualTo(ConnectionTestOutcome.NotConfigured));
        Assert.That(result.Message, Does.Contain("cannot be decrypted"));
        Assert.That(Requests(), Is.Empty);
    }

    [Test]
    public async Task A_mypayga_outage_is_unreachable_not_a_refused_key()
    {
        _sandbox.AddFault(new FaultRule { Endpoint = "/mpayment/getFees", Kind = FaultKind.HttpError, StatusCode = 503, Count = -1 });

        var result = await TestAsync();

        Assert.That(result.Outcome, Is.EqualTo(ConnectionTestOutcome.Unreachable), result.Message);
        Assert.That(result.Message, Does.StartWith("MyPayGa could not be reached, so the keys could not be checked:"));
        AssertNoKeyAnywhere(result);
    }

    [Test]
    public async Task A_closed_port_is_unreachable()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        _harness.StoreSettings.ApiBaseUrlOverride = $"http://127.0.0.1:{port}/";

        var result = await TestAsync();

        Assert.That(result.Outcome, Is.EqualTo(ConnectionTestOutcome.Unreachable), result.Message);
        Assert.That(result.ApiBaseUrl, Is.EqualTo($"http://127.0.0.1:{port}/"));
        AssertNoKeyAnywhere(result);
    }

    [Test]
    public async Task An_answer_nobody_can_read_is_said_so()
    {
        _sandbox.AddFault(new FaultRule { Endpoint = "/mpayment/getFees", Kind = FaultKind.Malformed, Count = -1 });

        var result = await TestAsync();

        Assert.That(result.Outcome, Is.EqualTo(ConnectionTestOutcome.InvalidAnswer), result.Message);
        AssertNoKeyAnywhere(result);
    }

    [Test]
    public void What_mypayga_says_is_shown_with_keys_masked()
    {
        var account = new MyPayGaAccount { SecretKey = "stest_abc_secret", PublicKey = "ptest_abc_public" };

        var text = MyPayGaConnectionTester.Redact("bad key stest_abc_secret, also ptest_abc_public and sprod_other_9", account);

        Assert.That(text, Is.EqualTo("bad key ***, also *** and ***"));
    }
}
