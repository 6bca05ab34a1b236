using System.Security.Claims;
using Ctms.Domain.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Ctms.Api.Identity;

/// <summary>Adds the display name and the one-time-password flag to the user's claims.</summary>
internal sealed class CtmsClaimsPrincipalFactory(UserManager<CtmsUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<CtmsUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(CtmsUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(CtmsClaims.DisplayName, user.DisplayName));
        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(CtmsClaims.MustChangePassword, "true"));
        }
        return identity;
    }
}
