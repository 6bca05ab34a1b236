using Ctms.Domain.Integration.Fhir;
using Ctms.Domain.Projects;
using Ctms.Domain.Subjects.Protocol;
using Hl7.Fhir.Model;

namespace Ctms.Domain.Subjects.Exchange;

/// <summary>How a project and its subjects read in FHIR R4 (ResearchStudy, ResearchSubject): the one table of the mappings.</summary>
public static class FhirResearchMapping
{
    /// <summary>The identifier system of a project's protocol number.</summary>
    public const string ProtocolSystem = "urn:ctms:protocol";

    /// <summary>The identifier system of a subject's number (subject number, or screening number before enrollment).</summary>
    public const string SubjectSystem = "urn:ctms:subject";

    /// <summary>The identifier system of the subject's label (protocol number + screening number + initials).</summary>
    public const string SubjectLabelSystem = "urn:ctms:subject-label";

    public const string PhaseSystem = "http://terminology.hl7.org/CodeSystem/research-study-phase";

    public static ResearchStudy Study(Project project, IReadOnlyList<StudyArm> arms)
    {
        var study = new ResearchStudy
        {
            Id = project.Id.ToString(),
            Identifier = [new Identifier(ProtocolSystem, project.ProtocolNumber)],
            Title = project.Title,
            Status = Status(project.Status),
            Phase = new CodeableConcept(PhaseSystem, Phase(project.Phase)),
        };
        if (!string.IsNullOrWhiteSpace(project.Sponsor))
        {
            study.Sponsor = new ResourceReference { Display = project.Sponsor };
        }
        study.Arm.AddRange(arms.Select(a => new ResearchStudy.ArmComponent { Name = a.Name }));
        return study;
    }

    public static ResearchSubject Subject(Project project, Subject subject, string? mrn)
    {
        var label = SubjectLabel.Of(project.ProtocolNumber, subject.ScreeningNumber, subject.Initials);
        return new ResearchSubject
        {
            Id = subject.Id.ToString(),
            Identifier =
            [
                new Identifier(SubjectSystem, subject.SubjectNumber ?? subject.ScreeningNumber),
                new Identifier(SubjectLabelSystem, label),
            ],
            Status = Status(subject.Status),
            Period = new Period
            {
                Start = (subject.EnrolledAt ?? subject.CreatedAt).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            },
            Study = new ResourceReference($"ResearchStudy/{project.Id}")
            {
                Identifier = new Identifier(ProtocolSystem, project.ProtocolNumber),
            },
            Individual = new ResourceReference
            {
                Type = "Patient",
                Identifier = mrn is null ? null : new Identifier(HospitalFhir.MrnSystem, mrn),
                Display = subject.Initials,
            },
        };
    }

    public static ResearchStudy.ResearchStudyStatus Status(ProjectStatus status) => status switch
    {
        ProjectStatus.Draft or ProjectStatus.Submitted or ProjectStatus.InFormalReview or ProjectStatus.ReturnedForRevision
            or ProjectStatus.AwaitingConfirmation or ProjectStatus.AwaitingApproval => ResearchStudy.ResearchStudyStatus.InReview,
        ProjectStatus.Approved or ProjectStatus.Contracted => ResearchStudy.ResearchStudyStatus.Approved,
        ProjectStatus.Enrolling => ResearchStudy.ResearchStudyStatus.Active,
        ProjectStatus.Closing => ResearchStudy.ResearchStudyStatus.ClosedToAccrualAndIntervention,
        ProjectStatus.Archived => ResearchStudy.ResearchStudyStatus.Completed,
        ProjectStatus.Suspended => ResearchStudy.ResearchStudyStatus.TemporarilyClosedToAccrualAndIntervention,
        ProjectStatus.Terminated => ResearchStudy.ResearchStudyStatus.AdministrativelyCompleted,
        ProjectStatus.Rejected => ResearchStudy.ResearchStudyStatus.Disapproved,
        ProjectStatus.Withdrawn => ResearchStudy.ResearchStudyStatus.Withdrawn,
        _ => ResearchStudy.ResearchStudyStatus.InReview,
    };

    public static ResearchSubject.ResearchSubjectStatus Status(SubjectStatus status) => status switch
    {
        SubjectStatus.Screening => ResearchSubject.ResearchSubjectStatus.Screening,
        SubjectStatus.ScreenFailed => ResearchSubject.ResearchSubjectStatus.Ineligible,
        SubjectStatus.Enrolled => ResearchSubject.ResearchSubjectStatus.OnStudy,
        SubjectStatus.Randomized => ResearchSubject.ResearchSubjectStatus.OnStudy,
        SubjectStatus.InTreatment => ResearchSubject.ResearchSubjectStatus.OnStudyIntervention,
        SubjectStatus.FollowUp => ResearchSubject.ResearchSubjectStatus.FollowUp,
        SubjectStatus.Completed => ResearchSubject.ResearchSubjectStatus.OffStudy,
        SubjectStatus.Withdrawn => ResearchSubject.ResearchSubjectStatus.Withdrawn,
        SubjectStatus.DroppedOut => ResearchSubject.ResearchSubjectStatus.OffStudy,
        SubjectStatus.LostToFollowUp => ResearchSubject.ResearchSubjectStatus.OffStudy,
        _ => ResearchSubject.ResearchSubjectStatus.Candidate,
    };

    public static string Phase(TrialPhase phase) => phase switch
    {
        TrialPhase.PhaseI => "phase-1",
        TrialPhase.PhaseII => "phase-2",
        TrialPhase.PhaseIII => "phase-3",
        TrialPhase.PhaseIV => "phase-4",
        _ => "n-a",
    };
}
