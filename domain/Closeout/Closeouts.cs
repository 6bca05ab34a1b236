using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Projects;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Closeout;

/// <summary>Loads what the close-out's steps after its opening work on.</summary>
internal static class Closeouts
{
    /// <summary>The project in close-out and its record, tracked; a conflict when the close-out is not open (not opened yet, or archived).</summary>
    public static async Task<(Project Project, CloseoutRecord Record)> LoadOpenAsync(CtmsDbContext db, Guid projectId, CancellationToken ct)
    {
        var project = await db.Projects.SingleAsync(p => p.Id == projectId, ct);
        var record = await db.CloseoutRecords.SingleOrDefaultAsync(r => r.ProjectId == projectId, ct);
        if (project.Status != ProjectStatus.Closing || record is null)
        {
            throw new ConflictException($"The project is not in close-out (it is {project.Status}); the CTI office opens the close-out first.");
        }
        return (project, record);
    }
}
