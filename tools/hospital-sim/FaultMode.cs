namespace Ctms.HospitalSim;

/// <summary>How the simulated hospital misbehaves on its FHIR endpoints.</summary>
public enum FaultMode
{
    /// <summary>Answers normally.</summary>
    None,

    /// <summary>Every FHIR request answers 503 with an OperationOutcome.</summary>
    Down,

    /// <summary>Every FHIR request waits <see cref="SimFaults.Delay"/> first.</summary>
    Slow,

    /// <summary>Every FHIR request answers 200 with a body that is not valid FHIR JSON.</summary>
    Malformed,

    /// <summary>The next <see cref="SimFaults.After"/> FHIR requests succeed, then 503 until reset (the hospital stops mid-sync).</summary>
    FailAfter,
}
