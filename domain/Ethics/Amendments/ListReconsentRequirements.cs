using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Ethics.Amendments;

/// <summary>
/// The project's re-consent requirements, newest first. The contract for the subjects module: a subject whose latest
/// signed consent is on a version numbered below the first row's <c>ConsentVersionNumber</c> must re-consent on
/// <c>ConsentVersionId</c> before any further study procedure.
/// </summary>
public sealed record ListReconsentRequirements(Guid ProjectId) : IQuery<IReadOnlyList<ReconsentRequirementDto>>;

public sealed record ReconsentRequirementDto(Guid Id, Guid ProjectId, Guid ConsentVersionId, int ConsentVersionNumber, string FileName, Guid ReviewId,
    Guid DecisionId, string Reason, DateTimeOffset FlaggedAt);

public sealed class ListReconsentRequirementsHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user)
    : IQueryHandler<ListReconsentRequirements, IReadOnlyList<ReconsentRequirementDto>>
{
    public async ValueTask<IReadOnlyList<ReconsentRequirementDto>> Handle(ListReconsentRequirements query, CancellationToken ct)
    {
        await access.EnsureAsync(user.Access, ProjectActions.Read, query.ProjectId, ct);
        var rows = await (from r in db.ReconsentRequirements.AsNoTracking()
                          join v in db.DocumentVersions.AsNoTracking() on r.ConsentVersionId equals v.Id
                          where r.ProjectId == query.ProjectId
                          select new { r, v.FileName }).ToListAsync(ct);
        return [.. rows.OrderByDescending(x => x.r.ConsentVersionNumber).Select(x => new ReconsentRequirementDto(x.r.Id, x.r.ProjectId, x.r.ConsentVersionId,
            x.r.ConsentVersionNumber, x.FileName, x.r.ReviewId, x.r.DecisionId, x.r.Reason, x.r.FlaggedAt))];
    }
}
