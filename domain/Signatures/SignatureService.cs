using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Signatures;

/// <summary>
/// Signs records and checks their signatures: the one signature mechanism of the system (votes, decisions, opinions,
/// later e-CRF sign-off). A record is signed by the current user only inside a command whose request re-entered the
/// password (<see cref="SignatureSession"/>); the signature is added to the command's unit of work and saved with it.
/// </summary>
public sealed class SignatureService(CtmsDbContext db, ICurrentUser user, SignatureSession session, TimeProvider clock)
{
    /// <summary>Signs a record as the current user, with the given meaning or, when null, the meaning the request named.</summary>
    /// <exception cref="DomainValidationException">The request did not re-enter the password, or no meaning is known.</exception>
    public async Task<ElectronicSignature> SignAsync(ISignable record, string? meaning, CancellationToken ct = default)
    {
        if (session.Current is not { } proof || proof.UserId != user.UserId)
        {
            throw DomainValidationException.For(SignatureAuthenticator.PasswordField,
                $"This needs your electronic signature{(meaning is null ? "" : $" (\"{meaning}\")")}: re-enter your password.");
        }
        meaning = string.IsNullOrWhiteSpace(meaning) ? proof.Meaning : meaning.Trim();
        if (string.IsNullOrWhiteSpace(meaning))
        {
            throw DomainValidationException.For("signature.meaning", "A signature needs its meaning (what the signer declares by signing).");
        }
        if (meaning.Length > ElectronicSignature.MeaningMax)
        {
            throw DomainValidationException.For("signature.meaning", $"The meaning of a signature has at most {ElectronicSignature.MeaningMax} characters.");
        }
        var account = await db.Users.AsNoTracking().Where(u => u.Id == user.UserId)
            .Select(u => new { u.UserName, u.DisplayName }).FirstOrDefaultAsync(ct)
            ?? throw new ForbiddenException("Only a signed-in user can sign.");
        var signature = new ElectronicSignature(record.SignatureRecordType, record.SignatureRecordId, SignedContent.Hash(record.SignedContent()), meaning,
            user.UserId, account.UserName ?? user.UserId, string.IsNullOrWhiteSpace(account.DisplayName) ? account.UserName ?? user.UserId : account.DisplayName,
            clock.GetUtcNow());
        db.Add(signature);
        session.Signed++;
        return signature;
    }

    /// <summary>The signatures of a record, oldest first, each telling whether the record still has the content it signed.</summary>
    public async Task<IReadOnlyList<SignatureView>> CheckAsync(ISignable record, CancellationToken ct = default)
    {
        var hash = SignedContent.Hash(record.SignedContent());
        var signatures = await ListAsync(record.SignatureRecordType, record.SignatureRecordId, ct);
        return [.. signatures.Select(s => SignatureView.Of(s, s.ContentHash == hash))];
    }

    /// <summary>The signatures of many records of one type at once (a list page), keyed by record id, unchecked.</summary>
    public async Task<IReadOnlyDictionary<string, List<ElectronicSignature>>> ListAsync(string recordType, IReadOnlyCollection<string> recordIds,
        CancellationToken ct = default)
    {
        var rows = await db.Set<ElectronicSignature>().AsNoTracking()
            .Where(s => s.RecordType == recordType && recordIds.Contains(s.RecordId)).ToListAsync(ct);
        return rows.OrderBy(s => s.SignedAt).GroupBy(s => s.RecordId).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
    }

    private async Task<List<ElectronicSignature>> ListAsync(string recordType, string recordId, CancellationToken ct)
    {
        // Signatures added in this unit of work count too (a record signed and shown in the same command).
        var saved = await db.Set<ElectronicSignature>().AsNoTracking().Where(s => s.RecordType == recordType && s.RecordId == recordId).ToListAsync(ct);
        var added = db.ChangeTracker.Entries<ElectronicSignature>().Where(e => e.State == EntityState.Added).Select(e => e.Entity)
            .Where(s => s.RecordType == recordType && s.RecordId == recordId);
        return [.. saved.Concat(added).DistinctBy(s => s.Id).OrderBy(s => s.SignedAt)];
    }
}

/// <summary>
/// A signature as shown with its record (the "signature manifestation"): the printed name, the time in UTC, the meaning,
/// and whether the record is still what was signed.
/// </summary>
public sealed record SignatureView(Guid Id, string Meaning, string SignerUserName, string SignerName, DateTimeOffset SignedAt, string ContentHash, bool Intact)
{
    public static SignatureView Of(ElectronicSignature s, bool intact) =>
        new(s.Id, s.Meaning, s.SignerUserName, s.SignerName, s.SignedAt, s.ContentHash, intact);

    /// <summary>The manifestation printed on a letter or a page: "Signed by Wang Fang (wangf) on 2026-11-27 09:30 UTC: I approve".</summary>
    public string Manifestation => $"Signed by {SignerName} ({SignerUserName}) on {SignedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC: {Meaning}";
}
