using Ctms.Domain.Access;
using Ctms.Domain.Data;
using Mediator;

namespace Ctms.Domain.Subjects.Visits;

/// <summary>
/// A subject's visits with their windows, status and to-do lists. The first read of an enrolled subject's schedule
/// creates its visit rows, and every read replans the pending ones from the facts (so it saves).
/// </summary>
public sealed record GetSubjectSchedule(Guid SubjectId) : ICommand<IReadOnlyList<SubjectVisitDto>>;

public sealed class GetSubjectScheduleHandler(SubjectStore subjects, SubjectSchedule schedule, CtmsDbContext db)
    : ICommandHandler<GetSubjectSchedule, IReadOnlyList<SubjectVisitDto>>
{
    public async ValueTask<IReadOnlyList<SubjectVisitDto>> Handle(GetSubjectSchedule command, CancellationToken ct)
    {
        var subject = await subjects.GetAsync(command.SubjectId, ProjectActions.ReadSubjects, ct);
        var visits = await schedule.EnsureAsync(subject, ct);
        await db.SaveChangesAsync(ct);
        return await schedule.ViewAsync(visits, ct);
    }
}
