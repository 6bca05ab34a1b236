namespace Ctms.Engine.Model;

/// <summary>An event attached to an activity: interrupting (cancels the activity) or not.</summary>
public sealed class BoundaryEventNode : EventNode
{
    internal BoundaryEventNode(string id, string? name, int line, EventTrigger trigger, bool interrupting)
        : base(id, name, ElementKind.BoundaryEvent, line, trigger) => Interrupting = interrupting;

    public bool Interrupting { get; }

    public FlowNode AttachedTo { get; internal set; } = default!;
}
