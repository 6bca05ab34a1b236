using System.Net;
using System.Net.Http.Json;
using Ctms.Domain.Data;
using Ctms.Domain.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.Api.Tests.Projects;

/// <summary>A project's application fields, who sees it in the list at each stage of its life, and its audited history.</summary>
public abstract class ProjectVisibilityTests(CtmsAppFactory app)
{
    public sealed record ProjectView(Guid Id, string ProtocolNumber, string? ProjectNumber, string Title, string? Sponsor, string? Cro, string Phase, string Type,
        string? Department, string? PiUserName, string? ApplicantUserName, int? PlannedEnrollment, string Status, DateTimeOffset StatusChangedAt,
        DateTimeOffset? SubmittedAt, DateTimeOffset? ApprovedAt);

    public sealed record StatusChange(DateTimeOffset At, string? UserName, string? From, string To, string? Reason);

    private static async Task<ProjectView> ApplyAsync(HttpClient applicant, string? piUserName = null, string phase = "PhaseI") =>
        await (await applicant.PostAsJsonAsync("/api/projects", new
        {
            protocolNumber = "AP-" + Guid.NewGuid().ToString("N")[..8],
            title = "A first-in-human study of CT-101",
            sponsor = "Sponsor Ltd.",
            cro = "CRO Co.",
            phase,
            type = "SponsorInitiated",
            department = "Oncology",
            piUserName,
            plannedEnrollment = 36,
        })).ReadAsync<ProjectView>();

    /// <summary>Moves a project along its life cycle as the host would (the approval processes have their own tests).</summary>
    private async Task MoveAsync(Guid projectId, params ProjectStatus[] path)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<CtmsDbContext>();
        var project = await db.Projects.SingleAsync(p => p.Id == projectId);
        foreach (var status in path)
        {
            // One save a move, as each is its own command in the processes.
            project.MoveTo(status, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }
    }

