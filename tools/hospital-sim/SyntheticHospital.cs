using System.Collections.Immutable;
using Ctms.HospitalSim.Data;
using Hl7.Fhir.Model;

namespace Ctms.HospitalSim;

/// <summary>
/// The simulated hospital's data: patients with their history, the dictionaries and the orders placed. Generated from
/// the options' seed, so two hospitals with the same options are identical. Thread-safe: writers take a lock and replace
/// whole entries or lists; readers see snapshots.
/// </summary>
public sealed class SyntheticHospital
{
    private readonly Lock _sync = new();
    private readonly Dictionary<string, SimPatient> _patientsById;
    private readonly List<Organization> _departments;
    private readonly List<Practitioner> _staff;
    private readonly List<Medication> _drugs;
    private readonly List<ObservationDefinition> _labItems;
    private readonly List<ActivityDefinition> _examItems;
    private readonly List<ServiceRequest> _orders = [];
    private int _changeRounds;
    private int _admissions;

    public SyntheticHospital(HospitalSimOptions options)
    {
        Options = options;
        Patients = PatientGenerator.Generate(options);
        _patientsById = Patients.ToDictionary(p => p.Id, StringComparer.Ordinal);
        _departments = DictionaryGenerator.Departments(options);
        _staff = DictionaryGenerator.Staff(options);
        _drugs = DictionaryGenerator.Drugs(options);
        _labItems = DictionaryGenerator.LabItems(options);
        _examItems = DictionaryGenerator.ExamItems(options);
    }

    public HospitalSimOptions Options { get; }

    public IReadOnlyList<SimPatient> Patients { get; }

    public IReadOnlyList<Organization> Departments => Snapshot(_departments);

    public IReadOnlyList<Practitioner> Staff => Snapshot(_staff);

    public IReadOnlyList<Medication> Drugs => Snapshot(_drugs);

    public IReadOnlyList<ObservationDefinition> LabItems => Snapshot(_labItems);

    public IReadOnlyList<ActivityDefinition> ExamItems => Snapshot(_examItems);

    /// <summary>The orders (ServiceRequest) placed so far, as stored (status active, then completed).</summary>
    public IReadOnlyList<ServiceRequest> Orders => Snapshot(_orders);

    public SimPatient? FindPatient(string id) => _patientsById.GetValueOrDefault(id);

    /// <summary>
    /// Changes every dictionary the way a hospital does between two syncs: per dictionary, <paramref name="count"/>
    /// entries get a new display (versionId + 1), one more entry is deactivated and <paramref name="count"/> new entries
    /// are added, all with <c>meta.lastUpdated</c> = now.
    /// </summary>
    public System.Threading.Tasks.Task ChangeDictionariesAsync(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var now = Now();
        lock (_sync)
        {
            var round = ++_changeRounds;
            var random = new Random(PatientGenerator.HashCode(Options.Seed, 30, round));
            Change(_departments, count, round, random, now, DictionaryGenerator.Department);
            Change(_staff, count, round, random, now, DictionaryGenerator.StaffMember);
            Change(_drugs, count, round, random, now, DictionaryGenerator.Drug);
            Change(_labItems, count, round, random, now, DictionaryGenerator.LabItem);
            Change(_examItems, count, round, random, now, DictionaryGenerator.ExamItem);
        }
        return System.Threading.Tasks.Task.CompletedTask;
    }

    private static void Change<T>(List<T> list, int count, int round, Random random, DateTimeOffset now, Func<Random, int, T> make)
        where T : DomainResource
    {
        var active = Enumerable.Range(0, list.Count).Where(i => IsActive(list[i])).OrderBy(_ => random.Next()).ToList();
        foreach (var index in active.Take(count))
            list[index] = Revise(list[index], now, r => DictionaryGenerator.Rename(r, $" (rev {round})"));
        foreach (var index in active.Skip(count).Take(1))
            list[index] = Revise(list[index], now, r => DictionaryGenerator.SetActive(r, false));
        var next = list.Count + 1;
        for (var n = next; n < next + count; n++)
        {
            var entry = make(random, n);
            entry.Meta = new Meta { VersionId = "1", LastUpdated = now };
            DictionaryGenerator.SetActive(entry, true);
            list.Add(entry);
        }
    }

    private static T Revise<T>(T entry, DateTimeOffset now, Action<T> change) where T : DomainResource
    {
        var copy = (T)entry.DeepCopy();
        change(copy);
        var version = int.Parse(copy.Meta?.VersionId ?? "1", System.Globalization.CultureInfo.InvariantCulture);
        copy.Meta = new Meta { VersionId = (version + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), LastUpdated = now };
        return copy;
    }

