namespace Ctms.Domain.KickOff;

/// <summary>Where a kick-off (initiation) meeting stands; stored by name.</summary>
public enum KickOffStatus
{
    /// <summary>Date, place and invitees are set; the meeting has not been held yet.</summary>
    Planned,

    /// <summary>The CTI secretary recorded the minutes (and the attendance and training).</summary>
    Held,

    /// <summary>The PI signed the meeting off; enrollment is open. Final.</summary>
    SignedOff,
}
