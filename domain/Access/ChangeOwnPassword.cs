using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace Ctms.Domain.Access;

/// <summary>The signed-in user replaces their password (a one-time password included) after re-entering the current one.</summary>
public sealed record ChangeOwnPassword(string CurrentPassword, string NewPassword) : ICommand, IValidatable
{
    public void Validate(Validator v) => v
        .Required(nameof(CurrentPassword), CurrentPassword, 256)
        .Required(nameof(NewPassword), NewPassword, 256)
        .Must(NewPassword is null || NewPassword != CurrentPassword, nameof(NewPassword), "The new password must differ from the current one.");
}

public sealed class ChangeOwnPasswordHandler(CtmsDbContext db, UserManager<CtmsUser> users, ICurrentUser user) : ICommandHandler<ChangeOwnPassword>
{
    public async ValueTask<Unit> Handle(ChangeOwnPassword command, CancellationToken ct)
    {
        var account = await users.FindByIdAsync(user.UserId) ?? throw new NotFoundException("Your account was not found.");
        await using var tx = await db.BeginWriteTransactionAsync(ct);
        var result = await users.ChangePasswordAsync(account, command.CurrentPassword, command.NewPassword);
        if (result.Errors.Any(e => e.Code == "PasswordMismatch"))
        {
            throw DomainValidationException.For(nameof(command.CurrentPassword), "The current password is not correct.");
        }
        IdentityErrors.ThrowIfFailed(result, nameof(command.NewPassword));
        if (account.MustChangePassword)
        {
            account.MustChangePassword = false;
            IdentityErrors.ThrowIfFailed(await users.UpdateAsync(account), nameof(command.NewPassword));
        }
        await tx.CommitAsync(ct);
        return Unit.Value;
    }
}
