namespace Nop.Web.Framework.Menu;

// Subset: called by the plugin's menu consumer (through BaseMenuItemCreatedEvent), never implemented.
public partial interface IAdminMenu
{
    Task<AdminMenuItem> GetRootNodeAsync(bool showHidden = false);

    string GetMenuItemUrl(string controllerName, string actionName);
}
