namespace Nop.Web.Areas.Admin.Models.Common;

public enum SystemWarningLevel
{
    Pass,
    Recommendation,
    Warning,
    Fail
}
