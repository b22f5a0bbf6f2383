using Microsoft.AspNetCore.Html;

namespace Nop.Web.Framework.Localization;

public partial class LocalizedString : HtmlString
{
    // reference: minimal working body for tests
    public LocalizedString(string localized) : base(localized)
    {
        Text = localized;
    }

    public string Text { get; }
}
