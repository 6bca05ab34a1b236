using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Ethics.Gate;

/// <summary>
/// Whether subjects may be enrolled in a project (and an amended procedure used): the one rule every enrolling step asks
/// (<see cref="EthicsGate"/>). The kick-off's sign-off (P12) asks it now; the subjects module asks it before each enrollment.
/// </summary>
public interface IEnrollmentGate
{
    /// <summary>The gate at <paramref name="at"/>, with each condition; not found for a project that does not exist.</summary>
    Task<EthicsGateResult> EvaluateAsync(Guid projectId, DateTimeOffset at, CancellationToken ct = default);

    /// <summary>Throws a <see cref="ConflictException"/> naming what is missing unless the gate is open.</summary>
    Task EnsureOpenAsync(Guid projectId, DateTimeOffset at, CancellationToken ct = default);
}

/// <summary>The gate, from the database: the current protocol and consent versions (document codes <c>protocol</c> and <c>icf</c>), the project's ethics decisions.</summary>
public sealed class EthicsGate(CtmsDbContext db) : IEnrollmentGate
{
    public const string ProtocolCode = "protocol";
    public const string ConsentCode = "icf";

    public async Task<EthicsGateResult> EvaluateAsync(Guid projectId, DateTimeOffset at, CancellationToken ct = default) =>
        EthicsGateRules.Evaluate(await LoadAsync(projectId, ct), at);

    public async Task EnsureOpenAsync(Guid projectId, DateTimeOffset at, CancellationToken ct = default)
    {
        var gate = await EvaluateAsync(projectId, at, ct);
        if (!gate.Open)
        {
            throw new ConflictException($"The ethics gate is closed: {gate.Missing}");
        }
    }

    private async Task<GateFacts> LoadAsync(Guid projectId, CancellationToken ct)
    {
        var status = await db.Projects.AsNoTracking().Where(p => p.Id == projectId).Select(p => (Projects.ProjectStatus?)p.Status).SingleOrDefaultAsync(ct)
                     ?? throw new NotFoundException($"Project {projectId} was not found.");
        var versions = await (from d in db.ProjectDocuments.AsNoTracking()
                              join v in db.DocumentVersions.AsNoTracking() on d.Id equals v.DocumentId
                              where d.ProjectId == projectId && (d.Code == ProtocolCode || d.Code == ConsentCode)
                              select new { d.Code, v.Id, v.Number, v.UploadedAt }).ToListAsync(ct);
        GateDocument? Current(string code) => versions.Where(v => v.Code == code).OrderBy(v => v.UploadedAt).ThenBy(v => v.Number)
            .Select(v => new GateDocument(v.Id, v.Number)).LastOrDefault();

        var decisions = await (from d in db.EthicsDecisions.AsNoTracking()
                               join r in db.EthicsReviews.AsNoTracking() on d.ReviewId equals r.Id
                               where d.ProjectId == projectId
                               select new { d.Id, d.ReviewId, r.Kind, d.Outcome, d.DecidedAt, d.ValidUntil }).ToListAsync(ct);
        var reviewIds = decisions.Select(d => d.ReviewId).ToList();
        var documents = (await db.ReviewDocuments.AsNoTracking().Where(rd => reviewIds.Contains(rd.ReviewId))
            .Select(rd => new { rd.ReviewId, rd.DocumentVersionId }).ToListAsync(ct)).ToLookup(rd => rd.ReviewId, rd => rd.DocumentVersionId);
        return new GateFacts(projectId, status, Current(ProtocolCode), Current(ConsentCode),
            [.. decisions.Select(d => new GateDecision(d.Id, d.Kind, d.Outcome, d.DecidedAt, d.ValidUntil, [.. documents[d.ReviewId]]))]);
    }
}
