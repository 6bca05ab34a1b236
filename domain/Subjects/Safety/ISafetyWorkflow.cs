using System.Security.Claims;

namespace Ctms.Domain.Subjects.Safety;

/// <summary>
/// The safety commands with the processes they start or tell, in one transaction, for the REST endpoints and the studio
/// alike: recording an event starts its follow-up (O14) while it is ongoing and, when it is serious, its 24-hour
/// reporting clock (O15); a follow-up that makes it serious starts the clock; an SAE report tells the event's O15
/// instance, whose initial report goes on to the sponsor side and the ethics committee (A02). The host implements it on
/// the engine (the domain never references the engine); callers never start those processes themselves.
/// </summary>
public interface ISafetyWorkflow
{
    Task<AdverseEventDto> RecordAsync(ClaimsPrincipal user, RecordAdverseEvent command, CancellationToken ct);

    Task<AdverseEventDto> FollowUpAsync(ClaimsPrincipal user, FollowUpAdverseEvent command, CancellationToken ct);

    Task<SaeReportDto> ReportAsync(ClaimsPrincipal user, SubmitSaeReport command, CancellationToken ct);
}
