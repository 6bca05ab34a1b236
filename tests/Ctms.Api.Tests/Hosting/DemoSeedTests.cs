using Ctms.Domain.Ethics.Model;
using Ctms.Domain.Projects;
using Ctms.Api.Cli;
using Ctms.Domain.Access;
using Ctms.Domain.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Api.Tests.Hosting;

public sealed class DemoSeedTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ctms-tests", Guid.NewGuid().ToString("N"));

    private string[] Args(string verb) =>
    [
        verb, "--Database:Provider=Sqlite", $"--Ctms:DataPath={_folder}", "--Ctms:DemoPassword=Demo#Pass2026", "--Ctms:AdminPassword=Admin#Pass2026",
        "--Logging:LogLevel:Default=Warning",
    ];

    [Fact]
    public async Task Seed_demo_creates_one_user_per_role_and_a_demo_project_with_its_team_once()
    {
        (await CliVerbs.RunAsync("seed-demo", Args("seed-demo"))).ShouldBe(0);
        (await CliVerbs.RunAsync("seed-demo", Args("seed-demo"))).ShouldBe(0, "a second run changes nothing");

        var options = new DbContextOptionsBuilder<SqliteCtmsDbContext>()
            .UseSqlite(new SqliteConnectionStringBuilder { DataSource = Path.Combine(_folder, "ctms.db"), Pooling = false }.ToString()).Options;
        await using var db = new SqliteCtmsDbContext(options);
        var userRoles = await (from ur in db.UserRoles
                               join u in db.Users on ur.UserId equals u.Id
                               join r in db.Roles on ur.RoleId equals r.Id
                               select new { u.UserName, r.Name }).ToListAsync();
        foreach (var role in Roles.All)
        {
            userRoles.ShouldContain(x => x.Name == role, $"nobody holds {role}");
        }
        userRoles.Count(x => x.UserName == "crc").ShouldBe(1);

        var project = await db.Projects.SingleAsync(p => p.ProtocolNumber == "DEMO-2026-001");
        project.Status.ShouldBe(ProjectStatus.Draft);
        var team = await db.ProjectMemberships.Where(m => m.ProjectId == project.Id).Select(m => m.Role).ToListAsync();
        team.ShouldBe(["pi", "sub-investigator", "study-nurse", "crc", "cra", "data-manager", "inspector", "applicant", "dept-head", "ec-member"], ignoreOrder: true);

        // The ethics committee's demo: an approved project whose initial review waits for the full board of EC-DEMO.
        var approved = await db.Projects.SingleAsync(p => p.ProtocolNumber == "DEMO-2026-002");
        approved.Status.ShouldBe(ProjectStatus.Approved);
        var committee = await db.EthicsCommittees.Include(c => c.Members).SingleAsync();
        committee.Code.ShouldBe("EC-DEMO");
        committee.Members.Select(m => (m.UserName, m.Role)).ShouldBe(
            [("ec-chair", CommitteeRole.Chair), ("ec-member", CommitteeRole.Member), ("ec-secretary", CommitteeRole.Secretary)], ignoreOrder: true);
        var review = await db.EthicsReviews.SingleAsync();
        (review.ProjectId, review.CommitteeId, review.Status, review.Track).ShouldBe((approved.Id, committee.Id, ReviewStatus.AwaitingMeeting, ReviewTrack.FullBoard));
        (await new Ctms.Domain.Audit.AuditChainVerifier(db).VerifyAsync()).Intact.ShouldBeTrue();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
