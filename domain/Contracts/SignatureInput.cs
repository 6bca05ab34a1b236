using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Microsoft.AspNetCore.Identity;

namespace Ctms.Domain.Contracts;

/// <summary>The party, meaning and password of a signature, as clients and forms send them.</summary>
internal static class SignatureInput
{
    public static void Validate(Validator v, string? party, string? meaning) => v
        .Must(TryParse(party, out _), "Party", $"Party must be one of: {string.Join(", ", Enum.GetNames<ContractParty>())}.")
        .Optional("Meaning", meaning, ContractSignature.MeaningMax);

    public static ContractParty Parse(string party) =>
        TryParse(party, out var parsed) ? parsed : throw DomainValidationException.For("Party", $"Unknown party '{party}'.");

    public static string? Trim(string? meaning) => string.IsNullOrWhiteSpace(meaning) ? null : meaning.Trim();

    /// <summary>Checks a re-entered password; a wrong one is refused before anything is signed.</summary>
    public static async Task CheckPasswordAsync(UserManager<CtmsUser> users, ICurrentUser user, string? password)
    {
        if (password is null)
        {
            return;
        }
        var account = await users.FindByIdAsync(user.UserId);
        if (account is null || !await users.CheckPasswordAsync(account, password))
        {
            throw DomainValidationException.For("Password", "The password is not correct; the signature was not recorded.");
        }
    }

    private static bool TryParse(string? text, out ContractParty party)
    {
        party = default;
        return !string.IsNullOrWhiteSpace(text) && !text.Trim().All(char.IsDigit)
               && Enum.TryParse(text.Trim(), ignoreCase: true, out party) && Enum.IsDefined(party);
    }
}
