using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ctms.Api.Tests.Integration;
using Ctms.Api.Tests.Subjects.Protocol;
using Ctms.Api.Tests.Subjects.Visits;
using Ctms.Domain.Subjects.Visits;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Api.Tests.Subjects.Recruitment;

/// <summary>
/// A subject due for re-consent (the committee approved a newer ICF since they signed) is not visited and has no e-CRF
/// data entered until they sign it: the same 409 as randomization, nothing saved; after the re-consent both go through.
/// </summary>
public sealed class ReconsentGapTests(HospitalSqliteFactory app) : IClassFixture<HospitalSqliteFactory>
{
    [Fact]
    public async Task A_subject_due_for_re_consent_is_neither_visited_nor_given_e_CRF_data_until_re_consented()
    {
        using var s = await VisitsKit.StudyAsync(app);
        var subjectId = await VisitsKit.EnrolledSubjectAsync(app, s, 33);
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        await RecruitmentTests.ApproveNewConsentVersionAsync(s);
        (await ProtocolKit.OkAsync(s.Pi.Client.GetAsync($"/api/subjects/{subjectId}"))).GetProperty("reconsentDue").GetBoolean().ShouldBeTrue();

        var visit = await (await VisitsKit.RecordAsync(s.Nurse.Client, subjectId, "SCR", today)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        visit.GetProperty("detail").GetString()!.ShouldContain("must re-consent");
        var ecrf = await (await s.Nurse.Client.PutAsJsonAsync($"/api/subjects/{subjectId}/visits/SCR/ecrf/{VisitsKit.PageCode}",
            new { data = new { systolic = 120, diastolic = 80 } })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        ecrf.GetProperty("detail").GetString()!.ShouldContain("must re-consent");
        // Randomization says the same.
        (await (await s.Pi.Client.PostAsJsonAsync($"/api/subjects/{subjectId}/randomize", new { factors = new { } })).ShouldBeProblemAsync(HttpStatusCode.Conflict))
            .GetProperty("detail").GetString()!.ShouldContain("re-consent");

        // Nothing was saved.
        (await s.InDbAsync(db => db.SubjectVisits.AsNoTracking().CountAsync(v => v.SubjectId == subjectId && v.Status == SubjectVisitStatus.Done))).ShouldBe(0);
        (await s.InDbAsync(db => db.EcrfEntries.AsNoTracking().CountAsync(e => e.SubjectId == subjectId))).ShouldBe(0);
        (await s.InDbAsync(db => db.DeviationCandidates.AsNoTracking().CountAsync(d => d.SubjectId == subjectId))).ShouldBe(0);

        // The subject signs the new version: the visit and its data go through.
        var consent = await s.Pi.Client.PostAsJsonAsync($"/api/subjects/{subjectId}/consents", new { signedOn = today });
        consent.StatusCode.ShouldBe(HttpStatusCode.Created, await consent.Content.ReadAsStringAsync());
        (await consent.ReadAsync<JsonElement>()).GetProperty("kind").GetString().ShouldBe("Reconsent");
        var recorded = await VisitsKit.RecordAsync(s.Nurse.Client, subjectId, "SCR", today);
        recorded.StatusCode.ShouldBe(HttpStatusCode.OK, await recorded.Content.ReadAsStringAsync());
        var saved = await s.Nurse.Client.PutAsJsonAsync($"/api/subjects/{subjectId}/visits/SCR/ecrf/{VisitsKit.PageCode}",
            new { data = new { systolic = 120, diastolic = 80 } });
        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        var visits = await VisitsKit.VisitsAsync(s.Nurse.Client, subjectId);
        VisitsKit.Visit(visits, "SCR").GetProperty("status").GetString().ShouldBe("Done");
        (await s.InDbAsync(db => db.EcrfEntries.AsNoTracking().CountAsync(e => e.SubjectId == subjectId))).ShouldBe(1);
    }

}
