using System.Collections.Concurrent;
using Ctms.HospitalSim.Fhir;
using Ctms.HospitalSim.Notifications;
using Hl7.Fhir.Model;

namespace Ctms.HospitalSim;

/// <summary>
/// What the simulator keeps across a stop and a restart of its web server: the data, the faults, the notifier, the
/// bulk export jobs and the orders waiting for their results.
/// </summary>
internal sealed class SimState : IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<System.Threading.Tasks.Task, byte> _pending = new();
    private volatile string? _notificationUrl;

    public SimState(HospitalSimOptions options)
    {
        Options = options;
        Data = new SyntheticHospital(options);
        _notificationUrl = options.NotificationUrl;
        Sender = new NotificationSender(() => _notificationUrl, options.NotificationSecret);
    }

    public HospitalSimOptions Options { get; }

    public SyntheticHospital Data { get; }

    public SimFaults Faults { get; } = new();

    public NotificationSender Sender { get; }

    public ConcurrentDictionary<string, BulkJob> BulkJobs { get; } = new(StringComparer.Ordinal);

    /// <summary>The FHIR base the simulator serves (<c>http://127.0.0.1:{port}/fhir/</c>), set when it starts.</summary>
    public string BaseUrl { get; set; } = "";

    public string? NotificationUrl
    {
        get => _notificationUrl;
        set => _notificationUrl = value;
    }

    /// <summary>After the result delay, creates the order's result, completes the order and notifies the CTMS.</summary>
    public void ScheduleResult(string orderId)
    {
        var task = System.Threading.Tasks.Task.Run(async () =>
        {
            await System.Threading.Tasks.Task.Delay(Options.ResultDelay, _stopping.Token);
            var (order, result) = Data.CompleteOrder(orderId);
            var (eventType, resource) = result switch
            {
                SimObservation o => ("lab-result", (Resource)FhirMapper.Observation(o)),
                SimExamReport r => ("exam-report", FhirMapper.DiagnosticReport(r)),
                _ => throw new InvalidOperationException("An order's result is a lab result or an exam report."),
            };
            Sender.Publish(eventType, BaseUrl, [(resource, true), (order, false)]);
        });
        _pending[task] = 0;
        _ = task.ContinueWith(t => _pending.TryRemove(t, out _), TaskScheduler.Default);
    }

    /// <summary>Opens an inpatient stay for the patient and notifies it; null when the patient is unknown.</summary>
    public Encounter? Admit(string patientId)
    {
        if (Data.FindPatient(patientId) is not { } patient)
            return null;
        var department = Data.Departments.Count > 0 ? Data.Departments[0].Id ?? "dept-001" : "dept-001";
        var encounter = FhirMapper.Encounter(Data.Admit(patient, department));
        Sender.Publish("patient-admitted", BaseUrl, [(encounter, true)]);
        return encounter;
    }

    /// <summary>Closes the patient's open stay and notifies it; null when the patient is unknown or not admitted.</summary>
    public Encounter? Discharge(string patientId)
    {
        if (Data.FindPatient(patientId) is not { } patient || Data.Discharge(patient) is not { } closed)
            return null;
        var encounter = FhirMapper.Encounter(closed);
        Sender.Publish("patient-discharged", BaseUrl, [(encounter, false)]);
        return encounter;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        try
        {
            await System.Threading.Tasks.Task.WhenAll(_pending.Keys);
        }
        catch (OperationCanceledException)
        {
            // Orders still waiting for their result are dropped with the simulator.
        }
        await Sender.DisposeAsync();
        _stopping.Dispose();
    }
}
