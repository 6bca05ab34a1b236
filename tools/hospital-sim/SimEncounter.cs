namespace Ctms.HospitalSim;

/// <summary>
/// A visit of a synthetic patient: <c>AMB</c> (ambulatory) or <c>IMP</c> (inpatient, admission to discharge).
/// <see cref="End"/> is null while an inpatient stay is open (status <c>in-progress</c>).
/// </summary>
public sealed record SimEncounter(
    string Id,
    string PatientId,
    string Class,
    string Status,
    DateTimeOffset Start,
    DateTimeOffset? End,
    string DepartmentId,
    DateTimeOffset LastUpdated);
