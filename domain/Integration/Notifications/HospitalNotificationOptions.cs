namespace Ctms.Domain.Integration.Notifications;

/// <summary>Settings of the inbound notifications, read from the section <c>Integration:Hospital</c> beside <see cref="Hospital.HospitalOptions"/>.</summary>
public sealed class HospitalNotificationOptions
{
    /// <summary>How long a result waits in the engine's message buffer for a process to reach its receive task.</summary>
    public TimeSpan MessageTimeToLive { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The largest notification body accepted.</summary>
    public int MaxBodyBytes { get; set; } = 4 * 1024 * 1024;
}
