using System.Net;
using System.Net.Http.Json;
using Ctms.Api.Cli;
using Ctms.Domain.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Ctms.Api.Tests.Audit;

/// <summary>The audit trail: written with every change, append-only in the database, and hash-chained.</summary>
public abstract class AuditTrailTests(CtmsAppFactory app)
{
    private static async Task<List<AuditBody>> TrailAsync(HttpClient admin, string entityType, string key) =>
        await (await admin.GetAsync($"/api/audit?entityType={entityType}&entityKey={key}")).ReadAsync<List<AuditBody>>();

    [Fact]
    public async Task Creating_an_account_audits_its_fields_and_roles_and_masks_the_password_hash()
    {
        using var admin = await app.AdminAsync();
        var userName = "audited-" + Guid.NewGuid().ToString("N")[..6];
        var created = await (await admin.PostAsJsonAsync("/api/users", new { userName, displayName = "Audited", roles = new[] { "pharmacist" }, password = app.UserPassword }))
            .ReadAsync<System.Text.Json.JsonElement>();
        var id = created.GetProperty("user").GetProperty("id").GetString()!;

        var user = await TrailAsync(admin, "CtmsUser", id);
        user.ShouldContain(r => r.Field == "UserName" && r.NewValue == userName && r.UserName == "admin");
        user.Single(r => r.Field == "PasswordHash").NewValue.ShouldBe("***");
        var all = await (await admin.GetAsync("/api/audit?entityType=IdentityUserRole&take=500")).ReadAsync<List<AuditBody>>();
        all.ShouldContain(r => r.EntityKey.StartsWith(id, StringComparison.Ordinal) && r.Field == "RoleId" && r.Action == "Insert");
    }

    [Fact]
    public async Task A_refused_change_writes_no_record_of_the_change_but_the_trail_shows_who_tried()
    {
        using var admin = await app.AdminAsync();
        var protocol = "R-" + Guid.NewGuid().ToString("N")[..6];
        (await admin.PostAsJsonAsync("/api/projects", new { protocolNumber = protocol, title = "t" })).EnsureSuccessStatusCode();
        var before = await LastSequenceAsync(admin);
        (await admin.PostAsJsonAsync("/api/projects", new { protocolNumber = protocol, title = "dup" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await admin.PostAsJsonAsync("/api/projects", new { title = "no protocol" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var added = await (await admin.GetAsync($"/api/audit?after={before}&take=500")).ReadAsync<List<AuditBody>>();
        added.ShouldNotContain(r => r.EntityType == "Project", "the refused changes left nothing of themselves");
        added.ShouldAllBe(r => r.EntityType == "RefusedAttempt" && r.Action == "Insert" && r.UserName == "admin");
        var attempts = added.GroupBy(r => r.EntityKey).ToList();
        attempts.Count.ShouldBe(2);
        attempts.Select(a => a.Single(r => r.Field == "Status").NewValue).ShouldBe(["409", "400"]);
        attempts.ShouldAllBe(a => a.Single(r => r.Field == "Path").NewValue == "/api/projects");
        attempts[0].Single(r => r.Field == "Reason").NewValue!.ShouldContain(protocol);
        attempts[1].Single(r => r.Field == "Reason").NewValue!.ShouldContain("protocolNumber");
    }

    [Fact]
    public async Task Editing_a_record_in_the_database_breaks_the_chain_at_that_record()
    {
        using var admin = await app.AdminAsync();
        var project = await (await admin.PostAsJsonAsync("/api/projects", new { protocolNumber = "T-" + Guid.NewGuid().ToString("N")[..6], title = "Tamper target" }))
            .ReadAsync<ProjectBody>();
        var intact = await (await admin.GetAsync("/api/audit/verify")).ReadAsync<AuditReportBody>();
        intact.Intact.ShouldBeTrue(intact.Problem);
        (await CliVerbs.RunAsync("audit-verify", CliArgs())).ShouldBe(0);

        var target = (await TrailAsync(admin, "Project", project.Id.ToString())).Single(r => r.Field == "Title");
        (await Should.ThrowAsync<Exception>(() => ExecuteAsync($"UPDATE audit_records SET \"NewValue\" = 'Innocent' WHERE \"Sequence\" = {target.Sequence}")))
            .Message.ShouldContain("append-only");
        (await Should.ThrowAsync<Exception>(() => ExecuteAsync($"DELETE FROM audit_records WHERE \"Sequence\" = {target.Sequence}")))
            .Message.ShouldContain("append-only");

        // Someone with full control of the database file or server disables the protection and edits a value.
        await TamperAsync(target.Sequence);

        var broken = await (await admin.GetAsync("/api/audit/verify")).ReadAsync<AuditReportBody>();
        broken.Intact.ShouldBeFalse();
        broken.FirstBrokenSequence.ShouldBe(target.Sequence);
        broken.Problem!.ShouldContain("altered");
        broken.RecordsChecked.ShouldBe(target.Sequence - 1);
        (await CliVerbs.RunAsync("audit-verify", CliArgs())).ShouldBe(1);
    }

    private static async Task<long> LastSequenceAsync(HttpClient admin)
    {
        long last = 0;
        while (true)
        {
            var page = await (await admin.GetAsync($"/api/audit?after={last}&take=500")).ReadAsync<List<AuditBody>>();
            if (page.Count == 0)
            {
                return last;
            }
            last = page[^1].Sequence;
        }
    }

    private string[] CliArgs() =>
    [
        "audit-verify", $"--Database:Provider={app.Provider}", $"--ConnectionStrings:Ctms={app.ConnectionString}", $"--Ctms:DataPath={app.DataPath}",
        "--Logging:LogLevel:Default=Warning",
    ];

    private async Task ExecuteAsync(string sql)
    {
        if (app.Provider == DatabaseProvider.Postgres)
        {
            await using var pg = new NpgsqlConnection(app.ConnectionString);
            await pg.OpenAsync();
            await using var command = new NpgsqlCommand(sql, pg);
            await command.ExecuteNonQueryAsync();
        }
        else
        {
            await using var sqlite = new SqliteConnection(app.ConnectionString);
            await sqlite.OpenAsync();
            await using var command = new SqliteCommand(sql, sqlite);
            await command.ExecuteNonQueryAsync();
        }
    }

    private Task TamperAsync(long sequence) => app.Provider == DatabaseProvider.Postgres
        ? ExecuteAsync($"""
            ALTER TABLE audit_records DISABLE TRIGGER audit_records_no_update_delete;
            UPDATE audit_records SET "NewValue" = 'Innocent' WHERE "Sequence" = {sequence};
            ALTER TABLE audit_records ENABLE TRIGGER audit_records_no_update_delete;
            """)
        : ExecuteAsync($"""
            DROP TRIGGER audit_records_no_update;
            UPDATE audit_records SET "NewValue" = 'Innocent' WHERE "Sequence" = {sequence};
            """);
}

// Each provider class gets a database of its own: the tamper test breaks the chain for good.
public sealed class AuditTrailTests_Sqlite(SqliteAppFactory app) : AuditTrailTests(app), IClassFixture<SqliteAppFactory>;

public sealed class AuditTrailTests_Postgres(PostgresAppFactory app) : AuditTrailTests(app), IClassFixture<PostgresAppFactory>;
