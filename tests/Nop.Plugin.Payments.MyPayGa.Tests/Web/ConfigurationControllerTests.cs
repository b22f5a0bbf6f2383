using System.Linq.Expressions;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Moq;
using MyPayGa.Client;
using Nop.Core.Domain.Stores;
using Nop.Plugin.Payments.MyPayGa.Controllers;
using Nop.Plugin.Payments.MyPayGa.Factories;
using Nop.Plugin.Payments.MyPayGa.Models;
using Nop.Plugin.Payments.MyPayGa.Services;
using Nop.Plugin.Payments.MyPayGa.Tests.Support;
using Nop.Services.Configuration;
using Nop.Services.Logging;
using Nop.Services.Messages;
using Nop.Services.ScheduleTasks;
using Nop.Services.Security;
using Nop.Services.Stores;
using Nop.Web.Framework;
using Nop.Web.Framework.Mvc.Filters;
using NUnit.Framework;
using static Nop.Plugin.Payments.MyPayGa.Localization.LocaleResources;

namespace Nop.Plugin.Payments.MyPayGa.Tests.Web;

[TestFixture]
public sealed class ConfigurationControllerTests
{
    private const string StoredTestSecret = "stest_sandbox_secret_key";
    private const string StoredProductionSecret = "sprod_sandbox_secret_key";
    private const string StoredCallbackSecret = "sandbox_callback_secret";

    /// <summary>One SaveSettingOverridablePerStoreAsync call: the property, its value at that moment, and the flags.</summary>
    private sealed record Save(string Property, object? Value, bool OverrideForStore, int StoreId, bool ClearCache);

    private MyPayGaSettings _stored = null!;
    private Mock<ISettingService> _settingService = null!;
    private Mock<INotificationService> _notifications = null!;
    private Mock<IXafAmountService> _xaf = null!;
    private Mock<IMyPayGaAccountProvider> _accounts = null!;
    private Mock<IMyPayGaWarningService> _warnings = null!;
    private Mock<IMyPayGaConnectionTester> _tester = null!;
    private Mock<IScheduleTaskService> _tasks = null!;
    private FakeEncryptionService _encryption = null!;
    private MyPayGaKeyProtector _protector = null!;
    private List<Save> _saves = null!;
    private int _scope;

    [SetUp]
    public void SetUp()
    {
        _scope = 0;
        _saves = [];
        _stored = new MyPayGaSettings
        {
            TestSecretKey = StoredTestSecret,
            TestPublicKey = "ptest_sandbox_public_key",
            ProductionSecretKey = StoredProductionSecret,
            CallbackSecret = StoredCallbackSecret,
        };

        _settingService = new Mock<ISettingService>();
        _settingService.Setup(s => s.LoadSettingAsync<MyPayGaSettings>(It.IsAny<int>()))
            .ReturnsAsync(() => JsonSerializer.Deserialize<MyPayGaSettings>(JsonSerializer.Serialize(_stored))!);
        _settingService.Setup(s => s.SettingExistsAsync(It.IsAny<MyPayGaSettings>(),
                It.IsAny<Expression<Func<MyPayGaSettings, It.IsAnyType>>>(), It.IsAny<int>()))
            .Returns(Task.FromResult(false));
        _settingService.Setup(s => s.SaveSettingOverridablePerStoreAsync(It.IsAny<MyPayGaSettings>(),
                It.IsAny<Expression<Func<MyPayGaSettings, It.IsAnyType>>>(), It.IsAny<bool>(), It.IsAny<int>(), It.IsAny<bool>()))
            .Callback(new InvocationAction(invocation =>
            {
                var arguments = invocation.Arguments;
                var settings = (MyPayGaSettings)arguments[0]!;
                var selector = (LambdaExpression)arguments[1]!;
                var property = ((MemberExpression)selector.Body).Member.Name;
                _saves.Add(new Save(property, selector.Compile().DynamicInvoke(settings),
                    (bool)arguments[2]!, (int)arguments[3]!, (bool)arguments[4]!));
            }))
            .Returns(Task.CompletedTask);

        _notifications = new Mock<INotificationService>();
        _xaf = new Mock<IXafAmountService>();
        _accounts = new Mock<IMyPayGaAccountProvider>();
        _accounts.Setup(a => a.GetProblemsAsync(It.IsAny<int>())).ReturnsAsync([]);
        _warnings = new Mock<IMyPayGaWarningService>();
        _warnings.Setup(w => w.GetStoreWarningsAsync(It.IsAny<int>())).ReturnsAsync([]);
        _tester = new Mock<IMyPayGaConnectionTester>();
        _tasks = new Mock<IScheduleTaskService>();
        _tasks.Setup(t => t.GetTaskByTypeAsync(PendingPaymentReconciliationTask.TaskType))
            .ReturnsAsync(new Nop.Core.Domain.ScheduleTasks.ScheduleTask { Enabled = true, Name = PendingPaymentReconciliationTask.TaskName });
        _encryption = new FakeEncryptionService();
        _protector = new MyPayGaKeyProtector(_encryption);
    }

