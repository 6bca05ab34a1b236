namespace Ctms.Domain.Closeout;

/// <summary>Runs every registered <see cref="IProjectClosureCheck"/>, in registration order.</summary>
public sealed class ProjectClosureChecks(IEnumerable<IProjectClosureCheck> checks)
{
    public async Task<IReadOnlyList<ClosureCheckResult>> RunAsync(Guid projectId, CancellationToken ct)
    {
        var results = new List<ClosureCheckResult>();
        foreach (var check in checks)
        {
            var result = await check.CheckAsync(projectId, ct);
            // The registered name wins, so a check cannot report under another's name.
            results.Add(result with { Check = check.Name });
        }
        return results;
    }

    /// <summary>The reasons of the failed checks, each prefixed with its check's name; empty when archiving may go on.</summary>
    public static IReadOnlyList<string> Failures(IEnumerable<ClosureCheckResult> results) =>
        results.Where(r => r.Outcome == ClosureCheckOutcome.Failed)
            .SelectMany(r => r.Reasons.Count == 0 ? [$"{r.Check}: failed"] : r.Reasons.Select(reason => $"{r.Check}: {reason}"))
            .ToList();
}
