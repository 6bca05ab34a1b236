using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Ctms.Api.Tests.Infrastructure;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Integration.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Shouldly;

namespace Ctms.Api.Tests.Integration.Patients;

/// <summary>
/// The registry on each database: look-ups by keyed hash (a blob or bytea column), and a key rotation that seals every MRN
/// again with the new key while the hashes, and so every look-up, stay as they were.
/// </summary>
public abstract class PatientRegistryStorageTests(HospitalAppFactory app)
{
    [Fact]
    public async Task Registered_patients_are_found_by_hash_and_survive_a_key_rotation()
    {
        using var team = await app.StudyTeamAsync();
        var patients = app.Hospital.Data.Patients.Skip(20).Take(3).ToList();
        var ids = new List<Guid>();
        foreach (var patient in patients)
        {
            var registered = await (await team.Crc.PostAsJsonAsync($"/api/projects/{team.ProjectId}/hospital/patients", new { mrn = patient.Mrn }))
                .ReadAsync<JsonElement>();
            ids.Add(registered.GetProperty("id").GetGuid());
        }

        await using var scope = app.Scope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<CtmsDbContext>();
        var registry = services.GetRequiredService<PatientRegistry>();
        (await registry.FindByMrnAsync(patients[1].Mrn.ToLowerInvariant(), CancellationToken.None))!.Id.ShouldBe(ids[1]);
        var byHospitalId = await registry.FindByHospitalIdsAsync([.. patients.Select(p => p.Id), "pat-unknown"], CancellationToken.None);
        byHospitalId.Count.ShouldBe(3);
        byHospitalId[patients[2].Id].ShouldBe(ids[2]);
        (await registry.FindByIdNumberAsync(patients[0].IdNumber, CancellationToken.None)).ShouldBe([ids[0]]);

        // The operator adds a new key and makes it the active one, keeping the old one until the rotation has run.
        var current = services.GetRequiredService<IOptions<PrivacyOptions>>().Value;
        var rotated = new PrivacyOptions { ActiveKeyId = "rotated", HashKey = current.HashKey };
        foreach (var (id, key) in current.Keys)
        {
            rotated.Keys[id] = key;
        }
        rotated.Keys["rotated"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var newVault = new PatientVault(Options.Create(rotated));
        var newRegistry = new PatientRegistry(db, newVault, services.GetRequiredService<ICurrentUser>(), TimeProvider.System);
        (await newRegistry.RotateKeysAsync(CancellationToken.None)).ShouldBeGreaterThanOrEqualTo(3);
        (await newRegistry.RotateKeysAsync(CancellationToken.None)).ShouldBe(0);

        db.ChangeTracker.Clear();
        foreach (var (patient, id) in patients.Zip(ids))
        {
            var row = await db.RegisteredPatients.AsNoTracking().SingleAsync(p => p.Id == id);
            row.MrnKeyId.ShouldBe("rotated");
            newRegistry.RevealMrn(row).ShouldBe(patient.Mrn);
            (await newRegistry.FindByMrnAsync(patient.Mrn, CancellationToken.None))!.Id.ShouldBe(id);
        }
    }
}

public sealed class PatientRegistryStorageTests_Sqlite(HospitalSqliteFactory app) : PatientRegistryStorageTests(app), IClassFixture<HospitalSqliteFactory>;

public sealed class PatientRegistryStorageTests_Postgres(HospitalPostgresFactory app) : PatientRegistryStorageTests(app), IClassFixture<HospitalPostgresFactory>;
