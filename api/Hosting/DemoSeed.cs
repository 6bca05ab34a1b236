using Ctms.Domain.Access;
using Ctms.Domain.Ethics.Model;
using Ctms.Domain.People;
using Ctms.Domain.Projects;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Ctms.Domain.Data;

namespace Ctms.Api.Hosting;

/// <summary>
/// The demo: one user per role of the catalogue (user name = role name) sharing one password, and one demo
/// project whose team holds the project-scoped roles. Runs once; a second run changes nothing.
/// </summary>
internal static class DemoSeed
{
    public const string ProtocolNumber = "DEMO-2026-001";
    public const string ApprovedProtocolNumber = "DEMO-2026-002";
    public const string CommitteeCode = "EC-DEMO";

    private static readonly string[] ProjectRoles =
    [
        Roles.Pi, Roles.SubInvestigator, Roles.StudyNurse, Roles.Crc, Roles.Cra, Roles.DataManager,
        Roles.Inspector, Roles.Applicant, Roles.DeptHead, Roles.EcMember,
    ];

    public static async Task RunAsync(IServiceProvider services, IConfiguration configuration)
    {
        var db = services.GetRequiredService<CtmsDbContext>();
        var mediator = services.GetRequiredService<IMediator>();
        if (await db.Projects.AnyAsync(p => p.ProtocolNumber == ProtocolNumber))
        {
            Console.WriteLine($"  Demo data is already there (project {ProtocolNumber}); sign in with the password printed when it was seeded.");
            return;
        }
        var configured = configuration["Ctms:DemoPassword"];
        var password = string.IsNullOrEmpty(configured) ? OneTimePassword.Generate() : configured;
        var users = services.GetRequiredService<UserManager<CtmsUser>>();
        foreach (var role in Roles.All.Where(r => r != Roles.Admin))
        {
            if (await users.FindByNameAsync(role) is null)
            {
                await mediator.Send(new CreateUser(role, DisplayNameOf(role), null, [role], password));
            }
        }
        // The investigators need a valid GCP certificate before they may hold their roles on the project (A04).
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        foreach (var investigator in new[] { Roles.Pi, Roles.SubInvestigator })
        {
            await mediator.Send(new RecordGcpCertificate(investigator, "Demo GCP training", "GCP-DEMO-" + investigator, today.AddYears(-1), today.AddYears(2)));
        }
        var project = await mediator.Send(new CreateProject(ProtocolNumber,
            "Demo: a randomised, double-blind phase II study of drug X versus placebo in type 2 diabetes", "Demo Pharma Ltd.",
            TrialPhase.PhaseII, ProjectType.SponsorInitiated, "Demo CRO Co.", "Endocrinology", Roles.Pi, 120));
        // The PI is on the team already: the project names them.
        foreach (var role in ProjectRoles.Where(r => r != Roles.Pi))
        {
            DateTimeOffset? until = role == Roles.Inspector ? DateTimeOffset.UtcNow.AddDays(30) : null;
            await mediator.Send(new AddProjectMember(project.Id, role, role, null, until));
        }
        await SeedEthicsAsync(db, mediator);
        Console.WriteLine();
        Console.WriteLine($"  Demo seeded: project {ProtocolNumber}, an approved project {ApprovedProtocolNumber} awaiting its ethics meeting, the ethics committee {CommitteeCode}, and one user per role.");
        Console.WriteLine($"    user names: {string.Join(", ", Roles.All.Where(r => r != Roles.Admin))}");
        Console.WriteLine(string.IsNullOrEmpty(configured)
            ? $"    password (all demo users): {password}"
            : "    password (all demo users): the value of Ctms:DemoPassword");
        Console.WriteLine();
    }

    /// <summary>
    /// The demo's ethics committee (the EC secretary, chair and member users) with a quorum two people can meet, and an
    /// approved project whose initial review waits for the full board: the EC's meeting, signed votes and decision can be
    /// tried at once (and the browser test of a signed vote runs on them).
    /// </summary>
    private static async Task SeedEthicsAsync(CtmsDbContext db, IMediator mediator)
    {
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var committee = new EthicsCommittee(CommitteeCode, "Demo Medical Ethics Committee", now);
        committee.RelaxQuorumForDemo();
        db.EthicsCommittees.Add(committee);
        foreach (var (user, role, sex, affiliated, expertise) in new[]
                 {
                     (Roles.EcChair, CommitteeRole.Chair, MemberSex.Female, true, new[] { "endocrinology", "ethics" }),
                     (Roles.EcMember, CommitteeRole.Member, MemberSex.Male, false, new[] { "diabetes", "pharmacy" }),
                     (Roles.EcSecretary, CommitteeRole.Secretary, MemberSex.Female, true, Array.Empty<string>()),
                 })
        {
            db.CommitteeMembers.Add(new CommitteeMember(committee.Id, user, DisplayNameOf(user), role, sex, affiliated, today.AddYears(-1), today.AddYears(3), expertise));
        }
        var project = await mediator.Send(new CreateProject(ApprovedProtocolNumber,
            "Demo: an open-label phase III extension study of drug X in type 2 diabetes", "Demo Pharma Ltd.",
            TrialPhase.PhaseIII, ProjectType.SponsorInitiated, "Demo CRO Co.", "Endocrinology", Roles.Pi, 300));
        var tracked = await db.Projects.SingleAsync(p => p.Id == project.Id);
        foreach (var status in new[] { ProjectStatus.Submitted, ProjectStatus.InFormalReview, ProjectStatus.AwaitingConfirmation, ProjectStatus.AwaitingApproval,
                     ProjectStatus.Approved })
        {
            tracked.MoveTo(status, now);
        }
        await mediator.Send(new AddProjectMember(project.Id, Roles.Applicant, Roles.Applicant, null, null));
        var review = new EthicsReview(project.Id, committee.Id, ReviewKind.Initial, "Initial review of " + ApprovedProtocolNumber,
            "Open-label extension; main risk hypoglycaemia.", Roles.Applicant, now);
        review.ChooseTrack(ReviewTrack.FullBoard);
        review.MoveTo(ReviewStatus.InFormalReview, now);
        review.MoveTo(ReviewStatus.AwaitingMeeting, now);
        db.EthicsReviews.Add(review);
        await db.SaveChangesAsync();
    }

    private static string DisplayNameOf(string role) =>
        "Demo " + string.Join(' ', role.Split('-').Select(w => w.Length <= 3 ? w.ToUpperInvariant() : char.ToUpperInvariant(w[0]) + w[1..]));
}