    private MyPayGaConfigurationController Controller(string? storeUrl = WebFakes.StoreUrl)
    {
        var stores = new Mock<IStoreService>();
        stores.Setup(s => s.GetStoreByIdAsync(2)).ReturnsAsync(new Store { Id = 2, Name = "Second", Url = "https://second.example.ga" });
        var localization = WebFakes.Localization().Object;
        var storeContext = WebFakes.StoreContext(_scope, storeUrl).Object;
        var factory = new MyPayGaConfigurationModelFactory(localization, _settingService.Object, storeContext, stores.Object,
            _xaf.Object, _accounts.Object, _protector, _warnings.Object);
        var service = new MyPayGaConfigurationService(_settingService.Object, localization, _protector, _tasks.Object, Mock.Of<ILogger>());
        return new MyPayGaConfigurationController(localization, _notifications.Object, storeContext, factory, service, _tester.Object)
        {
            ControllerContext = WebFakes.ControllerContext(),
        };
    }

    /// <summary>What the page posts back when nothing is changed (secrets empty, as the page renders them).</summary>
    private ConfigurationModel UnchangedPost() => new()
    {
        EnvironmentId = (int)_stored.Environment,
        TestPublicKey = _stored.TestPublicKey,
        ProductionPublicKey = _stored.ProductionPublicKey,
        MobileMoneyEnabled = _stored.MobileMoneyEnabled,
        CardEnabled = _stored.CardEnabled,
        RiskyCardPolicyId = (int)_stored.RiskyCardPolicy,
        CancelOrderOnFailure = _stored.CancelOrderOnFailure,
        RequestTimeoutSeconds = _stored.RequestTimeoutSeconds,
        StatusCacheSeconds = _stored.StatusCacheSeconds,
        PendingPaymentExpiryMinutes = _stored.PendingPaymentExpiryMinutes,
        AttemptFollowHours = _stored.AttemptFollowHours,
        PushApprovalMinutes = _stored.PushApprovalMinutes,
        ReconciliationConcurrency = _stored.ReconciliationConcurrency,
        AdditionalFee = _stored.AdditionalFee,
        AdditionalFeePercentage = _stored.AdditionalFeePercentage,
        PaymentDescriptionTemplate = _stored.PaymentDescriptionTemplate,
    };

    private static ConfigurationModel Model(IActionResult result)
    {
        Assert.That(result, Is.TypeOf<ViewResult>());
        var view = (ViewResult)result;
        Assert.That(view.ViewName, Is.EqualTo(MyPayGaViewPaths.Configure));
        return (ConfigurationModel)view.Model!;
    }

    private object? Saved(string property) => _saves.Single(s => s.Property == property).Value;

    /// <summary>A saved secret: it must be stored encrypted; returns what it decrypts to.</summary>
    private string? SavedSecret(string property)
    {
        var stored = (string?)Saved(property);
        if (stored is null)
            return null;
        Assert.That(_protector.IsProtected(stored), Is.True, $"{property} is saved encrypted");
        var read = _protector.Read(stored);
        Assert.That(read.State, Is.EqualTo(StoredSecretState.Protected), property);
        return read.Value;
    }

