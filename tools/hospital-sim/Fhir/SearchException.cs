namespace Ctms.HospitalSim.Fhir;

/// <summary>A search the simulator cannot run (unknown parameter, bad value): answered 400 with an OperationOutcome.</summary>
internal sealed class SearchException(string message) : Exception(message);
