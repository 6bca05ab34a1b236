using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace Ctms.Api.Tests.Projects;

/// <summary>Each kind of bad input gets a ProblemDetails with the right status and loses nothing.</summary>
public abstract class BadInputTests(CtmsAppFactory app)
{
    [Fact]
    public async Task Malformed_JSON_is_400_with_a_reason()
    {
        using var admin = await app.AdminAsync();
        using var body = new StringContent("{\"protocolNumber\": \"P-1\", ", Encoding.UTF8, "application/json");
        var problem = await (await admin.PostAsync("/api/projects", body)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("detail").GetString()!.ShouldContain("not valid JSON");
    }

    [Fact]
    public async Task Missing_and_over_long_fields_are_400_listing_every_field()
    {
        using var admin = await app.AdminAsync();
        var problem = await (await admin.PostAsJsonAsync("/api/projects", new { sponsor = new string('s', 201) }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        errors.GetProperty("protocolNumber")[0].GetString().ShouldBe("ProtocolNumber is required.");
        errors.GetProperty("title")[0].GetString().ShouldBe("Title is required.");
        errors.GetProperty("sponsor")[0].GetString().ShouldBe("Sponsor must be at most 200 characters.");

        await (await admin.PostAsJsonAsync("/api/projects", new { protocolNumber = new string('p', 65), title = "t" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        (await (await admin.GetAsync("/api/projects")).ReadAsync<List<ProjectBody>>())
            .ShouldNotContain(p => p.ProtocolNumber.StartsWith("ppp", StringComparison.Ordinal), "nothing half-saved");
    }

    [Fact]
    public async Task Unknown_ids_are_404()
    {
        using var admin = await app.AdminAsync();
        await (await admin.GetAsync($"/api/projects/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var project = await (await admin.PostAsJsonAsync("/api/projects", new { protocolNumber = "U-" + Guid.NewGuid().ToString("N")[..6], title = "t" }))
            .ReadAsync<ProjectBody>();
        await (await admin.DeleteAsync($"/api/projects/{project.Id}/members/{Guid.NewGuid()}?reason=x")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await admin.PostAsJsonAsync($"/api/projects/{project.Id}/members", new { userName = "nobody-" + Guid.NewGuid(), role = "crc" }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Duplicates_are_409()
    {
        using var admin = await app.AdminAsync();
        var protocol = "D-" + Guid.NewGuid().ToString("N")[..6];
        (await admin.PostAsJsonAsync("/api/projects", new { protocolNumber = protocol, title = "t" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        await (await admin.PostAsJsonAsync("/api/projects", new { protocolNumber = protocol, title = "again" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);

        var (_, userName) = await app.UserAsync("crc");
        await (await admin.PostAsJsonAsync("/api/users", new { userName, displayName = "Again", roles = new[] { "crc" }, password = app.UserPassword }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task An_unknown_role_and_a_weak_password_are_400_and_create_no_account()
    {
        using var admin = await app.AdminAsync();
        var userName = "u-" + Guid.NewGuid().ToString("N")[..8];
        var problem = await (await admin.PostAsJsonAsync("/api/users", new { userName, displayName = "X", roles = new[] { "surgeon" }, password = app.UserPassword }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").GetProperty("roles")[0].GetString()!.ShouldContain("'surgeon' is not a role");

        await (await admin.PostAsJsonAsync("/api/users", new { userName, displayName = "X", roles = new[] { "crc" }, password = "short" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var users = await (await admin.GetAsync("/api/users")).ReadAsync<List<System.Text.Json.JsonElement>>();
        users.ShouldNotContain(u => u.GetProperty("userName").GetString() == userName);
    }

    [Fact]
    public async Task A_stale_edit_is_409_and_a_current_one_is_audited_field_by_field()
    {
        using var admin = await app.AdminAsync();
        var project = await (await admin.PostAsJsonAsync("/api/projects", new { protocolNumber = "E-" + Guid.NewGuid().ToString("N")[..6], title = "Old title" }))
            .ReadAsync<ProjectBody>();
        var edited = await (await admin.PutAsJsonAsync($"/api/projects/{project.Id}", new { title = "New title", sponsor = (string?)null, version = project.Version }))
            .ReadAsync<ProjectBody>();
        edited.Title.ShouldBe("New title");

        await (await admin.PutAsJsonAsync($"/api/projects/{project.Id}", new { title = "Lost update", version = project.Version }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);

        var trail = await (await admin.GetAsync($"/api/audit?entityType=Project&entityKey={project.Id}")).ReadAsync<List<AuditBody>>();
        var change = trail.Single(r => r.Action == "Update" && r.Field == "Title");
        change.OldValue.ShouldBe("Old title");
        change.NewValue.ShouldBe("New title");
        trail.ShouldContain(r => r.Action == "Insert" && r.Field == "ProtocolNumber" && r.NewValue == project.ProtocolNumber);
    }
}

public sealed class BadInputTests_Sqlite(SqliteAppFactory app) : BadInputTests(app), IClassFixture<SqliteAppFactory>;

public sealed class BadInputTests_Postgres(PostgresAppFactory app) : BadInputTests(app), IClassFixture<PostgresAppFactory>;
