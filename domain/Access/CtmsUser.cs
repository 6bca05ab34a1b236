using Ctms.Domain.Audit;
using Microsoft.AspNetCore.Identity;

namespace Ctms.Domain.Access;

/// <summary>A person who signs in: hospital staff, an EC member, or an external sponsor, CRA or CRC.</summary>
public sealed class CtmsUser : IdentityUser, IAudited
{
    public CtmsUser()
    {
        Id = Guid.CreateVersion7().ToString();
        SecurityStamp = Guid.NewGuid().ToString();
    }

    public CtmsUser(string userName, string displayName) : this()
    {
        UserName = userName;
        DisplayName = displayName;
    }

    /// <summary>The name shown in lists and signatures.</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>Set for a one-time password: the studio asks for a new one before anything else.</summary>
    public bool MustChangePassword { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The language of the user's notifications and mail (<c>en</c>, <c>zh-CN</c>); null means English.</summary>
    public string? PreferredCulture { get; set; }
}
