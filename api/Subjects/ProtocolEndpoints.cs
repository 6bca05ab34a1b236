using Ctms.Domain.Subjects.Protocol;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ctms.Api.Subjects;

/// <summary>
/// The protocol's configuration (O02-O04): numbering rules, arms, visits, the schedule's publication, e-CRF pages with
/// their edit checks and releases, eligibility criteria; and the go-live check (O05).
/// </summary>
internal static class ProtocolEndpoints
{
    public static IEndpointRouteBuilder MapProtocolEndpoints(this IEndpointRouteBuilder app)
    {
        var protocol = app.MapGroup("api/projects/{projectId:guid}/protocol").WithTags("Subjects");
        protocol.MapGet("", Get).WithSummary("The project's protocol configuration: rules, schedule version, go-live, arms, visits, e-CRF pages, criteria.");
        protocol.MapPut("rules", PutRules).WithSummary("The screening and subject number rules ({seq:000}, {protocol}, {site}, {yyyy}) and the wash-out days.");
        protocol.MapPut("arms/{code}", PutArm).WithSummary("Add or change an arm (name, allocation ratio).");
        protocol.MapPut("visits/{code}", PutVisit).WithSummary("Add or change a visit: sequence, reference, offset, window, exams, dispensing, e-CRF pages, fees.");
        protocol.MapPost("schedule/publish", Publish).WithSummary("Publish the visit schedule: subjects enrolled from now on follow this version.");
        protocol.MapPut("ecrf-pages/{code}", PutPage).WithSummary("Design an e-CRF page (form-js schema, edit checks): edits the draft or opens a new one.");
        protocol.MapPost("ecrf-pages/{code}/release", Release).WithSummary("Release the e-CRF page's draft for data entry; the previous release is superseded.");
        protocol.MapGet("ecrf-pages/{code}", GetPage).WithSummary("The latest released (or draft) version of an e-CRF page, with its schema.");
        protocol.MapPut("criteria/{code}", PutCriterion).WithSummary("Add or change an eligibility criterion: its FEEL expression is true when the criterion is met.");

        var goLive = app.MapGroup("api/projects/{projectId:guid}/go-live").WithTags("Subjects");
        goLive.MapGet("", GetGoLive).WithSummary("The go-live check (O05): each condition, whether it holds and why.");
        goLive.MapPost("", ConfirmGoLive).WithSummary("The CTI office confirms the go-live: 409 with the failing conditions unless every one holds.");
        return app;
    }

    public sealed record RulesRequest(string? ScreeningNumberRule, string? SubjectNumberRule, int? WashoutDays);

    public sealed record ArmRequest(string? Name, int? Ratio, string? Description);

    public sealed record VisitRequest(string? Name, int? Sequence, VisitReference? Reference, int? OffsetDays, int? WindowBeforeDays, int? WindowAfterDays,
        IReadOnlyList<string>? Exams, bool? Dispensing, IReadOnlyList<string>? EcrfPages, IReadOnlyList<string>? Fees);

    public sealed record PageRequest(string? Title, string? Schema, IReadOnlyList<EditCheck>? EditChecks);

    public sealed record CriterionRequest(CriterionKind? Kind, string? Text, string? Expression, int? Sequence);

    public sealed record ScheduleVersionDto(int Version);

    private static async Task<Ok<ProtocolDto>> Get(Guid projectId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetProtocol(projectId), ct));

    private static async Task<NoContent> PutRules(Guid projectId, RulesRequest request, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new SetProtocolRules(projectId, request.ScreeningNumberRule, request.SubjectNumberRule, request.WashoutDays ?? 0), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<StudyArmDto>> PutArm(Guid projectId, string code, ArmRequest request, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new SaveStudyArm(projectId, code, request.Name, request.Ratio ?? 1, request.Description), ct));

    private static async Task<Ok<VisitDefinitionDto>> PutVisit(Guid projectId, string code, VisitRequest r, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new SaveVisitDefinition(projectId, code, r.Name, r.Sequence ?? 0, r.Reference ?? VisitReference.Consent,
            r.OffsetDays ?? 0, r.WindowBeforeDays ?? 0, r.WindowAfterDays ?? 0, r.Exams, r.Dispensing ?? false, r.EcrfPages, r.Fees), ct));

    private static async Task<Ok<ScheduleVersionDto>> Publish(Guid projectId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(new ScheduleVersionDto(await mediator.Send(new PublishVisitSchedule(projectId), ct)));

    private static async Task<Ok<EcrfPageSummaryDto>> PutPage(Guid projectId, string code, PageRequest r, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new SaveEcrfPage(projectId, code, r.Title, r.Schema, r.EditChecks), ct));

    private static async Task<Ok<EcrfPageSummaryDto>> Release(Guid projectId, string code, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ReleaseEcrfPage(projectId, code), ct));

    private static async Task<Ok<EcrfPageDto>> GetPage(Guid projectId, string code, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetEcrfPage(projectId, code), ct));

    private static async Task<Ok<CriterionDto>> PutCriterion(Guid projectId, string code, CriterionRequest r, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new SaveEligibilityCriterion(projectId, code, r.Kind ?? CriterionKind.Inclusion, r.Text, r.Expression,
            r.Sequence ?? 0), ct));

    private static async Task<Ok<GoLiveDto>> GetGoLive(Guid projectId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetGoLive(projectId), ct));

    private static async Task<Ok<GoLiveDto>> ConfirmGoLive(Guid projectId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new Domain.Subjects.Protocol.ConfirmGoLive(projectId), ct));
}
