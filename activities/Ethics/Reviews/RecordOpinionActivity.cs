using Ctms.Domain.Ethics.Model;
using Ctms.Domain.Ethics.Reviews;
using Ctms.Engine.Runtime.Activities;
using Mediator;

namespace Ctms.Activities.Ethics.Reviews;

/// <summary>
/// The <c>record-opinion</c> service task (P07): right after the reviewer's signed opinion task, in the same command, the
/// opinion and checklist are recorded on their assignment and signed with the task's meaning.
/// </summary>
[Activity("record-opinion", Category = "Ethics",
    Description = "Record the primary reviewer's opinion and checklist on their assignment, signed with the opinion task's meaning.",
    Inputs = ["reviewId: the review", "opinion: approve, approve-with-modifications, revise-and-resubmit, disapprove or abstain", "opinionText: why",
        "the checklist's answers (scientificValidity, riskBenefit, consentReadable, ...): yes, no or n/a"],
    Outputs = ["opinionRecorded: the assignment's id"])]
public sealed class RecordOpinionActivity(IMediator mediator) : IActivityHandler
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var text = ActivityInputs.RequiredString(context, "opinion");
        var opinion = EthicsNames.TryParseVote(text, out var parsed)
            ? parsed
            : throw new InvalidOperationException($"The service task {context.ElementId} got the unknown opinion '{text}'.");
        var checklist = ReviewChecklist.Questions.Where(q => context.Variables.ContainsKey(q.Key))
            .ToDictionary(q => q.Key, q => context.Variables[q.Key]?.ToString() ?? "", StringComparer.Ordinal);
        var assignment = await mediator.Send(new RecordOpinion(EthicsInputs.RequiredReviewId(context), opinion, ActivityInputs.OptionalString(context, "opinionText"),
            checklist), ct);
        return ActivityResult.Complete(new Dictionary<string, object?> { ["opinionRecorded"] = assignment.Id.ToString() });
    }
}
