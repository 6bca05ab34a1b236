using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Signatures;
using Mediator;

namespace Ctms.Domain.Ethics.Meetings;

/// <summary>A meeting with its agenda, attendance, recusals, signed votes and minutes (members of its committee and the EC office).</summary>
public sealed record GetMeeting(Guid MeetingId) : IQuery<MeetingDto>;

public sealed class GetMeetingHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, SignatureService signatures)
    : IQueryHandler<GetMeeting, MeetingDto>
{
    public async ValueTask<MeetingDto> Handle(GetMeeting query, CancellationToken ct)
    {
        var meeting = await MeetingContext.LoadAsync(db, user, query.MeetingId, ct);
        await meeting.EnsureReaderAsync(access, user, ct);
        return await MeetingDto.BuildAsync(meeting, db, signatures, ct);
    }
}
