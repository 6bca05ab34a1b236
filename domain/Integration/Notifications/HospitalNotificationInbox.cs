using System.Globalization;
using Ctms.Domain.Data;
using Ctms.Domain.Integration.Hospital;
using Ctms.Domain.Integration.Orders;
using Ctms.Domain.Integration.Privacy;
using Ctms.Domain.Integration.Results;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Integration.Notifications;

/// <summary>A BPMN message a notification turns into; the host correlates it through the engine in the same transaction.</summary>
public sealed record InboundMessage(string Name, string CorrelationKey, IReadOnlyDictionary<string, object?> Variables, string MessageId);

/// <summary>
/// What came of a notification: the messages to correlate, the counts, and the alerts to raise once the transaction has
/// committed (an alert is saved in a unit of work of its own, which must not wait for this one).
/// </summary>
public sealed record InboxResult(bool Duplicate, IReadOnlyList<InboundMessage> Messages, int Stored, int Unknown, IReadOnlyList<string> Alerts);

/// <summary>
/// Takes a hospital notification into the CTMS, in the caller's unit of work (the host's engine command, so that the rows
/// written here and the process instances the messages move on commit together or not at all): the event id remembered,
/// each result stored for the order's patient and the order marked resulted, and a BPMN message per event: <c>lab-result</c>
/// and <c>exam-report</c> keyed by the CTMS order id, <c>patient-admitted</c> and <c>patient-discharged</c> keyed by the
/// registered patient's id. The messages carry no patient identifier. Nothing is saved here; the caller saves.
/// </summary>
public sealed class HospitalNotificationInbox(CtmsDbContext db, PatientRegistry registry, TimeProvider clock)
{
    public const string LabResultMessage = "lab-result";
    public const string ExamReportMessage = "exam-report";
    public const string AdmittedMessage = "patient-admitted";
    public const string DischargedMessage = "patient-discharged";
    public const string OutcomeProcessed = "processed";
    public const string OutcomePartlyUnknown = "partly-unknown";

    /// <summary>True when the event was already processed (a redelivery).</summary>
    public Task<bool> SeenAsync(string eventId, CancellationToken ct) => db.HospitalEvents.AnyAsync(e => e.EventId == eventId, ct);