    [Fact]
    public async Task An_applicant_sees_their_own_application_with_its_fields_and_the_named_PI_sees_it_too_but_no_other_applicant()
    {
        var (applicant, applicantName) = await app.UserAsync("applicant");
        var (pi, piName) = await app.UserAsync("pi");
        var (other, _) = await app.UserAsync("applicant");

        var project = await ApplyAsync(applicant, piName);

        (project.Status, project.Phase, project.Type, project.Cro, project.Department, project.PlannedEnrollment)
            .ShouldBe(("Draft", "PhaseI", "SponsorInitiated", "CRO Co.", "Oncology", (int?)36));
        (project.ApplicantUserName, project.PiUserName, project.ProjectNumber).ShouldBe((applicantName, piName, (string?)null));
        (await (await applicant.GetAsync("/api/projects")).ReadAsync<List<ProjectView>>()).Select(p => p.Id).ShouldBe([project.Id]);
        (await (await pi.GetAsync("/api/projects")).ReadAsync<List<ProjectView>>()).Select(p => p.Id).ShouldBe([project.Id]);
        (await (await other.GetAsync("/api/projects")).ReadAsync<List<ProjectView>>()).ShouldBeEmpty();
        await (await other.GetAsync($"/api/projects/{project.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_PI_who_is_not_a_user_with_the_pi_role_is_refused_and_nothing_is_created()
    {
        var (applicant, _) = await app.UserAsync("applicant");
        var (nurse, nurseName) = await app.UserAsync("study-nurse");
        var protocol = "NP-" + Guid.NewGuid().ToString("N")[..8];

        var response = await applicant.PostAsJsonAsync("/api/projects", new { protocolNumber = protocol, title = "t", piUserName = nurseName });
        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ToString().ShouldContain("pi role");
        var unknown = await applicant.PostAsJsonAsync("/api/projects", new { protocolNumber = protocol, title = "t", piUserName = "nobody-" + Guid.NewGuid().ToString("N")[..6] });
        await unknown.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        (await (await applicant.GetAsync("/api/projects")).ReadAsync<List<ProjectView>>()).ShouldBeEmpty();
        nurse.Dispose();
    }

    [Fact]
    public async Task The_ethics_committee_sees_a_project_once_the_director_approved_it_and_not_while_it_is_an_application()
    {
        var (applicant, _) = await app.UserAsync("applicant");
        var (ecSecretary, _) = await app.UserAsync("ec-secretary");
        var (ecMember, _) = await app.UserAsync("ec-member");
        var project = await ApplyAsync(applicant);

        await MoveAsync(project.Id, ProjectStatus.Submitted, ProjectStatus.InFormalReview, ProjectStatus.AwaitingConfirmation, ProjectStatus.AwaitingApproval);
        foreach (var ec in new[] { ecSecretary, ecMember })
        {
            (await (await ec.GetAsync("/api/projects")).ReadAsync<List<ProjectView>>()).ShouldNotContain(p => p.Id == project.Id);
            await (await ec.GetAsync($"/api/projects/{project.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        }

        await MoveAsync(project.Id, ProjectStatus.Approved);
        foreach (var ec in new[] { ecSecretary, ecMember })
        {
            (await (await ec.GetAsync("/api/projects")).ReadAsync<List<ProjectView>>()).ShouldContain(p => p.Id == project.Id);
            (await (await ec.GetAsync($"/api/projects/{project.Id}")).ReadAsync<ProjectView>()).Status.ShouldBe("Approved");
        }
        // Seeing is not editing.
        await (await ecSecretary.PutAsJsonAsync($"/api/projects/{project.Id}", new { title = "changed", version = Guid.NewGuid() }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_history_is_the_audited_moves_and_the_list_filters_by_status_phase_and_text()
    {
        var (applicant, applicantName) = await app.UserAsync("applicant");
        var project = await ApplyAsync(applicant, phase: "Device");
        await MoveAsync(project.Id, ProjectStatus.Submitted, ProjectStatus.InFormalReview, ProjectStatus.ReturnedForRevision);

        var history = await (await applicant.GetAsync($"/api/projects/{project.Id}/history")).ReadAsync<List<StatusChange>>();
        history.Select(h => (h.From, h.To)).ShouldBe([
            ((string?)null, "Draft"), ("Draft", "Submitted"), ("Submitted", "InFormalReview"), ("InFormalReview", "ReturnedForRevision")]);
        history[0].UserName.ShouldBe(applicantName);
        history[1].UserName.ShouldBe("system");

        using var admin = await app.AdminAsync();
        (await (await admin.GetAsync("/api/projects?status=ReturnedForRevision,Draft&phase=Device")).ReadAsync<List<ProjectView>>())
            .ShouldContain(p => p.Id == project.Id);
        (await (await admin.GetAsync("/api/projects?status=Approved")).ReadAsync<List<ProjectView>>()).ShouldNotContain(p => p.Id == project.Id);
        (await (await admin.GetAsync($"/api/projects?q={project.ProtocolNumber.ToLowerInvariant()}")).ReadAsync<List<ProjectView>>())
            .Select(p => p.Id).ShouldBe([project.Id]);
        (await (await admin.GetAsync("/api/projects?status=Flying")).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ToString().ShouldContain("Flying");
    }

    [Fact]
    public async Task A_move_the_life_cycle_does_not_allow_is_a_conflict_that_names_both_states()
    {
        var (applicant, _) = await app.UserAsync("applicant");
        var project = await ApplyAsync(applicant);
        await MoveAsync(project.Id, ProjectStatus.Withdrawn);

        var refused = await Should.ThrowAsync<Ctms.Domain.Common.ConflictException>(() => MoveAsync(project.Id, ProjectStatus.Submitted));
        refused.Message.ShouldContain("Withdrawn");
        var history = await (await applicant.GetAsync($"/api/projects/{project.Id}/history")).ReadAsync<List<StatusChange>>();
        history.Last().To.ShouldBe("Withdrawn");
    }
}

public sealed class ProjectVisibilityTests_Sqlite(SqliteAppFactory app) : ProjectVisibilityTests(app), IClassFixture<SqliteAppFactory>;

public sealed class ProjectVisibilityTests_Postgres(PostgresAppFactory app) : ProjectVisibilityTests(app), IClassFixture<PostgresAppFactory>;
