using System.Globalization;
using Ctms.Domain.Data;
using Ctms.Domain.Subjects.Visits;
using Ctms.Engine.Runtime;
using Ctms.Engine.Runtime.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Api.Subjects;

/// <summary>
/// The visits' to-do processes (O11, <c>O11-visit-todo</c>, one instance per visit, business key the visit's id), driven
/// from the visit commands in their engine transaction: started for every pending visit whose window is known, the to-do
/// task completed when the visit is recorded, and the instances of cancelled visits ended by the message
/// <c>subject-visit-cancelled</c>. Runs inside <see cref="Engine.EngineCommands.RunScopedAsync{T}"/>.
/// </summary>
internal static class VisitProcesses
{
    public const string ProcessId = "O11-visit-todo";
    public const string TodoTask = "visit-todo";
    public const string CancelledMessage = "subject-visit-cancelled";

    /// <summary>How many days before the window closes the site is reminded.</summary>
    public const int ReminderDays = 2;

    /// <summary>
    /// Materialises (or recomputes) the subject's visits and starts the to-do process of each one whose window became known:
    /// what enrollment and randomization do in their transaction.
    /// </summary>
    public static async Task ScheduleAsync(IServiceProvider services, Guid subjectId, CancellationToken ct)
    {
        await services.GetRequiredService<Mediator.IMediator>().Send(new GetSubjectSchedule(subjectId), ct);
        await StartDueAsync(services, subjectId, ct);
    }

    /// <summary>Starts the to-do process of each pending visit of the subject whose window is known and that has none yet.</summary>
    /// <returns>How many processes it started.</returns>
    public static async Task<int> StartDueAsync(IServiceProvider services, Guid subjectId, CancellationToken ct)
    {
        var db = services.GetRequiredService<CtmsDbContext>();
        var visits = await db.SubjectVisits.Where(v => v.SubjectId == subjectId && !v.ProcessStarted && v.WindowStart != null
            && (v.Status == SubjectVisitStatus.Planned || v.Status == SubjectVisitStatus.Open)).ToListAsync(ct);
        if (visits.Count == 0)
        {
            return 0;
        }
        var engine = services.GetRequiredService<BpmnEngine>();
        foreach (var visit in visits)
        {
            await engine.StartAsync(ProcessId, new Dictionary<string, object?>
            {
                ["projectId"] = visit.ProjectId.ToString(),
                ["subjectId"] = visit.SubjectId.ToString(),
                ["visitId"] = visit.Id.ToString(),
                ["visitCode"] = visit.Code,
                ["visitName"] = visit.Name,
            }, visit.Id.ToString(), ct: ct);
            visit.MarkProcessStarted();
        }
        await db.SaveChangesAsync(ct);
        return visits.Count;
    }

    /// <summary>Completes the open to-do task of a recorded visit (the process's next step finds the visit done).</summary>
    public static async Task CompleteTodoAsync(IServiceProvider services, SubjectVisitDto visit, CancellationToken ct)
    {
        var tasks = await services.GetRequiredService<TaskService>().QueryAsync(new TaskQuery
        {
            ProcessId = ProcessId, ElementId = TodoTask, BusinessKey = visit.Id.ToString(), Limit = 5,
        }, ct);
        foreach (var task in tasks.Items)
        {
            await services.GetRequiredService<BpmnEngine>().CompleteTaskAsync(task.Id, new Dictionary<string, object?>
            {
                ["actualDate"] = visit.ActualDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            }, services.GetRequiredService<Domain.Common.ICurrentUser>().UserName, ct);
        }
    }

    /// <summary>Ends the to-do processes of visits cancelled because the subject left the study.</summary>
    public static async Task CancelAsync(IServiceProvider services, IEnumerable<Guid> visitIds, CancellationToken ct)
    {
        var engine = services.GetRequiredService<BpmnEngine>();
        foreach (var id in visitIds)
        {
            await engine.CorrelateAsync(CancelledMessage, id.ToString(), ct: ct);
        }
    }
}
