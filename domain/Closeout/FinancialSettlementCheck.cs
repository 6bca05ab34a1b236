namespace Ctms.Domain.Closeout;

/// <summary>
/// The finance office's settlement (income, costs and balance closed, O29). Until the finance module exists it answers
/// not applicable; that module replaces this registration with its real check.
/// </summary>
public sealed class FinancialSettlementCheck : IProjectClosureCheck
{
    public const string CheckName = "financial-settlement";

    public string Name => CheckName;

    public Task<ClosureCheckResult> CheckAsync(Guid projectId, CancellationToken ct) =>
        Task.FromResult(ClosureCheckResult.NotApplicable(Name, "The finance module is not installed yet."));
}
