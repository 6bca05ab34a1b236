using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Integration.Hospital;
using Ctms.Domain.Integration.Privacy;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Integration.Patients;

/// <summary>
/// A patient found in the hospital, for the person recruiting to look at: identifiers and name are shown, not stored.
/// <see cref="PatientId"/> is set when the patient is already registered in the CTMS.
/// </summary>
public sealed record HospitalPatientView(string HospitalId, string Mrn, string FullName, string Initials, DateOnly? BirthDate, string? Sex,
    IReadOnlyList<HospitalCode> Diagnoses, Guid? PatientId);

/// <summary>A registered patient as the CTMS shows them: initials, birth date and sex.</summary>
public sealed record RegisteredPatientDto(Guid Id, string Initials, DateOnly? BirthDate, string? Sex, DateTimeOffset RegisteredAt)
{
    public static RegisteredPatientDto From(RegisteredPatient p) => new(p.Id, p.Initials, p.BirthDate, p.Sex, p.RegisteredAt);
}

/// <summary>Searches the hospital's patients for a project's recruitment (by MRN, name, birth date, diagnosis).</summary>
public sealed record SearchHospitalPatients(Guid ProjectId, string? Mrn, string? Name, DateOnly? BirthDate, string? Diagnosis, int? Limit = null)
    : IQuery<IReadOnlyList<HospitalPatientView>>, IValidatable
{
    public const int MaxLimit = 50;

    public void Validate(Validator v) => v
        .Optional(nameof(Mrn), Mrn, 64)
        .Optional(nameof(Name), Name, 100)
        .Optional(nameof(Diagnosis), Diagnosis, 16)
        .Must(Name is null || Name.Trim().Length >= 2, nameof(Name), "Give at least two letters of the name.")
        .Must(!new PatientSearch(Mrn, Name, BirthDate, Diagnosis).IsEmpty, nameof(Mrn), "Give an MRN, a name, a birth date or a diagnosis.")
        .Must(Limit is null or (> 0 and <= MaxLimit), nameof(Limit), $"Limit must be between 1 and {MaxLimit}.");
}

public sealed class SearchHospitalPatientsHandler(ProjectAccess access, ICurrentUser user, IHospitalRecords hospital, CtmsDbContext db,
    PatientVault vault) : IQueryHandler<SearchHospitalPatients, IReadOnlyList<HospitalPatientView>>
{
    public async ValueTask<IReadOnlyList<HospitalPatientView>> Handle(SearchHospitalPatients query, CancellationToken ct)
    {
        await access.EnsureAsync(user.Access, ProjectActions.HospitalSearch, query.ProjectId, ct);
        var found = await hospital.SearchPatientsAsync(new PatientSearch(query.Mrn, query.Name, query.BirthDate, query.Diagnosis),
            query.Limit ?? 20, ct);
        var hashes = found.Select(p => vault.Hash(p.Mrn, RegisteredPatient.MrnPurpose)).ToList();
        var registered = await db.RegisteredPatients.AsNoTracking().Where(p => hashes.Contains(p.MrnHash))
            .Select(p => new { p.Id, p.MrnHash }).ToListAsync(ct);
        return found.Select((p, i) => new HospitalPatientView(p.HospitalId, p.Mrn, p.FullName, PatientVault.Initials(p.FamilyName, p.GivenName),
            p.BirthDate, p.Sex, p.Diagnoses, registered.FirstOrDefault(r => r.MrnHash.AsSpan().SequenceEqual(hashes[i]))?.Id)).ToList();
    }
}

/// <summary>
/// Registers a hospital patient with a project (found by MRN at the hospital, which is the authority): the registry keeps
/// the sealed MRN, the keyed hashes and the initials, and the patient is linked to the project. Registering again is harmless.
/// </summary>
public sealed record RegisterProjectPatient(Guid ProjectId, string Mrn) : ICommand<RegisteredPatientDto>, IValidatable
{
    public void Validate(Validator v) => v.Required(nameof(Mrn), Mrn, 64);
}

