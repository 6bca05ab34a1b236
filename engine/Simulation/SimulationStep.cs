namespace Ctms.Engine.Simulation;

/// <summary>One step of a simulation script.</summary>
public abstract record SimulationStep
{
    /// <summary>Complete the active user task with this element id (the lowest loop counter first).</summary>
    public sealed record Complete(string TaskId, IReadOnlyDictionary<string, object?> Variables) : SimulationStep;

    /// <summary>Publish a message.</summary>
    public sealed record Message(string Name, string CorrelationKey, IReadOnlyDictionary<string, object?> Variables) : SimulationStep;

    /// <summary>Broadcast a signal to the instances with a business key (null: the simulated instance's key).</summary>
    public sealed record Signal(string Name, string? BusinessKey, IReadOnlyDictionary<string, object?> Variables) : SimulationStep;

    /// <summary>Move the clock forward (ISO 8601 duration); timers due on the way fire in order.</summary>
    public sealed record AdvanceClock(string Duration) : SimulationStep;
}
