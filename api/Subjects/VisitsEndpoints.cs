using System.Security.Claims;
using Ctms.Api.Engine;
using Ctms.Domain.Data;
using Ctms.Domain.Integration.Orders;
using Ctms.Domain.Subjects;
using Ctms.Domain.Subjects.Status;
using Ctms.Domain.Subjects.Visits;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Api.Subjects;

/// <summary>
/// A subject's visits (O11-O12), status changes (O16) and ward stays (O17). The visit routes run in one engine transaction
/// with the visits' to-do processes (<see cref="VisitProcesses"/>): reading the schedule starts the processes of the visits
/// whose window became known, recording a visit completes its to-do task, leaving the study ends them.
/// </summary>
internal static class VisitsEndpoints
{
    public static IEndpointRouteBuilder MapSubjectVisitsEndpoints(this IEndpointRouteBuilder app)
    {
        var subjects = app.MapGroup("api/subjects/{subjectId:guid}").WithTags("Subjects");
        subjects.MapGet("visits", List)
            .WithSummary("The subject's visits with target day, window, status and to-do list; the first read after enrollment creates them and starts their to-do processes.");
        subjects.MapPost("visits/schedule", List)
            .WithSummary("Materialises the subject's schedule and starts the to-do processes of the visits whose window is known (what enrollment calls).");
        subjects.MapPost("visits/{code}", Record)
            .WithSummary("Records a visit (actualDate, notes). Outside its window: recorded with outOfWindow and a deviation candidate. 404 for a code not in the schedule, 409 for a subject not on study.");
        subjects.MapPost("visits/{code}/orders", Order)
            .WithSummary("Orders an exam of the visit's content at the hospital (trial-paid); its result completes the to-do item.");
        subjects.MapPost("status", ChangeStatus)
            .WithSummary("Moves the subject along its life cycle (status, reason); leaving the study cancels the pending visits, their to-do processes and open exam orders.");
        subjects.MapPost("admission", Admission).WithSummary("Admits the subject to the ward or discharges it (admitted: true|false).");
        return app;
    }

    public sealed record RecordRequest(DateOnly? ActualDate, string? Notes);

    public sealed record OrderRequest(string? ExamCode);

    public sealed record StatusRequest(SubjectStatus? Status, string? Reason);

    public sealed record AdmissionRequest(bool? Admitted);

    private static async Task<Ok<IReadOnlyList<SubjectVisitDto>>> List(Guid subjectId, EngineCommands commands, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await commands.RunScopedAsync(user, async (services, token) =>
        {
            var mediator = services.GetRequiredService<IMediator>();
            var visits = await mediator.Send(new GetSubjectSchedule(subjectId), token);
            // A process started now may have opened its visit at once: the answer shows that.
            return await VisitProcesses.StartDueAsync(services, subjectId, token) > 0 ? await mediator.Send(new GetSubjectSchedule(subjectId), token) : visits;
        }, ct));

    private static async Task<Ok<SubjectVisitDto>> Record(Guid subjectId, string code, RecordRequest request, EngineCommands commands, ClaimsPrincipal user,
        CancellationToken ct) =>
        TypedResults.Ok(await commands.RunScopedAsync(user, async (services, token) =>
        {
            var visit = await services.GetRequiredService<IMediator>().Send(new RecordSubjectVisit(subjectId, code, request.ActualDate ?? default, request.Notes), token);
            await VisitProcesses.CompleteTodoAsync(services, visit, token);
            await VisitProcesses.StartDueAsync(services, subjectId, token);
            return visit;
        }, ct));

    private static async Task<Created<HospitalOrderDto>> Order(Guid subjectId, string code, OrderRequest request, IMediator mediator, CancellationToken ct)
    {
        var order = await mediator.Send(new OrderVisitExam(subjectId, code, request.ExamCode ?? ""), ct);
        return TypedResults.Created($"/api/subjects/{subjectId}/visits/{code}", order);
    }

    private static async Task<Ok<SubjectStatusView>> ChangeStatus(Guid subjectId, StatusRequest request, EngineCommands commands, ClaimsPrincipal user,
        CancellationToken ct) =>
        TypedResults.Ok(await commands.RunScopedAsync(user, async (services, token) =>
        {
            if (request.Status is null)
            {
                throw Domain.Common.DomainValidationException.For("status", "Status is required.");
            }
            var changed = await services.GetRequiredService<IMediator>().Send(new ChangeSubjectStatus(subjectId, request.Status.Value, request.Reason), token);
            await VisitProcesses.CancelAsync(services, changed.CancelledVisits, token);
            return await SubjectStatusView.LoadAsync(services, subjectId, token);
        }, ct));

    private static async Task<Ok<SubjectAdmissionDto>> Admission(Guid subjectId, AdmissionRequest request, IMediator mediator, CancellationToken ct)
    {
        if (request.Admitted is null)
        {
            throw Domain.Common.DomainValidationException.For("admitted", "Admitted (true or false) is required.");
        }
        return TypedResults.Ok(await mediator.Send(new SetSubjectAdmission(subjectId, request.Admitted.Value), ct));
    }
}

/// <summary>
/// The subject as the status change answers it: the fields of the contract's SubjectDto (never an arm). The RECRUIT part
/// owns SubjectDto; at merge this answer can become it.
/// </summary>
public sealed record SubjectStatusView(Guid Id, Guid ProjectId, string Label, string ScreeningNumber, string? SubjectNumber, string Initials,
    SubjectStatus Status, string StatusColour, int? ConsentVersionNumber, bool? Eligible, DateTimeOffset? EnrolledAt, DateTimeOffset? RandomizedAt,
    bool Admitted)
{
    public static async Task<SubjectStatusView> LoadAsync(IServiceProvider services, Guid subjectId, CancellationToken ct)
    {
        var db = services.GetRequiredService<CtmsDbContext>();
        var s = await db.Subjects.AsNoTracking().SingleAsync(x => x.Id == subjectId, ct);
        var protocol = await db.Projects.AsNoTracking().Where(p => p.Id == s.ProjectId).Select(p => p.ProtocolNumber).SingleAsync(ct);
        return new SubjectStatusView(s.Id, s.ProjectId, SubjectLabel.Of(protocol, s.ScreeningNumber, s.Initials), s.ScreeningNumber, s.SubjectNumber,
            s.Initials, s.Status, SubjectLifecycle.Colour(s.Status), s.ConsentVersionNumber, s.Eligible, s.EnrolledAt, s.RandomizedAt, s.Admitted);
    }
}