public sealed class RegisterProjectPatientHandler(ProjectAccess access, ICurrentUser user, IHospitalRecords hospital, PatientRegistry registry,
    CtmsDbContext db, TimeProvider clock) : ICommandHandler<RegisterProjectPatient, RegisteredPatientDto>
{
    public async ValueTask<RegisteredPatientDto> Handle(RegisterProjectPatient command, CancellationToken ct)
    {
        await access.EnsureAsync(user.Access, ProjectActions.HospitalSearch, command.ProjectId, ct);
        var found = await hospital.FindByMrnAsync(command.Mrn, ct)
            ?? throw DomainValidationException.For(nameof(command.Mrn), "The hospital has no patient with this MRN.");
        var patient = await registry.RegisterAsync(found, ct);
        if (!await db.ProjectPatients.AnyAsync(l => l.ProjectId == command.ProjectId && l.PatientId == patient.Id, ct))
        {
            db.ProjectPatients.Add(new ProjectPatient(command.ProjectId, patient.Id, user.UserName ?? "system", clock.GetUtcNow()));
        }
        await db.SaveChangesAsync(ct);
        return RegisteredPatientDto.From(patient);
    }
}

/// <summary>The patients registered with a project.</summary>
public sealed record ListProjectPatients(Guid ProjectId) : IQuery<IReadOnlyList<RegisteredPatientDto>>;

public sealed class ListProjectPatientsHandler(ProjectAccess access, ICurrentUser user, CtmsDbContext db)
    : IQueryHandler<ListProjectPatients, IReadOnlyList<RegisteredPatientDto>>
{
    public async ValueTask<IReadOnlyList<RegisteredPatientDto>> Handle(ListProjectPatients query, CancellationToken ct)
    {
        await access.EnsureAsync(user.Access, ProjectActions.HospitalRead, query.ProjectId, ct);
        var patients = await db.ProjectPatients.AsNoTracking().Where(l => l.ProjectId == query.ProjectId)
            .Join(db.RegisteredPatients.AsNoTracking(), l => l.PatientId, p => p.Id, (l, p) => p)
            .ToListAsync(ct);
        return patients.OrderBy(p => p.RegisteredAt).Select(RegisteredPatientDto.From).ToList();
    }
}

/// <summary>What the hospital holds about a project's patient in a period, fetched for display (nothing of it is stored).</summary>
public sealed record HospitalRecordsView(RegisteredPatientDto Patient, IReadOnlyList<HospitalEncounter> Encounters,
    IReadOnlyList<HospitalLabResult> LabResults, IReadOnlyList<HospitalExamReport> ExamReports);

public sealed record GetHospitalRecords(Guid ProjectId, Guid PatientId, DateOnly? From, DateOnly? To) : IQuery<HospitalRecordsView>, IValidatable
{
    public void Validate(Validator v) => v.Must(From is null || To is null || From <= To, nameof(To), "To must not be before From.");
}

public sealed class GetHospitalRecordsHandler(ProjectAccess access, ICurrentUser user, CtmsDbContext db, PatientRegistry registry,
    IHospitalRecords hospital) : IQueryHandler<GetHospitalRecords, HospitalRecordsView>
{
    public async ValueTask<HospitalRecordsView> Handle(GetHospitalRecords query, CancellationToken ct)
    {
        await access.EnsureAsync(user.Access, ProjectActions.HospitalRead, query.ProjectId, ct);
        var patient = await ProjectPatients.GetAsync(db, registry, query.ProjectId, query.PatientId, ct);
        var atHospital = await hospital.FindByMrnAsync(registry.RevealMrn(patient), ct)
            ?? throw new NotFoundException($"The hospital no longer knows patient {patient.Id}.");
        var period = new DateRange(query.From, query.To);
        var encounters = await hospital.EncountersAsync(atHospital.HospitalId, period, ct);
        var labs = await hospital.LabResultsAsync(atHospital.HospitalId, period, ct);
        var exams = await hospital.ExamReportsAsync(atHospital.HospitalId, period, ct);
        return new HospitalRecordsView(RegisteredPatientDto.From(patient), encounters, labs, exams);
    }
}

public static class ProjectPatients
{
    /// <summary>The registered patient, when linked to the project; 404 otherwise (whether registered or not stays hidden).</summary>
    public static async Task<RegisteredPatient> GetAsync(CtmsDbContext db, PatientRegistry registry, Guid projectId, Guid patientId, CancellationToken ct)
    {
        if (!await db.ProjectPatients.AnyAsync(l => l.ProjectId == projectId && l.PatientId == patientId, ct))
        {
            throw new NotFoundException($"Patient {patientId} is not registered with this project.");
        }
        return await registry.GetAsync(patientId, ct);
    }
}
