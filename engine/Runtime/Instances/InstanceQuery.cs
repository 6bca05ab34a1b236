namespace Ctms.Engine.Runtime.Instances;

/// <summary>
/// A page of process instances, running and ended, newest first: optionally of one process, in one state, with one
/// business key.
/// </summary>
public sealed record InstanceQuery
{
    /// <summary>The largest page: a larger <see cref="Limit"/> is capped to it.</summary>
    public const int MaxLimit = 200;

    /// <summary>How far the total is counted exactly (or to the end of the page, if further); past it the page says "more than".</summary>
    public const int CountLimit = 1000;

    public string? ProcessId { get; init; }

    public InstanceStatusFilter? Status { get; init; }

    /// <summary>Only instances with exactly this business key.</summary>
    public string? BusinessKey { get; init; }

    /// <summary>How many matching instances to skip.</summary>
    public int Offset { get; init; }

    /// <summary>The page size, 1 to <see cref="MaxLimit"/>.</summary>
    public int Limit { get; init; } = 50;

    internal int EffectiveLimit => Math.Min(Limit, MaxLimit);

    internal bool WantsRunning => Status is null or InstanceStatusFilter.Running or InstanceStatusFilter.Incidents;

    internal bool WantsEnded => Status is null or InstanceStatusFilter.Completed or InstanceStatusFilter.Terminated;

    /// <exception cref="EngineException">Invalid: a negative offset or a limit below 1.</exception>
    internal void Validate()
    {
        if (Offset < 0 || Limit < 1)
        {
            throw new EngineException(EngineException.Invalid, $"An instance page needs an offset of 0 or more and a limit of 1 or more (offset {Offset}, limit {Limit}).");
        }
    }
}
