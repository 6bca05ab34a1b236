using Ctms.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Subjects.Randomization;

/// <summary>An arm's code and name from the protocol, for those the blinding lets see it.</summary>
internal static class ArmNames
{
    public static async Task<ArmDto> OfAsync(CtmsDbContext db, Guid projectId, string code, CancellationToken ct)
    {
        var name = await db.StudyArms.AsNoTracking().Where(a => a.ProjectId == projectId && a.Code == code).Select(a => a.Name).FirstOrDefaultAsync(ct);
        return new ArmDto(code, name ?? code);
    }
}
