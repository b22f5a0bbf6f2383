using Microsoft.Extensions.DependencyInjection;
using Nop.Services.Localization;
using Nop.Web.Framework.Localization;

namespace Nop.Web.Framework.Mvc.Razor;

public abstract partial class NopRazorPage<TModel> : Microsoft.AspNetCore.Mvc.Razor.RazorPage<TModel>
{
    protected ILocalizationService _localizationService;

    protected Localizer _localizer;

    // reference: minimal working body for tests (ILocalizationService comes from the request's services)
    public Localizer T
    {
        get
        {
            _localizationService ??= Context.RequestServices.GetRequiredService<ILocalizationService>();
            _localizer ??= Translate;
            return _localizer;
        }
    }

    private LocalizedString Translate(string text, params object[] args)
    {
        var resource = _localizationService.GetResourceAsync(text).GetAwaiter().GetResult();
        if (string.IsNullOrEmpty(resource))
            return new LocalizedString(text);

        return new LocalizedString(args == null || args.Length == 0 ? resource : string.Format(resource, args));
    }
}
