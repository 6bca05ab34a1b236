using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Projects;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Documents;

/// <summary>Who may do what with a project's documents, asked by every document command and query.</summary>
internal static class DocumentRules
{
    /// <summary>
    /// The project, if the user may upload to it: the CTI office always; the applicant and the PI on their own project
    /// while it is editable (draft, or returned for revision), a conflict otherwise. Not found when they may not read it.
    /// </summary>
    public static async Task<Project> EnsureMayUploadAsync(CtmsDbContext db, ProjectAccess access, AccessUser user, Guid projectId, CancellationToken ct)
    {
        var office = await access.CanEverywhereAsync(user, ProjectActions.UploadDocuments, ct);
        if (!office)
        {
            await access.EnsureAsync(user, ProjectActions.UploadDocuments, projectId, ct);
        }
        var project = await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId, ct)
                      ?? throw new NotFoundException($"Project {projectId} was not found.");
        if (!office && !ProjectLifecycle.Editable.Contains(project.Status))
        {
            throw new ConflictException(
                $"The project is {project.Status}; its documents can be changed only while it is {string.Join(" or ", ProjectLifecycle.Editable)}.");
        }
        return project;
    }

    /// <summary>The version and its document, if the user may read the project; not found otherwise (whether it exists or not).</summary>
    public static async Task<Found> ReadableVersionAsync(CtmsDbContext db, ProjectAccess access,
        AccessUser user, Guid versionId, CancellationToken ct)
    {
        var found = await (from v in db.DocumentVersions.AsNoTracking()
                           join d in db.ProjectDocuments.AsNoTracking() on v.DocumentId equals d.Id
                           where v.Id == versionId
                           select new { v, d }).SingleOrDefaultAsync(ct);
        if (found is null || !await access.CanAsync(user, ProjectActions.Read, found.d.ProjectId, ct))
        {
            throw new NotFoundException($"Document version {versionId} was not found.");
        }
        return new Found(found.d, found.v);
    }

    /// <summary>A version with its document.</summary>
    public sealed record Found(ProjectDocument Document, DocumentVersion Version);
}
