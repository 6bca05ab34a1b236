using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Documents;
using Ctms.Domain.Ethics.Model;
using Ctms.Domain.Notifications;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Ethics.Letters;

/// <summary>
/// Renders a decision's letter (P09's <c>render-letter</c>; the EC office again after correcting a template) from the EC
/// office's Liquid template into a DOCX, and stores it as the next version of the project's document
/// <see cref="DocumentCode"/>; the decision keeps the version. The language is <see cref="Culture"/> when given, else the
/// applicant's preferred one, else English. A decision without an intact signature gets no letter (409): a letter
/// carries the chair's signature manifestation, never one that no longer matches the decision.
/// </summary>
public sealed record RenderEthicsLetter(Guid DecisionId, string? Culture = null) : ICommand<EthicsLetterDto>, IValidatable
{
    public const string DocumentCode = "ethics-letter";

    public void Validate(Validator v) => v
        .Must(Culture is null || NotificationTemplates.IsCulture(Culture), nameof(Culture),
            $"The language must be one of {string.Join(", ", NotificationTemplates.Cultures)}.");
}

/// <summary>A rendered letter: the document version that holds it, its language, the template used and the subject line.</summary>
public sealed record EthicsLetterDto(Guid DecisionId, Guid ProjectId, Guid DocumentVersionId, int VersionNumber, string FileName, string Sha256,
    string Culture, string Template, string Reference, string Subject, string ProtocolNumber, string ProjectTitle, string ReviewKind);

public sealed class RenderEthicsLetterHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, TimeProvider clock, FileStore store,
    EthicsLetterModel letters, NotificationRenderer renderer) : ICommandHandler<RenderEthicsLetter, EthicsLetterDto>
{
    public async ValueTask<EthicsLetterDto> Handle(RenderEthicsLetter command, CancellationToken ct)
    {
        var decision = await db.EthicsDecisions.SingleOrDefaultAsync(d => d.Id == command.DecisionId, ct)
                       ?? throw new NotFoundException($"Ethics decision {command.DecisionId} was not found.");
        if (!await access.CanAsync(user.Access, ProjectActions.EthicsDecide, decision.ProjectId, ct))
        {
            await access.EnsureAsync(user.Access, ProjectActions.EthicsAdminister, decision.ProjectId, ct);
        }
        var culture = command.Culture ?? await ApplicantCultureAsync(decision.ProjectId, ct);
        var content = await letters.BuildAsync(decision, culture, ct);
        if (content.Signatures.Count == 0)
        {
            throw new ConflictException("The decision is not signed yet: its letter is issued once the chair signed it.");
        }
        if (content.Signatures.Any(s => !s.Intact))
        {
            throw new ConflictException("The decision no longer matches its signature (it was changed after signing): no letter is issued for it.");
        }

        RenderedMessage text;
        try
        {
            text = await renderer.RenderAsync(content.Template, culture, content.Model, ct);
        }
        catch (Exception e) when (e is InvalidOperationException or Fluid.ParseException)
        {
            throw DomainValidationException.For("Template", $"The letter template '{content.Template}' cannot be rendered: {e.Message}");
        }
        var zh = culture == "zh-CN";
        var bytes = LetterDocx.Write(new LetterLayout(culture, content.Letterhead, content.LetterheadSubtitle,
            zh ? "文号：" : "Our reference: ", content.Reference, zh ? "日期：" : "Date: ", EthicsLetterModel.Day(decision.DecidedAt), content.Addressee,
            text.Subject, text.Body, zh ? "电子签名" : "Electronic signature", [.. content.Signatures.Select(s => s.Manifestation)],
            $"{content.LetterheadSubtitle} · {content.Letterhead} · {content.Reference}"));

        var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == decision.ProjectId, ct);
        var title = zh ? "伦理委员会批件" : "Ethics committee letters";
        var document = await db.ProjectDocuments.Include(d => d.Versions)
                           .SingleOrDefaultAsync(d => d.ProjectId == project.Id && d.Code == RenderEthicsLetter.DocumentCode, ct);
        var now = clock.GetUtcNow();
        var by = user.UserName ?? user.UserId;
        if (document is null)
        {
            document = new ProjectDocument(project.Id, RenderEthicsLetter.DocumentCode, title, by, now);
            db.ProjectDocuments.Add(document);
        }
        var fileName = $"ethics-letter-{SafeFilePart(content.Reference)}-{EthicsNames.Of(decision.Outcome)}.{culture}.docx";

        await using var staged = await store.StageAsync(new MemoryStream(bytes), long.MaxValue, ct);
        var comment = $"{text.Subject} ({content.Template}, {culture})";
        var version = document.AddVersion(staged.File, fileName, FileKind.Docx.ContentType, by, now,
            comment.Length > DocumentVersion.CommentMax ? comment[..DocumentVersion.CommentMax] : comment);
        db.DocumentVersions.Add(version);
        decision.LetterDocumentVersionId = version.Id;

        staged.Commit();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            staged.Rollback();
            throw;
        }
        return new EthicsLetterDto(decision.Id, decision.ProjectId, version.Id, version.Number, version.FileName, version.Sha256, culture, content.Template,
            content.Reference, text.Subject, project.ProtocolNumber, project.Title, EthicsNames.Of(content.Review.Kind));
    }

    private async Task<string> ApplicantCultureAsync(Guid projectId, CancellationToken ct)
    {
        var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == projectId, ct);
        var applicant = await letters.ApplicantAsync(project, ct);
        var culture = applicant is null ? null
            : await db.Users.AsNoTracking().Where(u => u.UserName == applicant).Select(u => u.PreferredCulture).FirstOrDefaultAsync(ct);
        return NotificationTemplates.IsCulture(culture) ? culture! : NotificationTemplates.DefaultCulture;
    }

    private static string SafeFilePart(string text) => string.Concat(text.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')).Trim('-');
}

/// <summary>The document version of a decision's letter, for a user who may read the project's ethics (anyone else: not found).</summary>
public sealed record FindEthicsLetter(Guid DecisionId) : IQuery<Guid>;

public sealed class FindEthicsLetterHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user) : IQueryHandler<FindEthicsLetter, Guid>
{
    public async ValueTask<Guid> Handle(FindEthicsLetter query, CancellationToken ct)
    {
        var decision = await db.EthicsDecisions.AsNoTracking().Where(d => d.Id == query.DecisionId)
                           .Select(d => new { d.ProjectId, d.LetterDocumentVersionId }).SingleOrDefaultAsync(ct)
                       ?? throw new NotFoundException($"Ethics decision {query.DecisionId} was not found.");
        if (!await access.CanAsync(user.Access, ProjectActions.EthicsRead, decision.ProjectId, ct))
        {
            throw new NotFoundException($"Ethics decision {query.DecisionId} was not found.");
        }
        return decision.LetterDocumentVersionId ?? throw new NotFoundException("The decision has no letter yet.");
    }
}
