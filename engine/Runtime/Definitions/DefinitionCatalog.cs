using Ctms.Engine.Model;
using Ctms.Engine.Parsing;
using Ctms.Engine.Runtime.Store;

namespace Ctms.Engine.Runtime.Definitions;

/// <summary>One deployed version as the designer lists it.</summary>
public sealed record DefinitionVersionSummary(string ProcessId, int Version, string? Name, string ResourceName, DateTimeOffset DeployedAt, int RunningInstances);

/// <summary>One deployed process: its versions, newest first, and the instances running on any of them.</summary>
public sealed record DefinitionSummary(string ProcessId, string? Name, int LatestVersion, DateTimeOffset LatestDeployedAt, int RunningInstances,
    IReadOnlyList<DefinitionVersionSummary> Versions);

/// <summary>The designer's reads of deployed definitions: the list with instance counts, and the deploy-time validation without deploying.</summary>
public static class DefinitionCatalog
{
    /// <summary>Every deployed process with its versions and running-instance counts, by process id.</summary>
    public static async Task<IReadOnlyList<DefinitionSummary>> ListAsync(IEngineStore store, CancellationToken ct)
    {
        var counts = (await store.RunningInstanceCountsAsync(ct)).ToDictionary(c => (c.ProcessId, c.Version), c => c.Count);
        var definitions = await store.DefinitionsAsync(ct);
        return [.. definitions.GroupBy(d => d.ProcessId).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var versions = g.OrderByDescending(d => d.Version)
                .Select(d => new DefinitionVersionSummary(d.ProcessId, d.Version, d.Name, d.ResourceName, d.DeployedAt, counts.GetValueOrDefault((d.ProcessId, d.Version))))
                .ToList();
            return new DefinitionSummary(g.Key, versions[0].Name, versions[0].Version, versions[0].DeployedAt, versions.Sum(v => v.RunningInstances), versions);
        })];
    }

    /// <summary>
    /// The checks a deploy makes (the parser's, with the registered activities, and the call graph against what is
    /// deployed), as a list: empty when <paramref name="xml"/> would deploy. Never throws for bad input, garbage included.
    /// </summary>
    public static async Task<IReadOnlyList<BpmnProblem>> ValidateAsync(IEngineStore store, IActivityCatalog activities, string xml, CancellationToken ct)
    {
        try
        {
            await CheckAsync(store, activities, xml, ct);
            return [];
        }
        catch (BpmnValidationException e)
        {
            return e.Problems;
        }
    }

    /// <summary>Parses <paramref name="xml"/> as a deploy does: the parser's checks, then no call cycle with what is deployed.</summary>
    /// <exception cref="BpmnValidationException">Every problem found.</exception>
    internal static async Task<BpmnDefinitions> CheckAsync(IEngineStore store, IActivityCatalog activities, string xml, CancellationToken ct)
    {
        var definitions = BpmnParser.Parse(xml, activities);
        var others = (await store.LatestDefinitionsAsync(ct)).Where(d => definitions.Executable.All(p => p.Id != d.ProcessId)).Select(d => d.Model);
        CallGraph.EnsureAcyclic(definitions.Executable, others);
        return definitions;
    }
}
