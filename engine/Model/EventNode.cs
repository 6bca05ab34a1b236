namespace Ctms.Engine.Model;

/// <summary>A start, end, intermediate catch or throw event, with what triggers it.</summary>
public class EventNode : FlowNode
{
    internal EventNode(string id, string? name, string kind, int line, EventTrigger trigger) : base(id, name, kind, line) =>
        Trigger = trigger;

    public EventTrigger Trigger { get; }
}
