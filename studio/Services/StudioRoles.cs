using Ctms.Domain.Access;

namespace Ctms.Studio.Services;

/// <summary>Role lists for the studio's pages and links (comma-separated, as <c>[Authorize(Roles=...)]</c> reads them).</summary>
public static class StudioRoles
{
    /// <summary>Who may design, deploy and operate the SOP workflows: the CTI office and administrators (the same as the REST policy).</summary>
    public const string SopEditors = Roles.CtiDirector + "," + Roles.CtiSecretary + "," + Roles.Admin;
}