    private static void AssertNoSecretIn(ViewResult view, MyPayGaConfigurationController controller, params string[] secrets)
    {
        var model = JsonSerializer.Serialize(view.Model, view.Model!.GetType());
        var viewData = JsonSerializer.Serialize(view.ViewData.ToDictionary(p => p.Key, p => p.Value?.ToString()));
        var modelState = string.Join("|", controller.ModelState.Select(p => $"{p.Key}={p.Value?.RawValue}/{p.Value?.AttemptedValue}"));
        foreach (var secret in secrets)
        {
            Assert.That(model, Does.Not.Contain(secret), "model");
            Assert.That(viewData, Does.Not.Contain(secret), "view data");
            Assert.That(modelState, Does.Not.Contain(secret), "model state");
        }
    }

    [Test]
    public async Task The_page_never_receives_the_saved_secrets_only_that_they_are_saved()
    {
        var controller = Controller();
        var view = (ViewResult)await controller.Configure();
        var model = Model(view);

        Assert.Multiple(() =>
        {
            Assert.That(model.TestSecretKey, Is.Null);
            Assert.That(model.ProductionSecretKey, Is.Null);
            Assert.That(model.CallbackSecret, Is.Null);
            Assert.That(model.TestSecretKeySaved && model.ProductionSecretKeySaved && model.CallbackSecretSaved, Is.True);
            Assert.That(model.TestPublicKey, Is.EqualTo("ptest_sandbox_public_key"), "public keys are public");
        });
        AssertNoSecretIn(view, controller, StoredTestSecret, StoredProductionSecret, StoredCallbackSecret);
    }

    [Test]
    public async Task The_page_shows_the_three_urls_to_register_built_from_the_store_url()
    {
        var model = Model(await Controller("https://shop.example.ga").Configure());

        Assert.That(model.CallbackUrl, Is.EqualTo("https://shop.example.ga/mypayga/callback"));
        Assert.That(model.SuccessUrl, Is.EqualTo("https://shop.example.ga/mypayga/return/success"));
        Assert.That(model.FailureUrl, Is.EqualTo("https://shop.example.ga/mypayga/return/failure"));
    }

    [Test]
    public async Task The_urls_are_those_of_the_store_in_scope()
    {
        _scope = 2;

        var model = Model(await Controller().Configure());

        Assert.That(model.CallbackUrl, Is.EqualTo("https://second.example.ga/mypayga/callback"));
    }

    [Test]
    public async Task The_page_warns_when_XAF_is_unavailable_and_lists_account_problems()
    {
        _xaf.Setup(x => x.GetUnavailabilityReasonAsync()).ReturnsAsync("No currency with code XAF exists.");
        _accounts.Setup(a => a.GetProblemsAsync(0)).ReturnsAsync(["The secret key is empty."]);

        var model = Model(await Controller().Configure());

        Assert.That(model.XafUnavailableReason, Is.EqualTo("No currency with code XAF exists."));
        Assert.That(model.AccountProblems, Is.EqualTo(new[] { "The secret key is empty." }));
    }

    [Test]
    public async Task An_empty_secret_keeps_the_saved_one()
    {
        var post = UnchangedPost();

        await Controller().Configure(post);

        // Saved in clear by an earlier version: kept, and encrypted on the way.
        Assert.That(SavedSecret(nameof(MyPayGaSettings.TestSecretKey)), Is.EqualTo(StoredTestSecret));
        Assert.That(SavedSecret(nameof(MyPayGaSettings.ProductionSecretKey)), Is.EqualTo(StoredProductionSecret));
        Assert.That(SavedSecret(nameof(MyPayGaSettings.CallbackSecret)), Is.EqualTo(StoredCallbackSecret));
        _notifications.Verify(n => n.SuccessNotification(It.IsAny<string>(), true, 0), Times.Once);
    }