    public async Task<InboxResult> ReceiveAsync(string eventId, IReadOnlyList<InboundEvent> events, CancellationToken ct)
    {
        if (await SeenAsync(eventId, ct))
        {
            return new InboxResult(true, [], 0, 0, []);
        }
        var now = clock.GetUtcNow();
        var messages = new List<InboundMessage>();
        var alerts = new List<string>();
        int stored = 0, unknown = 0;
        var patients = await PatientsAsync(events.OfType<EncounterChanged>().Select(e => e.HospitalPatientId).ToList(), ct);
        for (var i = 0; i < events.Count; i++)
        {
            var messageId = $"{eventId}:{i}";
            switch (events[i])
            {
                case LabResultArrived lab when await OrderAsync(lab.Result.OrderId, lab.ServiceRequestId, ct) is { } order:
                    stored += await StoreAsync(order, lab.Result, now, ct);
                    order.Resulted(now);
                    messages.Add(new InboundMessage(LabResultMessage, order.Id.ToString(), LabVariables(order, lab.Result), messageId));
                    break;
                case ExamReportArrived exam when await OrderAsync(exam.Report.OrderId, exam.ServiceRequestId, ct) is { } order:
                    stored += await StoreAsync(order, exam.Report, now, ct);
                    order.Resulted(now);
                    messages.Add(new InboundMessage(ExamReportMessage, order.Id.ToString(), ExamVariables(order, exam.Report), messageId));
                    break;
                case LabResultArrived or ExamReportArrived:
                    unknown++;
                    alerts.Add($"Event {eventId} carries a result for an order the CTMS did not place (or no longer has); it was acknowledged and not stored.");
                    break;
                case EncounterChanged encounter when patients.TryGetValue(encounter.HospitalPatientId, out var patientId):
                    messages.Add(new InboundMessage(encounter.Discharged ? DischargedMessage : AdmittedMessage, patientId.ToString(),
                        EncounterVariables(patientId, encounter), messageId));
                    break;
                case EncounterChanged:
                    // A patient the CTMS has not registered is none of the trial's business: acknowledged, counted, forgotten.
                    unknown++;
                    break;
            }
        }
        var kinds = string.Join(",", events.Select(Kind).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        db.HospitalEvents.Add(new HospitalEvent(eventId, now, kinds.Length == 0 ? "empty" : kinds, unknown > 0 ? OutcomePartlyUnknown : OutcomeProcessed,
            events.Count, messages.Count, stored, unknown));
        return new InboxResult(false, messages, stored, unknown, alerts);
    }

    private async Task<Dictionary<string, Guid>> PatientsAsync(List<string> hospitalIds, CancellationToken ct) =>
        hospitalIds.Count == 0 ? new Dictionary<string, Guid>(StringComparer.Ordinal) : await registry.FindByHospitalIdsAsync(hospitalIds, ct);

    private async Task<HospitalOrder?> OrderAsync(string? orderId, string? serviceRequestId, CancellationToken ct)
    {
        if (Guid.TryParse(orderId, out var id) && await db.HospitalOrders.FirstOrDefaultAsync(o => o.Id == id, ct) is { } order)
        {
            return order;
        }
        return string.IsNullOrEmpty(serviceRequestId) ? null : await db.HospitalOrders.FirstOrDefaultAsync(o => o.HospitalRequestId == serviceRequestId, ct);
    }

    private async Task<int> StoreAsync(HospitalOrder order, HospitalLabResult result, DateTimeOffset now, CancellationToken ct)
    {
        var hospitalId = Clip(result.HospitalId, LabResult.HospitalIdMax);
        if (hospitalId.Length == 0 || db.LabResults.Local.Any(r => r.Source == LabResultSource.Order && r.HospitalId == hospitalId)
            || await db.LabResults.AnyAsync(r => r.Source == LabResultSource.Order && r.HospitalId == hospitalId, ct))
        {
            return 0;
        }
        db.LabResults.Add(new LabResult(order.PatientId, hospitalId, LabResultSource.Order, Clip(Or(result.Code.System, order.System), LabResult.SystemMax),
            Clip(Or(result.Code.Code, order.Code), LabResult.CodeMax), ClipOrNull(result.Code.Display, LabResult.DisplayMax), result.Value,
            ClipOrNull(result.Unit, LabResult.UnitMax), result.Low, result.High, ClipOrNull(result.Interpretation, 16), result.EffectiveAt, now, order.Id));
        return 1;
    }

    private async Task<int> StoreAsync(HospitalOrder order, HospitalExamReport report, DateTimeOffset now, CancellationToken ct)
    {
        var hospitalId = Clip(report.HospitalId, HospitalOrder.HospitalIdMax);
        if (hospitalId.Length == 0 || db.ExamResults.Local.Any(r => r.HospitalId == hospitalId)
            || await db.ExamResults.AnyAsync(r => r.HospitalId == hospitalId, ct))
        {
            return 0;
        }
        db.ExamResults.Add(new ExamResult(order.PatientId, order.Id, hospitalId, Clip(Or(report.Code.System, order.System), HospitalOrder.SystemMax),
            Clip(Or(report.Code.Code, order.Code), HospitalOrder.CodeMax), ClipOrNull(report.Code.Display, HospitalOrder.DisplayMax),
            ClipOrNull(report.Category, 64), report.Conclusion, report.EffectiveAt, now));
        return 1;
    }

    /// <summary>Abnormal when the hospital flagged it (anything but N), or, without a flag, when the value is outside the range.</summary>
    public static bool Abnormal(HospitalLabResult r) =>
        r.Interpretation is { Length: > 0 } flag
            ? !string.Equals(flag, "N", StringComparison.OrdinalIgnoreCase)
            : r.Value is { } v && ((r.Low is { } low && v < low) || (r.High is { } high && v > high));

    private static Dictionary<string, object?> LabVariables(HospitalOrder order, HospitalLabResult r) => new()
    {
        ["orderId"] = order.Id.ToString(),
        ["code"] = r.Code.Code.Length > 0 ? r.Code.Code : order.Code,
        ["value"] = r.Value,
        ["unit"] = r.Unit,
        ["interpretation"] = r.Interpretation,
        ["abnormal"] = Abnormal(r),
        ["effectiveAt"] = Iso(r.EffectiveAt),
    };

    private static Dictionary<string, object?> ExamVariables(HospitalOrder order, HospitalExamReport r) => new()
    {
        ["orderId"] = order.Id.ToString(),
        ["code"] = r.Code.Code.Length > 0 ? r.Code.Code : order.Code,
        ["category"] = r.Category,
        ["conclusion"] = r.Conclusion,
        ["effectiveAt"] = Iso(r.EffectiveAt),
    };

    private static Dictionary<string, object?> EncounterVariables(Guid patientId, EncounterChanged e) => new()
    {
        ["patientId"] = patientId.ToString(),
        ["encounterClass"] = e.Encounter.Class,
        ["admittedAt"] = Iso(e.Encounter.Start),
        ["dischargedAt"] = Iso(e.Encounter.End),
    };

    private static string Kind(InboundEvent e) => e switch
    {
        LabResultArrived => "Observation",
        ExamReportArrived => "DiagnosticReport",
        EncounterChanged => "Encounter",
        OtherResource o => o.ResourceType,
        _ => "?",
    };

    private static string? Iso(DateTimeOffset? at) => at?.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static string Or(string value, string fallback) => string.IsNullOrEmpty(value) ? fallback : value;

    private static string Clip(string value, int max) => value.Length > max ? value[..max] : value;

    private static string? ClipOrNull(string? value, int max) => value is null ? null : Clip(value, max);
}
