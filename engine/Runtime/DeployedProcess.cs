using Ctms.Engine.Model;

namespace Ctms.Engine.Runtime;

/// <summary>One version of a deployed process: its model, and the XML it came from, kept for ever.</summary>
public sealed record DeployedProcess(string ProcessId, int Version, string? Name, ProcessModel Model, string ResourceName, string Xml, string Hash, DateTimeOffset DeployedAt)
{
    public string Key => $"{ProcessId}:{Version}";
}
