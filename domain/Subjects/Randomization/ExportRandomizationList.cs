using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Subjects.Randomization;

/// <summary>
/// The statistician's copy of the concealed list (and, for minimization, of the allocations): for the global roles that
/// hold <see cref="ProjectActions.RandomizationListExport"/> (admin, CTI director), never the study team. Each export is
/// recorded (<see cref="RandomizationListExportRecord"/>, audited) before the list is handed over.
/// </summary>
public sealed record ExportRandomizationList(Guid ProjectId, string? Reason) : ICommand<RandomizationListExportDto>;

public sealed class ExportRandomizationListHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, TimeProvider clock, RandomizationReader reader)
    : ICommandHandler<ExportRandomizationList, RandomizationListExportDto>
{
    public async ValueTask<RandomizationListExportDto> Handle(ExportRandomizationList command, CancellationToken ct)
    {
        if (!await access.CanEverywhereAsync(user.Access, ProjectActions.RandomizationListExport, ct))
        {
            await access.EnsureAsync(user.Access, ProjectActions.ReadSubjects, command.ProjectId, ct);
            throw new ForbiddenException("Only the CTI director or an administrator may export a randomization list.");
        }
        new Validator().Required("reason", command.Reason, Subject.ReasonMax).ThrowIfInvalid();
        var scheme = await reader.SchemeAsync(command.ProjectId, ct);
        if (scheme is not { IsLocked: true })
        {
            throw new ConflictException("The scheme is not locked: there is no list yet.");
        }
        var allocations = await db.SubjectAllocations.AsNoTracking().Where(a => a.SchemeId == scheme.Id)
            .Select(a => new { a.Stratum, a.Sequence, a.RandomizedArm, a.RandomizationNumber, a.RandomizedAt }).ToListAsync(ct);
        var used = allocations.ToDictionary(a => (a.Stratum, a.Sequence));
        List<RandomizationListRowDto> rows = scheme.UsesLists
            ? [.. (await db.RandomizationListEntries.AsNoTracking().Where(e => e.SchemeId == scheme.Id).ToListAsync(ct))
                .OrderBy(e => e.Stratum, StringComparer.Ordinal).ThenBy(e => e.Sequence)
                .Select(e => used.TryGetValue((e.Stratum, e.Sequence), out var a)
                    ? new RandomizationListRowDto(e.Stratum, e.Sequence, e.Block, e.Arm, a.RandomizationNumber, a.RandomizedAt)
                    : new RandomizationListRowDto(e.Stratum, e.Sequence, e.Block, e.Arm, null, null))]
            : [.. allocations.OrderBy(a => a.Sequence).Select(a => new RandomizationListRowDto(a.Stratum, a.Sequence, 0, a.RandomizedArm, a.RandomizationNumber, a.RandomizedAt))];
        db.Add(new RandomizationListExportRecord(scheme.Id, command.ProjectId, user.UserName ?? "system", command.Reason!.Trim(), rows.Count, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return new RandomizationListExportDto(command.ProjectId, scheme.Method.ToString(), scheme.ListHash, scheme.LockedAt, rows);
    }
}
