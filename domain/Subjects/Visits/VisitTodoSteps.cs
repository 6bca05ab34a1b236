using System.Globalization;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Subjects.Deviations;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Subjects.Visits;

/// <summary>
/// The visit to-do process's first step (O11): replans the visit from today's facts and, once its window has begun, opens
/// it. The answer drives the process: wait for <see cref="VisitWindowState.WindowOpensAt"/> and ask again, or hold the
/// to-do task until <see cref="VisitWindowState.WindowClosesAt"/> with a reminder at <see cref="VisitWindowState.RemindAt"/>,
/// or end when the visit is no longer pending (recorded early, cancelled). Windows run from midnight UTC of their first
/// day to midnight UTC after their last.
/// </summary>
public sealed record OpenSubjectVisit(Guid VisitId, int ReminderDays) : ICommand<VisitWindowState>;

/// <summary>The window closed without the visit: it is missed, with a <see cref="DeviationKind.MissedVisit"/> candidate.</summary>
public sealed record MissSubjectVisit(Guid VisitId) : ICommand<bool>;

/// <summary>The to-do task was completed: the visit is recorded on the day given (today when none) unless it already was.</summary>
public sealed record CompleteVisitTodo(Guid VisitId, DateOnly? ActualDate) : ICommand<bool>;

public sealed record VisitWindowState(bool Pending, bool OpensLater, string? WindowOpensAt, string? WindowClosesAt, string? RemindAt);

public sealed class VisitTodoStepsHandler(CtmsDbContext db, SubjectSchedule schedule, DeviationCandidates deviations, SubjectStore subjects,
    IMediator mediator, TimeProvider clock)
    : ICommandHandler<OpenSubjectVisit, VisitWindowState>, ICommandHandler<MissSubjectVisit, bool>, ICommandHandler<CompleteVisitTodo, bool>
{
    public async ValueTask<VisitWindowState> Handle(OpenSubjectVisit command, CancellationToken ct)
    {
        var (subject, visit) = await LoadAsync(command.VisitId, ct);
        await schedule.EnsureAsync(subject, ct);
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        VisitWindowState state;
        if (!visit.IsPending)
        {
            state = new VisitWindowState(false, false, null, null, null);
        }
        else if (visit.WindowStart is not { } start || start > today)
        {
            // Not yet (or its reference is not known any more): look again when it should open, or tomorrow.
            state = new VisitWindowState(true, true, Iso(Midnight(visit.WindowStart is { } s && s > today ? s : today.AddDays(1))), null, null);
        }
        else
        {
            visit.Open();
            var closes = Midnight(visit.WindowEnd!.Value.AddDays(1));
            var remind = closes.AddDays(-command.ReminderDays);
            state = new VisitWindowState(true, false, Iso(Midnight(start)), Iso(closes), Iso(remind < now ? now : remind));
        }
        await db.SaveChangesAsync(ct);
        return state;
    }

    public async ValueTask<bool> Handle(MissSubjectVisit command, CancellationToken ct)
    {
        var (subject, visit) = await LoadAsync(command.VisitId, ct);
        if (!visit.Miss())
        {
            return false;
        }
        var label = await subjects.LabelAsync(subject, ct);
        await deviations.RecordAsync(subject.ProjectId, subject.Id, DeviationKind.MissedVisit,
            string.Create(CultureInfo.InvariantCulture, $"Visit {visit.Code} of subject {label} did not take place in its window ({visit.WindowStart:yyyy-MM-dd} to {visit.WindowEnd:yyyy-MM-dd})."),
            $"visit:{visit.Id}", "system", ct);
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async ValueTask<bool> Handle(CompleteVisitTodo command, CancellationToken ct)
    {
        var (subject, visit) = await LoadAsync(command.VisitId, ct);
        if (!visit.IsPending)
        {
            return false;
        }
        await mediator.Send(new RecordSubjectVisit(subject.Id, visit.Code, command.ActualDate ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), null), ct);
        return true;
    }

    private async Task<(Subject Subject, SubjectVisit Visit)> LoadAsync(Guid visitId, CancellationToken ct)
    {
        var visit = await db.SubjectVisits.SingleOrDefaultAsync(v => v.Id == visitId, ct) ?? throw new NotFoundException($"Visit {visitId} was not found.");
        var subject = await db.Subjects.SingleAsync(s => s.Id == visit.SubjectId, ct);
        return (subject, visit);
    }

    private static DateTimeOffset Midnight(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
