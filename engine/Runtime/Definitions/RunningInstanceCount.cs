namespace Ctms.Engine.Runtime.Definitions;

/// <summary>How many instances of one version of a process are running (active, not ended).</summary>
public sealed record RunningInstanceCount(string ProcessId, int Version, int Count);
