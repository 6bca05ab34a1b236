namespace Ctms.Engine.Model;

/// <summary>A task that passes straight through: <c>task</c> (undefined) and <c>manualTask</c>.</summary>
public class ActivityNode : FlowNode
{
    internal ActivityNode(string id, string? name, string kind, int line) : base(id, name, kind, line)
    {
    }
}
