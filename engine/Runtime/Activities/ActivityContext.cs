namespace Ctms.Engine.Runtime.Activities;

/// <summary>What a service task's activity sees: the variables in its scope (input mappings applied) and its headers.</summary>
public sealed record ActivityContext(
    Guid InstanceId,
    Guid ElementInstanceId,
    string ProcessId,
    string ElementId,
    string TaskType,
    string? BusinessKey,
    IReadOnlyDictionary<string, object?> Variables,
    IReadOnlyDictionary<string, string> Headers,
    int RetriesLeft);
