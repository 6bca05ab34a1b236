namespace Ctms.Engine.Model;

/// <summary>A task that waits for a message.</summary>
public sealed class ReceiveTaskNode : ActivityNode
{
    internal ReceiveTaskNode(string id, string? name, int line, MessageTrigger message) : base(id, name, ElementKind.ReceiveTask, line) =>
        Message = message;

    public MessageTrigger Message { get; }
}
