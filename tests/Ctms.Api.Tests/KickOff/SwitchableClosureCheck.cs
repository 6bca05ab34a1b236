using System.Collections.Concurrent;
using Ctms.Domain.Closeout;

namespace Ctms.Api.Tests.KickOff;

/// <summary>
/// A closure check a later module (the pharmacy's, say) would register: it fails for the projects a test names, with
/// the reason the test gives, and passes for the others.
/// </summary>
public sealed class SwitchableClosureCheck : IProjectClosureCheck
{
    public const string CheckName = "test-kit-reconciliation";

    private readonly ConcurrentDictionary<Guid, string> _failing = new();

    public string Name => CheckName;

    public void FailFor(Guid projectId, string reason) => _failing[projectId] = reason;

    public void PassFor(Guid projectId) => _failing.TryRemove(projectId, out _);

    public Task<ClosureCheckResult> CheckAsync(Guid projectId, CancellationToken ct) =>
        Task.FromResult(_failing.TryGetValue(projectId, out var reason)
            ? ClosureCheckResult.Failed(Name, reason)
            : ClosureCheckResult.Passed(Name));
}
