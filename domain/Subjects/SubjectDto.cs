namespace Ctms.Domain.Subjects;

/// <summary>
/// A subject as every endpoint shows it: the label (protocol number + screening number + initials), the numbers, the
/// status with its colour, consent, eligibility, enrollment and randomization facts. Never an arm: who sees an arm is
/// the blinding's decision, on the allocation endpoints only.
/// </summary>
public sealed record SubjectDto(Guid Id, Guid ProjectId, string Label, string ScreeningNumber, string? SubjectNumber, string Initials, SubjectStatus Status,
    string StatusColour, DateTimeOffset StatusChangedAt, DateTimeOffset? ConsentedAt, int? ConsentVersionNumber, bool ReconsentDue, bool? Eligible,
    string? ScreenFailureReason, DateTimeOffset? EnrolledAt, DateTimeOffset? RandomizedAt, bool Admitted, DateTimeOffset CreatedAt)
{
    /// <summary>The subject as shown; <paramref name="requiredConsentVersion"/> is the ICF version the project's subjects must have consented on (the latest re-consent requirement).</summary>
    public static SubjectDto From(Subject s, string protocolNumber, int? requiredConsentVersion) =>
        new(s.Id, s.ProjectId, SubjectLabel.Of(protocolNumber, s.ScreeningNumber, s.Initials), s.ScreeningNumber, s.SubjectNumber, s.Initials, s.Status,
            SubjectLifecycle.Colour(s.Status), s.StatusChangedAt, s.ConsentedAt, s.ConsentVersionNumber,
            SubjectLifecycle.IsActive(s.Status) && Recruitment.ConsentRules.IsDue(s, requiredConsentVersion), s.Eligible, s.ScreenFailureReason,
            s.EnrolledAt, s.RandomizedAt, s.Admitted, s.CreatedAt);
}
