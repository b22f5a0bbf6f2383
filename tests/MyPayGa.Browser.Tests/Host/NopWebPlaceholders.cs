// The plugin's _ViewImports.cshtml imports Nop.Web.Areas.Admin.Components (for the admin Configure view's
// StoreScopeConfigurationViewComponent). That namespace lives in Nop.Web, which the reference surface does not
// declare; in a real store Nop.Web provides it. The test host declares the namespace so the shared imports compile.
// It serves no page of the test host.
namespace Nop.Web.Areas.Admin.Components;

/// <summary>Test host only: makes the namespace exist for Razor's compilation of the plugin's views.</summary>
public static class TestHostNamespaceAnchor;
