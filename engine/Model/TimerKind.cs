namespace Ctms.Engine.Model;

public enum TimerKind
{
    /// <summary>timeDuration: fires once after the duration.</summary>
    Duration,

    /// <summary>timeDate: fires once at the date.</summary>
    Date,

    /// <summary>timeCycle: R[n]/[start/]duration, fires repeatedly.</summary>
    Cycle,
}
