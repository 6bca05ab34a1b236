using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Ethics.Model;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Ethics.Reviews;

/// <summary>What every submission to the committee shares: which committee, and which document versions go with it.</summary>
internal static class ReviewSubmission
{
    /// <summary>The checklist codes of the documents an initial review and an amendment need in their current version.</summary>
    public static readonly string[] RequiredDocuments = ["protocol", "icf"];

    /// <summary>The committee named, or the only one there is; with several and none named, the submitter must choose (400).</summary>
    public static async Task<EthicsCommittee> CommitteeAsync(CtmsDbContext db, Guid? committeeId, CancellationToken ct)
    {
        if (committeeId is { } id)
        {
            return await db.EthicsCommittees.SingleOrDefaultAsync(c => c.Id == id, ct)
                   ?? throw DomainValidationException.For("committeeId", $"There is no ethics committee {id}.");
        }
        var committees = await db.EthicsCommittees.Take(2).ToListAsync(ct);
        return committees.Count switch
        {
            1 => committees[0],
            0 => throw new ConflictException("No ethics committee is set up yet; the EC office creates one first."),
            _ => throw DomainValidationException.For("committeeId", "Choose the ethics committee to submit to."),
        };
    }

    /// <summary>The latest version of each of the project's documents with these checklist codes (code to version id).</summary>
    public static async Task<Dictionary<string, Guid>> CurrentVersionsAsync(CtmsDbContext db, Guid projectId, IReadOnlyCollection<string> codes,
        CancellationToken ct)
    {
        var versions = await (from d in db.ProjectDocuments.AsNoTracking()
                              join v in db.DocumentVersions.AsNoTracking() on d.Id equals v.DocumentId
                              where d.ProjectId == projectId && codes.Contains(d.Code)
                              select new { d.Code, v.Id, v.Number }).ToListAsync(ct);
        return versions.GroupBy(v => v.Code).ToDictionary(g => g.Key, g => g.MaxBy(v => v.Number)!.Id, StringComparer.Ordinal);
    }

    /// <summary>The current protocol and consent versions; a missing one is a clear 400 naming it.</summary>
    public static async Task<Dictionary<string, Guid>> RequiredVersionsAsync(CtmsDbContext db, Guid projectId, CancellationToken ct)
    {
        var current = await CurrentVersionsAsync(db, projectId, RequiredDocuments, ct);
        var missing = RequiredDocuments.Where(code => !current.ContainsKey(code)).ToList();
        if (missing.Count > 0)
        {
            throw DomainValidationException.For("documents",
                $"Upload the project's {string.Join(" and ", missing.Select(Describe))} before submitting to the ethics committee.");
        }
        return current;
    }

    /// <summary>Other document versions the submitter adds (an investigator's brochure, an SAE report): each must be one of the project's.</summary>
    public static async Task<List<(Guid VersionId, string Code)>> OtherVersionsAsync(CtmsDbContext db, Guid projectId, IReadOnlyCollection<Guid>? versionIds,
        CancellationToken ct)
    {
        if (versionIds is not { Count: > 0 })
        {
            return [];
        }
        var ids = versionIds.Distinct().ToList();
        var found = await (from v in db.DocumentVersions.AsNoTracking()
                           join d in db.ProjectDocuments.AsNoTracking() on v.DocumentId equals d.Id
                           where ids.Contains(v.Id) && d.ProjectId == projectId
                           select new { v.Id, d.Code }).ToListAsync(ct);
        if (found.Count != ids.Count)
        {
            throw DomainValidationException.For("documentVersionIds", "Each document must be a version of this project's documents.");
        }
        return [.. found.Select(f => (f.Id, f.Code))];
    }

    private static string Describe(string code) => code == "icf" ? "informed consent form (icf)" : code;
}
