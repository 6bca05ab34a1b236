using System.Globalization;

namespace Ctms.Studio.Components.Pages.Instances;

/// <summary>How the instance pages write times: UTC, to the second, as the audit trail does.</summary>
internal static class InstanceFormat
{
    public static string Time(DateTimeOffset? at) =>
        at is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "";
}
