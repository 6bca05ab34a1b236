using System.Text.Json.Nodes;
using Ctms.Domain.Subjects;
using Ctms.Domain.Subjects.Protocol;
using Ctms.Domain.Subjects.Queries;
using Ctms.Domain.Subjects.Recruitment;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ctms.Api.Subjects;

/// <summary>
/// Recruitment (O06-O09): candidates searched in the hospital with their trial conflicts (shown, never stored), subjects
/// taken into screening, consents on the approved ICF, screening against the eligibility criteria, screen failures and
/// enrollment; and the subject list, the subject and its history.
/// </summary>
internal static class RecruitmentEndpoints
{
    public static IEndpointRouteBuilder MapRecruitmentEndpoints(this IEndpointRouteBuilder app)
    {
        var project = app.MapGroup("api/projects/{projectId:guid}").WithTags("Subjects");
        project.MapGet("candidates", Candidates)
            .WithSummary("Search the hospital for candidates (mrn, name, birthDate, diagnosis), each with its conflicts (other-trial, washout). Shown, never stored.");
        project.MapPost("subjects", Create).WithSummary("Take a registered patient into screening: 201 with the screening number; 409 before go-live, gate closed, or a conflict.");
        project.MapGet("subjects", List).WithSummary("The project's subjects (status filter), each with its status colour. Never an arm.");

        var subject = app.MapGroup("api/subjects/{subjectId:guid}").WithTags("Subjects");
        subject.MapGet("", Get).WithSummary("A subject.");
        subject.MapGet("history", History).WithSummary("The subject's status changes, oldest first.");
        subject.MapGet("consents", Consents).WithSummary("The subject's signed consents.");
        subject.MapPost("consents", Consent).WithSummary("Record a signed consent on the ICF version the ethics committee approved (a re-consent on a newer one).");
        subject.MapGet("screening", Screening).WithSummary("The latest eligibility assessment with each criterion's result.");
        subject.MapPut("screening", Screen).WithSummary("Enter the screening data: every criterion is evaluated and its result shown.");
        subject.MapPost("screen-failure", ScreenFailure).WithSummary("Record a screening failure with its reason (the failing criteria are kept with it).");
        subject.MapPost("enroll", Enroll).WithSummary("Enroll an eligible, consented subject (PI): the subject number from the rule.");
        return app;
    }

    public sealed record CreateRequest(Guid? PatientId);

    public sealed record ConsentRequest(DateOnly? SignedOn, string? Witness);

    public sealed record ScreeningRequest(JsonObject? Data);

    public sealed record ScreenFailureRequest(string? Reason);

    private static async Task<Ok<IReadOnlyList<CandidateView>>> Candidates(Guid projectId, string? mrn, string? name, DateOnly? birthDate, string? diagnosis,
        int? limit, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new SearchCandidates(projectId, mrn, name, birthDate, diagnosis, limit), ct));

    private static async Task<Created<SubjectDto>> Create(Guid projectId, CreateRequest request, IMediator mediator, CancellationToken ct)
    {
        var subject = await mediator.Send(new CreateSubject(projectId, request.PatientId ?? Guid.Empty), ct);
        return TypedResults.Created($"/api/subjects/{subject.Id}", subject);
    }

    private static async Task<Ok<IReadOnlyList<SubjectDto>>> List(Guid projectId, SubjectStatus? status, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListSubjects(projectId, status), ct));

    private static async Task<Ok<SubjectDto>> Get(Guid subjectId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetSubject(subjectId), ct));

    private static async Task<Ok<IReadOnlyList<SubjectStatusChangeDto>>> History(Guid subjectId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetSubjectHistory(subjectId), ct));

    private static async Task<Ok<IReadOnlyList<SubjectConsentDto>>> Consents(Guid subjectId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetSubjectConsents(subjectId), ct));

    private static async Task<Created<ConsentRecordedDto>> Consent(Guid subjectId, ConsentRequest request, IMediator mediator, CancellationToken ct)
    {
        var consent = await mediator.Send(new RecordSubjectConsent(subjectId, request.SignedOn ?? default, request.Witness), ct);
        return TypedResults.Created($"/api/subjects/{subjectId}/consents", consent);
    }

    private static async Task<Ok<ScreeningDto>> Screening(Guid subjectId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetScreening(subjectId), ct));

    private static async Task<Ok<ScreeningResultDto>> Screen(Guid subjectId, ScreeningRequest request, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ScreenSubject(subjectId, request.Data), ct));

    private static async Task<Ok<SubjectDto>> ScreenFailure(Guid subjectId, ScreenFailureRequest request, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new FailScreening(subjectId, request.Reason), ct));

    /// <summary>
    /// Enrollment and the subject's schedule in one transaction: the visits are materialised from the protocol and the
    /// to-do process (O11) of each visit whose window is known starts now, so the site's to-do list exists from enrollment.
    /// </summary>
    private static async Task<Ok<SubjectDto>> Enroll(Guid subjectId, Engine.EngineCommands commands, System.Security.Claims.ClaimsPrincipal user,
        CancellationToken ct) =>
        TypedResults.Ok(await commands.RunScopedAsync(user, async (services, token) =>
        {
            var mediator = services.GetRequiredService<IMediator>();
            var enrolled = await mediator.Send(new EnrollSubject(subjectId), token);
            await VisitProcesses.ScheduleAsync(services, subjectId, token);
            return enrolled;
        }, ct));
}

/// <summary>The protocol and recruitment part's services (O01-O09): one line in <see cref="SubjectsSetup"/>.</summary>
internal static class RecruitmentSetup
{
    public static IServiceCollection AddCtmsRecruitment(this IServiceCollection services)
    {
        services.AddScoped<ConsentRules>();
        services.AddScoped<TrialConflicts>();
        services.AddScoped<SubjectViews>();
        services.AddScoped<GoLiveChecks>();
        services.AddScoped<IGoLiveCheck, ProtocolGoLiveCheck>();
        return services;
    }
}
