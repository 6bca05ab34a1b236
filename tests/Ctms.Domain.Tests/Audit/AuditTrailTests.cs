using Ctms.Domain.Access;
using Ctms.Domain.Audit;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Projects;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Tests.Audit;

/// <summary>The audit trail at the DbContext: what a save records, how the chain links, what verification catches.</summary>
public sealed class AuditTrailTests : IAsyncLifetime
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"ctms-audit-{Guid.NewGuid():N}.db");
    private string ConnectionString => new SqliteConnectionStringBuilder { DataSource = _file, Pooling = false, DefaultTimeout = 30 }.ToString();

    private sealed class Nurse : ICurrentUser
    {
        public string UserId => "u-nurse";
        public string? UserName => "nurse.li";
        public AccessUser Access => new(UserId, new HashSet<string>());
    }

    private SqliteCtmsDbContext Context() =>
        new(new DbContextOptionsBuilder<SqliteCtmsDbContext>().UseSqlite(ConnectionString).Options, new Nurse());

    public async Task InitializeAsync()
    {
        await using var db = Context();
        await db.MigrateAsync();
    }

    public Task DisposeAsync()
    {
        File.Delete(_file);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task An_insert_records_each_set_field_and_the_chain_starts_at_genesis()
    {
        await using var db = Context();
        var project = new Project("P-1", "Title one", null, DateTimeOffset.UtcNow);
        db.Projects.Add(project);
        await db.SaveChangesAsync();

        var records = await db.AuditRecords.OrderBy(r => r.Sequence).ToListAsync();
        records.Select(r => r.Sequence).ShouldBe(Enumerable.Range(1, records.Count).Select(i => (long)i));
        records[0].PreviousHash.ShouldBe(AuditHasher.Genesis);
        records.Skip(1).Zip(records).ShouldAllBe(pair => pair.First.PreviousHash == pair.Second.Hash);
        records.ShouldAllBe(r => r.Action == AuditAction.Insert && r.UserName == "nurse.li" && r.EntityKey == project.Id.ToString());
        records.Select(r => r.Field).ShouldBe(["CreatedAt", "Id", "Phase", "ProtocolNumber", "Status", "StatusChangedAt", "Title", "Type", "Version"], ignoreOrder: true);
        records.ShouldNotContain(r => r.Field == "Sponsor", "a null field on insert says nothing");
    }

    [Fact]
    public async Task An_update_records_only_the_changed_fields_with_old_and_new_values()
    {
        await using var db = Context();
        var project = new Project("P-2", "Before", "Sponsor A", DateTimeOffset.UtcNow);
        db.Projects.Add(project);
        await db.SaveChangesAsync();
        var last = await db.AuditRecords.MaxAsync(r => r.Sequence);

        project.Rename("After", "Sponsor A");
        await db.SaveChangesAsync();

        var update = await db.AuditRecords.Where(r => r.Sequence > last).ToListAsync();
        update.Select(r => r.Field).ShouldBe(["Title", "Version"], ignoreOrder: true);
        var title = update.Single(r => r.Field == "Title");
        (title.Action, title.OldValue, title.NewValue).ShouldBe((AuditAction.Update, "Before", "After"));
    }

    [Fact]
    public async Task A_change_that_requires_a_reason_is_refused_without_one_and_nothing_is_saved()
    {
        await using var db = Context();
        var project = new Project("P-3", "t", null, DateTimeOffset.UtcNow);
        var user = new CtmsUser("crc.zhang", "Zhang") { CreatedAt = DateTimeOffset.UtcNow };
        db.AddRange(project, user);
        var membership = new ProjectMembership(project.Id, user.Id, Roles.Crc, DateTimeOffset.UtcNow, null);
        db.Add(membership);
        await db.SaveChangesAsync();
        var before = await db.AuditRecords.CountAsync();

        membership.Revoke(DateTimeOffset.UtcNow);
        await Should.ThrowAsync<DomainValidationException>(() => db.SaveChangesAsync());
        await using (var fresh = Context())
        {
            (await fresh.ProjectMemberships.SingleAsync(m => m.Id == membership.Id)).RevokedAt.ShouldBeNull();
            (await fresh.AuditRecords.CountAsync()).ShouldBe(before);
        }

        db.AuditReason = "Reassigned to another study";
        await db.SaveChangesAsync();
        var revocation = await db.AuditRecords.SingleAsync(r => r.EntityType == nameof(ProjectMembership) && r.Field == "RevokedAt");
        revocation.Reason.ShouldBe("Reassigned to another study");
        db.AuditReason.ShouldBeNull("a reason covers one save only");
    }

    [Fact]
    public async Task Verification_finds_an_altered_record_and_a_removed_one()
    {
        await using (var db = Context())
        {
            db.Projects.Add(new Project("P-4", "Chain", null, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
            db.Projects.Add(new Project("P-5", "Chain 2", null, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
            var report = await new AuditChainVerifier(db).VerifyAsync();
            report.ShouldBe(new AuditChainReport(true, await db.AuditRecords.CountAsync(), null, null));
        }

        await ExecuteAsync("DROP TRIGGER audit_records_no_update; DROP TRIGGER audit_records_no_delete;");
        await ExecuteAsync("UPDATE audit_records SET \"UserName\" = 'someone.else' WHERE \"Sequence\" = 3");
        await using (var db = Context())
        {
            var report = await new AuditChainVerifier(db).VerifyAsync();
            (report.Intact, report.FirstBrokenSequence, report.RecordsChecked).ShouldBe((false, 3L, 2L));
        }

        await ExecuteAsync("DELETE FROM audit_records WHERE \"Sequence\" IN (2, 3)");
        await using (var db = Context())
        {
            var report = await new AuditChainVerifier(db).VerifyAsync();
            (report.Intact, report.FirstBrokenSequence).ShouldBe((false, 2L));
            report.Problem!.ShouldContain("missing");
        }
    }

    [Fact]
    public async Task The_database_refuses_to_update_or_delete_an_audit_record()
    {
        await using (var db = Context())
        {
            db.Projects.Add(new Project("P-6", "t", null, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }
        (await Should.ThrowAsync<SqliteException>(() => ExecuteAsync("UPDATE audit_records SET \"NewValue\" = 'x'"))).Message.ShouldContain("append-only");
        (await Should.ThrowAsync<SqliteException>(() => ExecuteAsync("DELETE FROM audit_records"))).Message.ShouldContain("append-only");
    }

    [Fact]
    public async Task Concurrent_writers_extend_one_unbroken_chain()
    {
        async Task Writer(string prefix)
        {
            for (var i = 0; i < 15; i++)
            {
                await using var db = Context();
                db.Projects.Add(new Project($"{prefix}-{i}", "Concurrent", null, DateTimeOffset.UtcNow));
                await db.SaveChangesAsync();
            }
        }

        await Task.WhenAll(Task.Run(() => Writer("A")), Task.Run(() => Writer("B")), Task.Run(() => Writer("C")));

        await using var check = Context();
        (await check.Projects.CountAsync()).ShouldBe(45);
        var report = await new AuditChainVerifier(check).VerifyAsync();
        report.Intact.ShouldBeTrue(report.Problem);
        report.RecordsChecked.ShouldBe(45 * 9, "nine fields of a new project are set");
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new SqliteCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
