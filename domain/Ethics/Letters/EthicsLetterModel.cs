using System.Globalization;
using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Ethics.Model;
using Ctms.Domain.Signatures;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Ethics.Letters;

/// <summary>The hospital a letter comes from (configuration <c>Ethics:Letters</c>): its name and address on the letterhead.</summary>
public sealed class EthicsLetterOptions
{
    public string HospitalName { get; set; } = "Hospital";
    public string? HospitalAddress { get; set; }
}

/// <summary>
/// What a decision's letter says, gathered once: the Liquid model the EC office's template reads (hospital, committee,
/// project, review with its documents, decision, meeting, signatures, addressee) and the parts of the layout around it.
/// </summary>
public sealed record EthicsLetterContent(
    EthicsDecision Decision,
    EthicsReview Review,
    string Reference,
    string Culture,
    string Template,
    IReadOnlyDictionary<string, object?> Model,
    IReadOnlyList<SignatureView> Signatures,
    string Letterhead,
    string? LetterheadSubtitle,
    IReadOnlyList<string> Addressee);

/// <summary>Builds a decision's letter content: the model of <see cref="EthicsLetterContent"/>, the template's name, the reference.</summary>
public sealed class EthicsLetterModel(CtmsDbContext db, SignatureService signatures, EthicsLetterOptions options,
    Notifications.NotificationTemplates templates)
{
    public const string TemplatePrefix = "ethics-letter-";

    public async Task<EthicsLetterContent> BuildAsync(EthicsDecision decision, string culture, CancellationToken ct)
    {
        var review = await db.EthicsReviews.AsNoTracking().Include(r => r.Documents).SingleAsync(r => r.Id == decision.ReviewId, ct);
        var committee = await db.EthicsCommittees.AsNoTracking().SingleAsync(c => c.Id == review.CommitteeId, ct);
        var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == decision.ProjectId, ct);
        var applicantUserName = await ApplicantAsync(project, ct);
        var people = await PeopleAsync([project.PiUserName, applicantUserName, review.SubmittedBy, decision.DecidedBy], ct);

        var versionIds = review.Documents.Select(d => d.DocumentVersionId).ToList();
        var documents = await (from v in db.DocumentVersions.AsNoTracking()
                               join d in db.ProjectDocuments.AsNoTracking() on v.DocumentId equals d.Id
                               where versionIds.Contains(v.Id)
                               select new { v.Id, d.Title, d.Code, v.Number, v.FileName, v.Sha256, v.UploadedAt }).ToListAsync(ct);
        var documentModel = review.Documents
            .Join(documents, r => r.DocumentVersionId, d => d.Id, (r, d) => new Dictionary<string, object?>
            {
                ["type"] = r.DocumentType,
                ["title"] = d.Title,
                ["fileName"] = d.FileName,
                ["version"] = d.Number,
                ["sha256"] = d.Sha256,
                ["uploadedAt"] = Day(d.UploadedAt),
            })
            .OrderBy(d => (string)d["type"]!, StringComparer.Ordinal).ThenBy(d => (string)d["fileName"]!, StringComparer.Ordinal)
            .Cast<object?>().ToList();

        var signed = await signatures.CheckAsync(decision, ct);
        var reference = ReferenceOf(committee, project, decision);
        var zh = culture == "zh-CN";
        var pi = Person(people, project.PiUserName);
        var applicant = Person(people, applicantUserName);

        var model = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["hospital"] = new Dictionary<string, object?> { ["name"] = options.HospitalName, ["address"] = options.HospitalAddress },
            ["committee"] = new Dictionary<string, object?> { ["name"] = committee.Name, ["code"] = committee.Code },
            ["reference"] = reference,
            ["date"] = Day(decision.DecidedAt),
            ["project"] = new Dictionary<string, object?>
            {
                ["id"] = project.Id.ToString(),
                ["protocolNumber"] = project.ProtocolNumber,
                ["projectNumber"] = project.ProjectNumber,
                ["title"] = project.Title,
                ["sponsor"] = project.Sponsor,
                ["department"] = project.Department,
                ["piName"] = pi,
                ["piUserName"] = project.PiUserName,
                ["applicantName"] = applicant,
                ["applicantUserName"] = applicantUserName,
            },
            ["review"] = new Dictionary<string, object?>
            {
                ["id"] = review.Id.ToString(),
                ["kind"] = EthicsNames.Of(review.Kind),
                ["kindName"] = KindName(review.Kind, zh),
                ["title"] = review.Title,
                ["reference"] = review.Reference,
                ["track"] = review.Track is { } t ? EthicsNames.Of(t) : null,
                ["submittedAt"] = Day(review.SubmittedAt),
                ["submittedBy"] = Person(people, review.SubmittedBy),
                ["documents"] = documentModel,
            },
            ["decision"] = new Dictionary<string, object?>
            {
                ["id"] = decision.Id.ToString(),
                ["outcome"] = EthicsNames.Of(decision.Outcome),
                ["conditions"] = string.IsNullOrWhiteSpace(decision.Conditions) ? null : decision.Conditions.Trim(),
                ["decidedAt"] = Day(decision.DecidedAt),
                ["validUntil"] = decision.ValidUntil is { } until ? Day(until) : null,
                ["decidedBy"] = Person(people, decision.DecidedBy),
            },
            ["meeting"] = await MeetingAsync(review.Id, ct),
            ["signatures"] = signed.Select(s => (object?)s.Manifestation).ToList(),
        };
        return new EthicsLetterContent(decision, review, reference, culture, TemplateFor(review.Kind, decision.Outcome), model, signed,
            options.HospitalName, committee.Name, [pi ?? project.PiUserName ?? "", zh ? "主要研究者" : "Principal Investigator", project.Department ?? "",
                options.HospitalName]);
    }

    /// <summary>The template of a kind and outcome (<c>ethics-letter-amendment-approve</c>) when the EC office wrote one, else the outcome's.</summary>
    public string TemplateFor(ReviewKind kind, EthicsOutcome outcome)
    {
        var specific = $"{TemplatePrefix}{EthicsNames.Of(kind)}-{EthicsNames.Of(outcome)}";
        return templates.Exists(specific) ? specific : $"{TemplatePrefix}{EthicsNames.Of(outcome)}";
    }

    /// <summary>The letter's reference number: the committee's code, the year, the project's hospital number (else protocol) and the decision.</summary>
    public static string ReferenceOf(EthicsCommittee committee, Projects.Project project, EthicsDecision decision) =>
        $"{committee.Code}/{decision.DecidedAt.UtcDateTime:yyyy}/{project.ProjectNumber ?? project.ProtocolNumber}/{decision.Id.ToString("N")[^6..].ToUpperInvariant()}";

    public static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string KindName(ReviewKind kind, bool zh) => (kind, zh) switch
    {
        (ReviewKind.Initial, false) => "initial review",
        (ReviewKind.Amendment, false) => "amendment review",
        (ReviewKind.Continuing, false) => "continuing review",
        (ReviewKind.Sae, false) => "serious adverse event review",
        (ReviewKind.Deviation, false) => "protocol deviation review",
        (ReviewKind.Suspension, false) => "suspension review",
        (ReviewKind.Initial, true) => "初始审查",
        (ReviewKind.Amendment, true) => "修正案审查",
        (ReviewKind.Continuing, true) => "跟踪审查",
        (ReviewKind.Sae, true) => "严重不良事件审查",
        (ReviewKind.Deviation, true) => "违背方案审查",
        (ReviewKind.Suspension, true) => "暂停/终止审查",
        _ => kind.ToString(),
    };

    private async Task<Dictionary<string, object?>?> MeetingAsync(Guid reviewId, CancellationToken ct)
    {
        // Ordered here: SQLite cannot order by a DateTimeOffset.
        var item = (await db.MeetingItems.AsNoTracking().Include(i => i.Votes).Include(i => i.Recusals)
            .Where(i => i.ReviewId == reviewId && i.Status == MeetingItemStatus.Decided).ToListAsync(ct)).MaxBy(i => i.DecidedAt);
        if (item is null)
        {
            return null;
        }
        var meeting = await db.EthicsMeetings.AsNoTracking().Include(m => m.Attendance).SingleAsync(m => m.Id == item.MeetingId, ct);
        var cast = item.Votes.Where(v => v.Status == VoteStatus.Cast).ToList();
        int Count(VoteOption option) => cast.Count(v => v.Option == option);
        return new Dictionary<string, object?>
        {
            ["date"] = Day(meeting.ScheduledAt),
            ["location"] = meeting.Location,
            ["present"] = meeting.Attendance.Count(a => a.Present),
            ["recused"] = item.Recusals.Count,
            ["outcome"] = item.Outcome is { } o ? EthicsNames.Of(o) : null,
            ["votes"] = new Dictionary<string, object?>
            {
                ["cast"] = cast.Count,
                ["approve"] = Count(VoteOption.Approve),
                ["approveWithModifications"] = Count(VoteOption.ApproveWithModifications),
                ["reviseAndResubmit"] = Count(VoteOption.ReviseAndResubmit),
                ["disapprove"] = Count(VoteOption.Disapprove),
                ["abstain"] = Count(VoteOption.Abstain),
                ["cancelled"] = item.Votes.Count(v => v.Status == VoteStatus.Cancelled),
            },
        };
    }

    /// <summary>The project's applicant: the one who applied, else the member holding the applicant role now (a project the office created).</summary>
    public async Task<string?> ApplicantAsync(Projects.Project project, CancellationToken ct) =>
        project.ApplicantUserName ?? await (from m in db.ProjectMemberships.AsNoTracking()
                                            join u in db.Users.AsNoTracking() on m.UserId equals u.Id
                                            where m.ProjectId == project.Id && m.Role == Roles.Applicant && m.RevokedAt == null
                                            orderby u.UserName
                                            select u.UserName).FirstOrDefaultAsync(ct);

    private async Task<Dictionary<string, string>> PeopleAsync(IEnumerable<string?> userNames, CancellationToken ct)
    {
        var names = userNames.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var rows = await db.Users.AsNoTracking().Where(u => names.Contains(u.UserName!)).Select(u => new { u.UserName, u.DisplayName }).ToListAsync(ct);
        return rows.ToDictionary(r => r.UserName!, r => string.IsNullOrWhiteSpace(r.DisplayName) ? r.UserName! : r.DisplayName, StringComparer.Ordinal);
    }

    private static string? Person(Dictionary<string, string> people, string? userName) =>
        userName is null ? null : people.GetValueOrDefault(userName, userName);
}
