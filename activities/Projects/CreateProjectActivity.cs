using Ctms.Domain.Common;
using Ctms.Domain.Projects;
using Ctms.Engine.Runtime.Activities;
using Mediator;

namespace Ctms.Activities.Projects;

/// <summary>The <c>create-project</c> service task: registers the study of P01's start form, in draft.</summary>
[Activity("create-project", Category = "Projects",
    Description = "Register the study of the application form (in draft); the applicant and the named PI become its members.",
    Inputs =
    [
        "protocolNumber, title, sponsor, cro, department: the application's texts",
        "phase: PhaseI, PhaseII, PhaseIII, PhaseIV or Device",
        "type: SponsorInitiated or InvestigatorInitiated",
        "piUserName: the principal investigator (a user with the pi role)",
        "plannedEnrollment: the number of subjects planned",
    ],
    Outputs = ["projectId", "protocolNumber", "piUserName", "applicantUserName"])]
public sealed class CreateProjectActivity(IMediator mediator) : IActivityHandler
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var project = await mediator.Send(new CreateProject(
            ActivityInputs.OptionalString(context, "protocolNumber") ?? "",
            ActivityInputs.OptionalString(context, "title") ?? "",
            ActivityInputs.OptionalString(context, "sponsor"),
            Choice<TrialPhase>(context, "phase") ?? TrialPhase.PhaseII,
            Choice<ProjectType>(context, "type") ?? ProjectType.SponsorInitiated,
            ActivityInputs.OptionalString(context, "cro"),
            ActivityInputs.OptionalString(context, "department"),
            ActivityInputs.OptionalString(context, "piUserName"),
            Enrollment(context)), ct);
        // The process is about this project from now on: its tasks and the processes it calls carry the project's id as
        // their business key (the inbox's project filter, the project page's tasks).
        return ActivityResult.CompleteWithBusinessKey(project.Id.ToString(), new Dictionary<string, object?>
        {
            ["projectId"] = project.Id.ToString(),
            ["protocolNumber"] = project.ProtocolNumber,
            ["piUserName"] = project.PiUserName,
            ["applicantUserName"] = project.ApplicantUserName,
        });
    }

    // The form's answers are the applicant's input: a wrong one is their mistake (400), not an incident.
    private static T? Choice<T>(ActivityContext context, string name) where T : struct, Enum =>
        ActivityInputs.OptionalString(context, name) is not { Length: > 0 } text ? null
        : Enum.TryParse<T>(text, ignoreCase: false, out var value) && Enum.IsDefined(value) && !char.IsAsciiDigit(text[0]) ? value
        : throw DomainValidationException.For(name, $"{name} must be one of: {string.Join(", ", Enum.GetNames<T>())}.");

    private static int? Enrollment(ActivityContext context)
    {
        try
        {
            return ActivityInputs.OptionalNumber(context, "plannedEnrollment") is { } number ? decimal.ToInt32(decimal.Truncate(number)) : null;
        }
        catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException)
        {
            throw DomainValidationException.For("plannedEnrollment", "plannedEnrollment must be a whole number.");
        }
    }
}
