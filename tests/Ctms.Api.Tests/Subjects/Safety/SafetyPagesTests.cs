using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using Ctms.Api.Tests.Subjects.Randomization;
using Ctms.Domain.Common;
using Ctms.Domain.Subjects;
using Ctms.Domain.Subjects.Randomization;
using Ctms.Studio.Services;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.Api.Tests.Subjects.Safety;

/// <summary>
/// The studio's safety and allocation pages as each role gets them: the AE form and the follow-ups only for those who
/// report safety (the PI and the sub-investigators), in English and Chinese; the emergency unblinding only for the PI of a
/// double-blind study, through the studio's signed path (the password checked, a wrong one refused), after which the
/// PI's allocation page shows the arm and nobody else's does.
/// </summary>
public sealed class SafetyPagesTests(SqliteAppFactory app) : IClassFixture<SqliteAppFactory>
{
    private const string Chinese = ".AspNetCore.Culture=c%3Dzh-CN%7Cuic%3Dzh-CN";
    private const string ActiveCode = "QZACTIVE";
    private const string ActiveName = "Safetyzumab 10 mg";
    private const string PlaceboCode = "QZPLACEBO";
    private const string PlaceboName = "Safety dummy";

    [Fact]
    public async Task The_AE_form_and_follow_ups_are_offered_to_the_investigators_only()
    {
        using var s = await SubjectStudy.CreateAsync(app);
        var subject = await SafetyKit.ConsentedSubjectAsync(s, "PG-" + Guid.NewGuid().ToString("N")[..8], SubjectStatus.Enrolled);
        await SafetyKit.RecordAsync(s.Pi.Client, subject.Id, SafetyKit.Ae("Insomnia", 1));

        foreach (var investigator in new[] { s.Pi, s.SubInvestigator })
        {
            var page = await investigator.Client.GetStringAsync($"/subjects/{subject.Id}/safety");
            page.ShouldContain("data-testid=\"ae-form\"");
            page.ShouldContain("Record an adverse event");
            page.ShouldContain("data-testid=\"follow-up-open\"");
            page.ShouldContain("Insomnia");
        }
        var crc = await s.Crc.Client.GetStringAsync($"/subjects/{subject.Id}/safety");
        crc.ShouldContain("Insomnia");
        crc.ShouldNotContain("data-testid=\"ae-form\"");
        crc.ShouldNotContain("data-testid=\"follow-up-open\"");
        var outsider = await s.Outsider.Client.GetStringAsync($"/subjects/{subject.Id}/safety");
        outsider.ShouldContain("data-testid=\"safety-not-found\"");
        outsider.ShouldNotContain("data-testid=\"ae-form\"");

        using var zh = new HttpRequestMessage(HttpMethod.Get, $"/subjects/{subject.Id}/safety");
        zh.Headers.Add("Cookie", Chinese);
        var zhPage = await (await s.Pi.Client.SendAsync(zh)).Content.ReadAsStringAsync();
        zhPage.ShouldContain("记录不良事件");
        zhPage.ShouldContain("严重（启动 24 小时 SAE 报告时限）");
    }

