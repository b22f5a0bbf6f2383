namespace Nop.Web.Framework.Controllers;

// Empty in nopCommerce 4.90.
public abstract partial class BasePaymentController : BasePluginController;
