using System.Security.Cryptography;
using Moq;
using MyPayGa.Client;
using MyPayGa.Client.Callbacks;
using Nop.Core.Domain.Payments;
using Nop.Core.Domain.Stores;
using Nop.Plugin.Payments.MyPayGa.Services;
using Nop.Plugin.Payments.MyPayGa.Tests.Support;
using Nop.Services.Configuration;
using Nop.Services.Logging;
using Nop.Services.Security;
using Nop.Services.Stores;
using NUnit.Framework;

namespace Nop.Plugin.Payments.MyPayGa.Tests.Services;

/// <summary>
/// Secret settings (test and production secret keys, callback secret) at rest: encrypted with nopCommerce's
/// IEncryptionService, migrated from clear on update, and an undecryptable value is a clear problem — never a crash,
/// never an empty key used silently, never the ciphertext or the key in a message.
/// </summary>
[TestFixture]
public sealed class KeyProtectionTests
{
    private const string TestSecret = "stest_live_looking_secret_4242";
    private const string ProductionSecret = "sprod_live_looking_secret_4242";
    private const string CallbackSecret = "whsec_callback_secret_4242";

    private static MyPayGaKeyProtector Protector(FakeEncryptionService? encryption = null) => new(encryption ?? new FakeEncryptionService());

    #region Round trip

    [TestCase(TestSecret)]
    [TestCase(ProductionSecret)]
    [TestCase("  stest_with_spaces_pasted  ")]
    [TestCase("clé-àccentuée-ÿ-😀")]
    [TestCase("k")]
    public void A_secret_is_stored_encrypted_and_reads_back(string secret)
    {
        var protector = Protector();

        var stored = protector.Protect(secret)!;

        Assert.That(stored, Does.StartWith(MyPayGaKeyProtector.StoredPrefix));
        if (secret.Trim().Length > 4)
            Assert.That(stored, Does.Not.Contain(secret.Trim()));
        Assert.That(protector.IsProtected(stored), Is.True);
        var read = protector.Read(stored);
        Assert.That(read.State, Is.EqualTo(StoredSecretState.Protected));
        Assert.That(read.Value, Is.EqualTo(secret.Trim()));
        Assert.That(read.ToString(), Does.Not.Contain(secret.Trim()), "ToString never prints the value");
    }

    [Test]
    public void With_aes_too()
    {
        var protector = Protector(new FakeEncryptionService { UseAes = true });

        Assert.That(protector.Read(protector.Protect(TestSecret)).Value, Is.EqualTo(TestSecret));
    }

    [Test]
    public void Blank_is_nothing_and_a_protected_value_is_not_encrypted_twice()
    {
        var encryption = new FakeEncryptionService();
        var protector = Protector(encryption);

        Assert.That(protector.Protect(null), Is.Null);
        Assert.That(protector.Protect("   "), Is.Null);
        Assert.That(protector.Read(null).State, Is.EqualTo(StoredSecretState.Empty));
        Assert.That(protector.Read("").State, Is.EqualTo(StoredSecretState.Empty));

        var stored = protector.Protect(TestSecret)!;
        var calls = encryption.EncryptCalls;
        Assert.That(protector.Protect(stored), Is.EqualTo(stored));
        Assert.That(encryption.EncryptCalls, Is.EqualTo(calls));
    }

    [Test]
    public void A_value_saved_in_clear_by_an_earlier_version_still_reads_as_it_is()
    {
        var read = Protector().Read(" " + TestSecret + " ");

        Assert.That(read.State, Is.EqualTo(StoredSecretState.Clear));
        Assert.That(read.Value, Is.EqualTo(TestSecret));
        Assert.That(read.IsUsable, Is.True);
    }

    #endregion

    #region Undecryptable values

