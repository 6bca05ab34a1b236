using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Subjects.Recruitment;

/// <summary>
/// Whether a subject's consent is current (O07): a subject who never consented, or whose latest consent is on an ICF
/// version older than one the committee approved since (<see cref="Ethics.Amendments.ReconsentRequirement"/>), may not be
/// enrolled, randomized, visited or have e-CRF data entered. Every part asks <see cref="EnsureCurrentAsync"/> before such a step.
/// </summary>
public sealed class ConsentRules(CtmsDbContext db)
{
    /// <summary>The ICF version number the subject must re-consent on, or null when the consent is current (or absent).</summary>
    public async Task<int?> ReconsentDueAsync(Subject subject, CancellationToken ct = default)
    {
        if (subject.ConsentVersionNumber is not { } signed)
        {
            return null;
        }
        var required = await db.ReconsentRequirements.AsNoTracking().Where(r => r.ProjectId == subject.ProjectId)
            .MaxAsync(r => (int?)r.ConsentVersionNumber, ct);
        return required > signed ? required : null;
    }

    /// <summary>The latest ICF version number each project's subjects must have consented on (for lists).</summary>
    public async Task<int?> RequiredVersionAsync(Guid projectId, CancellationToken ct = default) =>
        await db.ReconsentRequirements.AsNoTracking().Where(r => r.ProjectId == projectId).MaxAsync(r => (int?)r.ConsentVersionNumber, ct);

    /// <summary>Throws a <see cref="ConflictException"/> unless the subject consented and is not due for re-consent.</summary>
    public async Task EnsureCurrentAsync(Subject subject, CancellationToken ct = default)
    {
        if (subject.ConsentVersionNumber is null)
        {
            throw new ConflictException("The subject has not signed an informed consent.");
        }
        if (await ReconsentDueAsync(subject, ct) is { } due)
        {
            throw new ConflictException(
                $"The subject consented on ICF version {subject.ConsentVersionNumber}; version {due} is approved since: the subject must re-consent first.");
        }
    }

    public static bool IsDue(Subject subject, int? requiredVersion) =>
        subject.ConsentVersionNumber is { } signed && requiredVersion is { } required && required > signed;
}
