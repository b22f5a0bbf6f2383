namespace Nop.Web.Areas.Admin.Models.Common;

public partial class SystemWarningCreatedEvent
{
    // reference: minimal working body for tests
    public SystemWarningCreatedEvent()
    {
        SystemWarnings = new List<SystemWarningModel>();
    }

    public IList<SystemWarningModel> SystemWarnings { get; }
}
