namespace Ctms.Engine.Runtime.Instances;

/// <summary>Which instances an <see cref="InstanceQuery"/> lists by their state.</summary>
public enum InstanceStatusFilter
{
    /// <summary>Instances that have not ended (the runtime table).</summary>
    Running,

    /// <summary>Instances that reached their end.</summary>
    Completed,

    /// <summary>Instances ended by a terminate end event or cancelled.</summary>
    Terminated,

    /// <summary>Running instances held by at least one open incident.</summary>
    Incidents,
}
