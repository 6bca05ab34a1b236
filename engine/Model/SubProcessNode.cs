namespace Ctms.Engine.Model;

/// <summary>An embedded subprocess: a scope of its own for variables and boundary events.</summary>
public sealed class SubProcessNode : ActivityNode, IFlowContainer
{
    private readonly List<FlowNode> _nodes = [];

    internal SubProcessNode(string id, string? name, int line) : base(id, name, ElementKind.SubProcess, line)
    {
    }

    public IReadOnlyList<FlowNode> Nodes => _nodes;

    public EventNode? NoneStartEvent { get; internal set; }

    internal void Add(FlowNode node) => _nodes.Add(node);
}
