using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Projects;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Contracts;

/// <summary>The steps the contract's and the amendments' signatures share: who may sign, recording once, and "is everyone's signature there".</summary>
internal static class ContractSigning
{
    /// <summary>
    /// Checks the signer before anything is read or written: the sign action on the project (404/403), the party (one of
    /// <paramref name="parties"/>, else 400), the right to sign for it (403) and, when given, the password (400).
    /// </summary>
    public static async Task<(Project Project, ContractParty Party)> SignerAsync(CtmsDbContext db, ProjectAccess access, ICurrentUser user,
        UserManager<CtmsUser> users, Guid projectId, string partyText, string? password, IReadOnlyList<ContractParty> parties, DateTimeOffset now,
        CancellationToken ct)
    {
        var project = await ContractRules.ProjectAsync(db, access, user, projectId, ProjectActions.SignContract, ct);
        var party = SignatureInput.Parse(partyText);
        if (!parties.Contains(party))
        {
            throw DomainValidationException.For("Party", $"This is signed by: {string.Join(", ", parties)}.");
        }
        await ContractRules.EnsureMaySignForAsync(db, user, project.Id, party, now, ct);
        await SignatureInput.CheckPasswordAsync(users, user, password);
        return (project, party);
    }

    /// <summary>Records the party's signature (409 when it signed already); true when every one of <paramref name="parties"/> has now signed.</summary>
    public static async Task<bool> RecordAsync(CtmsDbContext db, ICurrentUser user, Contract contract, Guid? amendmentId, ContractParty party,
        string? meaning, string contentHash, IReadOnlyList<ContractParty> parties, string what, DateTimeOffset now, CancellationToken ct)
    {
        var signed = await PartiesSignedAsync(db, contract, amendmentId, ct);
        if (signed.Contains(party))
        {
            throw new ConflictException($"{what} is already signed for the {party} party.");
        }
        db.ContractSignatures.Add(new ContractSignature(contract.Id, amendmentId, party, user.UserId, user.UserName ?? user.UserId,
            SignatureInput.Trim(meaning) ?? ContractRules.DefaultMeaning(party, contract.SponsorParty), contentHash, now));
        contract.Touch();
        signed.Add(party);
        return parties.All(signed.Contains);
    }

    /// <summary>Refuses (409) to make <paramref name="what"/> effective unless it is in the state that is signed and every party signed.</summary>
    public static async Task EnsureFullySignedAsync(CtmsDbContext db, Contract contract, Guid? amendmentId, IReadOnlyList<ContractParty> parties,
        string what, string status, bool awaitsSignatures, CancellationToken ct)
    {
        var missing = parties.Except(await PartiesSignedAsync(db, contract, amendmentId, ct)).ToList();
        if (!awaitsSignatures || missing.Count > 0)
        {
            throw new ConflictException($"{what} is {status}{(missing.Count > 0 ? $" and lacks the signature of: {string.Join(", ", missing)}" : "")}; it cannot take effect.");
        }
    }

    private static Task<List<ContractParty>> PartiesSignedAsync(CtmsDbContext db, Contract contract, Guid? amendmentId, CancellationToken ct) =>
        db.ContractSignatures.Where(s => s.ContractId == contract.Id && s.AmendmentId == amendmentId).Select(s => s.Party).ToListAsync(ct);
}
