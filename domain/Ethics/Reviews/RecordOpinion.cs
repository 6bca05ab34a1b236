using System.Text.Json;
using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Ethics.Model;
using Ctms.Domain.Signatures;
using Mediator;

namespace Ctms.Domain.Ethics.Reviews;

/// <summary>
/// A primary reviewer gives their opinion on an expedited review (P07, A02, A03), with the checklist's answers, and signs
/// it: the caller must be one of the review's assigned reviewers (403 otherwise), each gives one opinion (409 for a
/// second), and the request must carry their re-entered password (<see cref="SignatureService"/>; 400 otherwise).
/// </summary>
public sealed record RecordOpinion(Guid ReviewId, VoteOption Opinion, string? OpinionText, IReadOnlyDictionary<string, string>? Checklist)
    : ICommand<AssignmentDto>, IValidatable
{
    public void Validate(Validator v)
    {
        v.Must(Enum.IsDefined(Opinion), "opinion", "Unknown opinion.").Optional("opinionText", OpinionText, ReviewAssignment.OpinionTextMax);
        v.Must(Opinion == VoteOption.Approve || !string.IsNullOrWhiteSpace(OpinionText), "opinionText",
            "Say why, when the opinion is not a plain approval.");
        foreach (var (key, _) in ReviewChecklist.Questions)
        {
            v.Must(Checklist is not null && Checklist.TryGetValue(key, out var answer) && ReviewChecklist.Answers.Contains(answer), key,
                "Answer the question with yes, no or n/a.");
        }
    }
}

public sealed class RecordOpinionHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, SignatureService signatures, TimeProvider clock)
    : ICommandHandler<RecordOpinion, AssignmentDto>
{
    public async ValueTask<AssignmentDto> Handle(RecordOpinion command, CancellationToken ct)
    {
        var review = await ReviewSteps.LoadAsync(db, access, user, command.ReviewId, ct, ProjectActions.EthicsVote, ProjectActions.EthicsDecide);
        ReviewSteps.EnsureStatus(review, ReviewStatus.InExpeditedReview);
        var seat = await ReviewSteps.SeatAsync(db, user, review.CommitteeId, ct);
        var assignment = seat is null ? null : review.Assignments.SingleOrDefault(a => a.MemberId == seat.Id);
        if (seat is null || assignment is null)
        {
            throw new ForbiddenException("Only a primary reviewer assigned to this review gives an opinion on it.");
        }
        if (assignment.Opinion is not null)
        {
            throw new ConflictException($"You gave your opinion on this review on {assignment.OpinionAt:yyyy-MM-dd HH:mm} UTC already.");
        }
        assignment.Opinion = command.Opinion;
        assignment.OpinionText = string.IsNullOrWhiteSpace(command.OpinionText) ? null : command.OpinionText.Trim();
        assignment.Checklist = JsonSerializer.Serialize(ReviewChecklist.Questions.ToDictionary(q => q.Key, q => command.Checklist![q.Key]));
        assignment.OpinionAt = clock.GetUtcNow();
        var signature = await signatures.SignAsync(assignment, meaning: null, ct);
        await db.SaveChangesAsync(ct);
        return new AssignmentDto(assignment.Id, seat.Id, seat.UserName, seat.DisplayName, assignment.AssignedBy, assignment.AssignedAt, assignment.Opinion,
            assignment.OpinionText, JsonSerializer.Deserialize<Dictionary<string, string>>(assignment.Checklist), assignment.OpinionAt,
            [SignatureView.Of(signature, intact: true)]);
    }
}
