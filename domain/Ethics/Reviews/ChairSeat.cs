using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Ethics.Model;

namespace Ctms.Domain.Ethics.Reviews;

/// <summary>The chair's steps of a review (referral to the full board) belong to the chair or vice-chair of its committee, in term.</summary>
internal static class ChairSeat
{
    public static async Task EnsureAsync(CtmsDbContext db, ICurrentUser user, Guid committeeId, TimeProvider clock, CancellationToken ct)
    {
        var seat = await ReviewSteps.SeatAsync(db, user, committeeId, ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (seat is not { Role: CommitteeRole.Chair or CommitteeRole.ViceChair } || !seat.InTermOn(today))
        {
            throw new ForbiddenException("Only the chair or vice-chair of the review's committee may do this.");
        }
    }
}
