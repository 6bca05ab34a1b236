namespace Ctms.Domain.Integration.Hospital;

/// <summary>
/// What the CTMS reads from the hospital's systems (HIS, LIS, EMR) about its patients: search, demographics, encounters,
/// lab results and exam reports. The answers are for display and for the trial's own records; a caller persists only what
/// the trial needs, through the patient registry (<see cref="Privacy.PatientRegistry"/>), never the identifiers in clear.
/// Failures surface as <see cref="HospitalUnavailableException"/> (down, slow, circuit open) or
/// <see cref="HospitalResponseException"/> (an answer that is no valid FHIR, or an unexpected status).
/// </summary>
public interface IHospitalRecords
{
    /// <summary>Patients matching every criterion given (at least one is required); at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<HospitalPatient>> SearchPatientsAsync(PatientSearch search, int limit, CancellationToken ct);

    /// <summary>The patient with this medical record number, or null.</summary>
    Task<HospitalPatient?> FindByMrnAsync(string mrn, CancellationToken ct);

    Task<IReadOnlyList<HospitalEncounter>> EncountersAsync(string hospitalPatientId, DateRange period, CancellationToken ct);

    Task<IReadOnlyList<HospitalLabResult>> LabResultsAsync(string hospitalPatientId, DateRange period, CancellationToken ct);

    Task<IReadOnlyList<HospitalExamReport>> ExamReportsAsync(string hospitalPatientId, DateRange period, CancellationToken ct);
}

/// <summary>Search criteria; each given one must match. <see cref="Diagnosis"/> is an ICD-10 code or its prefix (C34 finds C34.9).</summary>
public sealed record PatientSearch(string? Mrn = null, string? Name = null, DateOnly? BirthDate = null, string? Diagnosis = null)
{
    public bool IsEmpty => string.IsNullOrWhiteSpace(Mrn) && string.IsNullOrWhiteSpace(Name) && BirthDate is null && string.IsNullOrWhiteSpace(Diagnosis);
}

/// <summary>An inclusive period; an open end is unbounded.</summary>
public readonly record struct DateRange(DateOnly? From, DateOnly? To)
{
    public static readonly DateRange Any = new(null, null);
}

/// <summary>A coded concept as the hospital sends it (LOINC, ICD-10, the hospital's own code systems).</summary>
public sealed record HospitalCode(string System, string Code, string? Display);

/// <summary>
/// A patient as the hospital knows them, for display: it carries identifiers and the full name, so it is never stored as
/// it is (see <see cref="Privacy.PatientRegistry"/>).
/// </summary>
public sealed record HospitalPatient(string HospitalId, string Mrn, string? IdNumber, string FamilyName, string GivenName, string FullName,
    DateOnly? BirthDate, string? Sex, IReadOnlyList<HospitalCode> Diagnoses);

public sealed record HospitalEncounter(string HospitalId, string Class, string Status, DateTimeOffset? Start, DateTimeOffset? End,
    string? Department);

public sealed record HospitalLabResult(string HospitalId, HospitalCode Code, decimal? Value, string? Unit, string? Text, decimal? Low,
    decimal? High, string? Interpretation, DateTimeOffset? EffectiveAt, string Status, string? OrderId);

public sealed record HospitalExamReport(string HospitalId, HospitalCode Code, string? Category, string? Conclusion, DateTimeOffset? EffectiveAt,
    string Status, string? OrderId);
