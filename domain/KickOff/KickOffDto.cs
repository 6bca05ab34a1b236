namespace Ctms.Domain.KickOff;

/// <summary>A project's kick-off as the API and the studio show it; <see cref="Meeting"/> is null until it is planned.</summary>
public sealed record KickOffDto(
    Guid ProjectId,
    string ProtocolNumber,
    string ProjectStatus,
    string? PiUserName,
    KickOffMeetingDto? Meeting,
    IReadOnlyList<KickOffParticipantDto> Participants,
    IReadOnlyList<TrainingRecordDto> Training,
    IReadOnlyList<string> StudyTeam,
    IReadOnlyList<string> Missing)
{
    /// <summary>True when nothing stands in the way of the PI's sign-off.</summary>
    public bool ReadyForSignOff => Missing.Count == 0;
}

public sealed record KickOffMeetingDto(
    Guid Id,
    string Status,
    DateTimeOffset ScheduledAt,
    string Location,
    string PlannedBy,
    string? Minutes,
    Guid? MinutesDocumentId,
    string? MinutesRecordedBy,
    DateTimeOffset? MinutesRecordedAt,
    string? SignedOffBy,
    DateTimeOffset? SignedOffAt)
{
    public static KickOffMeetingDto From(KickOffMeeting m) => new(m.Id, m.Status.ToString(), m.ScheduledAt, m.Location, m.PlannedBy,
        m.Minutes, m.MinutesDocumentId, m.MinutesRecordedBy, m.MinutesRecordedAt, m.SignedOffBy, m.SignedOffAt);
}

public sealed record KickOffParticipantDto(Guid Id, string? UserName, string DisplayName, string Role, string? Affiliation, bool Confirmed, bool? Attended)
{
    public static KickOffParticipantDto From(KickOffParticipant p) => new(p.Id, p.UserName, p.DisplayName, p.Role, p.Affiliation, p.Confirmed, p.Attended);
}

public sealed record TrainingRecordDto(Guid Id, Guid ParticipantId, string Topic, string Trainer, DateOnly TrainedOn, string? Evidence,
    string RecordedBy, DateTimeOffset RecordedAt)
{
    public static TrainingRecordDto From(TrainingRecord t) => new(t.Id, t.ParticipantId, t.Topic.ToString(), t.Trainer, t.TrainedOn, t.Evidence,
        t.RecordedBy, t.RecordedAt);
}
