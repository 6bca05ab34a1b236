namespace Ctms.Api.Identity;

/// <summary>Claims the host adds to a signed-in user.</summary>
internal static class CtmsClaims
{
    /// <summary>Present while the user still holds a one-time password.</summary>
    public const string MustChangePassword = "ctms:must-change-password";

    public const string DisplayName = "ctms:display-name";
}
