namespace Ctms.Domain.Closeout;

/// <summary>
/// One condition a project must meet before it is archived (P13): the pharmacy's drug reconciliation, the finance
/// office's settlement, the PI's summary report. Each module that owns such a condition registers its check as a
/// scoped service; <see cref="ProjectClosureChecks"/> runs them all. A check reads, it never writes.
/// </summary>
public interface IProjectClosureCheck
{
    /// <summary>A stable name, shown with the result and stored in the close-out record (e.g. <c>drug-reconciliation</c>).</summary>
    string Name { get; }

    Task<ClosureCheckResult> CheckAsync(Guid projectId, CancellationToken ct);
}
