using System.Globalization;
using System.Net;
using MyPayGa.Client;
using Nop.Core;
using Nop.Core.Domain.Localization;
using Nop.Core.Events;
using Nop.Services.Events;
using Nop.Services.Localization;
using Nop.Services.Logging;
using Nop.Web.Areas.Admin.Models.Common;
using static Nop.Plugin.Payments.MyPayGa.Localization.LocaleResources;

namespace Nop.Plugin.Payments.MyPayGa.Services;

/// <summary>
/// The plugin's nopCommerce event consumers (found and registered by nopCommerce itself):
/// a language created after the install gets the plugin's texts, and System › Warnings lists what stops MyPayGa
/// from working in the stores where it is active.
/// </summary>
public class EventConsumer : IConsumer<EntityInsertedEvent<Language>>, IConsumer<SystemWarningCreatedEvent>
{
    private readonly IMyPayGaLocaleInstaller _localeInstaller;
    private readonly IMyPayGaWarningService _warningService;
    private readonly IMyPayGaAccountProvider _accountProvider;
    private readonly ILocalizationService _localizationService;
    private readonly IWebHelper _webHelper;
    private readonly ILogger _logger;

    public EventConsumer(IMyPayGaLocaleInstaller localeInstaller,
        IMyPayGaWarningService warningService,
        IMyPayGaAccountProvider accountProvider,
        ILocalizationService localizationService,
        IWebHelper webHelper,
        ILogger logger)
    {
        _localeInstaller = localeInstaller;
        _warningService = warningService;
        _accountProvider = accountProvider;
        _localizationService = localizationService;
        _webHelper = webHelper;
        _logger = logger;
    }

    /// <summary>A new language: French texts for a French culture, English ones otherwise (no raw keys on the shopper's pages).</summary>
    public async Task HandleEventAsync(EntityInsertedEvent<Language> eventMessage)
    {
        var language = eventMessage?.Entity;
        if (language is null)
            return;

        await _localeInstaller.AddToLanguageAsync(language);
        await _logger.InformationAsync(string.Format(CultureInfo.InvariantCulture,
            "MyPayGa: the new language {0} ({1}) got the plugin's {2} texts.",
            language.Name, language.LanguageCulture, MyPayGaLocaleInstaller.IsFrench(language.LanguageCulture) ? "French" : "English"));
    }

    /// <summary>
    /// One line per problem (the level "Fail" when MyPayGa is hidden at checkout because of it), or one "Pass" line when
    /// MyPayGa is active and nothing is wrong; nothing when MyPayGa is active in no store. Each line links to the
    /// configuration page.
    /// </summary>
    public async Task HandleEventAsync(SystemWarningCreatedEvent eventMessage)
    {
        ArgumentNullException.ThrowIfNull(eventMessage);

        var stores = await _warningService.GetStoresWhereActiveAsync();
        if (stores.Count == 0)
            return;

        var warnings = await _warningService.GetSystemWarningsAsync();
        var link = await ConfigureLinkAsync();
        if (warnings.Count == 0)
        {
            var account = await _accountProvider.GetAccountAsync(stores[0].Id);
            var environment = await _localizationService.GetResourceAsync(
                account.Environment == MyPayGaEnvironment.Production ? WebKeys.EnvironmentProduction : WebKeys.EnvironmentTest);
            eventMessage.SystemWarnings.Add(new SystemWarningModel
            {
                Level = SystemWarningLevel.Pass,
                // Plain text: nopCommerce encodes it.
                Text = Format(await _localizationService.GetResourceAsync(AdminKeys.SystemWarningAllGood), environment),
                DontEncode = false,
            });
            return;
        }

        var multiStore = stores.Count > 1;
        foreach (var warning in warnings)
        {
            var text = warning.StoreId > 0 && multiStore && stores.FirstOrDefault(s => s.Id == warning.StoreId) is { } store
                ? Format(await _localizationService.GetResourceAsync(AdminKeys.SystemWarningForStore), store.Name, warning.Text)
                : Format(await _localizationService.GetResourceAsync(AdminKeys.SystemWarning), warning.Text);
            eventMessage.SystemWarnings.Add(new SystemWarningModel
            {
                Level = warning.Blocking ? SystemWarningLevel.Fail : SystemWarningLevel.Warning,
                // HTML for the link only: every text is encoded here.
                Text = WebUtility.HtmlEncode(text) + link,
                DontEncode = true,
            });
        }
    }

    private async Task<string> ConfigureLinkAsync()
    {
        var url = _webHelper.GetStoreLocation() + "Admin/MyPayGa/Configure";
        var label = await _localizationService.GetResourceAsync(AdminKeys.SystemWarningConfigure);
        return $" <a href=\"{WebUtility.HtmlEncode(url)}\">{WebUtility.HtmlEncode(label)}</a>";
    }

    private static string Format(string text, params object[] args) => string.Format(CultureInfo.CurrentCulture, text, args);
}
