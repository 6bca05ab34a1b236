namespace Ctms.HospitalSim.Fhir;

/// <summary>A bulk export kicked off: how many lines its file holds and which are broken.</summary>
internal sealed record BulkJob(string Id, string Request, DateTimeOffset TransactionTime, int Count, IReadOnlySet<int> BrokenLines);