    [Fact]
    public async Task The_PI_breaks_the_blind_from_the_studio_with_the_password_and_then_sees_the_arm()
    {
        using var s = await SubjectStudy.CreateAsync(app);
        await RandomizationKit.AddArmsAsync(s, (ActiveCode, ActiveName, 1), (PlaceboCode, PlaceboName, 1));
        await RandomizationKit.LockedSchemeAsync(s, RandomizationKit.StratifiedDoubleBlind("safety-pages-" + Guid.NewGuid()));
        var subject = await RandomizationKit.SubjectAsync(s);
        await RandomizationKit.RandomizeAsync(s.Pi, subject, new { sex = "F", age = "<65" });

        var before = await s.Pi.Client.GetStringAsync($"/subjects/{subject}/allocation");
        before.ShouldContain("data-testid=\"allocation-blinded\"");
        before.ShouldContain("data-testid=\"unblind-open\"");
        ShouldNotNameAnArm(before);
        var subInvestigator = await s.SubInvestigator.Client.GetStringAsync($"/subjects/{subject}/allocation");
        subInvestigator.ShouldNotContain("data-testid=\"unblind-open\"");
        ShouldNotNameAnArm(subInvestigator);
        using var zh = new HttpRequestMessage(HttpMethod.Get, $"/subjects/{subject}/allocation");
        zh.Headers.Add("Cookie", Chinese);
        (await (await s.Pi.Client.SendAsync(zh)).Content.ReadAsStringAsync()).ShouldContain("紧急揭盲…");

        // The page's path: the checks, then the signed command. A wrong password is refused on the field, nothing unblinded.
        var pi = await SenderForAsync(s.Pi.UserName);
        var subInv = await SenderForAsync(s.SubInvestigator.UserName);
        await Should.ThrowAsync<ForbiddenException>(() => subInv.QueryAsync(new CheckUnblinding(subject, "Anaphylaxis")));
        await Should.ThrowAsync<ForbiddenException>(() =>
            subInv.SignedCommandAsync(new UnblindSubject(subject, "Anaphylaxis"), app.UserPassword, UnblindingEvent.Meaning, default));
        var wrong = await Should.ThrowAsync<DomainValidationException>(() =>
            pi.SignedCommandAsync(new UnblindSubject(subject, "Anaphylaxis"), "not-the-password", UnblindingEvent.Meaning, default));
        wrong.Errors.Keys.ShouldContain("signature.password");
        (await s.InDbAsync(db => db.UnblindingEvents.CountAsync(e => e.SubjectId == subject))).ShouldBe(0);
        await Should.ThrowAsync<DomainValidationException>(() => pi.QueryAsync(new CheckUnblinding(subject, "")));

        await pi.QueryAsync(new CheckUnblinding(subject, "Anaphylaxis; treatment depends on the drug"));
        var unblinded = await pi.SignedCommandAsync(new UnblindSubject(subject, "Anaphylaxis; treatment depends on the drug"), app.UserPassword,
            UnblindingEvent.Meaning, default);
        unblinded.Arm.ShouldNotBeNull();
        var signatures = await s.InDbAsync(db => db.Set<Domain.Signatures.ElectronicSignature>().AsNoTracking()
            .Where(x => x.SignerUserName == s.Pi.UserName).Select(x => x.Meaning).ToListAsync());
        signatures.ShouldContain(UnblindingEvent.Meaning);
        (await SafetyKit.NotifiedAsync(app, UnblindSubjectHandler.Template, s.ProjectId)).ShouldContain(s.Cra.UserName);

        // After a reload the PI sees the arm; the sub-investigator still does not.
        var after = await s.Pi.Client.GetStringAsync($"/subjects/{subject}/allocation");
        after.ShouldContain(unblinded.Arm.Code);
        after.ShouldContain(unblinded.Arm.Name);
        after.ShouldNotContain("data-testid=\"allocation-blinded\"");
        ShouldNotNameAnArm(await s.SubInvestigator.Client.GetStringAsync($"/subjects/{subject}/allocation"));
    }

    private static void ShouldNotNameAnArm(string body)
    {
        foreach (var leak in new[] { ActiveCode, ActiveName, PlaceboCode, PlaceboName })
        {
            body.ShouldNotContain(leak, Case.Insensitive);
        }
    }

    /// <summary>The studio's sender for a signed-in <paramref name="userName"/>, as a page of their circuit has it.</summary>
    private async Task<StudioSender> SenderForAsync(string userName)
    {
        await using var scope = app.Scope();
        var user = await scope.ServiceProvider.GetRequiredService<Domain.Data.CtmsDbContext>().Users.AsNoTracking().SingleAsync(u => u.UserName == userName);
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, user.Id), new Claim(ClaimTypes.Name, userName)], "test", ClaimTypes.Name, ClaimTypes.Role));
        return new StudioSender(app.Services.GetRequiredService<IServiceScopeFactory>(), new SignedIn(principal));
    }

    private sealed class SignedIn(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }
}
