using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Ctms.Api.Tests.Integration;
using Ctms.Api.Tests.Subjects.Visits;
using Ctms.Domain.Common;
using Ctms.Domain.Signatures;
using Ctms.Domain.Subjects.Ecrf;
using Ctms.Studio.Services;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.Api.Tests.Subjects.Ecrf;

/// <summary>
/// The studio's e-CRF pages as the server renders them: the designer (/projects/{id}/ecrf) lists the pages with their
/// versions and status to those who configure the protocol and refuses the others; the visits page offers each role its
/// own actions (entering to the site, raising and closing queries to the CRA, answering to the site, signing to the
/// investigator once no query is open); and the studio's signed sign-off checks the password before it signs.
/// </summary>
public sealed class EcrfPagesTests(HospitalSqliteFactory app) : IClassFixture<HospitalSqliteFactory>
{
    private static string Page(Guid subjectId) => $"/api/subjects/{subjectId}/visits/SCR/ecrf/{VisitsKit.PageCode}";

    private async Task<string> HtmlAsync(string userName, string path, string language = "en")
    {
        using var client = await app.StudioClientAsync(userName, language);
        var response = await client.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The studio's sender of a circuit whose user is <paramref name="userName"/>, as the studio's authentication sets it.</summary>
    private static async Task<StudioSender> SenderAsync(AsyncServiceScope circuit, SubjectStudy s, string userName, string role)
    {
        var userId = await s.InDbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, userId), new Claim(ClaimTypes.Name, userName), new Claim(ClaimTypes.Role, role)], "test"));
        ((IHostEnvironmentAuthenticationStateProvider)circuit.ServiceProvider.GetRequiredService<AuthenticationStateProvider>())
            .SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        return circuit.ServiceProvider.GetRequiredService<StudioSender>();
    }

    [Fact]
    public async Task The_designer_lists_each_page_with_its_versions_to_the_data_manager_and_refuses_the_site_and_outsiders()
    {
        using var s = await VisitsKit.StudyAsync(app);
        // A change after the release is the next version, a draft.
        (await s.DataManager.Client.PutAsJsonAsync($"/api/projects/{s.ProjectId}/protocol/ecrf-pages/{VisitsKit.PageCode}", new
        {
            title = "Vital signs (v2)",
            schema = VisitsKit.PageSchema,
            editChecks = new[] { new { code = "BP", field = "diastolic", expression = "diastolic < systolic", message = "Diastolic must be below systolic." } },
        })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var english = await HtmlAsync(s.DataManager.UserName, $"/projects/{s.ProjectId}/ecrf");
        english.ShouldContain("data-testid=\"ecrf-pages\"");
        english.ShouldContain("data-testid=\"ecrf-page\" data-code=\"VS\"");
        english.ShouldContain("data-version=\"1\" data-status=\"Released\"");
        english.ShouldContain("data-version=\"2\" data-status=\"Draft\"");
        english.ShouldContain("Vital signs (v2)");
        english.ShouldContain("e-CRF designer");
        english.ShouldContain("data-testid=\"ecrf-new-create\"");
        english.ShouldNotContain("ecrf-designer-refused");

        var chinese = await HtmlAsync(s.DataManager.UserName, $"/projects/{s.ProjectId}/ecrf", "zh-CN");
        chinese.ShouldContain("e-CRF 设计器");
        chinese.ShouldContain("已发布");
        chinese.ShouldContain("草稿");

        // The site reads the project's subjects but does not design pages; an outsider learns nothing of the project.
        var nurse = await HtmlAsync(s.Nurse.UserName, $"/projects/{s.ProjectId}/ecrf");
        nurse.ShouldContain("data-testid=\"ecrf-designer-refused\"");
        nurse.ShouldContain("Designing e-CRF pages is for the PI and the data manager of this project.");
        nurse.ShouldNotContain("data-testid=\"ecrf-pages\"");
        nurse.ShouldNotContain("Vital signs");
        var outsider = await HtmlAsync(s.Outsider.UserName, $"/projects/{s.ProjectId}/ecrf");
        outsider.ShouldContain("The project was not found.");
        outsider.ShouldNotContain("Vital signs");

        // The subjects page links the designer for those who may configure only.
        (await HtmlAsync(s.DataManager.UserName, $"/projects/{s.ProjectId}/subjects")).ShouldContain("data-testid=\"subjects-ecrf-designer-link\"");
        (await HtmlAsync(s.Pi.UserName, $"/projects/{s.ProjectId}/subjects")).ShouldContain("data-testid=\"subjects-ecrf-designer-link\"");
        (await HtmlAsync(s.Nurse.UserName, $"/projects/{s.ProjectId}/subjects")).ShouldNotContain("subjects-ecrf-designer-link");
    }

    [Fact]
    public async Task The_visits_page_offers_entry_to_the_site_queries_to_the_cra_and_sign_off_to_the_investigator_once_no_query_is_open()
    {
        using var s = await VisitsKit.StudyAsync(app);
        var subjectId = await VisitsKit.EnrolledSubjectAsync(app, s, 41);
        var visits = $"/subjects/{subjectId}/visits";

        // Before any data: the site enters each page its visits name; the CRA and the investigator's sign-off have nothing to act on.
        var nurse = await HtmlAsync(s.Nurse.UserName, visits);
        nurse.ShouldContain("data-testid=\"ecrf-enter\" data-visit=\"SCR\" data-page=\"VS\"");
        nurse.ShouldContain("data-testid=\"ecrf-enter\" data-visit=\"V1\" data-page=\"VS\"");
        nurse.ShouldContain(">Enter<");
        (await HtmlAsync(s.Cra.UserName, visits)).ShouldNotContain("data-testid=\"ecrf-enter\"");

        // Saved with a failing edit check: the page is queried.
        var saved = await (await s.Nurse.Client.PutAsJsonAsync(Page(subjectId), new { data = new { systolic = 120, diastolic = 130 } })).ReadAsync<JsonElement>();
        var queryId = saved.GetProperty("queries").EnumerateArray().Single().GetProperty("id").GetGuid();

        nurse = await HtmlAsync(s.Nurse.UserName, visits);
        nurse.ShouldContain(">Edit<");
        nurse.ShouldContain("data-testid=\"ecrf-query-answer-send\"");
        nurse.ShouldNotContain("data-testid=\"ecrf-query-close\"");
        nurse.ShouldNotContain("data-testid=\"ecrf-raise\"");
        nurse.ShouldNotContain("data-testid=\"ecrf-sign\"");

        var cra = await HtmlAsync(s.Cra.UserName, visits);
        cra.ShouldContain("data-testid=\"ecrf-raise\"");
        cra.ShouldContain("data-testid=\"ecrf-query-close\"");
        cra.ShouldNotContain("data-testid=\"ecrf-query-answer-send\"");
        cra.ShouldNotContain("data-testid=\"ecrf-enter\"");
        cra.ShouldNotContain("data-testid=\"ecrf-sign\"");

        // The investigator signs only once the query is answered and closed.
        (await HtmlAsync(s.Pi.UserName, visits)).ShouldNotContain("data-testid=\"ecrf-sign\"");
        (await s.Nurse.Client.PostAsJsonAsync($"/api/ecrf-queries/{queryId}/answer", new { text = "Confirmed against the source." })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await HtmlAsync(s.Cra.UserName, visits)).ShouldContain("Confirmed against the source.");
        (await s.Cra.Client.PostAsync($"/api/ecrf-queries/{queryId}/close", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var pi = await HtmlAsync(s.Pi.UserName, visits);
        pi.ShouldContain("data-testid=\"ecrf-sign\"");
        pi.ShouldContain("I confirm this page");
        (await HtmlAsync(s.Nurse.UserName, visits)).ShouldNotContain("data-testid=\"ecrf-sign\"");

        var chinese = await HtmlAsync(s.Pi.UserName, visits, "zh-CN");
        chinese.ShouldContain("签署");
        chinese.ShouldContain("修改");
    }

    [Fact]
    public async Task The_studio_signs_a_page_only_with_the_signers_password_and_the_page_then_shows_the_signature_intact()
    {
        using var s = await VisitsKit.StudyAsync(app);
        var subjectId = await VisitsKit.EnrolledSubjectAsync(app, s, 42);
        var saved = await (await s.Nurse.Client.PutAsJsonAsync(Page(subjectId), new { data = new { systolic = 121, diastolic = 79 } })).ReadAsync<JsonElement>();
        saved.GetProperty("status").GetString().ShouldBe("Entered");
        var entryId = saved.GetProperty("entryId").GetGuid();
        await using var circuit = app.Services.CreateAsyncScope();
        var sender = await SenderAsync(circuit, s, s.Pi.UserName, "pi");

        // A wrong password: refused on the password field, nothing signed, the refusal on the audit trail.
        var wrong = await Should.ThrowAsync<DomainValidationException>(() =>
            sender.SignedCommandAsync(new SignEcrfEntry(entryId), "not-the-password", EcrfEntry.SignatureMeaning));
        wrong.Errors.ShouldContainKey(SignatureAuthenticator.PasswordField);
        (await s.InDbAsync(db => db.EcrfEntries.Where(e => e.Id == entryId).Select(e => e.SignedAt).SingleAsync())).ShouldBeNull();
        (await s.InDbAsync(db => db.RefusedAttempts.CountAsync(a => a.Path == "studio/" + nameof(SignEcrfEntry)))).ShouldBeGreaterThan(0);

        // The right one: signed with the page's meaning, and the page shows the signature intact.
        var signed = await sender.SignedCommandAsync(new SignEcrfEntry(entryId), app.UserPassword, EcrfEntry.SignatureMeaning);
        signed.Status.ShouldBe(EcrfEntryStatus.Signed);
        var signature = signed.Signatures.ShouldHaveSingleItem();
        signature.SignerUserName.ShouldBe(s.Pi.UserName);
        signature.Meaning.ShouldBe(EcrfEntry.SignatureMeaning);
        signature.Intact.ShouldBeTrue();
        var page = await HtmlAsync(s.Cra.UserName, $"/subjects/{subjectId}/visits");
        page.ShouldContain("data-testid=\"ecrf-signature\" data-intact=\"true\"");
        page.ShouldNotContain("data-testid=\"ecrf-sign\"");

        // Whoever may not sign is refused by the domain, whatever the studio shows.
        await using var nurseCircuit = app.Services.CreateAsyncScope();
        var nurse = await SenderAsync(nurseCircuit, s, s.Nurse.UserName, "study-nurse");
        (await nurse.MayAsync(Domain.Access.ProjectActions.EcrfSignOff, s.ProjectId)).ShouldBeFalse();
        (await nurse.MayAsync(Domain.Access.ProjectActions.EcrfEnter, s.ProjectId)).ShouldBeTrue();
        await Should.ThrowAsync<ForbiddenException>(() => nurse.SignedCommandAsync(new SignEcrfEntry(entryId), app.UserPassword, EcrfEntry.SignatureMeaning));
    }
}
