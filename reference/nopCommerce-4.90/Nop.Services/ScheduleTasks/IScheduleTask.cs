namespace Nop.Services.ScheduleTasks;

// Implemented by the plugin: every member is declared (see implemented-interfaces.txt).
public partial interface IScheduleTask
{
    Task ExecuteAsync();
}
