using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Subjects.Exchange;

/// <summary>One saved e-CRF page of one subject at one visit, as the ODM export needs it.</summary>
/// <param name="SubjectId">The subject.</param>
/// <param name="VisitCode">The visit's code (<see cref="Protocol.VisitDefinition.Code"/>).</param>
/// <param name="PageCode">The page's code (<see cref="Protocol.EcrfPage.Code"/>).</param>
/// <param name="PageVersion">The page version the data was entered on.</param>
/// <param name="Data">The page's data as kept (field key to value).</param>
public sealed record EcrfDataRow(Guid SubjectId, string VisitCode, string PageCode, int PageVersion, JsonObject Data);

/// <summary>The e-CRF data of a project for the ODM export: every saved entry of the project's subjects.</summary>
public interface IEcrfDataSource
{
    Task<IReadOnlyList<EcrfDataRow>> ReadAsync(Guid projectId, CancellationToken ct);
}

/// <summary>The e-CRF entries (<see cref="Ecrf.EcrfEntry"/>) as the export reads them, in subject, visit and page order.</summary>
public sealed class EcrfEntriesDataSource(Data.CtmsDbContext db) : IEcrfDataSource
{
    public async Task<IReadOnlyList<EcrfDataRow>> ReadAsync(Guid projectId, CancellationToken ct)
    {
        var entries = await db.EcrfEntries.AsNoTracking().Where(e => e.ProjectId == projectId)
            .Select(e => new { e.SubjectId, e.VisitCode, e.PageCode, e.PageVersion, e.Data }).ToListAsync(ct);
        return entries.OrderBy(e => e.SubjectId).ThenBy(e => e.VisitCode, StringComparer.Ordinal).ThenBy(e => e.PageCode, StringComparer.Ordinal)
            .Select(e => new EcrfDataRow(e.SubjectId, e.VisitCode, e.PageCode, e.PageVersion, JsonNode.Parse(e.Data) as JsonObject ?? [])).ToList();
    }
}
