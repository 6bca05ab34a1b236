using System.Net;
using System.Net.Http.Json;

namespace Ctms.Api.Tests.Projects;

/// <summary>Project-scoped access through the whole host: memberships decide what a project-scoped role reaches.</summary>
public abstract class ProjectAccessTests(CtmsAppFactory app)
{
    private static async Task<ProjectBody> CreateProjectAsync(HttpClient admin, string? protocol = null) =>
        await (await admin.PostAsJsonAsync("/api/projects", new
        {
            protocolNumber = protocol ?? "P-" + Guid.NewGuid().ToString("N")[..8],
            title = "A phase II study",
            sponsor = "Sponsor Ltd.",
        })).ReadAsync<ProjectBody>();

    private static async Task<MembershipBody> AddMemberAsync(HttpClient admin, Guid projectId, string userName, string role,
        DateTimeOffset? from = null, DateTimeOffset? until = null) =>
        await (await admin.PostAsJsonAsync($"/api/projects/{projectId}/members", new { userName, role, validFrom = from, validUntil = until }))
            .ReadAsync<MembershipBody>();

    [Fact]
    public async Task A_CRC_of_project_A_gets_404_for_project_B_and_its_team()
    {
        using var admin = await app.AdminAsync();
        var a = await CreateProjectAsync(admin);
        var b = await CreateProjectAsync(admin);
        var (crc, crcName) = await app.UserAsync("crc");
        await AddMemberAsync(admin, a.Id, crcName, "crc");

        (await crc.GetAsync($"/api/projects/{a.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await crc.GetAsync($"/api/projects/{b.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await crc.GetAsync($"/api/projects/{b.Id}/members")).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        var visible = await (await crc.GetAsync("/api/projects")).ReadAsync<List<ProjectBody>>();
        visible.Select(p => p.Id).ShouldBe([a.Id]);
    }

    [Fact]
    public async Task An_expired_membership_gives_no_access()
    {
        using var admin = await app.AdminAsync();
        var project = await CreateProjectAsync(admin);
        var (inspector, name) = await app.UserAsync("inspector");
        var membership = await AddMemberAsync(admin, project.Id, name, "inspector",
            app.Clock.GetUtcNow().AddDays(-30), app.Clock.GetUtcNow().AddMinutes(-1));

        membership.Active.ShouldBeFalse();
        await (await inspector.GetAsync($"/api/projects/{project.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await (await inspector.GetAsync("/api/projects")).ReadAsync<List<ProjectBody>>()).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_future_membership_gives_no_access_until_it_starts()
    {
        using var admin = await app.AdminAsync();
        var project = await CreateProjectAsync(admin);
        var (cra, name) = await app.UserAsync("cra");
        await AddMemberAsync(admin, project.Id, name, "cra", app.Clock.GetUtcNow().AddDays(1));

        await (await cra.GetAsync($"/api/projects/{project.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Revoking_a_membership_needs_a_reason_and_ends_access_with_the_reason_audited()
    {
        using var admin = await app.AdminAsync();
        var project = await CreateProjectAsync(admin);
        var (crc, name) = await app.UserAsync("crc");
        var membership = await AddMemberAsync(admin, project.Id, name, "crc");
        (await crc.GetAsync($"/api/projects/{project.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var noReason = await admin.DeleteAsync($"/api/projects/{project.Id}/members/{membership.Id}");
        var problem = await noReason.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").TryGetProperty("reason", out _).ShouldBeTrue();
        (await crc.GetAsync($"/api/projects/{project.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK, "a refused revocation changes nothing");

        var revoked = await (await admin.DeleteAsync($"/api/projects/{project.Id}/members/{membership.Id}?reason=Left%20the%20hospital"))
            .ReadAsync<MembershipBody>();
        revoked.RevokedAt.ShouldNotBeNull();
        await (await crc.GetAsync($"/api/projects/{project.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        var trail = await (await admin.GetAsync($"/api/audit?entityType=ProjectMembership&entityKey={membership.Id}")).ReadAsync<List<AuditBody>>();
        var revocation = trail.Single(r => r.Field == "RevokedAt");
        revocation.Action.ShouldBe("Update");
        revocation.Reason.ShouldBe("Left the hospital");
        revocation.UserName.ShouldBe("admin");

        await (await admin.DeleteAsync($"/api/projects/{project.Id}/members/{membership.Id}?reason=again"))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_PI_manages_the_team_of_their_own_project_only()
    {
        using var admin = await app.AdminAsync();
        var own = await CreateProjectAsync(admin);
        var other = await CreateProjectAsync(admin);
        var (pi, piName) = await app.UserAsync("pi");
        var (_, nurseName) = await app.UserAsync("study-nurse");
        // A PI needs a valid GCP certificate (A04) before the role is given.
        (await admin.PostAsJsonAsync($"/api/people/investigators/{piName}/certificates",
            new { issuer = "GCP training", certificateNumber = "GCP-" + piName, issuedOn = "2020-01-01", expiresOn = "2099-12-31" })).EnsureSuccessStatusCode();
        await AddMemberAsync(admin, own.Id, piName, "pi");
        await AddMemberAsync(admin, other.Id, piName, "cra");

        (await pi.PostAsJsonAsync($"/api/projects/{own.Id}/members", new { userName = nurseName, role = "study-nurse" }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        // On the other project the PI is only a monitor: they see it, but may not change its team.
        await (await pi.PostAsJsonAsync($"/api/projects/{other.Id}/members", new { userName = nurseName, role = "study-nurse" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_role_without_the_right_gets_403_for_global_actions()
    {
        var (crc, _) = await app.UserAsync("crc");
        await (await crc.PostAsJsonAsync("/api/projects", new { protocolNumber = "X-1", title = "t" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await crc.GetAsync("/api/users")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await crc.GetAsync("/api/audit")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await crc.GetAsync("/api/audit/verify")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_CTI_office_sees_every_project_without_a_membership()
    {
        using var admin = await app.AdminAsync();
        var project = await CreateProjectAsync(admin);
        var (secretary, _) = await app.UserAsync("cti-secretary");
        (await secretary.GetAsync($"/api/projects/{project.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}

public sealed class ProjectAccessTests_Sqlite(SqliteAppFactory app) : ProjectAccessTests(app), IClassFixture<SqliteAppFactory>;

public sealed class ProjectAccessTests_Postgres(PostgresAppFactory app) : ProjectAccessTests(app), IClassFixture<PostgresAppFactory>;