    private static IEnumerable<TestCaseData> Unreadable()
    {
        yield return new TestCaseData("another store's encryption key", (Action<FakeEncryptionService>)(e => e.EncryptionKey = "Zq8Lm3Vx6Np1Kt5RwYb7"));
        yield return new TestCaseData("the algorithm switched to AES", (Action<FakeEncryptionService>)(e => e.UseAes = true));
        yield return new TestCaseData("an encryption key too short to use", (Action<FakeEncryptionService>)(e => e.EncryptionKey = "short"));
        yield return new TestCaseData("an encryption service that throws", (Action<FakeEncryptionService>)(e => e.FailWith = new CryptographicException("boom")));
    }

    [TestCaseSource(nameof(Unreadable))]
    public void A_value_that_does_not_decrypt_is_unreadable_never_an_exception(string _, Action<FakeEncryptionService> change)
    {
        var encryption = new FakeEncryptionService();
        var protector = Protector(encryption);
        var stored = protector.Protect(TestSecret)!;

        change(encryption);
        var read = protector.Read(stored);

        Assert.That(read.State, Is.EqualTo(StoredSecretState.Unreadable));
        Assert.That(read.Value, Is.Null);
        Assert.That(read.IsUsable, Is.False);
    }

    [TestCase(MyPayGaKeyProtector.StoredPrefix)]
    [TestCase(MyPayGaKeyProtector.StoredPrefix + "not base64 at all!")]
    [TestCase(MyPayGaKeyProtector.StoredPrefix + "AAAA")]
    public void A_damaged_stored_value_is_unreadable(string stored)
    {
        Assert.That(Protector().Read(stored).State, Is.EqualTo(StoredSecretState.Unreadable));
    }

    [Test]
    public void Garbage_from_a_wrong_key_is_never_taken_for_a_key()
    {
        // A wrong key sometimes decrypts without error (valid padding by chance): the marker inside tells.
        var encryption = new Mock<IEncryptionService>();
        encryption.Setup(e => e.DecryptText(It.IsAny<string>(), It.IsAny<string>())).Returns("\u4e00\u9fa5garbage");

        Assert.That(new MyPayGaKeyProtector(encryption.Object).Read(MyPayGaKeyProtector.StoredPrefix + "AAAA").State,
            Is.EqualTo(StoredSecretState.Unreadable));
    }

    [Test]
    public void A_secret_the_store_cannot_encrypt_is_refused_with_a_message_without_it()
    {
        var protector = Protector(new FakeEncryptionService { FailWith = new ArgumentOutOfRangeException("key", "too short: " + TestSecret) });

        var error = Assert.Throws<MyPayGaKeyProtectionException>(() => protector.Protect(TestSecret));

        Assert.That(error!.Message, Does.Not.Contain(TestSecret));
        Assert.That(error.ToString(), Does.Not.Contain(TestSecret), "no inner exception carrying it either");
    }

    [Test]
    public void A_secret_that_would_not_read_back_is_refused()
    {
        var encryption = new Mock<IEncryptionService>();
        encryption.Setup(e => e.EncryptText(It.IsAny<string>(), It.IsAny<string>())).Returns("QUJD");
        encryption.Setup(e => e.DecryptText(It.IsAny<string>(), It.IsAny<string>())).Returns("MyPayGa|something else");

        Assert.Throws<MyPayGaKeyProtectionException>(() => new MyPayGaKeyProtector(encryption.Object).Protect(TestSecret));
    }

    #endregion

    #region Migration on update

    /// <summary>A settings table in memory: (key, store) → value, as nopCommerce's Setting rows.</summary>
    private sealed class SettingTable
    {
        public Dictionary<(string Key, int Store), string> Rows { get; } = new();
        public Mock<ISettingService> Service { get; } = new();
        public int CacheClears { get; private set; }

