using Ctms.Domain.Data;
using Ctms.Domain.Projects;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Contracts;

/// <summary>Builds the <see cref="ContractDto"/> of a contract, with the hashes of its content now to compare signatures with.</summary>
internal static class ContractView
{
    public static async Task<ContractDto> LoadAsync(CtmsDbContext db, Contract contract, Project project, CancellationToken ct)
    {
        var reviews = await db.ContractReviews.AsNoTracking().Where(r => r.ContractId == contract.Id).ToListAsync(ct);
        var signatures = await db.ContractSignatures.AsNoTracking().Where(s => s.ContractId == contract.Id).ToListAsync(ct);
        var amendments = await db.ContractAmendments.AsNoTracking().Where(a => a.ContractId == contract.Id).OrderBy(a => a.Number).ToListAsync(ct);
        var hash = ContractContent.Hash(contract);
        // An amendment replaces the lines on purpose: the parties' original signatures are compared with the content
        // they signed as the first budget revision keeps it, so only a change outside an amendment shows.
        var original = contract.EffectiveRevision > 1
            ? ContractContent.Hash(contract, (await db.BudgetRevisions.AsNoTracking().SingleAsync(r => r.ContractId == contract.Id && r.Number == 1, ct)).Lines)
            : hash;
        var amendmentHashes = amendments.ToDictionary(a => a.Id, a => ContractContent.Hash(contract, a));
        return new ContractDto(contract.Id, contract.ProjectId, contract.Number, contract.Title, contract.SponsorParty, contract.CroParty,
            contract.HospitalParty, contract.Currency, contract.Status.ToString(), contract.Total, contract.ReviewRound, contract.EffectiveRevision,
            project.PiUserName, project.ApplicantUserName, contract.CreatedAt, contract.SubmittedAt, contract.SignedAt, hash, contract.Version,
            contract.Lines.OrderBy(l => l.Position).Select(l => l.ToSnapshot()).ToList(),
            reviews.OrderBy(r => r.At).ThenBy(r => r.Id).Select(ContractReviewDto.From).ToList(),
            signatures.OrderBy(s => s.SignedAt).ThenBy(s => s.Id)
                .Select(s => new ContractSignatureDto(s.Id, s.AmendmentId, s.Party.ToString(), s.SignerUserName, s.Meaning, s.SignedAt, s.ContentHash,
                    s.ContentHash == (s.AmendmentId is { } a ? amendmentHashes.GetValueOrDefault(a) : original)))
                .ToList(),
            amendments.Select(a => new ContractAmendmentDto(a.Id, a.Number, a.Reason, a.Status.ToString(), a.Round, a.Total, a.EffectiveFrom,
                a.ProposedBy, a.ProposedAt, a.EffectiveAt, a.RevisionNumber, amendmentHashes[a.Id], a.Version, a.Lines)).ToList());
    }
}
