using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Ethics.Model;
using Ctms.Domain.Projects;
using Mediator;

namespace Ctms.Domain.Ethics.Reviews;

/// <summary>
/// A report to the ethics committee that it must review: a serious adverse event (A02) or a protocol deviation (A03),
/// with its report number as <see cref="Reference"/>. The PI sends it from the process today; the subjects and quality
/// modules send the same command when they record an SAE or a deviation.
/// </summary>
public sealed record SubmitEthicsReport(Guid ProjectId, ReviewKind Kind, string Reference, string Summary, Guid? CommitteeId = null,
    IReadOnlyList<Guid>? DocumentVersionIds = null) : ICommand<ReviewSummaryDto>, IValidatable
{
    public void Validate(Validator v) => v
        .Must(Kind is ReviewKind.Sae or ReviewKind.Deviation, "kind", "A report to the committee is an SAE (Sae) or a protocol deviation (Deviation).")
        .Required("reference", Reference, EthicsReview.ReferenceMax)
        .Required("summary", Summary, EthicsReview.SummaryMax);
}

public sealed class SubmitEthicsReportHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<SubmitEthicsReport, ReviewSummaryDto>
{
    public async ValueTask<ReviewSummaryDto> Handle(SubmitEthicsReport command, CancellationToken ct)
    {
        var project = await ProjectSteps.LoadAsync(db, access, user, command.ProjectId, ct, ProjectActions.EthicsSubmit);
        var committee = await ReviewSubmission.CommitteeAsync(db, command.CommitteeId, ct);
        var documents = await ReviewSubmission.OtherVersionsAsync(db, project.Id, command.DocumentVersionIds, ct);
        var what = command.Kind == ReviewKind.Sae ? "SAE report" : "Protocol deviation";
        var title = $"{what} {command.Reference.Trim()} of {project.ProtocolNumber}";
        var review = new EthicsReview(project.Id, committee.Id, command.Kind, title[..Math.Min(title.Length, EthicsReview.TitleMax)], command.Summary.Trim(),
            user.UserName ?? user.UserId, clock.GetUtcNow())
        {
            Reference = command.Reference.Trim(),
        };
        foreach (var (versionId, code) in documents)
        {
            review.Documents.Add(new ReviewDocument(review.Id, versionId, code));
        }
        db.EthicsReviews.Add(review);
        await db.SaveChangesAsync(ct);
        return ReviewViews.Summary(review, project, []);
    }
}
