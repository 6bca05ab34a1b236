using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace Ctms.Domain.Access;

/// <summary>
/// An administrator creates an account with its global roles. Without a password, a one-time password is
/// generated and returned once; the user must change it at first sign-in.
/// </summary>
public sealed record CreateUser(string UserName, string DisplayName, string? Email, IReadOnlyList<string> Roles, string? Password)
    : ICommand<CreatedUserDto>, IValidatable
{
    public void Validate(Validator v)
    {
        v.Required(nameof(UserName), UserName, 64)
         .Required(nameof(DisplayName), DisplayName, 200)
         .Optional(nameof(Email), Email, 256)
         .Must(UserName is null || UserName.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '@'), nameof(UserName),
             "UserName may contain letters, digits and . - _ @ only.")
         .Must(Roles is not null, nameof(Roles), "Roles is required (it may be empty).");
        foreach (var role in Roles ?? [])
        {
            v.Must(Access.Roles.IsKnown(role), nameof(Roles), $"'{role}' is not a role; use one of: {string.Join(", ", Access.Roles.All)}.");
        }
    }
}

public sealed class CreateUserHandler(CtmsDbContext db, UserManager<CtmsUser> users, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<CreateUser, CreatedUserDto>
{
    public async ValueTask<CreatedUserDto> Handle(CreateUser command, CancellationToken ct)
    {
        if (!user.Access.IsInRole(Roles.Admin))
        {
            throw new ForbiddenException("Only an administrator may create accounts.");
        }
        var oneTime = command.Password is null ? OneTimePassword.Generate() : null;
        var account = new CtmsUser(command.UserName.Trim(), command.DisplayName.Trim())
        {
            Email = string.IsNullOrWhiteSpace(command.Email) ? null : command.Email.Trim(),
            MustChangePassword = oneTime is not null,
            CreatedAt = clock.GetUtcNow(),
            LockoutEnabled = true,
        };
        // Identity saves the user and its roles separately: one transaction keeps the account whole or absent.
        await using var tx = await db.BeginWriteTransactionAsync(ct);
        IdentityErrors.ThrowIfFailed(await users.CreateAsync(account, command.Password ?? oneTime!), nameof(command.UserName));
        if (command.Roles.Count > 0)
        {
            IdentityErrors.ThrowIfFailed(await users.AddToRolesAsync(account, command.Roles.Distinct()), nameof(command.Roles));
        }
        await tx.CommitAsync(ct);
        var dto = new UserDto(account.Id, account.UserName!, account.DisplayName, account.Email, [.. command.Roles.Distinct()], false, account.MustChangePassword);
        return new CreatedUserDto(dto, oneTime);
    }
}