        public SettingTable()
        {
            Service.Setup(s => s.GetSettingKey(It.IsAny<MyPayGaSettings>(), It.IsAny<System.Linq.Expressions.Expression<Func<MyPayGaSettings, string?>>>()))
                .Returns((MyPayGaSettings _, System.Linq.Expressions.Expression<Func<MyPayGaSettings, string?>> e) =>
                    "MyPayGaSettings." + ((System.Linq.Expressions.MemberExpression)e.Body).Member.Name);
            Service.Setup(s => s.GetSettingByKeyAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<int>(), It.IsAny<bool>()))
                .ReturnsAsync((string key, string fallback, int store, bool shared) =>
                    Rows.TryGetValue((key.ToLowerInvariant(), store), out var v) ? v
                    : shared && Rows.TryGetValue((key.ToLowerInvariant(), 0), out var s) ? s : fallback);
            Service.Setup(s => s.SetSettingAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<int>(), It.IsAny<bool>()))
                .Callback((string key, string value, int store, bool _) => Rows[(key.ToLowerInvariant(), store)] = value)
                .Returns(Task.CompletedTask);
            Service.Setup(s => s.ClearCacheAsync()).Callback(() => CacheClears++).Returns(Task.CompletedTask);
        }

        public string? this[string property, int store] =>
            Rows.TryGetValue(("mypaygasettings." + property.ToLowerInvariant(), store), out var v) ? v : null;

        public void Set(string property, int store, string value) => Rows[("mypaygasettings." + property.ToLowerInvariant(), store)] = value;
    }

    private static (MyPayGaSecretMigration Migration, SettingTable Table, List<string> Log) Migration(FakeEncryptionService encryption)
    {
        var table = new SettingTable();
        var stores = new Mock<IStoreService>();
        stores.Setup(s => s.GetAllStoresAsync()).ReturnsAsync([new Store { Id = 1 }, new Store { Id = 2 }]);
        var log = new List<string>();
        var logger = new Mock<ILogger>();
        logger.Setup(l => l.ErrorAsync(It.IsAny<string>(), It.IsAny<Exception>(), It.IsAny<Nop.Core.Domain.Customers.Customer>()))
            .Callback((string m, Exception e, Nop.Core.Domain.Customers.Customer _) => log.Add(m + e)).Returns(Task.CompletedTask);
        logger.Setup(l => l.InformationAsync(It.IsAny<string>(), It.IsAny<Exception>(), It.IsAny<Nop.Core.Domain.Customers.Customer>()))
            .Callback((string m, Exception e, Nop.Core.Domain.Customers.Customer _) => log.Add(m + e)).Returns(Task.CompletedTask);
        return (new MyPayGaSecretMigration(table.Service.Object, stores.Object, new MyPayGaKeyProtector(encryption), logger.Object), table, log);
    }

    [Test]
    public async Task Update_encrypts_clear_secrets_for_all_stores_and_each_store_override_and_leaves_the_rest()
    {
        var encryption = new FakeEncryptionService();
        var protector = new MyPayGaKeyProtector(encryption);
        var (migration, table, log) = Migration(encryption);
        table.Set("TestSecretKey", 0, TestSecret);
        table.Set("CallbackSecret", 0, CallbackSecret);
        table.Set("ProductionSecretKey", 2, ProductionSecret);                 // a store's own override
        var alreadyProtected = protector.Protect("stest_store_one_secret")!;
        table.Set("TestSecretKey", 1, alreadyProtected);
        table.Set("TestPublicKey", 0, "ptest_public_stays_clear");

        var encrypted = await migration.ProtectClearSecretsAsync();

        Assert.That(encrypted, Is.EqualTo(3));
        Assert.That(protector.Read(table["TestSecretKey", 0]).Value, Is.EqualTo(TestSecret));
        Assert.That(protector.Read(table["CallbackSecret", 0]).Value, Is.EqualTo(CallbackSecret));
        Assert.That(protector.Read(table["ProductionSecretKey", 2]).Value, Is.EqualTo(ProductionSecret));
        Assert.That(table["TestSecretKey", 1], Is.EqualTo(alreadyProtected), "already encrypted: untouched");
        Assert.That(table["TestPublicKey", 0], Is.EqualTo("ptest_public_stays_clear"), "public keys are public");
        Assert.That(table["ProductionSecretKey", 0], Is.Null, "nothing created where nothing was saved");
        Assert.That(table.Rows.Values, Has.None.Contains(TestSecret).And.None.Contains(ProductionSecret).And.None.Contains(CallbackSecret));
        Assert.That(table.CacheClears, Is.EqualTo(1));
        Assert.That(string.Join("\n", log), Does.Not.Contain(TestSecret).And.Not.Contain("4242"));

        Assert.That(await migration.ProtectClearSecretsAsync(), Is.Zero, "a second update changes nothing");
    }

    [Test]
    public async Task A_secret_that_cannot_be_encrypted_during_the_update_stays_as_it_was_and_is_logged_without_its_value()
    {
        var encryption = new FakeEncryptionService { FailWith = new CryptographicException("no key") };
        var (migration, table, log) = Migration(encryption);
        table.Set("TestSecretKey", 0, TestSecret);

        Assert.That(await migration.ProtectClearSecretsAsync(), Is.Zero);

        Assert.That(table["TestSecretKey", 0], Is.EqualTo(TestSecret), "still usable: not lost");
        Assert.That(log, Has.Some.Contains("mypaygasettings.testsecretkey").IgnoreCase);
        Assert.That(string.Join("\n", log), Does.Not.Contain(TestSecret));
    }

    [Test]
    public async Task The_plugin_update_runs_the_migration()
    {
        await using var harness = PluginHarness.Create();
        var table = new SettingTable();
        table.Set("TestSecretKey", 0, TestSecret);
        harness.SettingService.Setup(s => s.GetSettingKey(It.IsAny<MyPayGaSettings>(), It.IsAny<System.Linq.Expressions.Expression<Func<MyPayGaSettings, string?>>>()))
            .Returns((MyPayGaSettings _, System.Linq.Expressions.Expression<Func<MyPayGaSettings, string?>> e) =>
                "MyPayGaSettings." + ((System.Linq.Expressions.MemberExpression)e.Body).Member.Name);
        harness.SettingService.Setup(s => s.GetSettingByKeyAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<int>(), It.IsAny<bool>()))
            .ReturnsAsync((string key, string fallback, int store, bool _) => table.Rows.TryGetValue((key.ToLowerInvariant(), store), out var v) ? v : fallback);
        harness.SettingService.Setup(s => s.SetSettingAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<int>(), It.IsAny<bool>()))
            .Callback((string key, string value, int store, bool _) => table.Rows[(key.ToLowerInvariant(), store)] = value)
            .Returns(Task.CompletedTask);

        await harness.CreatePaymentMethod().UpdateAsync("4.90.1", "4.90.2");

        Assert.That(new MyPayGaKeyProtector(harness.Encryption).Read(table["TestSecretKey", 0]).State, Is.EqualTo(StoredSecretState.Protected));
    }

    #endregion

    #region The account provider decrypts

    [Test]
    public async Task The_account_provider_decrypts_the_keys_of_the_selected_environment_and_the_callback_secret()
    {
        await using var harness = PluginHarness.Create();
        var protector = new MyPayGaKeyProtector(harness.Encryption);
        harness.StoreSettings.TestSecretKey = protector.Protect(TestSecret);
        harness.StoreSettings.CallbackSecret = protector.Protect(CallbackSecret);

        var account = await harness.Get<IMyPayGaAccountProvider>().GetAccountAsync(0);

        Assert.That(account.SecretKey, Is.EqualTo(TestSecret));
        Assert.That(account.CallbackSecret, Is.EqualTo(CallbackSecret));
        Assert.That(await harness.Get<IMyPayGaAccountProvider>().GetProblemsAsync(0), Is.Empty);
        await harness.Get<IMyPayGaAccountProvider>().GetClientAsync(0);
        Assert.That(harness.LastAccount!.SecretKey, Is.EqualTo(TestSecret), "the client gets the clear key");

        harness.StoreSettings.Environment = MyPayGaEnvironment.Production;
        harness.StoreSettings.ProductionSecretKey = protector.Protect(ProductionSecret);
        harness.StoreSettings.ProductionPublicKey = "pprod_public_key";
        Assert.That((await harness.Get<IMyPayGaAccountProvider>().GetAccountAsync(0)).SecretKey, Is.EqualTo(ProductionSecret));
    }

    [Test]
    public async Task An_undecryptable_key_is_a_clear_problem_the_method_is_hidden_and_the_log_says_it_once_without_the_value()
    {
        await using var harness = PluginHarness.Create();
        var protector = new MyPayGaKeyProtector(harness.Encryption);
        var stored = protector.Protect(TestSecret + Guid.NewGuid().ToString("N"))!;
        harness.StoreSettings.TestSecretKey = stored;
        harness.Encryption.EncryptionKey = "Moved9databaseKey0xx"; // the database now runs under another store's key
        var provider = harness.Get<IMyPayGaAccountProvider>();

        var problems = await provider.GetProblemsAsync(0);
        _ = await provider.GetProblemsAsync(0);

        Assert.That(problems, Has.Some.StartsWith("Test secret key: the saved value cannot be decrypted"));
        Assert.That((await provider.GetAccountAsync(0)).SecretKey, Is.Empty, "never the ciphertext as a key");
        var error = Assert.ThrowsAsync<MyPayGaException>(() => provider.GetClientAsync(0));
        Assert.That(error!.Kind, Is.EqualTo(MyPayGaErrorKind.Configuration));
        Assert.That(await harness.CreatePaymentMethod().HidePaymentMethodAsync([]), Is.True);
        harness.ClientFactory.Verify(f => f.Create(It.IsAny<MyPayGaAccount>()), Times.Never);

        // Store 0 was read five times (checkout reads store 1, which falls back to the same value: its own line).
        var logged = harness.Log.Where(l => l.Contains("cannot be decrypted", StringComparison.Ordinal) && l.Contains("(store 0)", StringComparison.Ordinal)).ToList();
        Assert.That(logged, Has.Count.EqualTo(1), "once, not at every checkout:\n" + string.Join("\n", harness.Log));
        Assert.That(logged[0], Does.StartWith("error:").And.Contain("TestSecretKey"));
        var everything = string.Join("\n", problems) + error.ToString() + string.Join("\n", harness.Log);
        Assert.That(everything, Does.Not.Contain(stored[MyPayGaKeyProtector.StoredPrefix.Length..]), "no ciphertext");
        Assert.That(everything, Does.Not.Contain(TestSecret), "no key");
        Assert.That(everything, Does.Not.Contain(harness.Encryption.EncryptionKey), "no encryption key");
    }

    [Test]
    public async Task An_undecryptable_callback_secret_is_a_problem_too()
    {
        await using var harness = PluginHarness.Create();
        harness.StoreSettings.CallbackSecret = MyPayGaKeyProtector.StoredPrefix + "QUJDREVGR0g=";

        var problems = await harness.Get<IMyPayGaAccountProvider>().GetProblemsAsync(0);

        Assert.That(problems, Has.Some.StartsWith("Callback signature secret: the saved value cannot be decrypted"));
    }

    [Test]
    public async Task A_callback_signed_with_the_secret_saved_encrypted_is_accepted()
    {
        await using var harness = PluginHarness.Create();
        harness.StoreSettings.CallbackSecret = new MyPayGaKeyProtector(harness.Encryption).Protect(CallbackSecret);
        var (order, attempt) = await harness.AddStartedOrderAsync();
        harness.Details[attempt.PaymentToken!] = PluginHarness.Paid(attempt.PaymentToken!, 10_000m);
        var hash = MyPayGaCallbackParser.ComputeSignature(CallbackSecret, "200", attempt.UniqueId, "10000", attempt.PaymentToken!, null, null, null);

        var result = await harness.Get<IMyPayGaCallbackHandler>().HandleAsync(CallbackHandlerTests.FormCallback(
            ("order_status", "200"), ("unique_id", attempt.UniqueId), ("amount", "10000"), ("payment_token", attempt.PaymentToken!), ("hash", hash)));

        Assert.That(result.HttpStatusCode, Is.EqualTo(200), result.Message);
        Assert.That(harness.Orders.Stored(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
        Assert.That(harness.EverythingWritten, Does.Not.Contain(CallbackSecret));
    }

    #endregion
}
