using Ctms.Domain.Integration.Alerts;
using Ctms.Domain.Integration.Patients;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ctms.Api.Integration;

/// <summary>
/// The hospital as a study team sees it: patients searched for recruitment (shown, not stored), registered with a project
/// (the registry keeps the sealed MRN and the initials), and their encounters, lab results and exam reports read live.
/// And the integration's alerts for the people who run it.
/// </summary>
internal static class HospitalEndpoints
{
    public static IEndpointRouteBuilder MapHospitalEndpoints(this IEndpointRouteBuilder app)
    {
        var hospital = app.MapGroup("api/projects/{projectId:guid}/hospital").WithTags("Hospital");
        hospital.MapGet("patients", Search)
            .WithSummary("Search the hospital's patients for this project's recruitment (mrn, name, birthDate, diagnosis: ICD-10 code or prefix). Shown, never stored. 503 when the hospital is down, 502 when it answers nonsense.");
        hospital.MapPost("patients", Register)
            .WithSummary("Register a hospital patient (by MRN) with this project: the CTMS keeps the MRN sealed (AES-GCM), a keyed hash and the initials.");
        hospital.MapGet("registered-patients", Registered).WithSummary("The patients registered with this project (initials, birth date, sex).");
        hospital.MapGet("registered-patients/{patientId:guid}/records", Records)
            .WithSummary("A registered patient's encounters, lab results and exam reports at the hospital in a period (from, to), read live.");

        var alerts = app.MapGroup("api/integration/alerts").WithTags("Hospital");
        alerts.MapGet("", Alerts).WithSummary("Integration alerts, open first (integration administrators).");
        alerts.MapPost("{alertId:guid}/acknowledge", Acknowledge).WithSummary("Acknowledge an open alert: it closes; the next failure opens a new one.");
        return app;
    }

    public sealed record RegisterRequest(string? Mrn);

    private static async Task<Ok<IReadOnlyList<HospitalPatientView>>> Search(Guid projectId, string? mrn, string? name, DateOnly? birthDate,
        string? diagnosis, int? limit, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new SearchHospitalPatients(projectId, mrn, name, birthDate, diagnosis, limit), ct));

    private static async Task<Ok<RegisteredPatientDto>> Register(Guid projectId, RegisterRequest request, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new RegisterProjectPatient(projectId, request.Mrn ?? ""), ct));

    private static async Task<Ok<IReadOnlyList<RegisteredPatientDto>>> Registered(Guid projectId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListProjectPatients(projectId), ct));

    private static async Task<Ok<HospitalRecordsView>> Records(Guid projectId, Guid patientId, DateOnly? from, DateOnly? to, IMediator mediator,
        CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetHospitalRecords(projectId, patientId, from, to), ct));

    private static async Task<Ok<IReadOnlyList<IntegrationAlertDto>>> Alerts(bool? open, int? limit, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListIntegrationAlerts(open, limit ?? 100), ct));

    private static async Task<NoContent> Acknowledge(Guid alertId, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new AcknowledgeIntegrationAlert(alertId), ct);
        return TypedResults.NoContent();
    }
}
