using Ctms.Domain.Data;
using Ctms.Domain.Projects;

namespace Ctms.Domain.Contracts;

/// <summary>
/// Makes a fully signed contract effective, in one place: the contract is Signed, its budget becomes revision 1 from
/// the signing day, and the project moves from Approved to Contracted (a project in another state refuses the move
/// with a conflict, and nothing is saved).
/// </summary>
internal static class ContractActivation
{
    public static void Activate(CtmsDbContext db, Contract contract, Project project, string by, DateTimeOffset at)
    {
        if (project.Status != ProjectStatus.Contracted)
        {
            project.MoveTo(ProjectStatus.Contracted, at);
        }
        contract.MarkSigned(at);
        db.BudgetRevisions.Add(new BudgetRevision(contract.Id, 1, contract.Lines.OrderBy(l => l.Position).Select(l => l.ToSnapshot()).ToList(),
            "Contract signed by all parties", null, DateOnly.FromDateTime(at.UtcDateTime), by, at));
    }
}
