using Nop.Core.Domain.Customers;

namespace Nop.Services.Helpers;

// Subset: called by the plugin, not implemented.
public partial interface IDateTimeHelper
{
    DateTime ConvertToUserTime(DateTime dt, TimeZoneInfo sourceTimeZone, TimeZoneInfo destinationTimeZone);

    Task<TimeZoneInfo> GetCustomerTimeZoneAsync(Customer customer);
}
