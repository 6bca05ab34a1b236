using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Subjects.Visits;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Subjects.Status;

/// <summary>
/// Moves a subject along the life cycle (O16): into treatment, to follow-up, completed, withdrawn, dropped out or lost to
/// follow-up, with a reason. Enrollment, randomization and screen failure have their own commands (they carry more than a
/// status). A subject leaving the study has its pending visits cancelled and the open exam orders of those visits
/// cancelled in our rows (the hospital port has no cancel); the host ends their to-do processes.
/// </summary>
public sealed record ChangeSubjectStatus(Guid SubjectId, SubjectStatus Status, string? Reason) : ICommand<SubjectStatusChanged>, IValidatable
{
    public void Validate(Validator v) => v
        .Must(Enum.IsDefined(Status), nameof(Status), $"Status must be one of: {string.Join(", ", Enum.GetNames<SubjectStatus>())}.")
        .Optional(nameof(Reason), Reason, Subject.ReasonMax)
        .Must(!LeavesStudy(Status) || !string.IsNullOrWhiteSpace(Reason), nameof(Reason), "A subject leaving the study needs a reason.");

    public static bool LeavesStudy(SubjectStatus status) =>
        status is SubjectStatus.Completed or SubjectStatus.Withdrawn or SubjectStatus.DroppedOut or SubjectStatus.LostToFollowUp;
}

/// <summary>The subject after the move, and the visits it cancelled (whose to-do processes the host ends).</summary>
public sealed record SubjectStatusChanged(Guid SubjectId, SubjectStatus From, SubjectStatus To, IReadOnlyList<Guid> CancelledVisits, int CancelledOrders);

public sealed class ChangeSubjectStatusHandler(SubjectStore subjects, SubjectSchedule schedule, CtmsDbContext db, TimeProvider clock)
    : ICommandHandler<ChangeSubjectStatus, SubjectStatusChanged>
{
    public async ValueTask<SubjectStatusChanged> Handle(ChangeSubjectStatus command, CancellationToken ct)
    {
        var subject = await subjects.GetAsync(command.SubjectId, ProjectActions.SubjectsChangeStatus, ct);
        var route = command.Status switch
        {
            SubjectStatus.Enrolled => "POST /api/subjects/{id}/enroll",
            SubjectStatus.Randomized => "POST /api/subjects/{id}/randomize",
            SubjectStatus.ScreenFailed => "POST /api/subjects/{id}/screen-failure",
            SubjectStatus.Screening => "a new screening",
            _ => null,
        };
        if (route is not null)
        {
            throw new ConflictException($"A subject becomes {SubjectLifecycle.Name(command.Status)} through {route}, not a status change.");
        }
        var from = subject.Status;
        var now = clock.GetUtcNow();
        // The schedule first (as it stood before the move), so that every visit still to come is there to cancel.
        var visits = await schedule.EnsureAsync(subject, ct);
        db.SubjectStatusChanges.Add(subject.MoveTo(command.Status, now, subjects.UserName, command.Reason?.Trim()));
        var cancelled = new List<Guid>();
        var orders = 0;
        if (ChangeSubjectStatus.LeavesStudy(command.Status))
        {
            cancelled.AddRange(visits.Where(v => v.Cancel()).Select(v => v.Id));
            var open = await (from o in db.VisitExamOrders
                              join h in db.HospitalOrders on o.OrderId equals h.Id
                              where o.SubjectId == subject.Id && o.CancelledAt == null && h.Status == Integration.Orders.HospitalOrderStatus.Placed
                              select o).ToListAsync(ct);
            orders = open.Count(o => o.Cancel(now));
        }
        await db.SaveChangesAsync(ct);
        return new SubjectStatusChanged(subject.Id, from, subject.Status, cancelled, orders);
    }
}
