using System.Collections.Immutable;

namespace Ctms.HospitalSim;

/// <summary>
/// A synthetic patient of the simulated hospital, with the identifiers and names the CTMS must never keep in clear.
/// The clinical lists are immutable snapshots, replaced as a whole when an order's result or an admission adds to them.
/// </summary>
public sealed class SimPatient
{
    /// <summary>The FHIR id, <c>pat-00001</c>...</summary>
    public required string Id { get; init; }

    /// <summary>The hospital medical record number, <c>M</c> and 8 digits.</summary>
    public required string Mrn { get; init; }

    /// <summary>The 18-digit Chinese resident ID number (valid check digit, consistent with birth date and sex).</summary>
    public required string IdNumber { get; init; }

    /// <summary>The family name in pinyin (Wang).</summary>
    public required string Family { get; init; }

    /// <summary>The given name in pinyin (Xiaoming).</summary>
    public required string Given { get; init; }

    public string FullName => $"{Family} {Given}";

    public required DateOnly BirthDate { get; init; }

    /// <summary><c>male</c> or <c>female</c>.</summary>
    public required string Sex { get; init; }

    public required string Phone { get; init; }

    public IReadOnlyList<SimCondition> Conditions { get; internal set; } = ImmutableList<SimCondition>.Empty;

    public IReadOnlyList<SimEncounter> Encounters { get; internal set; } = ImmutableList<SimEncounter>.Empty;

    /// <summary>Lab results (LOINC), generated over the year before the epoch plus the results of orders.</summary>
    public IReadOnlyList<SimObservation> Observations { get; internal set; } = ImmutableList<SimObservation>.Empty;

    /// <summary>Exam reports (chest X-ray, ECG, chest CT), generated plus the results of orders.</summary>
    public IReadOnlyList<SimExamReport> ExamReports { get; internal set; } = ImmutableList<SimExamReport>.Empty;
}