    [Test]
    public async Task A_new_secret_replaces_the_saved_one_and_is_not_sent_back()
    {
        var post = UnchangedPost() with { TestSecretKey = "  stest_new_sandbox_secret  " };
        var controller = Controller();
        controller.ModelState.SetModelValue(nameof(ConfigurationModel.TestSecretKey), post.TestSecretKey, post.TestSecretKey);
        controller.ModelState.MarkFieldValid(nameof(ConfigurationModel.TestSecretKey)); // as model binding would

        var view = (ViewResult)await controller.Configure(post);

        Assert.That(SavedSecret(nameof(MyPayGaSettings.TestSecretKey)), Is.EqualTo("stest_new_sandbox_secret"));
        Assert.That((string)Saved(nameof(MyPayGaSettings.TestSecretKey))!, Does.Not.Contain("stest_new_sandbox_secret"));
        AssertNoSecretIn(view, controller, "stest_new_sandbox_secret");
    }

    [Test]
    public async Task The_clear_box_removes_a_secret()
    {
        var post = UnchangedPost() with { ClearProductionSecretKey = true, ClearCallbackSecret = true };

        await Controller().Configure(post);

        Assert.That(Saved(nameof(MyPayGaSettings.ProductionSecretKey)), Is.Null);
        Assert.That(Saved(nameof(MyPayGaSettings.CallbackSecret)), Is.Null);
        Assert.That(SavedSecret(nameof(MyPayGaSettings.TestSecretKey)), Is.EqualTo(StoredTestSecret));
    }

    [TestCase(nameof(ConfigurationModel.TestSecretKey), "sprod_live_secret_key", WebKeys.ConfigureErrorProductionKeyInTestField)]
    [TestCase(nameof(ConfigurationModel.TestPublicKey), "pprod_live_public_key", WebKeys.ConfigureErrorProductionKeyInTestField)]
    [TestCase(nameof(ConfigurationModel.ProductionSecretKey), "stest_sandbox_other_key", WebKeys.ConfigureErrorTestKeyInProductionField)]
    [TestCase(nameof(ConfigurationModel.ProductionPublicKey), "ptest_sandbox_other_key", WebKeys.ConfigureErrorTestKeyInProductionField)]
    [TestCase(nameof(ConfigurationModel.TestPublicKey), "stest_sandbox_other_key", WebKeys.ConfigureErrorSecretKeyInPublicField)]
    [TestCase(nameof(ConfigurationModel.TestSecretKey), "ptest_sandbox_other_key", WebKeys.ConfigureErrorPublicKeyInSecretField)]
    public async Task A_key_of_the_wrong_kind_or_environment_is_refused_and_nothing_is_saved(string field, string key, string errorKey)
    {
        var post = UnchangedPost();
        typeof(ConfigurationModel).GetProperty(field)!.SetValue(post, key);
        var controller = Controller();
        controller.ModelState.SetModelValue(field, key, key);
        controller.ModelState.MarkFieldValid(field); // as model binding would

        var view = (ViewResult)await controller.Configure(post);

        Assert.That(controller.ModelState.IsValid, Is.False);
        var errors = controller.ModelState[field]!.Errors.Select(e => e.ErrorMessage).ToList();
        var label = WebFakes.English(ConfigurationModel.FieldPrefix + field);
        Assert.That(errors, Is.EqualTo(new[] { string.Format(WebFakes.English(errorKey), label) }));
        Assert.That(_saves, Is.Empty);
        _settingService.Verify(s => s.ClearCacheAsync(), Times.Never);
        if (key.StartsWith('s'))
            AssertNoSecretIn(view, controller, key);
    }

    [TestCase("stest_sandbox_secret_key")]
    [TestCase("spub_unknown_prefix_key")]
    public async Task A_key_whose_prefix_fits_or_says_nothing_is_accepted(string key)
    {
        var post = UnchangedPost() with { TestSecretKey = key };

        await Controller().Configure(post);

        Assert.That(SavedSecret(nameof(MyPayGaSettings.TestSecretKey)), Is.EqualTo(key));
    }

