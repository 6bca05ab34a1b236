using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ctms.Api.Tests.Documents;
using Ctms.Domain.Data;
using Ctms.Domain.Ethics.Model;
using Ctms.Domain.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.Api.Tests.Ethics;

/// <summary>
/// An approved study with its applicant and PI, its protocol and informed consent uploaded, and an ethics committee of
/// seven seats for the ethics tests: a chair, four members and a lay member (each with a client signed in as a user
/// with the matching ec role), and the EC secretary. The committee is written through the domain's model directly:
/// the committee administration is one part of the issue, these tests start where it ends.
/// </summary>
public sealed class EthicsScenario
{
    private EthicsScenario(CtmsAppFactory app) => App = app;

    public CtmsAppFactory App { get; }
    public Guid ProjectId { get; private set; }
    public Guid CommitteeId { get; private set; }
    public HttpClient Admin { get; private set; } = null!;
    public HttpClient Applicant { get; private set; } = null!;
    public string ApplicantName { get; private set; } = "";
    public HttpClient Pi { get; private set; } = null!;
    public string PiName { get; private set; } = "";
    public HttpClient Secretary { get; private set; } = null!;
    public string SecretaryName { get; private set; } = "";

    /// <summary>The voting seats: [0] the chair, [1..4] members (two women, two men; [4] not affiliated), [5] the lay member.</summary>
    public List<Seat> Seats { get; } = [];

    public Seat Chair => Seats[0];

    /// <summary>A user with the ec-member role who has no seat on this committee.</summary>
    public HttpClient Outsider { get; private set; } = null!;

    public Guid ProtocolVersionId { get; private set; }
    public Guid ConsentVersionId { get; private set; }

    public sealed record Seat(Guid MemberId, string UserName, HttpClient Client, CommitteeRole Role, MemberSex Sex, bool Affiliated, string[] Expertise);

    public static async Task<EthicsScenario> CreateAsync(CtmsAppFactory app, ProjectStatus status = ProjectStatus.Approved)
    {
        var s = new EthicsScenario(app) { Admin = await app.AdminAsync() };
        var study = await DocumentTestData.StudyAsync(app, TrialPhase.PhaseIII);
        (s.ProjectId, s.Applicant, s.ApplicantName, s.Pi, s.PiName) = (study.Id, study.Applicant, study.ApplicantName, study.Pi, study.PiName);
        s.ProtocolVersionId = await UploadAsync(study.Applicant, s.ProjectId, "protocol", "protocol-v1.pdf", DocumentTestData.Pdf("protocol v1 " + s.ProjectId));
        s.ConsentVersionId = await UploadAsync(study.Applicant, s.ProjectId, "icf", "icf-v1.pdf", DocumentTestData.Pdf("icf v1 " + s.ProjectId));
        ProjectStatus[] path = [ProjectStatus.Submitted, ProjectStatus.InFormalReview, ProjectStatus.AwaitingConfirmation, ProjectStatus.AwaitingApproval,
            ProjectStatus.Approved, ProjectStatus.Contracted, ProjectStatus.Enrolling];
        await DocumentTestData.MoveAsync(app, s.ProjectId, [.. path.TakeWhile(p => p != status), status]);

        (s.Secretary, s.SecretaryName) = await app.UserAsync("ec-secretary");
        s.Outsider = (await app.UserAsync("ec-member")).Client;
        (CommitteeRole Role, string AppRole, MemberSex Sex, bool Affiliated, string[] Expertise)[] seats =
        [
            (CommitteeRole.Chair, "ec-chair", MemberSex.Female, true, ["oncology", "ethics"]),
            (CommitteeRole.Member, "ec-member", MemberSex.Female, true, ["oncology"]),
            (CommitteeRole.Member, "ec-member", MemberSex.Male, true, ["cardiology"]),
            (CommitteeRole.Member, "ec-member", MemberSex.Male, true, ["statistics"]),
            (CommitteeRole.Member, "ec-member", MemberSex.Female, false, ["pharmacy", "oncology"]),
            (CommitteeRole.LayMember, "ec-member", MemberSex.Male, false, ["law"]),
        ];
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<CtmsDbContext>();
        var committee = new EthicsCommittee("EC-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant(), "Medical Ethics Committee", app.Clock.GetUtcNow());
        db.EthicsCommittees.Add(committee);
        s.CommitteeId = committee.Id;
        foreach (var seat in seats)
        {
            var (client, userName) = await app.UserAsync(seat.AppRole);
            var member = new CommitteeMember(committee.Id, userName, "Dr. " + userName, seat.Role, seat.Sex, seat.Affiliated, today.AddYears(-1), today.AddYears(3),
                seat.Expertise);
            db.CommitteeMembers.Add(member);
            s.Seats.Add(new Seat(member.Id, userName, client, seat.Role, seat.Sex, seat.Affiliated, seat.Expertise));
        }
        var secretary = new CommitteeMember(committee.Id, s.SecretaryName, "Secretary " + s.SecretaryName, CommitteeRole.Secretary, MemberSex.Female, true,
            today.AddYears(-1), today.AddYears(3), []);
        db.CommitteeMembers.Add(secretary);
        await db.SaveChangesAsync();
        return s;
    }

    private static async Task<Guid> UploadAsync(HttpClient client, Guid projectId, string code, string fileName, byte[] content)
    {
        var response = await DocumentTestData.UploadAsync(client, projectId, code, fileName, content);
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await response.ReadAsync<VersionBody>()).Id;
    }

