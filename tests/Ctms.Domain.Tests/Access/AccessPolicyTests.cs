using Ctms.Domain.Access;

namespace Ctms.Domain.Tests.Access;

public sealed class AccessPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private static readonly Guid ProjectA = Guid.NewGuid();
    private static readonly Guid ProjectB = Guid.NewGuid();
    private static readonly AccessPolicy Defaults = new(DefaultAccessRules.All);

    private static ProjectMembership Member(Guid project, string role, DateTimeOffset? from = null, DateTimeOffset? until = null) =>
        new(project, "u1", role, from ?? Now.AddDays(-1), until);

    [Fact]
    public void A_membership_grants_its_roles_actions_on_that_project_only()
    {
        var crc = new[] { Member(ProjectA, Roles.Crc) };
        Defaults.Allows([Roles.Crc], crc, ProjectActions.Read, ProjectA, Now).ShouldBeTrue();
        Defaults.Allows([Roles.Crc], crc, ProjectActions.WriteSubjects, ProjectA, Now).ShouldBeTrue();
        Defaults.Allows([Roles.Crc], crc, ProjectActions.Read, ProjectB, Now).ShouldBeFalse();
        Defaults.Allows([Roles.Crc], crc, ProjectActions.ManageMembers, ProjectA, Now).ShouldBeFalse();
    }

    [Fact]
    public void A_global_role_without_a_membership_grants_nothing_project_scoped()
    {
        Defaults.Allows([Roles.Crc, Roles.Pi], [], ProjectActions.Read, ProjectA, Now).ShouldBeFalse();
    }

    [Fact]
    public void The_CTI_office_reaches_every_project_through_its_global_role()
    {
        Defaults.Allows([Roles.CtiSecretary], [], ProjectActions.Update, ProjectB, Now).ShouldBeTrue();
        Defaults.AllowsEverywhere([Roles.CtiDirector], ProjectActions.Create).ShouldBeTrue();
        Defaults.AllowsEverywhere([Roles.Crc], ProjectActions.Create).ShouldBeFalse();
    }

    [Fact]
    public void Expired_future_and_revoked_memberships_grant_nothing()
    {
        var expired = Member(ProjectA, Roles.Inspector, Now.AddDays(-10), Now.AddDays(-1));
        var future = Member(ProjectA, Roles.Inspector, Now.AddDays(1));
        var revoked = Member(ProjectA, Roles.Inspector);
        revoked.Revoke(Now.AddHours(-1));
        foreach (var m in new[] { expired, future, revoked })
        {
            Defaults.Allows([Roles.Inspector], [m], ProjectActions.Read, ProjectA, Now).ShouldBeFalse();
        }
        // The end is exclusive: an inspection window closing at noon is closed at noon.
        var closing = Member(ProjectA, Roles.Inspector, Now.AddDays(-5), Now);
        Defaults.Allows([Roles.Inspector], [closing], ProjectActions.Read, ProjectA, Now).ShouldBeFalse();
        Defaults.Allows([Roles.Inspector], [closing], ProjectActions.Read, ProjectA, Now.AddTicks(-1)).ShouldBeTrue();
    }

    [Fact]
    public void Rules_are_data_a_rule_removed_is_an_action_denied()
    {
        var withoutCrcRead = new AccessPolicy(DefaultAccessRules.All.Where(r => !(r.Role == Roles.Crc && r.Action == ProjectActions.ReadSubjects)));
        var crc = new[] { Member(ProjectA, Roles.Crc) };
        withoutCrcRead.Allows([], crc, ProjectActions.ReadSubjects, ProjectA, Now).ShouldBeFalse();
        withoutCrcRead.Allows([], crc, ProjectActions.Read, ProjectA, Now).ShouldBeTrue();

        var custom = new AccessPolicy([new AccessRule(1, Roles.Crc, "ecrf.sign", AccessScope.Project)]);
        custom.Allows([], crc, "ecrf.sign", ProjectA, Now).ShouldBeTrue();
    }

    [Fact]
    public void ProjectsGranting_lists_the_projects_of_active_memberships_that_grant_the_action()
    {
        var memberships = new[]
        {
            Member(ProjectA, Roles.Cra),
            Member(ProjectB, Roles.Cra, Now.AddDays(-9), Now.AddDays(-2)),
        };
        Defaults.ProjectsGranting(memberships, ProjectActions.Read, Now).ShouldBe(new HashSet<Guid> { ProjectA });
        Defaults.ProjectsGranting(memberships, ProjectActions.WriteSubjects, Now).ShouldBeEmpty();
    }

    [Fact]
    public void The_default_matrix_names_only_known_roles_and_no_rule_twice()
    {
        DefaultAccessRules.All.ShouldAllBe(r => Roles.IsKnown(r.Role));
        DefaultAccessRules.All.Select(r => (r.Role, r.Action, r.Scope)).ShouldBeUnique();
        DefaultAccessRules.All.Select(r => r.Id).ShouldBeUnique();
        Roles.All.Count.ShouldBe(18);
    }
}
