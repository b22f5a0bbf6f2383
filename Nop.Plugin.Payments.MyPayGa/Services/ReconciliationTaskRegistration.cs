using Nop.Core.Domain.ScheduleTasks;
using Nop.Services.ScheduleTasks;

namespace Nop.Plugin.Payments.MyPayGa.Services;

/// <summary>The scheduled task "MyPayGa: settle pending payments", as the plugin registers it.</summary>
public static class ReconciliationTaskRegistration
{
    /// <summary>Adds the task when it is missing (install, update, saving the configuration page). An existing one — even disabled by the store owner — is left as it is.</summary>
    /// <returns>True when the task was added.</returns>
    public static async Task<bool> EnsureAsync(IScheduleTaskService scheduleTaskService)
    {
        ArgumentNullException.ThrowIfNull(scheduleTaskService);
        if (await scheduleTaskService.GetTaskByTypeAsync(PendingPaymentReconciliationTask.TaskType) is not null)
            return false;

        await scheduleTaskService.InsertTaskAsync(new ScheduleTask
        {
            Name = PendingPaymentReconciliationTask.TaskName,
            Seconds = PendingPaymentReconciliationTask.PeriodSeconds,
            Type = PendingPaymentReconciliationTask.TaskType,
            Enabled = true,
            StopOnError = false,
            LastEnabledUtc = DateTime.UtcNow,
        });
        return true;
    }
}
