using Nop.Web.Framework.Mvc.Filters;

namespace Nop.Web.Framework.Controllers;

[NotNullValidationMessage]
public abstract partial class BasePluginController : BaseController;
