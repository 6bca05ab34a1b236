namespace Ctms.Engine.Runtime.State;

/// <summary>An element waiting for a message by name and correlation key.</summary>
public sealed class MessageSubscriptionState
{
    public Guid Id { get; set; }
    public string MessageName { get; set; } = "";
    public string CorrelationKey { get; set; } = "";
    public Guid InstanceId { get; set; }
    public Guid ElementInstanceId { get; set; }

    /// <summary>For a boundary message event: the boundary event's id.</summary>
    public string? BoundaryElementId { get; set; }
}
