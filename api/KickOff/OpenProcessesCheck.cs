using Ctms.Domain.Closeout;
using Ctms.Engine.Runtime.Instances;
using Ctms.Engine.Runtime.Store;

namespace Ctms.Api.KickOff;

/// <summary>
/// A project is archived only when none of its processes (instances whose business key is the project) still runs,
/// other than the close-out itself. The engine knows nothing of projects and the domain nothing of the engine, so this
/// check lives in the host, which sees both.
/// </summary>
internal sealed class OpenProcessesCheck(IEngineStore store) : IProjectClosureCheck
{
    public const string CheckName = "open-processes";
    public const string CloseoutProcessId = "P13-project-close-out";

    public string Name => CheckName;

    public async Task<ClosureCheckResult> CheckAsync(Guid projectId, CancellationToken ct)
    {
        var page = await store.QueryInstancesAsync(new InstanceQuery
        {
            BusinessKey = projectId.ToString(),
            Status = InstanceStatusFilter.Running,
            Limit = InstanceQuery.MaxLimit,
        }, ct);
        var open = page.Items.Where(i => i.ProcessId != CloseoutProcessId).ToList();
        return open.Count == 0
            ? ClosureCheckResult.Passed(Name)
            : ClosureCheckResult.Failed(Name, [.. open.Select(i => $"The process {i.ProcessId} (instance {i.Id}, started {i.StartedAt:yyyy-MM-dd}) is still running.")]);
    }
}
