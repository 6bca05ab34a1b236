using Ctms.Domain.Data;

namespace Ctms.Domain.Contracts;

/// <summary>
/// Makes a signed amendment effective, in one place: its lines become the contract's budget and a new budget revision
/// (the next number, the amendment's reason and effective day) records them in the history.
/// </summary>
internal static class AmendmentApplication
{
    public static void Apply(CtmsDbContext db, Contract contract, ContractAmendment amendment, string by, DateTimeOffset at)
    {
        var lines = amendment.Lines;
        var number = contract.EffectiveRevision + 1;
        db.BudgetRevisions.Add(new BudgetRevision(contract.Id, number, lines, amendment.Reason, amendment.Id, amendment.EffectiveFrom, by, at));
        contract.ReplaceLines(lines, byAmendment: true);
        contract.RevisionBecameEffective(number);
        amendment.BecameEffective(number, at);
    }
}
