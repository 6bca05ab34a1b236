using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Ethics.Model;
using Ctms.Domain.Projects;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Ethics.Reviews;

/// <summary>
/// The applicant or PI submits the project to the ethics committee (P05): a review of kind Initial with the project's
/// CURRENT protocol and informed consent versions (both required, 400 when one is missing) and any other of its document
/// versions. A project has at most one open initial review (409).
/// </summary>
public sealed record SubmitEthicsApplication(Guid ProjectId, Guid? CommitteeId, string? Summary, IReadOnlyList<Guid>? OtherDocumentVersionIds = null)
    : ICommand<ReviewSummaryDto>, IValidatable
{
    public void Validate(Validator v) => v.Optional("summary", Summary, EthicsReview.SummaryMax);
}

public sealed class SubmitEthicsApplicationHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<SubmitEthicsApplication, ReviewSummaryDto>
{
    public async ValueTask<ReviewSummaryDto> Handle(SubmitEthicsApplication command, CancellationToken ct)
    {
        var project = await ProjectSteps.LoadAsync(db, access, user, command.ProjectId, ct, ProjectActions.EthicsSubmit);
        var open = await db.EthicsReviews.AnyAsync(r => r.ProjectId == project.Id && r.Kind == ReviewKind.Initial
                                                        && r.Status != ReviewStatus.Decided && r.Status != ReviewStatus.Withdrawn, ct);
        if (open)
        {
            throw new ConflictException("This project has an initial ethics review in progress already.");
        }
        var committee = await ReviewSubmission.CommitteeAsync(db, command.CommitteeId, ct);
        var required = await ReviewSubmission.RequiredVersionsAsync(db, project.Id, ct);
        var others = await ReviewSubmission.OtherVersionsAsync(db, project.Id, command.OtherDocumentVersionIds, ct);
        var title = $"Initial review of {project.ProtocolNumber}: {project.Title}";
        var review = new EthicsReview(project.Id, committee.Id, ReviewKind.Initial, title[..Math.Min(title.Length, EthicsReview.TitleMax)],
            string.IsNullOrWhiteSpace(command.Summary) ? null : command.Summary.Trim(), user.UserName ?? user.UserId, clock.GetUtcNow());
        foreach (var (code, versionId) in required)
        {
            review.Documents.Add(new ReviewDocument(review.Id, versionId, code));
        }
        foreach (var (versionId, code) in others.Where(o => !required.ContainsValue(o.VersionId)))
        {
            review.Documents.Add(new ReviewDocument(review.Id, versionId, code));
        }
        db.EthicsReviews.Add(review);
        await db.SaveChangesAsync(ct);
        return ReviewViews.Summary(review, project, []);
    }
}
