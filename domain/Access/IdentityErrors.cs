using Ctms.Domain.Common;
using Microsoft.AspNetCore.Identity;

namespace Ctms.Domain.Access;

internal static class IdentityErrors
{
    /// <summary>Turns Identity's errors into the domain's: a taken name is a conflict, the rest are field errors.</summary>
    public static void ThrowIfFailed(IdentityResult result, string field)
    {
        if (result.Succeeded)
        {
            return;
        }
        if (result.Errors.Any(e => e.Code is "DuplicateUserName" or "DuplicateEmail"))
        {
            throw new ConflictException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
        var v = new Validator();
        foreach (var error in result.Errors)
        {
            v.Add(error.Code.Contains("Password", StringComparison.Ordinal) ? "Password" : field, error.Description);
        }
        v.ThrowIfInvalid();
    }
}
