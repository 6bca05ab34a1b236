using System.Security.Claims;
using Ctms.Domain.Access;

namespace Ctms.Domain.Common;

/// <summary>
/// The scoped current user. The host sets <see cref="Principal"/> from the authenticated request; the studio sets
/// it from the circuit's authentication state for each action; start-up and CLI verbs call <see cref="ActAsSystem"/>.
/// Unset, it is an anonymous user with no roles, so a forgotten assignment never grants anything.
/// </summary>
public sealed class ClaimsCurrentUser : ICurrentUser
{
    private ClaimsPrincipal? _principal;
    private AccessUser? _access;
    private bool _system;

    public ClaimsPrincipal? Principal
    {
        get => _principal;
        set
        {
            _principal = value;
            _access = null;
        }
    }

    /// <summary>Makes this scope act as the host itself; never called on a request's behalf.</summary>
    public void ActAsSystem() => _system = true;

    public string UserId => _system ? SystemUser.Instance.UserId : _principal?.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anonymous";

    public string? UserName => _system ? SystemUser.Instance.UserName : _principal?.Identity?.Name;

    public AccessUser Access => _system
        ? AccessUser.System
        : _access ??= new AccessUser(UserId, (_principal?.FindAll(ClaimTypes.Role).Select(c => c.Value) ?? []).ToHashSet(StringComparer.Ordinal));
}
