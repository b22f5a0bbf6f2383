using Microsoft.AspNetCore.Mvc.Rendering;

namespace Nop.Web.Framework.Extensions;

// Subset: declared because the plugin's views import this namespace (_ViewImports); RelativeFormat is not declared.
public static class CommonExtensions
{
    public static bool SelectionIsNotPossible(this IList<SelectListItem> items, bool ignoreZeroValue = true) => throw null;
}
