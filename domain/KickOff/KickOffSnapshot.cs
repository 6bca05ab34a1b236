using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Ethics.Gate;
using Ctms.Domain.Projects;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.KickOff;

/// <summary>
/// A project's kick-off as loaded for one command: the meeting, its participants and training, and the delegated study
/// team. It knows what still stands in the way of the sign-off (the one place that rule lives).
/// </summary>
internal sealed class KickOffSnapshot
{
    /// <summary>The delegated roles whose holders must be trained on the protocol before enrollment opens.</summary>
    public static readonly IReadOnlyList<string> DelegatedRoles = [Roles.Pi, Roles.SubInvestigator, Roles.StudyNurse, Roles.Crc];

    private KickOffSnapshot(Project project, KickOffMeeting? meeting, List<KickOffParticipant> participants, List<TrainingRecord> training,
        List<(string UserName, string DisplayName, string Role)> team, EthicsGateResult ethicsGate)
    {
        EthicsGate = ethicsGate;
        Project = project;
        Meeting = meeting;
        Participants = participants;
        Training = training;
        Team = team;
    }

    public Project Project { get; }
    public KickOffMeeting? Meeting { get; }
    public List<KickOffParticipant> Participants { get; }
    public List<TrainingRecord> Training { get; }

    /// <summary>The active members holding a delegated role (and the CRA, invited but not trained by the site), one row per role.</summary>
    public List<(string UserName, string DisplayName, string Role)> Team { get; }

    /// <summary>The ethics gate (EC approval of the current protocol and consent, not lapsed, not suspended): enrollment opens only through it.</summary>
    public EthicsGateResult EthicsGate { get; }

    public KickOffMeeting RequireMeeting() =>
        Meeting ?? throw new ConflictException("No kick-off meeting has been planned for this project yet.");

    public static async Task<KickOffSnapshot> LoadAsync(CtmsDbContext db, Guid projectId, DateTimeOffset now, CancellationToken ct, bool tracked = true)
    {
        var projects = tracked ? db.Projects : db.Projects.AsNoTracking();
        var project = await projects.SingleOrDefaultAsync(p => p.Id == projectId, ct)
                      ?? throw new NotFoundException($"Project {projectId} was not found.");
        var meetings = tracked ? db.KickOffMeetings : db.KickOffMeetings.AsNoTracking();
        var meeting = await meetings.SingleOrDefaultAsync(m => m.ProjectId == projectId, ct);
        var participants = tracked ? db.KickOffParticipants : db.KickOffParticipants.AsNoTracking();
        var trainings = tracked ? db.TrainingRecords : db.TrainingRecords.AsNoTracking();
        var invited = meeting is null ? [] : await participants.Where(p => p.MeetingId == meeting.Id).ToListAsync(ct);
        var training = await trainings.Where(t => t.ProjectId == projectId).ToListAsync(ct);
        string[] teamRoles = [.. DelegatedRoles, Roles.Cra];
        var members = await (from m in db.ProjectMemberships.AsNoTracking()
                             join u in db.Users.AsNoTracking() on m.UserId equals u.Id
                             where m.ProjectId == projectId && teamRoles.Contains(m.Role) && m.RevokedAt == null
                             select new { m, u.UserName, u.DisplayName }).ToListAsync(ct);
        var team = members.Where(x => x.m.IsActiveAt(now))
            .Select(x => (x.UserName!, string.IsNullOrWhiteSpace(x.DisplayName) ? x.UserName! : x.DisplayName, x.m.Role))
            .OrderBy(x => Array.IndexOf(teamRoles, x.Role)).ThenBy(x => x.Item1, StringComparer.Ordinal)
            .ToList();
        var ethicsGate = await new EthicsGate(db).EvaluateAsync(projectId, now, ct);
        return new KickOffSnapshot(project, meeting, invited.OrderBy(p => p.Id).ToList(), training.OrderBy(t => t.Id).ToList(), team, ethicsGate);
    }

    /// <summary>The user names of the team members who must hold a protocol training record.</summary>
    public IReadOnlyList<string> DelegatedTeam() =>
        Team.Where(t => DelegatedRoles.Contains(t.Role)).Select(t => t.UserName).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>What stands in the way of the sign-off, each said plainly; empty when the PI may sign.</summary>
    public IReadOnlyList<string> Missing()
    {
        if (Meeting is null)
        {
            return ["the kick-off meeting has not been planned"];
        }
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(Meeting.Minutes))
        {
            missing.Add("the minutes are empty");
        }
        var pi = Project.PiUserName;
        if (pi is null)
        {
            missing.Add("the project names no PI");
        }
        else if (!Participants.Any(p => string.Equals(p.UserName, pi, StringComparison.OrdinalIgnoreCase) && p.Attended == true))
        {
            missing.Add($"the PI ({pi}) is not recorded as having attended");
        }
        var trained = Participants
            .Where(p => p.UserName is not null && Training.Any(t => t.ParticipantId == p.Id && t.Topic == TrainingTopic.Protocol))
            .Select(p => p.UserName!).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var untrained = Team.Where(t => DelegatedRoles.Contains(t.Role) && !trained.Contains(t.UserName))
            .GroupBy(t => t.UserName, StringComparer.Ordinal)
            .Select(g => $"{g.Key} ({string.Join(", ", g.Select(x => x.Role))})").ToList();
        if (untrained.Count > 0)
        {
            missing.Add($"no protocol training record for {string.Join("; ", untrained)}");
        }
        if (!EthicsGate.Open)
        {
            missing.Add($"the ethics gate is closed ({EthicsGate.Missing.TrimEnd('.')})");
        }
        return missing;
    }

    public KickOffDto ToDto() => new(Project.Id, Project.ProtocolNumber, Project.Status.ToString(), Project.PiUserName,
        Meeting is null ? null : KickOffMeetingDto.From(Meeting),
        Participants.Select(KickOffParticipantDto.From).ToList(),
        Training.Select(TrainingRecordDto.From).ToList(),
        DelegatedTeam(),
        Meeting?.Status == KickOffStatus.SignedOff ? [] : Missing());
}
