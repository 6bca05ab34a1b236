using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Projects;

/// <summary>What every step of the approval flow (P01-P04, A06) does first: check the person's right, then load the project.</summary>
internal static class ProjectSteps
{
    /// <summary>A reason or comment a step records: long enough for a paragraph of review remarks.</summary>
    public const int ReasonMax = 2000;

    /// <summary>
    /// The project, once the user holds one of <paramref name="actions"/> on it; otherwise not found (the project is hidden
    /// from them) or forbidden (they see it but the step is not theirs), refused by <see cref="ProjectAccess.EnsureAsync"/>.
    /// </summary>
    public static async Task<Project> LoadAsync(CtmsDbContext db, ProjectAccess access, ICurrentUser user, Guid projectId,
        CancellationToken ct, params string[] actions)
    {
        var allowed = false;
        foreach (var action in actions)
        {
            if (await access.CanAsync(user.Access, action, projectId, ct))
            {
                allowed = true;
                break;
            }
        }
        if (!allowed)
        {
            await access.EnsureAsync(user.Access, actions[0], projectId, ct);
        }
        return await db.Projects.SingleOrDefaultAsync(p => p.Id == projectId, ct)
               ?? throw new NotFoundException($"Project {projectId} was not found.");
    }

    /// <summary>Ensures the project is in <paramref name="expected"/>, for a step that decides without moving it.</summary>
    public static void EnsureStatus(Project project, ProjectStatus expected)
    {
        if (project.Status != expected)
        {
            throw new ConflictException($"The project is {project.Status}; this step needs it {expected}.");
        }
    }
}
