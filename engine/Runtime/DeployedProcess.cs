using Ctms.Engine.Model;

namespace Ctms.Engine.Runtime;

/// <summary>
/// One version of a deployed process: its model, and the XML it came from, kept for ever; <paramref name="FormBindings"/>
/// is the version of each task form (by form id) that was the latest when this version was deployed.
/// </summary>
public sealed record DeployedProcess(string ProcessId, int Version, string? Name, ProcessModel Model, string ResourceName, string Xml, string Hash,
    DateTimeOffset DeployedAt, IReadOnlyDictionary<string, int>? FormBindings = null)
{
    public string Key => $"{ProcessId}:{Version}";
}