    [Test]
    public async Task Out_of_range_numbers_bad_urls_and_bad_templates_are_refused()
    {
        var post = UnchangedPost() with
        {
            RequestTimeoutSeconds = 0,
            ApiBaseUrlOverride = "127.0.0.1:5099",
            PaymentDescriptionTemplate = "Order {0} {2",
            AdditionalFee = -1,
        };
        var controller = Controller();

        await controller.Configure(post);

        Assert.That(controller.ModelState.Keys, Is.SupersetOf(new[]
        {
            nameof(post.RequestTimeoutSeconds), nameof(post.ApiBaseUrlOverride), nameof(post.PaymentDescriptionTemplate), nameof(post.AdditionalFee),
        }));
        Assert.That(_saves, Is.Empty);
    }

    [Test]
    public async Task Disabling_both_channels_is_refused()
    {
        var post = UnchangedPost() with { MobileMoneyEnabled = false, CardEnabled = false };
        var controller = Controller();

        await controller.Configure(post);

        Assert.That(controller.ModelState.IsValid, Is.False);
        Assert.That(_saves, Is.Empty);
    }

    [Test]
    public async Task For_all_stores_every_setting_is_saved_for_store_0_and_the_cache_cleared_once()
    {
        var post = UnchangedPost() with { EnvironmentId = (int)MyPayGaEnvironment.Production, ApiBaseUrlOverride = "http://127.0.0.1:5099/" };

        await Controller().Configure(post);

        var expected = typeof(MyPayGaSettings).GetProperties().Select(p => p.Name);
        Assert.That(_saves.Select(s => s.Property), Is.EquivalentTo(expected));
        Assert.That(_saves, Has.All.Matches<Save>(s => s.StoreId == 0 && !s.ClearCache));
        Assert.That(Saved(nameof(MyPayGaSettings.Environment)), Is.EqualTo(MyPayGaEnvironment.Production));
        Assert.That(Saved(nameof(MyPayGaSettings.ApiBaseUrlOverride)), Is.EqualTo("http://127.0.0.1:5099/"));
        _settingService.Verify(s => s.ClearCacheAsync(), Times.Once);
    }

    [Test]
    public async Task For_one_store_each_setting_follows_its_override_box()
    {
        _scope = 2;
        var post = UnchangedPost() with
        {
            ActiveStoreScopeConfiguration = 2,
            TestPublicKey = "ptest_store_two_public_key",
            TestPublicKey_OverrideForStore = true,
            TestSecretKey_OverrideForStore = true,
            // Inputs whose box is unticked are disabled by nopCommerce's script, so they post nothing (0):
            RequestTimeoutSeconds = 0,
            RequestTimeoutSeconds_OverrideForStore = false,
        };

        await Controller().Configure(post);

        Assert.That(_saves, Has.All.Matches<Save>(s => s.StoreId == 2 && !s.ClearCache));
        var overridden = _saves.Where(s => s.OverrideForStore).Select(s => s.Property);
        Assert.That(overridden, Is.EquivalentTo(new[] { nameof(MyPayGaSettings.TestPublicKey), nameof(MyPayGaSettings.TestSecretKey) }));
        Assert.That(Saved(nameof(MyPayGaSettings.TestPublicKey)), Is.EqualTo("ptest_store_two_public_key"));
        Assert.That(SavedSecret(nameof(MyPayGaSettings.TestSecretKey)), Is.EqualTo(StoredTestSecret));
    }

    [Test]
    public async Task For_one_store_the_override_boxes_reflect_the_store_specific_settings()
    {
        _scope = 2;
        _settingService.Setup(s => s.SettingExistsAsync(It.IsAny<MyPayGaSettings>(),
                It.Is<Expression<Func<MyPayGaSettings, string?>>>(e => ((MemberExpression)e.Body).Member.Name == nameof(MyPayGaSettings.TestSecretKey)), 2))
            .ReturnsAsync(true);

        var model = Model(await Controller().Configure());

        Assert.That(model.ActiveStoreScopeConfiguration, Is.EqualTo(2));
        Assert.That(model.TestSecretKey_OverrideForStore, Is.True);
        Assert.That(model.TestPublicKey_OverrideForStore, Is.False);
    }

