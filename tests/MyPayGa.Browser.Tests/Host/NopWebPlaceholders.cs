// The plugin's _ViewImports.cshtml imported Nop.Web.Areas.Admin.Components (for the admin Configure view's
// StoreScopeConfigurationViewComponent), which made every public view depend on Nop.Web, a namespace the reference
// surface does not declare (a real store's Nop.Web provides it). The import is moving into Configure.cshtml, which
// the test host does not serve; until then this declaration lets the shared imports compile. Remove it afterwards.
namespace Nop.Web.Areas.Admin.Components;

/// <summary>Test host only: makes the namespace exist for Razor's compilation of the plugin's views.</summary>
public static class TestHostNamespaceAnchor;
