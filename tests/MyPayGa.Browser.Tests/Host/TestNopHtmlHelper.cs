using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Http;
using Nop.Web.Framework.UI;

namespace MyPayGa.Browser.Tests.Host;

/// <summary>
/// The head parts a page adds (title, stylesheets, page CSS classes), rendered by the test host's layout the way
/// nopCommerce's _Root.Head does. One per request.
/// </summary>
public sealed class TestNopHtmlHelper : INopHtmlHelper
{
    public const string DefaultTitle = "Test store";

    private readonly IHttpContextAccessor _httpContextAccessor;
    private readonly List<string> _titleParts = [];
    private readonly List<string> _cssFiles = [];
    private readonly List<string> _pageCssClasses = [];

    public TestNopHtmlHelper(IHttpContextAccessor httpContextAccessor)
    {
        _httpContextAccessor = httpContextAccessor;
    }

    public void AddTitleParts(string part) => Add(_titleParts, part, append: false);

    public void AppendTitleParts(string part) => Add(_titleParts, part, append: true);

    public Task<IHtmlContent> GenerateTitleAsync(bool addDefaultTitle = true, string part = "")
    {
        AppendTitleParts(part);
        var parts = addDefaultTitle ? _titleParts.Append(DefaultTitle) : _titleParts;
        return Task.FromResult<IHtmlContent>(new HtmlString(HtmlEncoder.Default.Encode(string.Join(". ", parts))));
    }

    public void AddCssFileParts(string src, string debugSrc = "", bool excludeFromBundle = false) => Add(_cssFiles, src, append: false);

    public void AppendCssFileParts(string src, string debugSrc = "", bool excludeFromBundle = false) => Add(_cssFiles, src, append: true);

    public IHtmlContent GenerateCssFiles()
    {
        var builder = new HtmlContentBuilder();
        foreach (var src in _cssFiles.Distinct(StringComparer.OrdinalIgnoreCase))
            builder.AppendHtml($"<link href=\"{HtmlEncoder.Default.Encode(Resolve(src))}\" rel=\"stylesheet\" type=\"text/css\" />\n");
        return builder;
    }

    public void AddPageCssClassParts(string part) => Add(_pageCssClasses, part, append: false);

    public void AppendPageCssClassParts(string part) => Add(_pageCssClasses, part, append: true);

    public string GeneratePageCssClasses(string part = "")
    {
        AppendPageCssClassParts(part);
        return string.Join(" ", _pageCssClasses.Distinct(StringComparer.Ordinal));
    }

    /// <summary>nopCommerce inserts "Add" parts first and appends "Append" parts.</summary>
    private static void Add(List<string> parts, string? part, bool append)
    {
        if (string.IsNullOrWhiteSpace(part))
            return;
        if (append)
            parts.Add(part);
        else
            parts.Insert(0, part);
    }

    private string Resolve(string src) =>
        src.StartsWith("~/", StringComparison.Ordinal)
            ? (_httpContextAccessor.HttpContext?.Request.PathBase.Value ?? string.Empty) + src[1..]
            : src;
}
