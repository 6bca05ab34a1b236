namespace Ctms.Engine.Model;

/// <summary>One executable process of a deployed file, with every flow node indexed by id.</summary>
public sealed class ProcessModel : IFlowContainer
{
    private readonly List<FlowNode> _nodes = [];
    private readonly Dictionary<string, FlowNode> _all = new(StringComparer.Ordinal);

    internal ProcessModel(string id, string? name, bool isExecutable, int line)
    {
        Id = id;
        Name = name;
        IsExecutable = isExecutable;
        Line = line;
    }

    public string Id { get; }
    public string? Name { get; }
    public bool IsExecutable { get; }
    public int Line { get; }

    /// <summary>The nodes drawn directly in the process (not inside subprocesses).</summary>
    public IReadOnlyList<FlowNode> Nodes => _nodes;

    public EventNode? NoneStartEvent { get; internal set; }

    /// <summary>Every flow node of the process, subprocesses included.</summary>
    public IReadOnlyDictionary<string, FlowNode> AllNodes => _all;

    /// <summary>Message start events by message name.</summary>
    public IEnumerable<EventNode> MessageStartEvents =>
        _nodes.OfType<EventNode>().Where(e => e.Kind == ElementKind.StartEvent && e.Trigger is MessageTrigger);

    public FlowNode Node(string id) => _all.TryGetValue(id, out var node) ? node : throw new KeyNotFoundException($"No element '{id}' in process '{Id}'.");

    internal void Add(FlowNode node) => _nodes.Add(node);

    internal void Index(FlowNode node) => _all[node.Id] = node;
}
