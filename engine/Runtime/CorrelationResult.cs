namespace Ctms.Engine.Runtime;

/// <summary>What publishing a message did.</summary>
public sealed record CorrelationResult(int Delivered, IReadOnlyList<Guid> StartedInstances, bool Buffered, bool Duplicate);