    [Test]
    public void The_controller_is_an_admin_payment_controller_with_the_payment_methods_permission()
    {
        var type = typeof(MyPayGaConfigurationController);
        Assert.That(type.IsSubclassOf(typeof(Nop.Web.Framework.Controllers.BasePaymentController)), Is.True);
        Assert.That(type.IsDefined(typeof(AuthorizeAdminAttribute), true), Is.True);
        Assert.That(type.IsDefined(typeof(AutoValidateAntiforgeryTokenAttribute), true), Is.True);
        Assert.That(((AreaAttribute)type.GetCustomAttributes(typeof(AreaAttribute), true).Single()).RouteValue, Is.EqualTo(AreaNames.ADMIN));

        var configures = type.GetMethods().Where(m => m.Name == nameof(MyPayGaConfigurationController.Configure)).ToList();
        Assert.That(configures, Has.Count.EqualTo(2));
        var actions = type.GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName).ToList();
        Assert.That(actions.Select(a => a.Name), Is.EquivalentTo(new[] { "Configure", "Configure", "TestConnection" }), "every action is listed here");
        Assert.That(type.GetMethod(nameof(MyPayGaConfigurationController.TestConnection))!.IsDefined(typeof(HttpPostAttribute), true), Is.True);
        foreach (var method in actions)
        {
            var permissions = method.GetCustomAttributes(typeof(CheckPermissionAttribute), true).Cast<CheckPermissionAttribute>()
                .SelectMany(a => a.PermissionSystemName);
            Assert.That(permissions, Is.EqualTo(new[] { StandardPermission.Configuration.MANAGE_PAYMENT_METHODS }), method.ToString());
        }
    }

    #region Unpaid order expiry: 0 = never, otherwise at least 10 minutes

    [TestCase(0, true)]
    [TestCase(10, true)]
    [TestCase(60, true)]
    [TestCase(MyPayGaConfigurationService.MaxExpiryMinutes, true)]
    [TestCase(1, false)]
    [TestCase(9, false)]
    [TestCase(-1, false)]
    [TestCase(MyPayGaConfigurationService.MaxExpiryMinutes + 1, false)]
    public async Task Expiry_is_0_for_never_or_at_least_10_minutes(int minutes, bool accepted)
    {
        var controller = Controller();

        await controller.Configure(UnchangedPost() with { PendingPaymentExpiryMinutes = minutes });

        if (accepted)
        {
            Assert.That(controller.ModelState.IsValid, Is.True);
            Assert.That(Saved(nameof(MyPayGaSettings.PendingPaymentExpiryMinutes)), Is.EqualTo(minutes));
        }
        else
        {
            var error = controller.ModelState[nameof(ConfigurationModel.PendingPaymentExpiryMinutes)]!.Errors.Single().ErrorMessage;
            Assert.That(error, Is.EqualTo("Unpaid order expiry (minutes): enter 0 (never cancel unpaid orders automatically) or a number of minutes between 10 and 10080."));
            Assert.That(_saves, Is.Empty);
        }
    }

    [Test]
    public void The_expiry_hint_says_what_0_means()
    {
        var hint = WebFakes.English(ConfigurationModel.FieldPrefix + nameof(ConfigurationModel.PendingPaymentExpiryMinutes) + WebKeys.HintSuffix);
        Assert.That(hint, Does.Contain("0 = never"));
    }

    #endregion

    #region Encrypted secrets on the page

    [Test]
    public async Task A_saved_secret_that_does_not_decrypt_is_flagged_on_the_page_without_the_ciphertext()
    {
        _stored.TestSecretKey = _protector.Protect(StoredTestSecret);
        _stored.CallbackSecret = _protector.Protect(StoredCallbackSecret);
        _stored.ProductionSecretKey = _protector.Protect(StoredProductionSecret);
        var ciphertext = _stored.TestSecretKey![MyPayGaKeyProtector.StoredPrefix.Length..];
        _encryption.EncryptionKey = "DatabaseMovedKey4321";
        var controller = Controller();

        var view = (ViewResult)await controller.Configure();
        var model = Model(view);

        Assert.That(model.TestSecretKeyUnreadable && model.ProductionSecretKeyUnreadable && model.CallbackSecretUnreadable, Is.True);
        Assert.That(model.TestSecretKeySaved, Is.True, "something is saved: it can be cleared or replaced");
        AssertNoSecretIn(view, controller, ciphertext, StoredTestSecret, MyPayGaKeyProtector.StoredPrefix);
    }

    [Test]
    public async Task Saved_secrets_that_decrypt_are_only_said_to_be_saved()
    {
        _stored.TestSecretKey = _protector.Protect(StoredTestSecret);
        var controller = Controller();

        var view = (ViewResult)await controller.Configure();
        var model = Model(view);

        Assert.That(model.TestSecretKeySaved, Is.True);
        Assert.That(model.TestSecretKeyUnreadable, Is.False);
        AssertNoSecretIn(view, controller, StoredTestSecret, MyPayGaKeyProtector.StoredPrefix);
    }

    [Test]
    public async Task Typing_the_key_again_replaces_an_undecryptable_one()
    {
        _stored.TestSecretKey = _protector.Protect(StoredTestSecret);
        _encryption.EncryptionKey = "DatabaseMovedKey4321";

        await Controller().Configure(UnchangedPost() with { TestSecretKey = "stest_typed_again_secret" });

        Assert.That(SavedSecret(nameof(MyPayGaSettings.TestSecretKey)), Is.EqualTo("stest_typed_again_secret"));
    }

    [Test]
    public async Task A_secret_the_store_cannot_encrypt_is_refused_and_nothing_is_saved()
    {
        _encryption.FailWith = new System.Security.Cryptography.CryptographicException("unusable key");
        var controller = Controller();
        controller.ModelState.SetModelValue(nameof(ConfigurationModel.ProductionSecretKey), "sprod_brand_new_secret", "sprod_brand_new_secret");
        controller.ModelState.MarkFieldValid(nameof(ConfigurationModel.ProductionSecretKey)); // as model binding would

        var view = (ViewResult)await controller.Configure(UnchangedPost() with { ProductionSecretKey = "sprod_brand_new_secret" });

        var errors = controller.ModelState[nameof(ConfigurationModel.ProductionSecretKey)]!.Errors.Select(e => e.ErrorMessage).ToList();
        Assert.That(errors.Single(), Does.StartWith("Production secret key: the store could not encrypt the value, so nothing was saved."));
        Assert.That(_saves, Is.Empty);
        _notifications.Verify(n => n.SuccessNotification(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<int>()), Times.Never);
        AssertNoSecretIn(view, controller, "sprod_brand_new_secret");
    }

    #endregion

    #region Warnings, scheduled task

    [Test]
    public async Task The_page_lists_the_store_warnings()
    {
        _warnings.Setup(w => w.GetStoreWarningsAsync(0)).ReturnsAsync(
        [
            new MyPayGaWarning(MyPayGaWarningKind.StoreUrlNotPublic, "The store URL http://localhost/ points to this computer"),
            new MyPayGaWarning(MyPayGaWarningKind.StoreUrlMissing, "shown in place of the addresses instead"),
            new MyPayGaWarning(MyPayGaWarningKind.TaskDisabled, "The scheduled task is disabled"),
        ]);

        var model = Model(await Controller().Configure());

        Assert.That(model.Warnings, Is.EqualTo(new[] { "The store URL http://localhost/ points to this computer", "The scheduled task is disabled" }));
    }

    [Test]
    public async Task Saving_adds_the_settle_task_back_when_it_is_missing_and_leaves_a_disabled_one_alone()
    {
        _tasks.Setup(t => t.GetTaskByTypeAsync(PendingPaymentReconciliationTask.TaskType)).ReturnsAsync((Nop.Core.Domain.ScheduleTasks.ScheduleTask)null!);

        await Controller().Configure(UnchangedPost());

        _tasks.Verify(t => t.InsertTaskAsync(It.Is<Nop.Core.Domain.ScheduleTasks.ScheduleTask>(x =>
            x.Type == PendingPaymentReconciliationTask.TaskType && x.Enabled && x.Seconds == PendingPaymentReconciliationTask.PeriodSeconds)), Times.Once);

        _tasks.Setup(t => t.GetTaskByTypeAsync(PendingPaymentReconciliationTask.TaskType))
            .ReturnsAsync(new Nop.Core.Domain.ScheduleTasks.ScheduleTask { Enabled = false });
        await Controller().Configure(UnchangedPost());
        _tasks.Verify(t => t.InsertTaskAsync(It.IsAny<Nop.Core.Domain.ScheduleTasks.ScheduleTask>()), Times.Once);
        _tasks.Verify(t => t.UpdateTaskAsync(It.IsAny<Nop.Core.Domain.ScheduleTasks.ScheduleTask>()), Times.Never);
    }

    #endregion

    #region Test connection

    [Test]
    public async Task Test_connection_tests_the_scope_and_shows_the_result_on_the_page()
    {
        _scope = 2;
        _tester.Setup(t => t.TestAsync(2, It.IsAny<CancellationToken>())).ReturnsAsync(new ConnectionTestResult
        {
            Outcome = ConnectionTestOutcome.Success,
            Environment = MyPayGaEnvironment.Test,
            ApiBaseUrl = "http://127.0.0.1:5099/",
            ElapsedMs = 42,
            Message = "The keys work: MyPayGa accepted the secret key of the Test environment.",
        });
        var controller = Controller();
        controller.ModelState.AddModelError("Something", "left over from a post");

        var view = (ViewResult)await controller.TestConnection();
        var model = Model(view);

        Assert.That(model.ConnectionTest, Is.Not.Null);
        Assert.That(model.ConnectionTest!.Success, Is.True);
        Assert.That(model.ConnectionTest.Message, Is.EqualTo("The keys work: MyPayGa accepted the secret key of the Test environment."));
        Assert.That(model.ConnectionTest.Environment, Is.EqualTo("Test"));
        Assert.That(model.ConnectionTest.ApiBaseUrl, Is.EqualTo("http://127.0.0.1:5099/"));
        Assert.That(model.ConnectionTest.Latency, Is.EqualTo("42 ms"));
        Assert.That(model.ConnectionTest.Store, Is.EqualTo("Second"));
        Assert.That(model.ActiveStoreScopeConfiguration, Is.EqualTo(2));
        Assert.That(controller.ModelState.IsValid, Is.True);
        AssertNoSecretIn(view, controller, StoredTestSecret, StoredProductionSecret, StoredCallbackSecret);
        _saves.Should_be_empty();
    }

    [Test]
    public async Task A_failed_test_shows_why_and_no_latency_when_nothing_was_sent()
    {
        _tester.Setup(t => t.TestAsync(0, It.IsAny<CancellationToken>())).ReturnsAsync(new ConnectionTestResult
        {
            Outcome = ConnectionTestOutcome.NotConfigured,
            Environment = MyPayGaEnvironment.Production,
            ApiBaseUrl = MyPayGaAccount.DefaultApiBaseUrl,
            Message = "The account of the Production environment cannot be tested yet: The secret key is empty.",
        });

        var model = Model(await Controller().TestConnection());

        Assert.That(model.ConnectionTest!.Success, Is.False);
        Assert.That(model.ConnectionTest.Latency, Is.Null);
        Assert.That(model.ConnectionTest.Environment, Is.EqualTo("Production"));
        Assert.That(model.ConnectionTest.Store, Is.EqualTo("All stores"));
    }

    #endregion
}

internal static class SaveListAssertions
{
    public static void Should_be_empty<T>(this List<T> saves) => Assert.That(saves, Is.Empty, "a connection test saves nothing");
}
