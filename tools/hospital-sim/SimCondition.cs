namespace Ctms.HospitalSim;

/// <summary>A diagnosis of a synthetic patient (ICD-10).</summary>
public sealed record SimCondition(string Id, string PatientId, string Code, string Display, DateOnly Onset);
