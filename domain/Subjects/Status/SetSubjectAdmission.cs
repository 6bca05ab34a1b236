using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Subjects.Status;

/// <summary>
/// Admits a subject to the ward or discharges it (O17), by the study team (subjects.visit) or from the hospital's
/// encounter messages (<see cref="FromHospital"/>, run by the O17 process as the system). Admitting an admitted subject,
/// or discharging one who is not, is a 409.
/// </summary>
public sealed record SetSubjectAdmission(Guid SubjectId, bool Admitted, DateTimeOffset? At = null, bool FromHospital = false) : ICommand<SubjectAdmissionDto>;

public sealed record SubjectAdmissionDto(Guid SubjectId, bool Admitted, DateTimeOffset? AdmittedAt, DateTimeOffset? DischargedAt, string? Source);

public sealed class SetSubjectAdmissionHandler(SubjectStore subjects, CtmsDbContext db, TimeProvider clock)
    : ICommandHandler<SetSubjectAdmission, SubjectAdmissionDto>
{
    public async ValueTask<SubjectAdmissionDto> Handle(SetSubjectAdmission command, CancellationToken ct)
    {
        var subject = command.FromHospital
            ? await subjects.GetForHospitalAsync(command.SubjectId, ProjectActions.SubjectsVisit, ct)
            : await subjects.GetAsync(command.SubjectId, ProjectActions.SubjectsVisit, ct);
        var at = command.At ?? clock.GetUtcNow();
        // Ordered here: SQLite cannot order by a DateTimeOffset (a subject has few stays).
        var stay = (await db.SubjectAdmissions.Where(a => a.SubjectId == subject.Id && a.DischargedAt == null).ToListAsync(ct))
            .MaxBy(a => a.AdmittedAt);
        if (command.Admitted)
        {
            if (subject.Admitted)
            {
                throw new ConflictException("The subject is already admitted.");
            }
            if (!SubjectLifecycle.IsActive(subject.Status))
            {
                throw new ConflictException($"The subject is {SubjectLifecycle.Name(subject.Status)}: it is not admitted for the study.");
            }
            stay = new SubjectAdmission(subject.Id, subject.ProjectId, at, command.FromHospital ? "hospital" : "site", subjects.UserName);
            db.SubjectAdmissions.Add(stay);
        }
        else
        {
            if (!subject.Admitted)
            {
                throw new ConflictException("The subject is not admitted.");
            }
            stay?.Discharge(at, subjects.UserName);
        }
        subject.SetAdmitted(command.Admitted);
        await db.SaveChangesAsync(ct);
        return new SubjectAdmissionDto(subject.Id, subject.Admitted, stay?.AdmittedAt, stay?.DischargedAt, stay?.Source);
    }
}
