namespace Ctms.Engine.Model;

/// <summary>A sequence flow between two flow nodes of one container, with its condition if any.</summary>
public sealed class SequenceFlow
{
    internal SequenceFlow(string id, FlowNode source, FlowNode target, EngineExpression? condition, int line, bool hasConditionText = false)
    {
        HasConditionText = hasConditionText || condition is not null;
        Id = id;
        Source = source;
        Target = target;
        Condition = condition;
        Line = line;
    }

    public string Id { get; }
    public FlowNode Source { get; }
    public FlowNode Target { get; }
    public EngineExpression? Condition { get; }
    public int Line { get; }

    /// <summary>True when the XML gives a condition, even one that failed to parse (reported once, as invalid FEEL).</summary>
    internal bool HasConditionText { get; }

    /// <summary>True when this flow is its gateway's (or activity's) default flow.</summary>
    public bool IsDefault => Source.DefaultFlow == this;
}
