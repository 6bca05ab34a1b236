using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Ethics.Letters;
using Ctms.Domain.Ethics.Model;
using Ctms.Domain.Signatures;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Ethics.Decisions;

/// <summary>A decision's letter: the document version that holds it.</summary>
public sealed record EthicsLetterView(Guid VersionId, int Number, string FileName, string Sha256, DateTimeOffset RenderedAt);

/// <summary>
/// A decision as the applicant and the EC office see it: the review it decides, the outcome and conditions, its letter,
/// (by its name, e.g. <c>approve-with-modifications</c>), and its signatures each checked against the decision as it is now (<see cref="Intact"/> is false when any is broken).
/// </summary>
public sealed record EthicsDecisionView(
    Guid Id,
    Guid ReviewId,
    Guid ProjectId,
    string ProtocolNumber,
    string ProjectTitle,
    ReviewKind ReviewKind,
    string ReviewTitle,
    string Outcome,
    string? Conditions,
    string DecidedBy,
    DateTimeOffset DecidedAt,
    DateTimeOffset? ValidUntil,
    EthicsLetterView? Letter,
    IReadOnlyList<SignatureView> Signatures)
{
    public bool Intact => Signatures.Count > 0 && Signatures.All(s => s.Intact);
}

/// <summary>The ethics decisions of one project, newest first (anyone who may read the project's ethics).</summary>
public sealed record ListEthicsDecisions(Guid ProjectId) : IQuery<IReadOnlyList<EthicsDecisionView>>;

/// <summary>The decisions with a letter on every project the caller may read the ethics of (the EC office's letters), newest first.</summary>
public sealed record ListEthicsLetters(int Take = 200) : IQuery<IReadOnlyList<EthicsDecisionView>>;

/// <summary>The ethics of one project for its applicant: the reviews with their status, and the decisions with their letters.</summary>
public sealed record GetProjectEthics(Guid ProjectId) : IQuery<ProjectEthicsView>;

public sealed record ProjectEthicsView(Guid ProjectId, string ProtocolNumber, string Title, IReadOnlyList<EthicsReviewStatusView> Reviews,
    IReadOnlyList<EthicsDecisionView> Decisions);

public sealed record EthicsReviewStatusView(Guid Id, ReviewKind Kind, string Title, ReviewTrack? Track, ReviewStatus Status, DateTimeOffset SubmittedAt,
    DateTimeOffset StatusChangedAt, DateTimeOffset? DecidedAt, DateTimeOffset? DueAt);

public sealed class EthicsDecisionQueries(CtmsDbContext db, ProjectAccess access, ICurrentUser user, SignatureService signatures)
    : IQueryHandler<ListEthicsDecisions, IReadOnlyList<EthicsDecisionView>>, IQueryHandler<ListEthicsLetters, IReadOnlyList<EthicsDecisionView>>,
        IQueryHandler<GetProjectEthics, ProjectEthicsView>
{
    public async ValueTask<IReadOnlyList<EthicsDecisionView>> Handle(ListEthicsDecisions query, CancellationToken ct)
    {
        await access.EnsureAsync(user.Access, ProjectActions.EthicsRead, query.ProjectId, ct);
        return await ViewsAsync(db.EthicsDecisions.Where(d => d.ProjectId == query.ProjectId), int.MaxValue, ct);
    }

    public async ValueTask<IReadOnlyList<EthicsDecisionView>> Handle(ListEthicsLetters query, CancellationToken ct)
    {
        var projects = await access.ProjectsGrantingAsync(user.Access, ProjectActions.EthicsRead, ct);
        var decisions = db.EthicsDecisions.Where(d => d.LetterDocumentVersionId != null);
        if (projects is not null)
        {
            var ids = projects.ToList();
            decisions = decisions.Where(d => ids.Contains(d.ProjectId));
        }
        return await ViewsAsync(decisions, Math.Clamp(query.Take, 1, 1000), ct);
    }

    public async ValueTask<ProjectEthicsView> Handle(GetProjectEthics query, CancellationToken ct)
    {
        await access.EnsureAsync(user.Access, ProjectActions.EthicsRead, query.ProjectId, ct);
        var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == query.ProjectId, ct);
        var reviews = await db.EthicsReviews.AsNoTracking().Where(r => r.ProjectId == query.ProjectId).ToListAsync(ct);
        var decisions = await ViewsAsync(db.EthicsDecisions.Where(d => d.ProjectId == query.ProjectId), int.MaxValue, ct);
        return new ProjectEthicsView(project.Id, project.ProtocolNumber, project.Title,
            [.. reviews.OrderByDescending(r => r.SubmittedAt).Select(r =>
                new EthicsReviewStatusView(r.Id, r.Kind, r.Title, r.Track, r.Status, r.SubmittedAt, r.StatusChangedAt, r.DecidedAt, r.DueAt))],
            decisions);
    }

    private async Task<IReadOnlyList<EthicsDecisionView>> ViewsAsync(IQueryable<EthicsDecision> query, int take, CancellationToken ct)
    {
        // Ids are time-ordered (version 7): the newest in the database, then by decision time here (SQLite cannot order by a DateTimeOffset).
        var decisions = (await query.AsNoTracking().OrderByDescending(d => d.Id).Take(take).ToListAsync(ct)).OrderByDescending(d => d.DecidedAt).ToList();
        if (decisions.Count == 0)
        {
            return [];
        }
        var reviewIds = decisions.Select(d => d.ReviewId).Distinct().ToList();
        var reviews = await db.EthicsReviews.AsNoTracking().Where(r => reviewIds.Contains(r.Id))
            .Select(r => new { r.Id, r.Kind, r.Title }).ToDictionaryAsync(r => r.Id, ct);
        var projectIds = decisions.Select(d => d.ProjectId).Distinct().ToList();
        var projects = await db.Projects.AsNoTracking().Where(p => projectIds.Contains(p.Id))
            .Select(p => new { p.Id, p.ProtocolNumber, p.Title }).ToDictionaryAsync(p => p.Id, ct);
        var letterIds = decisions.Where(d => d.LetterDocumentVersionId is not null).Select(d => d.LetterDocumentVersionId!.Value).ToList();
        var letters = await db.DocumentVersions.AsNoTracking().Where(v => letterIds.Contains(v.Id))
            .Select(v => new EthicsLetterView(v.Id, v.Number, v.FileName, v.Sha256, v.UploadedAt)).ToDictionaryAsync(v => v.VersionId, ct);
        var signed = await signatures.ListAsync(decisions[0].SignatureRecordType, [.. decisions.Select(d => d.SignatureRecordId)], ct);

        return [.. decisions.Select(d =>
        {
            var hash = SignedContent.Hash(d.SignedContent());
            var review = reviews[d.ReviewId];
            var project = projects[d.ProjectId];
            return new EthicsDecisionView(d.Id, d.ReviewId, d.ProjectId, project.ProtocolNumber, project.Title, review.Kind, review.Title, EthicsNames.Of(d.Outcome),
                d.Conditions, d.DecidedBy, d.DecidedAt, d.ValidUntil,
                d.LetterDocumentVersionId is { } letter ? letters.GetValueOrDefault(letter) : null,
                [.. signed.GetValueOrDefault(d.SignatureRecordId, []).Select(s => SignatureView.Of(s, s.ContentHash == hash))]);
        })];
    }
}

