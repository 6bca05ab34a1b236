using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Integration.Hospital;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Integration.Privacy;

/// <summary>
/// The one way a hospital patient enters the CTMS's database: <see cref="RegisterAsync"/> keeps the sealed MRN, the keyed
/// hashes and the initials, and gives the patient an id every module uses. Registering the same MRN again returns the
/// existing record (refreshed), so two modules never hold two records of one patient.
/// </summary>
public sealed class PatientRegistry(CtmsDbContext db, PatientVault vault, ICurrentUser user, TimeProvider clock)
{
    /// <summary>The patient's record, created when the MRN is new; added to the context, saved by the caller's unit of work.</summary>
    public async Task<RegisteredPatient> RegisterAsync(HospitalPatient patient, CancellationToken ct)
    {
        var initials = PatientVault.Initials(patient.FamilyName, patient.GivenName);
        var idHash = string.IsNullOrWhiteSpace(patient.IdNumber) ? null : vault.Hash(patient.IdNumber, RegisteredPatient.IdNumberPurpose);
        var hospitalIdHash = vault.Hash(patient.HospitalId, RegisteredPatient.HospitalIdPurpose);
        var existing = await FindByMrnAsync(patient.Mrn, ct);
        if (existing is not null)
        {
            existing.Refresh(initials, patient.BirthDate, patient.Sex, idHash, hospitalIdHash);
            return existing;
        }
        var registered = new RegisteredPatient(vault.Seal(PatientVault.Normalise(patient.Mrn), RegisteredPatient.MrnPurpose),
            vault.Hash(patient.Mrn, RegisteredPatient.MrnPurpose), idHash, hospitalIdHash, initials, patient.BirthDate, patient.Sex,
            user.UserName ?? "system", clock.GetUtcNow());
        db.RegisteredPatients.Add(registered);
        return registered;
    }

    public async Task<RegisteredPatient?> FindByMrnAsync(string mrn, CancellationToken ct)
    {
        var hash = vault.Hash(mrn, RegisteredPatient.MrnPurpose);
        return db.RegisteredPatients.Local.FirstOrDefault(p => p.MrnHash.AsSpan().SequenceEqual(hash))
            ?? await db.RegisteredPatients.FirstOrDefaultAsync(p => p.MrnHash == hash, ct);
    }

    public async Task<RegisteredPatient> GetAsync(Guid patientId, CancellationToken ct) =>
        await db.RegisteredPatients.FirstOrDefaultAsync(p => p.Id == patientId, ct)
        ?? throw new NotFoundException($"Patient {patientId} is not registered.");

    /// <summary>Registered patients with this resident ID number (keyed hash), e.g. to warn that a candidate is in another trial.</summary>
    public async Task<IReadOnlyList<Guid>> FindByIdNumberAsync(string idNumber, CancellationToken ct)
    {
        var hash = vault.Hash(idNumber, RegisteredPatient.IdNumberPurpose);
        return await db.RegisteredPatients.Where(p => p.IdNumberHash == hash).Select(p => p.Id).ToListAsync(ct);
    }

    /// <summary>
    /// The registered patients by the keyed hash of their hospital resource id (<see cref="PatientVault.Hash"/> with
    /// <see cref="RegisteredPatient.HospitalIdPurpose"/>), for a batch of results that name only <c>Patient/{id}</c>.
    /// </summary>
    public async Task<Dictionary<string, Guid>> FindByHospitalIdsAsync(IReadOnlyCollection<string> hospitalIds, CancellationToken ct)
    {
        var hashes = hospitalIds.Distinct(StringComparer.Ordinal).ToDictionary(id => Convert.ToHexString(vault.Hash(id, RegisteredPatient.HospitalIdPurpose)));
        var keys = hashes.Keys.Select(Convert.FromHexString).ToList();
        var rows = await db.RegisteredPatients.AsNoTracking().Where(p => keys.Contains(p.HospitalIdHash)).Select(p => new { p.Id, p.HospitalIdHash })
            .ToListAsync(ct);
        return rows.ToDictionary(r => hashes[Convert.ToHexString(r.HospitalIdHash)], r => r.Id, StringComparer.Ordinal);
    }

    /// <summary>The MRN in clear, to ask the hospital about the patient; never to store or log.</summary>
    public string RevealMrn(RegisteredPatient patient) => vault.Open(patient.MrnSealed, patient.MrnKeyId, RegisteredPatient.MrnPurpose);

    /// <summary>
    /// Seals every MRN sealed with an older key again with the active key (key rotation), in batches; returns how many.
    /// The old key must stay configured until this has run.
    /// </summary>
    public async Task<int> RotateKeysAsync(CancellationToken ct)
    {
        var count = 0;
        while (true)
        {
            var batch = await db.RegisteredPatients.Where(p => p.MrnKeyId != vault.ActiveKeyId).OrderBy(p => p.Id).Take(500).ToListAsync(ct);
            if (batch.Count == 0)
            {
                return count;
            }
            foreach (var patient in batch)
            {
                patient.Reseal(vault.Seal(RevealMrn(patient), RegisteredPatient.MrnPurpose));
            }
            await db.SaveChangesAsync(ct);
            count += batch.Count;
        }
    }
}
