namespace Ctms.Engine.Model;

/// <summary>A process or an embedded subprocess: a scope that holds flow nodes and starts at its none start event.</summary>
public interface IFlowContainer
{
    string Id { get; }
    IReadOnlyList<FlowNode> Nodes { get; }

    /// <summary>The start event a plain start (or a subprocess's activation) begins at.</summary>
    EventNode? NoneStartEvent { get; }
}
