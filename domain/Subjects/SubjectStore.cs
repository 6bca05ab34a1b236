using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Subjects.Protocol;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Subjects;

/// <summary>
/// How every subject command finds its subject: loaded (tracked) and checked against the action on the subject's project.
/// Someone who may not read the project's subjects learns nothing of the subject (404); someone who may read it but not do
/// the action gets a 403.
/// </summary>
public sealed class SubjectStore(CtmsDbContext db, ProjectAccess access, ICurrentUser user)
{
    public async Task<Subject> GetAsync(Guid subjectId, string action, CancellationToken ct = default)
    {
        var subject = await db.Subjects.SingleOrDefaultAsync(s => s.Id == subjectId, ct);
        if (subject is null || !await access.CanAsync(user.Access, ProjectActions.ReadSubjects, subject.ProjectId, ct))
        {
            throw new NotFoundException($"Subject {subjectId} was not found.");
        }
        if (action != ProjectActions.ReadSubjects)
        {
            await access.EnsureAsync(user.Access, action, subject.ProjectId, ct);
        }
        return subject;
    }

    /// <summary>
    /// The subject for a step the host runs as the system on a hospital message (O17's admission and discharge): the
    /// system is no member of the project, and the message was authenticated by the hospital's signature. Anyone else is
    /// checked as by <see cref="GetAsync"/>.
    /// </summary>
    public async Task<Subject> GetForHospitalAsync(Guid subjectId, string action, CancellationToken ct = default)
    {
        if (user.UserId != SystemUser.Instance.UserId)
        {
            return await GetAsync(subjectId, action, ct);
        }
        return await db.Subjects.SingleOrDefaultAsync(s => s.Id == subjectId, ct) ?? throw new NotFoundException($"Subject {subjectId} was not found.");
    }

    /// <summary>The project's subject-side configuration, created with the defaults on first use (the caller saves).</summary>
    public async Task<ProtocolSetup> SetupAsync(Guid projectId, CancellationToken ct = default)
    {
        var setup = db.ProtocolSetups.Local.FirstOrDefault(s => s.ProjectId == projectId)
                    ?? await db.ProtocolSetups.SingleOrDefaultAsync(s => s.ProjectId == projectId, ct);
        if (setup is null)
        {
            setup = new ProtocolSetup(projectId);
            db.ProtocolSetups.Add(setup);
        }
        return setup;
    }

    /// <summary>The subject's label: protocol number + screening number + initials.</summary>
    public async Task<string> LabelAsync(Subject subject, CancellationToken ct = default)
    {
        var protocol = await db.Projects.AsNoTracking().Where(p => p.Id == subject.ProjectId).Select(p => p.ProtocolNumber).SingleAsync(ct);
        return SubjectLabel.Of(protocol, subject.ScreeningNumber, subject.Initials);
    }

    public string UserName => user.UserName ?? "system";
}
