using System.Security.Claims;
using Ctms.Domain.Access;
using Ctms.Domain.People;
using Ctms.Engine.Runtime.Tasks;
using Ctms.Studio.Components.Pages.People;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Ctms.Api.People;

/// <summary>
/// CRCs (A05): the anonymous application, the CTI office's review (approve / reject complete A05's review task), the
/// assignments to projects and the workload report.
/// </summary>
internal static class CrcEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var applications = app.MapGroup("api/crc-applications").WithTags("CRC applications");
        applications.MapPost("", Apply).AllowAnonymous()
            .WithSummary("An external CRC applies (anonymous, rate-limited per address); starts A05 for the CTI office.");
        applications.MapGet("", List).WithSummary("Applications, pending first; filter status (CTI office).");
        applications.MapGet("{applicationId:guid}", Get).WithSummary("One application (CTI office).");
        applications.MapPost("{applicationId:guid}/approve", Approve)
            .WithSummary("Approve (completes A05's review): the account is made; its one-time password is shown here once and mailed to the CRC.");
        applications.MapPost("{applicationId:guid}/reject", Reject).WithSummary("Reject with a reason (completes A05's review).");

        var crcs = app.MapGroup("api/people").WithTags("People");
        crcs.MapPost("crcs/{userName}/assignments", Assign).WithSummary("Assign a CRC to a project, optionally for a period (the project's PI or the CTI office).");
        crcs.MapDelete("crcs/{userName}/assignments/{membershipId:guid}", Unassign).WithSummary("End an assignment now; a reason is required.");
        crcs.MapGet("crc-workload", Workload).WithSummary("Every CRC's active assignments and open tasks (CTI office and PIs).");
    }

    public sealed record ApplyRequest(string FullName, string Email, string? Phone, string SmoCompany, string? WishedProjects);

    public sealed record ApproveRequest(string? ProposedProtocolNumber);

    public sealed record RejectRequest(string Reason);

    public sealed record AssignRequest(Guid ProjectId, DateTimeOffset? ValidFrom, DateTimeOffset? ValidUntil);

    /// <summary>A CRC's workload with the tasks they hold in the engine.</summary>
    public sealed record CrcWorkloadRow(string UserName, string DisplayName, int ActiveProjects, int OpenTasks, IReadOnlyList<CrcAssignmentDto> Assignments);

    private static async Task<Results<Created<CrcApplicationDto>, ProblemHttpResult>> Apply(ApplyRequest request, CrcIntake intake, HttpContext http,
        CancellationToken ct)
    {
        if (!intake.TryEnter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown"))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many applications",
                detail: "Too many applications were sent from your address lately; try again later.");
        }
        var application = await intake.SubmitAsync(new SubmitCrcApplication(request.FullName, request.Email, request.Phone, request.SmoCompany,
            request.WishedProjects), ct);
        return TypedResults.Created($"/api/crc-applications/{application.Id}", application);
    }

    private static async Task<Ok<IReadOnlyList<CrcApplicationDto>>> List(CrcApplicationStatus? status, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListCrcApplications(status), ct));

    private static async Task<Ok<CrcApplicationDto>> Get(Guid applicationId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetCrcApplication(applicationId), ct));

    private static async Task<Ok<CrcApprovalDto>> Approve(Guid applicationId, ApproveRequest? request, CrcIntake intake, ClaimsPrincipal user,
        CancellationToken ct) =>
        TypedResults.Ok(await intake.ApproveAsync(user, applicationId, request?.ProposedProtocolNumber, ct));

    private static async Task<Ok<CrcApplicationDto>> Reject(Guid applicationId, RejectRequest request, CrcIntake intake, ClaimsPrincipal user,
        IMediator mediator, CancellationToken ct)
    {
        await intake.RejectAsync(user, applicationId, request.Reason, ct);
        return TypedResults.Ok(await mediator.Send(new GetCrcApplication(applicationId), ct));
    }

    private static async Task<Created<MembershipDto>> Assign(string userName, AssignRequest request, IMediator mediator, CancellationToken ct)
    {
        var membership = await mediator.Send(new AssignCrc(userName, request.ProjectId, request.ValidFrom, request.ValidUntil), ct);
        return TypedResults.Created($"/api/people/crcs/{Uri.EscapeDataString(userName.Trim())}/assignments/{membership.Id}", membership);
    }

    private static async Task<Ok<MembershipDto>> Unassign(string userName, Guid membershipId, [FromQuery] string? reason, IMediator mediator,
        CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new UnassignCrc(userName, membershipId, reason!), ct));

    private static async Task<Ok<List<CrcWorkloadRow>>> Workload(IMediator mediator, TaskService tasks, CancellationToken ct)
    {
        var workload = await mediator.Send(new ListCrcWorkload(), ct);
        var rows = new List<CrcWorkloadRow>(workload.Count);
        foreach (var crc in workload)
        {
            var open = await tasks.QueryAsync(new TaskQuery { Assignee = crc.UserName, Limit = 1 }, ct);
            rows.Add(new CrcWorkloadRow(crc.UserName, crc.DisplayName, crc.ActiveProjects, open.Total, crc.Assignments));
        }
        return TypedResults.Ok(rows);
    }
}