    internal static bool IsActive(DomainResource resource) => resource switch
    {
        Organization o => o.Active ?? true,
        Practitioner p => p.Active ?? true,
        Medication m => m.Status != Medication.MedicationStatusCodes.Inactive,
        ActivityDefinition a => a.Status == PublicationStatus.Active,
        _ => resource.GetBoolExtension(SimCatalog.ActiveExtension) ?? true,
    };

    /// <summary>Stores a new order under the next id (<c>sr-00001</c>...) and returns the stored copy.</summary>
    internal ServiceRequest AddOrder(ServiceRequest order)
    {
        lock (_sync)
        {
            var stored = (ServiceRequest)order.DeepCopy();
            stored.Id = $"sr-{_orders.Count + 1:D5}";
            stored.Meta = new Meta { VersionId = "1", LastUpdated = Now() };
            _orders.Add(stored);
            return stored;
        }
    }

    internal ServiceRequest? FindOrder(string id)
    {
        lock (_sync)
            return _orders.Find(o => o.Id == id);
    }

    /// <summary>What an order's code asks for: a lab test or an exam (by LOINC or the hospital's item code), or neither.</summary>
    internal (LabTest? Lab, ExamTest? Exam) Resolve(CodeableConcept? code)
    {
        foreach (var coding in code?.Coding ?? [])
        {
            var loinc = coding.Code;
            var labItem = LabItems.FirstOrDefault(i => i.Code!.Coding.Any(c => c.System == SimCatalog.LabItemSystem && c.Code == coding.Code));
            var examItem = ExamItems.FirstOrDefault(i => i.Code!.Coding.Any(c => c.System == SimCatalog.ExamItemSystem && c.Code == coding.Code));
            loinc = labItem?.Code!.Coding[0].Code ?? examItem?.Code!.Coding[0].Code ?? loinc;
            var lab = Array.Find(SimCatalog.LabTests, t => t.Loinc == loinc);
            var exam = Array.Find(SimCatalog.ExamTests, t => t.Loinc == loinc);
            if (lab is not null || exam is not null)
                return (lab, exam);
        }
        return (null, null);
    }

    /// <summary>Creates an order's result, adds it to the patient and marks the order completed.</summary>
    internal (ServiceRequest Order, object Result) CompleteOrder(string orderId)
    {
        lock (_sync)
        {
            var index = _orders.FindIndex(o => o.Id == orderId);
            var order = (ServiceRequest)_orders[index].DeepCopy();
            var patient = _patientsById[order.Subject!.Reference!["Patient/".Length..]];
            var ctmsOrderId = order.Identifier.FirstOrDefault(i => i.System == SimCatalog.CtmsOrderSystem)?.Value;
            var random = new Random(PatientGenerator.HashCode(Options.Seed, 21, index + 1));
            var now = Now();
            var (lab, exam) = Resolve(order.Code);
            object result;
            if (lab is not null)
            {
                var observation = PatientGenerator.LabResult(lab, random, $"obs-{order.Id}", patient.Id, now, order.Id, ctmsOrderId);
                patient.Observations = ((ImmutableList<SimObservation>)patient.Observations).Add(observation);
                result = observation;
            }
            else
            {
                var report = PatientGenerator.ExamReport(exam!, random, $"dr-{order.Id}", patient.Id, now, order.Id, ctmsOrderId);
                patient.ExamReports = ((ImmutableList<SimExamReport>)patient.ExamReports).Add(report);
                result = report;
            }
            order.Status = RequestStatus.Completed;
            order.Meta = new Meta { VersionId = "2", LastUpdated = now };
            _orders[index] = order;
            return (order, result);
        }
    }

    /// <summary>Opens an inpatient stay (status in-progress) for a patient.</summary>
    internal SimEncounter Admit(SimPatient patient, string departmentId)
    {
        lock (_sync)
        {
            var now = Now();
            var encounter = new SimEncounter($"enc-sim-{++_admissions:D5}", patient.Id, "IMP", "in-progress", now, null, departmentId, now);
            patient.Encounters = ((ImmutableList<SimEncounter>)patient.Encounters).Add(encounter);
            return encounter;
        }
    }

    /// <summary>Closes the patient's open inpatient stay; null when none is open.</summary>
    internal SimEncounter? Discharge(SimPatient patient)
    {
        lock (_sync)
        {
            var open = patient.Encounters.LastOrDefault(e => e.End is null);
            if (open is null)
                return null;
            var now = Now();
            var closed = open with { Status = "finished", End = now, LastUpdated = now };
            patient.Encounters = ((ImmutableList<SimEncounter>)patient.Encounters).Replace(open, closed);
            return closed;
        }
    }

    private IReadOnlyList<T> Snapshot<T>(List<T> list)
    {
        lock (_sync)
            return [.. list];
    }

    /// <summary>Server time to the millisecond, the precision of a FHIR instant a client echoes back.</summary>
    internal static DateTimeOffset Now()
    {
        var now = DateTimeOffset.UtcNow;
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
    }
}
