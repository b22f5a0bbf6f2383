using Microsoft.AspNetCore.Html;

namespace Nop.Web.Framework.UI;

// Subset: injected by the plugin's views (_ViewImports) and implemented only by the browser-test host.
// The meta, script, canonical, head-custom, edit-page, admin-menu, route-name and JSON-LD members are not declared.
public partial interface INopHtmlHelper
{
    void AddTitleParts(string part);

    void AppendTitleParts(string part);

    Task<IHtmlContent> GenerateTitleAsync(bool addDefaultTitle = true, string part = "");

    void AddCssFileParts(string src, string debugSrc = "", bool excludeFromBundle = false);

    void AppendCssFileParts(string src, string debugSrc = "", bool excludeFromBundle = false);

    IHtmlContent GenerateCssFiles();

    void AddPageCssClassParts(string part);

    void AppendPageCssClassParts(string part);

    string GeneratePageCssClasses(string part = "");
}
