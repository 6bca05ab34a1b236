using Ctms.Domain.Access;

namespace Ctms.Domain.Common;

/// <summary>The person (or the host itself) on whose behalf the current unit of work runs; the audit trail names them.</summary>
public interface ICurrentUser
{
    string UserId { get; }
    string? UserName { get; }

    /// <summary>The user as the access rules see them.</summary>
    AccessUser Access { get; }
}

/// <summary>The host acting on its own: migrations, first-run set-up, CLI verbs, background jobs.</summary>
public sealed class SystemUser : ICurrentUser
{
    public static readonly SystemUser Instance = new();

    public string UserId => AccessUser.System.UserId;
    public string? UserName => "system";
    public AccessUser Access => AccessUser.System;
}
