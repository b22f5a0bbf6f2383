using Microsoft.AspNetCore.Mvc;
using Nop.Core;
using Nop.Plugin.Payments.MyPayGa.Factories;
using Nop.Plugin.Payments.MyPayGa.Models;
using Nop.Plugin.Payments.MyPayGa.Services;
using Nop.Services.Localization;
using Nop.Services.Messages;
using Nop.Services.Security;
using Nop.Web.Framework;
using Nop.Web.Framework.Controllers;
using Nop.Web.Framework.Mvc.Filters;

namespace Nop.Plugin.Payments.MyPayGa.Controllers;

/// <summary>
/// Admin configuration (Admin/MyPayGa/Configure), overridable per store like nopCommerce's own payment plugins.
/// Thin: the model factory prepares the page, the configuration service checks and saves, the connection tester
/// calls MyPayGa. Secret keys and the callback secret are write-only: never sent back to the page, kept when the
/// field is left empty, removed only through their "clear" box, stored encrypted.
/// </summary>
[AuthorizeAdmin]
[Area(AreaNames.ADMIN)]
[AutoValidateAntiforgeryToken]
public class MyPayGaConfigurationController : BasePaymentController
{
    /// <summary>The write-only fields: their posted value never goes back to the page.</summary>
    internal static readonly string[] SecretFields =
    [
        nameof(ConfigurationModel.TestSecretKey),
        nameof(ConfigurationModel.ProductionSecretKey),
        nameof(ConfigurationModel.CallbackSecret),
    ];

    private readonly ILocalizationService _localizationService;
    private readonly INotificationService _notificationService;
    private readonly IStoreContext _storeContext;
    private readonly IMyPayGaConfigurationModelFactory _modelFactory;
    private readonly IMyPayGaConfigurationService _configurationService;
    private readonly IMyPayGaConnectionTester _connectionTester;

    public MyPayGaConfigurationController(ILocalizationService localizationService,
        INotificationService notificationService,
        IStoreContext storeContext,
        IMyPayGaConfigurationModelFactory modelFactory,
        IMyPayGaConfigurationService configurationService,
        IMyPayGaConnectionTester connectionTester)
    {
        _localizationService = localizationService;
        _notificationService = notificationService;
        _storeContext = storeContext;
        _modelFactory = modelFactory;
        _configurationService = configurationService;
        _connectionTester = connectionTester;
    }

    [HttpGet]
    [CheckPermission(StandardPermission.Configuration.MANAGE_PAYMENT_METHODS)]
    public async Task<IActionResult> Configure()
    {
        var storeScope = await _storeContext.GetActiveStoreScopeConfigurationAsync();
        return Page(await _modelFactory.PrepareConfigurationModelAsync(storeScope));
    }

    [HttpPost]
    [CheckPermission(StandardPermission.Configuration.MANAGE_PAYMENT_METHODS)]
    public async Task<IActionResult> Configure(ConfigurationModel model)
    {
        var storeScope = await _storeContext.GetActiveStoreScopeConfigurationAsync();

        AddErrors(await _configurationService.ValidateAsync(model, storeScope));
        if (ModelState.IsValid)
        {
            var errors = await _configurationService.SaveAsync(model, storeScope);
            AddErrors(errors);
            if (errors.Count == 0)
                _notificationService.SuccessNotification(await _localizationService.GetResourceAsync("Admin.Plugins.Saved"));
        }

        return await Configure();
    }

    /// <summary>Calls MyPayGa once with the saved keys of the scope's environment and shows the answer on the page.</summary>
    [HttpPost]
    [CheckPermission(StandardPermission.Configuration.MANAGE_PAYMENT_METHODS)]
    public async Task<IActionResult> TestConnection()
    {
        var storeScope = await _storeContext.GetActiveStoreScopeConfigurationAsync();
        var result = await _connectionTester.TestAsync(storeScope, HttpContext?.RequestAborted ?? default);

        var model = await _modelFactory.PrepareConfigurationModelAsync(storeScope);
        model.ConnectionTest = await _modelFactory.PrepareConnectionTestModelAsync(result, storeScope);
        // The form is not re-posted: what the page shows is what is saved.
        ModelState.Clear();
        return Page(model);
    }

    private ViewResult Page(ConfigurationModel model)
    {
        ScrubSecretsFromModelState();
        return View(MyPayGaViewPaths.Configure, model);
    }

    private void AddErrors(IEnumerable<ConfigurationError> errors)
    {
        foreach (var error in errors)
        {
            ModelState.AddModelError(error.Field, error.Message);
            if (error.ForgetPostedValue)
                ModelState.SetModelValue(error.Field, rawValue: null, attemptedValue: null);
        }
    }

    /// <summary>The posted secrets stay out of what the view can read back (ModelState keeps errors, not values).</summary>
    private void ScrubSecretsFromModelState()
    {
        foreach (var field in SecretFields)
        {
            if (ModelState.ContainsKey(field))
                ModelState.SetModelValue(field, rawValue: null, attemptedValue: null);
        }
    }
}
