namespace Ctms.Domain.Closeout;

/// <summary>
/// The pharmacy's drug reconciliation (every kit received is dispensed, returned or destroyed, O23). Until the pharmacy
/// module exists it answers not applicable; that module replaces this registration with its real check.
/// </summary>
public sealed class DrugReconciliationCheck : IProjectClosureCheck
{
    public const string CheckName = "drug-reconciliation";

    public string Name => CheckName;

    public Task<ClosureCheckResult> CheckAsync(Guid projectId, CancellationToken ct) =>
        Task.FromResult(ClosureCheckResult.NotApplicable(Name, "The pharmacy module is not installed yet."));
}
