using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ctms.Api.Tests.Integration;
using Ctms.Domain.Data;
using Ctms.Domain.Projects;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.Api.Tests.Subjects;

/// <summary>
/// A study ready for subjects, for the subjects tests (issue 9): created through the domain, moved along its life cycle to
/// Enrolling as the approval, contract and kick-off processes would have (<see cref="KickOff.KickOffScenario"/> does the
/// same), its protocol and consent approved by the ethics committee (<see cref="Ethics.Gate.GateKit.ApproveEthicsAsync"/>),
/// and its study team: every role of the subjects processes as a member, each signed in as a client of its own.
/// The protocol itself (arms, visits, pages, criteria, randomization) is left to the test: that is what it tests.
/// </summary>
public sealed class SubjectStudy : IDisposable
{
    private SubjectStudy(CtmsAppFactory app) => App = app;

    public CtmsAppFactory App { get; }
    public Guid ProjectId { get; private set; }
    public string ProtocolNumber { get; private set; } = "";
    public HttpClient Admin { get; private set; } = null!;

    /// <summary>The CTI secretary (a global role: the go-live check).</summary>
    public Member Secretary { get; private set; } = null!;
    public Member Pi { get; private set; } = null!;
    public Member SubInvestigator { get; private set; } = null!;
    public Member Nurse { get; private set; } = null!;
    public Member Crc { get; private set; } = null!;
    public Member Cra { get; private set; } = null!;
    public Member DataManager { get; private set; } = null!;
    public Member Pharmacist { get; private set; } = null!;

    /// <summary>A PI of another study: holds the role, not this project.</summary>
    public Member Outsider { get; private set; } = null!;

    /// <summary>Every member of the team, for "no response to anyone contains ..." checks.</summary>
    public IReadOnlyList<Member> Team => [Pi, SubInvestigator, Nurse, Crc, Cra, DataManager, Pharmacist];

    /// <param name="app">Any host; a <see cref="HospitalAppFactory"/> when the test registers hospital patients.</param>
    /// <param name="status">Where the project stands; Enrolling unless the test is about an earlier state.</param>
    /// <param name="approveEthics">Whether the EC approved the protocol and consent (the ethics gate open).</param>
    public static async Task<SubjectStudy> CreateAsync(CtmsAppFactory app, ProjectStatus status = ProjectStatus.Enrolling, bool approveEthics = true)
    {
        var s = new SubjectStudy(app) { Admin = await app.AdminAsync() };
        s.ProtocolNumber = "SU-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        s.Pi = await Member.CreateAsync(app, "pi");
        await using (var scope = app.Scope())
        {
            var project = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new CreateProject(s.ProtocolNumber,
                "A double-blind study of X in Y", "Sponsor Ltd.", TrialPhase.PhaseIII, PiUserName: s.Pi.UserName, PlannedEnrollment: 60));
            s.ProjectId = project.Id;
        }
        await s.MoveToAsync(status);
        if (approveEthics)
        {
            await Ethics.Gate.GateKit.ApproveEthicsAsync(app, s.ProjectId);
        }
        s.Secretary = await Member.CreateAsync(app, "cti-secretary");
        s.SubInvestigator = await s.JoinAsync("sub-investigator");
        s.Nurse = await s.JoinAsync("study-nurse");
        s.Crc = await s.JoinAsync("crc");
        s.Cra = await s.JoinAsync("cra");
        s.DataManager = await s.JoinAsync("data-manager");
        s.Pharmacist = await s.JoinAsync("pharmacist");
        s.Outsider = await Member.CreateAsync(app, "pi");
        return s;
    }

    /// <summary>A new user with <paramref name="role"/>, made a member of the project in that role (investigators get a GCP certificate first).</summary>
    public async Task<Member> JoinAsync(string role)
    {
        var member = await Member.CreateAsync(App, role);
        if (role is "pi" or "sub-investigator")
        {
            (await Admin.PostAsJsonAsync($"/api/people/investigators/{member.UserName}/certificates",
                new { issuer = "GCP training", certificateNumber = "GCP-" + member.UserName, issuedOn = "2020-01-01", expiresOn = "2099-12-31" }))
                .EnsureSuccessStatusCode();
        }
        var added = await Admin.PostAsJsonAsync($"/api/projects/{ProjectId}/members", new { userName = member.UserName, role });
        added.StatusCode.ShouldBe(HttpStatusCode.Created, await added.Content.ReadAsStringAsync());
        return member;
    }

    /// <summary>Moves the project along its life cycle's path to <paramref name="target"/>, as the earlier processes would have.</summary>
    public async Task MoveToAsync(ProjectStatus target)
    {
        ProjectStatus[] path =
        [
            ProjectStatus.Submitted, ProjectStatus.InFormalReview, ProjectStatus.AwaitingConfirmation, ProjectStatus.AwaitingApproval,
            ProjectStatus.Approved, ProjectStatus.Contracted, ProjectStatus.Enrolling,
        ];
        await using var scope = App.Scope();
        var db = scope.ServiceProvider.GetRequiredService<CtmsDbContext>();
        var project = await db.Projects.SingleAsync(p => p.Id == ProjectId);
        if (project.Status == target || target == ProjectStatus.Draft)
        {
            return;
        }
        var from = Array.IndexOf(path, project.Status) + 1;
        foreach (var status in path.Skip(from).TakeWhile(st => st != target).Append(target))
        {
            project.MoveTo(status, App.Clock.GetUtcNow());
        }
        await db.SaveChangesAsync();
    }

    /// <summary>Registers the hospital's patient with this project through REST (needs a <see cref="HospitalAppFactory"/>); returns the registry id.</summary>
    public async Task<Guid> RegisterPatientAsync(string mrn, HttpClient? by = null)
    {
        var response = await (by ?? Crc.Client).PostAsJsonAsync($"/api/projects/{ProjectId}/hospital/patients", new { mrn });
        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync());
        return (await response.ReadAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>
    /// Signs every member in again: sessions expire on the host's clock, so a test that moves the clock by days or weeks
    /// (a visit window, an SAE deadline) signs in again as people would.
    /// </summary>
    public async Task SignInAgainAsync()
    {
        async Task<Member> Again(Member m)
        {
            m.Client.Dispose();
            return m with { Client = await App.ClientForAsync(m.UserName, App.UserPassword) };
        }
        Admin.Dispose();
        Admin = await App.AdminAsync();
        Secretary = await Again(Secretary);
        Pi = await Again(Pi);
        SubInvestigator = await Again(SubInvestigator);
        Nurse = await Again(Nurse);
        Crc = await Again(Crc);
        Cra = await Again(Cra);
        DataManager = await Again(DataManager);
        Pharmacist = await Again(Pharmacist);
        Outsider = await Again(Outsider);
    }

    public async Task<T> InDbAsync<T>(Func<CtmsDbContext, Task<T>> query)
    {
        await using var scope = App.Scope();
        return await query(scope.ServiceProvider.GetRequiredService<CtmsDbContext>());
    }

    public void Dispose()
    {
        Admin.Dispose();
        foreach (var member in Team.Append(Secretary).Append(Outsider))
        {
            member.Client.Dispose();
        }
    }
}

/// <summary>A signed-in user: the client and the user name.</summary>
public sealed record Member(HttpClient Client, string UserName)
{
    public static async Task<Member> CreateAsync(CtmsAppFactory app, string role)
    {
        var (client, userName) = await app.UserAsync(role);
        return new Member(client, userName);
    }
}
