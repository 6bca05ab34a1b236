using Ctms.Domain.Access;
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
        Console.WriteLine();
        Console.WriteLine($"  Demo seeded: project {ProtocolNumber} and one user per role.");
        Console.WriteLine($"    user names: {string.Join(", ", Roles.All.Where(r => r != Roles.Admin))}");
        Console.WriteLine(string.IsNullOrEmpty(configured)
            ? $"    password (all demo users): {password}"
            : "    password (all demo users): the value of Ctms:DemoPassword");
        Console.WriteLine();
    }

    private static string DisplayNameOf(string role) =>
        "Demo " + string.Join(' ', role.Split('-').Select(w => w.Length <= 3 ? w.ToUpperInvariant() : char.ToUpperInvariant(w[0]) + w[1..]));
}
