using System.Text.Json.Nodes;

namespace Ctms.Domain.Subjects.Exchange;

/// <summary>One saved e-CRF page of one subject at one visit, as the ODM export needs it.</summary>
/// <param name="SubjectId">The subject.</param>
/// <param name="VisitCode">The visit's code (<see cref="Protocol.VisitDefinition.Code"/>).</param>
/// <param name="PageCode">The page's code (<see cref="Protocol.EcrfPage.Code"/>).</param>
/// <param name="PageVersion">The page version the data was entered on.</param>
/// <param name="Data">The page's data as kept (field key to value).</param>
public sealed record EcrfDataRow(Guid SubjectId, string VisitCode, string PageCode, int PageVersion, JsonObject Data);

/// <summary>
/// The e-CRF data of a project for the ODM export. The e-CRF entries belong to the visits part; until they are merged
/// the host's implementation (<see cref="NoEcrfEntriesYet"/>) has none. The merge implements it over the entries: every
/// saved entry of the project's subjects with its visit code, page code, page version and data.
/// </summary>
public interface IEcrfDataSource
{
    Task<IReadOnlyList<EcrfDataRow>> ReadAsync(Guid projectId, CancellationToken ct);
}

/// <summary>The e-CRF data source before the visits part's entries exist: no page data (the AE log is exported regardless).</summary>
public sealed class NoEcrfEntriesYet : IEcrfDataSource
{
    public Task<IReadOnlyList<EcrfDataRow>> ReadAsync(Guid projectId, CancellationToken ct) => Task.FromResult<IReadOnlyList<EcrfDataRow>>([]);
}