    /// <summary>Declares a conflict of interest of a seat with this project.</summary>
    public async Task DeclareConflictAsync(Seat seat, string reason = "Consultant to the sponsor")
    {
        await InDbAsync(async db =>
        {
            db.ConflictsOfInterest.Add(new ConflictOfInterest(seat.MemberId, ProjectId, reason, "admin", App.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
            return true;
        });
    }

    /// <summary>
    /// A review of this project (Initial by default) with the protocol and consent under review, moved to the status
    /// given as the formal review would have: for meetings, AwaitingMeeting on the full-board track.
    /// </summary>
    public async Task<Guid> ReviewAsync(ReviewStatus status, ReviewKind kind = ReviewKind.Initial, ReviewTrack track = ReviewTrack.FullBoard)
    {
        return await InDbAsync(async db =>
        {
            var now = App.Clock.GetUtcNow();
            var review = new EthicsReview(ProjectId, CommitteeId, kind, $"{kind} review", "Summary", ApplicantName, now) { Track = track };
            review.Documents.Add(new ReviewDocument(review.Id, ProtocolVersionId, "protocol"));
            review.Documents.Add(new ReviewDocument(review.Id, ConsentVersionId, "icf"));
            ReviewStatus[] path = track == ReviewTrack.FullBoard
                ? [ReviewStatus.InFormalReview, ReviewStatus.AwaitingMeeting, ReviewStatus.OnAgenda, ReviewStatus.Decided]
                : [ReviewStatus.InFormalReview, ReviewStatus.InExpeditedReview, ReviewStatus.Decided];
            if (status != ReviewStatus.Submitted)
            {
                foreach (var step in path.TakeWhile(p => p != status).Append(status))
                {
                    review.MoveTo(step, now);
                }
            }
            db.EthicsReviews.Add(review);
            await db.SaveChangesAsync();
            return review.Id;
        });
    }

    public async Task<T> InDbAsync<T>(Func<CtmsDbContext, Task<T>> work)
    {
        await using var scope = App.Scope();
        return await work(scope.ServiceProvider.GetRequiredService<CtmsDbContext>());
    }

    /// <summary>The one open task of an instance's element that the user sees (offered to their groups, or assigned to them).</summary>
    public static async Task<string?> FindTaskAsync(HttpClient user, string instanceId, string elementId)
    {
        foreach (var view in new[] { "mine", "groups" })
        {
            var page = await (await user.GetAsync($"/api/tasks?view={view}&instanceId={instanceId}&elementId={elementId}")).ReadAsync<JsonElement>();
            if (page.GetProperty("items").GetArrayLength() > 0)
            {
                return page.GetProperty("items")[0].GetProperty("id").GetString();
            }
        }
        return null;
    }

    /// <summary>Completes the user's task of that element with the form's variables and, when given, the signature's password.</summary>
    public async Task<HttpResponseMessage> CompleteAsync(HttpClient user, string instanceId, string elementId, object variables, bool sign = false)
    {
        var taskId = await FindTaskAsync(user, instanceId, elementId) ?? throw new ShouldAssertException($"{elementId} is not open to this user.");
        return sign
            ? await user.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { variables, signature = new { password = App.UserPassword } })
            : await user.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { variables });
    }
}
