using Ctms.Api.Tests.Ethics.Gate;
using Ctms.Domain.Projects;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Api.Tests.Subjects;

/// <summary>The subjects tests' starting point holds what it promises: an enrolling study with its gate open and its team.</summary>
public sealed class SubjectStudyTests(SqliteAppFactory app) : IClassFixture<SqliteAppFactory>
{
    [Fact]
    public async Task The_study_is_enrolling_with_its_ethics_gate_open_and_every_role_of_the_team_a_member()
    {
        using var s = await SubjectStudy.CreateAsync(app);
        (await s.InDbAsync(db => db.Projects.Where(p => p.Id == s.ProjectId).Select(p => p.Status).SingleAsync())).ShouldBe(ProjectStatus.Enrolling);
        (await GateKit.GateAsync(s.Pi.Client, s.ProjectId)).GetProperty("open").GetBoolean().ShouldBeTrue();
        var roles = await s.InDbAsync(db => db.ProjectMemberships.Where(m => m.ProjectId == s.ProjectId).Select(m => m.Role).ToListAsync());
        roles.ShouldBe(["pi", "sub-investigator", "study-nurse", "crc", "cra", "data-manager", "pharmacist"], ignoreOrder: true);
    }
}
