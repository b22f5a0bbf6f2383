using System.Globalization;

namespace MyPayGa.Sandbox.Domain;

/// <summary>MyPayGa writes dates as local Gabon time (UTC+1, no daylight saving) without a zone.</summary>
public static class GabonTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(1);

    public static string Format(DateTimeOffset instant) =>
        instant.ToOffset(Offset).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public static string? Format(DateTimeOffset? instant) => instant is { } i ? Format(i) : null;
}
