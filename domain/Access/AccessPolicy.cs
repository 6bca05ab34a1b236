namespace Ctms.Domain.Access;

/// <summary>
/// The one decision "may this user do this action on this project", as a pure function of the rules,
/// the user's global roles and their memberships. <see cref="ProjectAccess"/> feeds it from the database.
/// </summary>
public sealed class AccessPolicy
{
    private readonly ILookup<(string Role, AccessScope Scope), string> _actions;

    public AccessPolicy(IEnumerable<AccessRule> rules)
    {
        _actions = rules.ToLookup(r => (r.Role, r.Scope), r => r.Action);
    }

    /// <summary>True when one of the user's global roles grants the action on every project.</summary>
    public bool AllowsEverywhere(IEnumerable<string> globalRoles, string action) =>
        globalRoles.Any(role => _actions[(role, AccessScope.AllProjects)].Contains(action, StringComparer.Ordinal));

    /// <summary>True when one of the user's global roles grants the action on every approved project.</summary>
    public bool AllowsOnApproved(IEnumerable<string> globalRoles, string action) =>
        globalRoles.Any(role => _actions[(role, AccessScope.ApprovedProjects)].Contains(action, StringComparer.Ordinal));

    /// <summary>True when the action is granted on the project by a global role or by a membership active at <paramref name="now"/>.</summary>
    public bool Allows(IEnumerable<string> globalRoles, IEnumerable<ProjectMembership> memberships, string action, Guid projectId, DateTimeOffset now) =>
        AllowsEverywhere(globalRoles, action) ||
        memberships.Any(m => m.ProjectId == projectId && m.IsActiveAt(now) &&
                             _actions[(m.Role, AccessScope.Project)].Contains(action, StringComparer.Ordinal));

    /// <summary>The projects on which the memberships grant the action at <paramref name="now"/>.</summary>
    public IReadOnlySet<Guid> ProjectsGranting(IEnumerable<ProjectMembership> memberships, string action, DateTimeOffset now) =>
        memberships.Where(m => m.IsActiveAt(now) && _actions[(m.Role, AccessScope.Project)].Contains(action, StringComparer.Ordinal))
                   .Select(m => m.ProjectId)
                   .ToHashSet();
}
