namespace Ctms.Engine.Model;

/// <summary>An exclusive, parallel, inclusive or event-based gateway.</summary>
public sealed class GatewayNode : FlowNode
{
    internal GatewayNode(string id, string? name, string kind, int line) : base(id, name, kind, line)
    {
    }
}
