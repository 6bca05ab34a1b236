namespace Ctms.Domain.Access;

/// <summary>A user account as administrators see it.</summary>
public sealed record UserDto(string Id, string UserName, string DisplayName, string? Email, IReadOnlyList<string> Roles, bool LockedOut, bool MustChangePassword);

/// <summary>A new account, with the one-time password to hand over when none was given.</summary>
public sealed record CreatedUserDto(UserDto User, string? OneTimePassword);
