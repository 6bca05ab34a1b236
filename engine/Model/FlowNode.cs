namespace Ctms.Engine.Model;

/// <summary>
/// A flow node of a process: an event, a task, a gateway, a subprocess or a call activity. Built by the parser and
/// not changed afterwards; the runtime chooses its behaviour by <see cref="Kind"/>.
/// </summary>
public abstract class FlowNode
{
    private readonly List<SequenceFlow> _incoming = [];
    private readonly List<SequenceFlow> _outgoing = [];
    private readonly List<BoundaryEventNode> _boundaries = [];

    protected FlowNode(string id, string? name, string kind, int line)
    {
        Id = id;
        Name = name;
        Kind = kind;
        Line = line;
    }

    public string Id { get; }
    public string? Name { get; }

    /// <summary>The element type as in the XML (<see cref="ElementKind"/>).</summary>
    public string Kind { get; }

    public int Line { get; }

    /// <summary>The process or subprocess this node is drawn in.</summary>
    public IFlowContainer Container { get; internal set; } = default!;

    public IReadOnlyList<SequenceFlow> Incoming => _incoming;
    public IReadOnlyList<SequenceFlow> Outgoing => _outgoing;

    /// <summary>The <c>default</c> flow of a gateway or activity.</summary>
    public SequenceFlow? DefaultFlow { get; internal set; }

    /// <summary>Boundary events attached to this activity.</summary>
    public IReadOnlyList<BoundaryEventNode> Boundaries => _boundaries;

    public IReadOnlyList<VariableMapping> Inputs { get; internal set; } = [];
    public IReadOnlyList<VariableMapping> Outputs { get; internal set; } = [];

    /// <summary>
    /// An asynchronous continuation before the activity (<c>camunda:asyncBefore="true"</c>): the command that reaches
    /// it commits there and a job runs the activity's behaviour in a transaction of its own, on whichever node leases it.
    /// </summary>
    public bool AsyncBefore { get; internal set; }

    /// <summary>The multi-instance marker, if the activity has one.</summary>
    public MultiInstanceSpec? MultiInstance { get; internal set; }

    public SourceLocation Location => new(Id, Kind, Line);

    internal void AddIncoming(SequenceFlow flow) => _incoming.Add(flow);
    internal void AddOutgoing(SequenceFlow flow) => _outgoing.Add(flow);
    internal void AddBoundary(BoundaryEventNode boundary) => _boundaries.Add(boundary);

    public override string ToString() => $"{Kind} '{Id}'";
}
