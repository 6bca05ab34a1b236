using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Projects;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Ctms.Api.Projects;

/// <summary>Projects and their teams (memberships). A project the caller may not see answers 404.</summary>
internal static class ProjectsEndpoints
{
    public static IEndpointRouteBuilder MapProjectsEndpoints(this IEndpointRouteBuilder app)
    {
        var projects = app.MapGroup("api/projects").WithTags("Projects");
        projects.MapGet("", ListProjects).WithSummary("The projects the caller may see (applicants their own, the CTI office all, the EC the approved ones); " +
                                                      "filter by status (repeat or comma-separate), phase and a text (protocol or project number, title, sponsor).");
        projects.MapPost("", CreateProject).WithSummary("Register a project in draft (applicants, the CTI office and administrators).");
        projects.MapGet("{projectId:guid}", GetProject).WithName("GetProject").WithSummary("One project.");
        projects.MapGet("{projectId:guid}/history", GetHistory).WithSummary("The project's moves through its life cycle, from the audit trail.");
        projects.MapPut("{projectId:guid}", UpdateProject).WithSummary("Edit title and sponsor; send the version you read.");

        var members = projects.MapGroup("{projectId:guid}/members").WithTags("Project members");
        members.MapGet("", ListMembers).WithSummary("The project's delegation log.");
        members.MapPost("", AddMember).WithSummary("Give a user a role on the project, optionally for a period.");
        members.MapDelete("{membershipId:guid}", RevokeMember).WithSummary("Revoke a membership now; a reason is required.");
        return app;
    }

    public sealed record CreateProjectRequest(string ProtocolNumber, string Title, string? Sponsor, TrialPhase? Phase, ProjectType? Type, string? Cro,
        string? Department, string? PiUserName, int? PlannedEnrollment);

    public sealed record UpdateProjectRequest(string Title, string? Sponsor, Guid Version);

    public sealed record AddMemberRequest(string UserName, string Role, DateTimeOffset? ValidFrom, DateTimeOffset? ValidUntil);

    private static async Task<Ok<IReadOnlyList<ProjectDto>>> ListProjects(string[]? status, TrialPhase? phase, string? q, IMediator mediator, CancellationToken ct)
    {
        var statuses = new List<ProjectStatus>();
        foreach (var name in (status ?? []).SelectMany(s => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (!Enum.TryParse<ProjectStatus>(name, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            {
                throw DomainValidationException.For("status", $"'{name}' is not a project status; use one of: {string.Join(", ", Enum.GetNames<ProjectStatus>())}.");
            }
            statuses.Add(parsed);
        }
        return TypedResults.Ok(await mediator.Send(new ListProjects(statuses, phase, q), ct));
    }

    private static async Task<Ok<IReadOnlyList<ProjectStatusChangeDto>>> GetHistory(Guid projectId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetProjectHistory(projectId), ct));

    private static async Task<CreatedAtRoute<ProjectDto>> CreateProject(CreateProjectRequest request, IMediator mediator, CancellationToken ct)
    {
        var project = await mediator.Send(new CreateProject(request.ProtocolNumber, request.Title, request.Sponsor, request.Phase ?? TrialPhase.PhaseII,
            request.Type ?? ProjectType.SponsorInitiated, request.Cro, request.Department, request.PiUserName, request.PlannedEnrollment), ct);
        return TypedResults.CreatedAtRoute(project, "GetProject", new { projectId = project.Id });
    }

    private static async Task<Ok<ProjectDto>> GetProject(Guid projectId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetProject(projectId), ct));

    private static async Task<Ok<ProjectDto>> UpdateProject(Guid projectId, UpdateProjectRequest request, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new UpdateProject(projectId, request.Title, request.Sponsor, request.Version), ct));

    private static async Task<Ok<IReadOnlyList<MembershipDto>>> ListMembers(Guid projectId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListProjectMembers(projectId), ct));

    private static async Task<Created<MembershipDto>> AddMember(Guid projectId, AddMemberRequest request, IMediator mediator, CancellationToken ct)
    {
        var membership = await mediator.Send(new AddProjectMember(projectId, request.UserName, request.Role, request.ValidFrom, request.ValidUntil), ct);
        return TypedResults.Created($"/api/projects/{projectId}/members/{membership.Id}", membership);
    }

    private static async Task<Ok<MembershipDto>> RevokeMember(Guid projectId, Guid membershipId, [FromQuery] string? reason, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new RevokeProjectMember(projectId, membershipId, reason!), ct));
}
