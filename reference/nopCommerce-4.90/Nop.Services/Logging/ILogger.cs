using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Logging;

namespace Nop.Services.Logging;

// Subset: called by the plugin, not implemented. Members using the Log entity are not declared.
public partial interface ILogger
{
    bool IsEnabled(LogLevel level);

    Task InsertLogAsync(LogLevel logLevel, string shortMessage, string fullMessage = "", Customer customer = null);

    void InsertLog(LogLevel logLevel, string shortMessage, string fullMessage = "", Customer customer = null);

    Task InformationAsync(string message, Exception exception = null, Customer customer = null);

    void Information(string message, Exception exception = null, Customer customer = null);

    Task WarningAsync(string message, Exception exception = null, Customer customer = null);

    void Warning(string message, Exception exception = null, Customer customer = null);

    Task ErrorAsync(string message, Exception exception = null, Customer customer = null);

    void Error(string message, Exception exception = null, Customer customer = null);
}
