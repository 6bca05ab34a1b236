namespace Ctms.Domain.Access;

/// <summary>One row of the access matrix: role R may do action A, within scope S. Rules are data, not code.</summary>
public sealed class AccessRule
{
    private AccessRule() { }

    public AccessRule(int id, string role, string action, AccessScope scope)
    {
        Id = id;
        Role = role;
        Action = action;
        Scope = scope;
    }

    public int Id { get; private set; }
    public string Role { get; private set; } = "";
    public string Action { get; private set; } = "";
    public AccessScope Scope { get; private set; }
}
