using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Microsoft.AspNetCore.Identity;

namespace Ctms.Domain.Signatures;

/// <summary>
/// Checks the password a signer re-enters. A wrong password counts toward the account's lockout like a failed sign-in
/// (Identity's failed-access count, saved at once), so it must run outside the command it protects: that command is
/// refused and rolled back, the count is not. A locked account cannot sign until its lockout ends.
/// </summary>
public sealed class SignatureAuthenticator(UserManager<CtmsUser> users, ICurrentUser user, TimeProvider clock)
{
    /// <summary>The field that carries the password in requests (<c>{ "signature": { "password": ... } }</c>) and in errors.</summary>
    public const string PasswordField = "signature.password";

    /// <exception cref="DomainValidationException">No password, a wrong one, or a locked account; nothing is signed.</exception>
    public async Task<Reauthentication> ReauthenticateAsync(string? password, string? meaning, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(password))
        {
            throw DomainValidationException.For(PasswordField, meaning is null
                ? "Re-enter your password to sign."
                : $"Re-enter your password to sign: \"{meaning}\".");
        }
        var account = await users.FindByIdAsync(user.UserId) ?? throw new ForbiddenException("Only a signed-in user can sign.");
        if (await users.IsLockedOutAsync(account))
        {
            throw DomainValidationException.For(PasswordField,
                $"Your account is locked after too many wrong passwords until {account.LockoutEnd:yyyy-MM-dd HH:mm} UTC; nothing was signed.");
        }
        if (!await users.CheckPasswordAsync(account, password))
        {
            await users.AccessFailedAsync(account);
            var left = users.Options.Lockout.MaxFailedAccessAttempts - await users.GetAccessFailedCountAsync(account);
            throw DomainValidationException.For(PasswordField, await users.IsLockedOutAsync(account)
                ? "The password is not correct; nothing was signed. Your account is now locked after too many wrong passwords."
                : $"The password is not correct; nothing was signed. {left} more wrong attempt(s) lock the account.");
        }
        await users.ResetAccessFailedCountAsync(account);
        return new Reauthentication(account.Id, clock.GetUtcNow(), meaning);
    }
}
