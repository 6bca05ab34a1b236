using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Documents;
using Ctms.Domain.Ethics.Gate;
using Ctms.Domain.Ethics.Model;
using Ctms.Domain.Projects;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Ethics.Amendments;

/// <summary>A new version of the protocol (<c>protocol</c>) or of the informed consent form (<c>icf</c>) submitted with an amendment.</summary>
public sealed record AmendmentFile(string Code, string FileName, Stream Content);

/// <summary>
/// The applicant or the PI submits a protocol amendment (A01): the new protocol and/or consent versions are stored as
/// the next versions of the project's documents (which closes the ethics gate until the amendment is approved) and an
/// ethics review of kind Amendment is opened with them, for the committee that reviewed the application.
/// </summary>
public sealed record SubmitAmendment(Guid ProjectId, string Reason, string Changes, IReadOnlyList<AmendmentFile> Files) : ICommand<AmendmentDto>, IValidatable
{
    public const int ReasonMax = 1000;
    public static readonly IReadOnlyList<string> Codes = [EthicsGate.ProtocolCode, EthicsGate.ConsentCode];

    public void Validate(Validator v) => v
        .Required(nameof(Reason), Reason, ReasonMax)
        .Required(nameof(Changes), Changes, EthicsReview.SummaryMax - ReasonMax - 20)
        .Must(Files is { Count: > 0 }, nameof(Files), "An amendment needs a new protocol or informed consent version: attach a 'protocol' or an 'icf' file.")
        .Must(Files is null || Files.All(f => Codes.Contains(f.Code)), nameof(Files), "An amendment's files are a new 'protocol' or a new 'icf'.")
        .Must(Files is null || Files.Select(f => f.Code).Distinct().Count() == Files.Count, nameof(Files), "One new version of each document at most.");
}

public sealed record AmendmentVersionDto(string Code, Guid VersionId, int Number, string FileName);

public sealed record AmendmentDto(Guid ReviewId, Guid ProjectId, string Reference, string Status, string Reason, string Changes,
    IReadOnlyList<AmendmentVersionDto> Versions);

public sealed class SubmitAmendmentHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, TimeProvider clock, FileStore store, UploadPolicy policy)
    : ICommandHandler<SubmitAmendment, AmendmentDto>
{
    public async ValueTask<AmendmentDto> Handle(SubmitAmendment command, CancellationToken ct)
    {
        await access.EnsureAsync(user.Access, ProjectActions.EthicsSubmit, command.ProjectId, ct);
        var project = await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == command.ProjectId, ct)
                      ?? throw new NotFoundException($"Project {command.ProjectId} was not found.");
        if (project.Status is not (ProjectStatus.Approved or ProjectStatus.Contracted or ProjectStatus.Enrolling or ProjectStatus.Suspended))
        {
            throw new ConflictException($"The project is {project.Status}; amendments are submitted for an approved, contracted, enrolling or suspended study.");
        }
        var committeeId = await EthicsSteps.CommitteeOfAsync(db, project.Id, ct);
        var now = clock.GetUtcNow();
        var submitter = user.UserName ?? user.UserId;
        var number = await db.EthicsReviews.CountAsync(r => r.ProjectId == project.Id && r.Kind == ReviewKind.Amendment, ct) + 1;
        var reason = command.Reason.Trim();
        var changes = command.Changes.Trim();
        var review = new EthicsReview(project.Id, committeeId, ReviewKind.Amendment, $"Amendment {number}: {Shorten(reason, 200)}",
            $"Reason: {reason}\nChanges: {changes}", submitter, now) { Reference = $"AM-{number}" };

        var staged = new List<StagedFile>();
        var versions = new List<AmendmentVersionDto>();
        try
        {
            foreach (var file in command.Files)
            {
                var stagedFile = await store.StageAsync(file.Content, policy.MaxBytes, ct);
                staged.Add(stagedFile);
                var (fileName, kind) = policy.Check(file.FileName, stagedFile);
                var document = await db.ProjectDocuments.Include(d => d.Versions)
                                   .Where(d => d.ProjectId == project.Id && d.Code == file.Code).OrderBy(d => d.Id).FirstOrDefaultAsync(ct);
                if (document is null)
                {
                    var title = DocumentChecklist.Find(project.Type, project.Phase, file.Code)?.TitleEn ?? file.Code;
                    document = new ProjectDocument(project.Id, file.Code, title, submitter, now);
                    db.ProjectDocuments.Add(document);
                }
                var version = document.AddVersion(stagedFile.File, fileName, kind.ContentType, submitter, now, $"{review.Reference}: {Shorten(reason, 300)}");
                db.DocumentVersions.Add(version);
                review.Documents.Add(new ReviewDocument(review.Id, version.Id, file.Code));
                versions.Add(new AmendmentVersionDto(file.Code, version.Id, version.Number, version.FileName));
            }
            db.EthicsReviews.Add(review);
            staged.ForEach(s => s.Commit());
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            staged.ForEach(s => s.Rollback());
            throw;
        }
        finally
        {
            foreach (var s in staged)
            {
                await s.DisposeAsync();
            }
        }
        return new AmendmentDto(review.Id, project.Id, review.Reference!, review.Status.ToString(), reason, changes, versions);
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
