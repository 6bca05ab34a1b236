using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Contracts;

/// <summary>The contract's budget with its history: every revision, its lines and the difference to the previous one.</summary>
public sealed record GetBudget(Guid ProjectId) : IQuery<BudgetDto>;

public sealed class GetBudgetHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user) : IQueryHandler<GetBudget, BudgetDto>
{
    public async ValueTask<BudgetDto> Handle(GetBudget query, CancellationToken ct)
    {
        await ContractRules.ProjectAsync(db, access, user, query.ProjectId, ProjectActions.ReadContract, ct);
        var contract = await ContractRules.ContractAsync(db, query.ProjectId, ct);
        var revisions = await db.BudgetRevisions.AsNoTracking().Where(r => r.ContractId == contract.Id).OrderBy(r => r.Number).ToListAsync(ct);
        var history = new List<BudgetRevisionDto>();
        IReadOnlyList<BudgetLineSnapshot> previous = [];
        var previousTotal = 0m;
        foreach (var revision in revisions)
        {
            var lines = revision.Lines;
            history.Add(new BudgetRevisionDto(revision.Number, revision.EffectiveFrom, revision.Reason, revision.AmendmentId, revision.Total,
                revision.Number == 1 ? 0 : revision.Total - previousTotal, revision.CreatedBy, revision.CreatedAt, lines,
                revision.Number == 1 ? [] : Compare(previous, lines)));
            previous = lines;
            previousTotal = revision.Total;
        }
        return new BudgetDto(contract.Id, contract.Currency, contract.Status.ToString(), contract.EffectiveRevision, contract.Total,
            contract.Lines.OrderBy(l => l.Position).Select(l => l.ToSnapshot()).ToList(), history);
    }

    /// <summary>The lines added, removed and changed, matching lines by kind and description (in order, when one repeats).</summary>
    internal static IReadOnlyList<BudgetLineChange> Compare(IReadOnlyList<BudgetLineSnapshot> before, IReadOnlyList<BudgetLineSnapshot> after)
    {
        var unmatched = before.ToList();
        var changes = new List<BudgetLineChange>();
        foreach (var line in after)
        {
            var old = unmatched.FirstOrDefault(b => b.Kind == line.Kind && string.Equals(b.Description, line.Description, StringComparison.Ordinal));
            if (old is null)
            {
                changes.Add(new BudgetLineChange("Added", line.Kind, line.Description, null, line, line.Total));
                continue;
            }
            unmatched.Remove(old);
            if (old != line)
            {
                changes.Add(new BudgetLineChange("Changed", line.Kind, line.Description, old, line, line.Total - old.Total));
            }
        }
        changes.AddRange(unmatched.Select(b => new BudgetLineChange("Removed", b.Kind, b.Description, b, null, -b.Total)));
        return changes;
    }
}
