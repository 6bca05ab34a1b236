using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ctms.Api.Tests.Integration;
using Ctms.Api.Tests.Subjects;
using Ctms.Domain.Subjects;
using Ctms.Domain.Subjects.Deviations;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Api.Tests.Walk;

/// <summary>
/// Issue 9's walk: one subject of a double-blind study stratified by sex and age group, from the candidate search at the
/// simulated hospital to the completion of the study, through REST, each step by the role that owns it. The data manager
/// configures the protocol (arms, visits with windows, e-CRF pages with an edit check, criteria, the stratified block
/// randomization), the CTI secretary's go-live passes, the CRC finds the patient by diagnosis and registers them, the
/// sub-investigator consents and screens them, the PI enrolls, the sub-investigator randomizes (the team sees no arm; the
/// pharmacist does), visits are recorded with an exam ordered at the hospital whose result comes back, e-CRF data goes
/// through an edit check's query to the PI's signature, the second visit comes late (out of window: a deviation candidate),
/// an SAE is reported within its 24 hours (the sponsor told, the EC's review started), and the PI completes the subject.
/// No response to a blinded role carries an arm.
/// </summary>
public abstract class SubjectWalkTests(HospitalAppFactory app)
{
    private const string ArmActive = "ARM-XK";
    private const string ArmPlacebo = "ARM-QZ";
    private const string ArmActiveName = "Xanthomab 10 mg";
    private const string ArmPlaceboName = "Quellen placebo";

    private static readonly string VitalsSchema = JsonSerializer.Serialize(new
    {
        type = "default",
        id = "vitals",
        components = new object[]
        {
            new { type = "number", key = "sbp", label = "Systolic blood pressure (mmHg)", validate = new { required = true, min = 60, max = 260 } },
            new { type = "number", key = "dbp", label = "Diastolic blood pressure (mmHg)", validate = new { required = true, min = 30, max = 160 } },
            new { type = "number", key = "weight", label = "Weight (kg)", validate = new { min = 20, max = 250 } },
        },
    });

    private static readonly string DemographySchema = JsonSerializer.Serialize(new
    {
        type = "default",
        id = "demog",
        components = new object[]
        {
            new { type = "number", key = "age", label = "Age (years)", validate = new { required = true, min = 0, max = 120 } },
            new { type = "select", key = "sex", label = "Sex", values = new[] { new { label = "Male", value = "M" }, new { label = "Female", value = "F" } } },
        },
    });

    /// <summary>Every body a blinded member of the team received, for the final check that none names an arm.</summary>
    private readonly List<(string Who, string Body)> _blindedBodies = [];

    [Fact]
    public async Task One_subject_of_a_double_blind_stratified_study_goes_from_the_candidate_search_to_completion()
    {
        using var s = await SubjectStudy.CreateAsync(app);
        Member[] Blinded() => [s.Pi, s.SubInvestigator, s.Nurse, s.Crc, s.Cra, s.DataManager];
        var p = $"/api/projects/{s.ProjectId}";
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);

        // O02-O04: the data manager configures the protocol.
        var dm = s.DataManager.Client;
        await OkAsync(dm.PutAsJsonAsync($"{p}/protocol/rules", new { screeningNumberRule = "S{seq:000}", subjectNumberRule = "{protocol}-{seq:000}", washoutDays = 30 }));
        await OkAsync(dm.PutAsJsonAsync($"{p}/protocol/arms/{ArmActive}", new { name = ArmActiveName, ratio = 1 }));
        await OkAsync(dm.PutAsJsonAsync($"{p}/protocol/arms/{ArmPlacebo}", new { name = ArmPlaceboName, ratio = 1 }));
        await OkAsync(dm.PutAsJsonAsync($"{p}/protocol/ecrf-pages/demog", new { title = "Demography", schema = DemographySchema, editChecks = Array.Empty<object>() }));
        await OkAsync(dm.PutAsJsonAsync($"{p}/protocol/ecrf-pages/vitals", new
        {
            title = "Vital signs",
            schema = VitalsSchema,
            editChecks = new[] { new { code = "SBP-HIGH", field = "sbp", expression = "sbp < 180", message = "Systolic pressure of 180 or more: please confirm." } },
        }));
        foreach (var page in new[] { "demog", "vitals" })
        {
            await OkAsync(dm.PostAsync($"{p}/protocol/ecrf-pages/{page}/release", null));
        }
        object Visit(int sequence, string reference, int offset, int before, int after, string[] pages, string[]? exams = null, bool dispensing = false) =>
            new { name = $"Visit {sequence}", sequence, reference, offsetDays = offset, windowBeforeDays = before, windowAfterDays = after,
                exams = exams ?? [], dispensing, ecrfPages = pages, fees = new[] { "visit-fee" } };
        await OkAsync(dm.PutAsJsonAsync($"{p}/protocol/visits/SCR", Visit(1, "Consent", 0, 0, 14, ["demog"])));
        await OkAsync(dm.PutAsJsonAsync($"{p}/protocol/visits/V1", Visit(2, "Randomization", 0, 0, 1, ["vitals"], ["718-7"], dispensing: true)));
        await OkAsync(dm.PutAsJsonAsync($"{p}/protocol/visits/V2", Visit(3, "PreviousVisit", 14, 2, 3, ["vitals"])));
        await OkAsync(dm.PutAsJsonAsync($"{p}/protocol/visits/EOS", Visit(4, "Randomization", 28, 3, 3, ["vitals"])));
        await OkAsync(dm.PostAsync($"{p}/protocol/schedule/publish", null));
        await OkAsync(dm.PutAsJsonAsync($"{p}/protocol/criteria/I1", new { kind = "Inclusion", text = "Aged 18 to 75", expression = "age >= 18 and age <= 75", sequence = 1 }));
        await OkAsync(dm.PutAsJsonAsync($"{p}/protocol/criteria/E1", new { kind = "Exclusion", text = "Severe renal impairment (eGFR < 30)", expression = "egfr < 30", sequence = 2 }));
        await OkAsync(dm.PutAsJsonAsync($"{p}/randomization", new
        {
            method = "StratifiedBlock", blockSizes = new[] { 2, 4 },
            factors = new[] { new { code = "sex", levels = new[] { "M", "F" } }, new { code = "ageGroup", levels = new[] { "<65", ">=65" } } },
            probability = 0.8, seed = "walk-" + s.ProtocolNumber, listLength = 40, blinding = "Double", unblindedRoles = new[] { "pharmacist" },
        }));
        await OkAsync(dm.PostAsync($"{p}/randomization/lock", null));
        var scheme = await BodyAsync(await dm.GetAsync($"{p}/randomization"));
        scheme.ShouldNotContain("walk-" + s.ProtocolNumber, Case.Sensitive, "the seed is never shown");

        // O05: the CTI secretary's go-live check passes.
        var goLive = await ReadAsync(await s.Secretary.Client.PostAsync($"{p}/go-live", null));
        goLive.GetProperty("passed").GetBoolean().ShouldBeTrue(goLive.GetRawText());

        // O06: the CRC searches the hospital by diagnosis, sees the patient with no conflict, and registers them.
        var patient = app.Hospital.Data.Patients.First(x => x.Conditions.Count > 0 && Age(x.BirthDate, today) is >= 18 and <= 75);
        var diagnosis = patient.Conditions[0].Code;
        var candidates = await ReadAsync(await s.Crc.Client.GetAsync($"{p}/candidates?diagnosis={diagnosis}&name={Uri.EscapeDataString(patient.Family)}"));
        var candidate = candidates.EnumerateArray().Single(c => c.GetProperty("mrn").GetString() == patient.Mrn);
        candidate.GetProperty("conflicts").GetArrayLength().ShouldBe(0);
        var patientId = await s.RegisterPatientAsync(patient.Mrn, s.Crc.Client);

        // O07-O08: the sub-investigator opens screening, records the consent on the approved ICF; the nurse screens.
        var created = await s.SubInvestigator.Client.PostAsJsonAsync($"{p}/subjects", new { patientId });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var subject = await created.ReadAsync<JsonElement>();
        var subjectId = subject.GetProperty("id").GetGuid();
        var sp = $"/api/subjects/{subjectId}";
        subject.GetProperty("screeningNumber").GetString().ShouldBe("S001");
        subject.GetProperty("status").GetString().ShouldBe("Screening");
        var label = subject.GetProperty("label").GetString()!;
        label.ShouldStartWith($"{s.ProtocolNumber} S001 ");
        label.ShouldNotContain(patient.Family);
        (await ReadAsync(await s.SubInvestigator.Client.PostAsJsonAsync($"{sp}/consents", new { signedOn = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }))).GetProperty("versionNumber").GetInt32().ShouldBe(1);
        var age = Age(patient.BirthDate, today);
        var screening = await ReadAsync(await s.Nurse.Client.PutAsJsonAsync($"{sp}/screening", new { data = new { age, egfr = 85, sex = patient.Sex == "female" ? "F" : "M" } }));
        screening.GetProperty("eligible").GetBoolean().ShouldBeTrue(screening.GetRawText());
        screening.GetProperty("criteria").EnumerateArray().Select(c => (c.GetProperty("code").GetString(), c.GetProperty("result").GetString(), c.GetProperty("passes").GetBoolean()))
            .ShouldBe([("I1", "met", true), ("E1", "not-met", true)]);

        // O09: the PI enrolls; the subject number follows the rule.
        (await s.Crc.Client.PostAsync($"{sp}/enroll", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var enrolled = await ReadAsync(await s.Pi.Client.PostAsync($"{sp}/enroll", null));
        enrolled.GetProperty("subjectNumber").GetString().ShouldBe($"{s.ProtocolNumber}-001");
        enrolled.GetProperty("status").GetString().ShouldBe("Enrolled");

        // O10: the sub-investigator randomizes in the stratum; the allocation is concealed from the team, known to the pharmacist.
        var sex = patient.Sex == "female" ? "F" : "M";
        var randomized = await ReadBlindedAsync("sub-investigator", await s.SubInvestigator.Client.PostAsJsonAsync($"{sp}/randomize", new { factors = new { sex, ageGroup = age >= 65 ? ">=65" : "<65" } }));
        randomized.GetProperty("blinded").GetBoolean().ShouldBeTrue();
        randomized.GetProperty("arm").ValueKind.ShouldBe(JsonValueKind.Null);
        randomized.GetProperty("randomizationNumber").GetString().ShouldNotBeNullOrEmpty();
        (await s.SubInvestigator.Client.PostAsJsonAsync($"{sp}/randomize", new { factors = new { sex, ageGroup = "<65" } })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var pharmacistView = await ReadAsync(await s.Pharmacist.Client.GetAsync($"{sp}/allocation"));
        pharmacistView.GetProperty("arm").GetProperty("code").GetString().ShouldBeOneOf(ArmActive, ArmPlacebo);
        foreach (var member in Blinded())
        {
            var view = await ReadBlindedAsync(member.UserName, await member.Client.GetAsync($"{sp}/allocation"));
            view.GetProperty("arm").ValueKind.ShouldBe(JsonValueKind.Null);
        }

        // O11-O13: the screening visit and V1 on the day; V1's exam is ordered at the hospital and its result comes back.
        var visits = await ReadBlindedAsync("study-nurse", await s.Nurse.Client.GetAsync($"{sp}/visits"));
        visits.EnumerateArray().Select(v => v.GetProperty("code").GetString()).ShouldBe(["SCR", "V1", "V2", "EOS"]);
        var v2 = visits.EnumerateArray().Single(v => v.GetProperty("code").GetString() == "V2");
        v2.GetProperty("target").GetString().ShouldBe(today.AddDays(14).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await RecordVisitAsync(s.Nurse, sp, "SCR", today, expectOutOfWindow: false);
        await EnterAsync(s.Crc, sp, "SCR", "demog", new { age, sex });
        await RecordVisitAsync(s.Nurse, sp, "V1", today, expectOutOfWindow: false);
        (await s.SubInvestigator.Client.PostAsJsonAsync($"{sp}/visits/V1/orders", new { examCode = "718-7" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        await WaitAsync(() => s.InDbAsync(db => db.HospitalOrders.AnyAsync(o => o.Status == Ctms.Domain.Integration.Orders.HospitalOrderStatus.Resulted)));

        // An out-of-range value is refused and nothing is saved; a value failing the edit check is saved with a query.
        var refused = await s.Crc.Client.PutAsJsonAsync($"{sp}/visits/V1/ecrf/vitals", new { data = new { sbp = 300, dbp = 80 } });
        (await refused.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetRawText().ShouldContain("sbp");
        var entry = await EnterAsync(s.Crc, sp, "V1", "vitals", new { sbp = 185, dbp = 95, weight = 70 });
        var entryId = entry.GetProperty("entryId").GetGuid();
        var autoQuery = entry.GetProperty("queries").EnumerateArray().ShouldHaveSingleItem();
        autoQuery.GetProperty("field").GetString().ShouldBe("sbp");
        var signature = new { signature = new { password = app.UserPassword } };
        (await s.Pi.Client.PostAsJsonAsync($"/api/ecrf-entries/{entryId}/sign", signature)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var queryId = autoQuery.GetProperty("id").GetGuid();
        await OkAsync(s.Crc.Client.PostAsJsonAsync($"/api/ecrf-queries/{queryId}/answer", new { text = "Confirmed on a second measurement." }));
        await OkAsync(s.Cra.Client.PostAsync($"/api/ecrf-queries/{queryId}/close", null));
        await OkAsync(s.Pi.Client.PostAsJsonAsync($"/api/ecrf-entries/{entryId}/sign", signature));

        // Three weeks on: V2 (due on day 14, window 12-17) comes on day 21, recorded out of window as a deviation candidate.
        app.Clock.Advance(TimeSpan.FromDays(21));
        await s.SignInAgainAsync();
        await RecordVisitAsync(s.Nurse, sp, "V2", today.AddDays(21), expectOutOfWindow: true);
        await EnterAsync(s.Crc, sp, "V2", "vitals", new { sbp = 128, dbp = 82 });
        (await s.InDbAsync(db => db.DeviationCandidates.Where(d => d.SubjectId == subjectId).Select(d => d.Kind).ToListAsync()))
            .ShouldContain(DeviationKind.OutOfWindowVisit);

        // O14-O15: a serious adverse event starts the 24-hour clock; the initial report goes in on time to the sponsor and the EC.
        var ae = await ReadAsync(await s.SubInvestigator.Client.PostAsJsonAsync($"{sp}/adverse-events", new
        {
            term = "Pneumonia", onsetDate = today.AddDays(20).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), grade = 3, serious = true, seriousCriteria = new[] { "hospitalization" },
            causality = "Unlikely", outcome = "Ongoing", description = "Admitted with community-acquired pneumonia.",
        }));
        ae.GetProperty("serious").GetBoolean().ShouldBeTrue();
        ae.GetProperty("reportDueAt").GetDateTimeOffset().ShouldBe(app.Clock.GetUtcNow().AddHours(24), TimeSpan.FromMinutes(1));
        var aeId = ae.GetProperty("id").GetGuid();
        app.Clock.Advance(TimeSpan.FromHours(3));
        await s.SignInAgainAsync();
        var report = await ReadAsync(await s.Pi.Client.PostAsJsonAsync($"/api/adverse-events/{aeId}/sae-reports", new { kind = "Initial", narrative = "Pneumonia requiring admission; antibiotics started." }));
        report.GetProperty("late").GetBoolean().ShouldBeFalse();
        var a02 = await ReadAsync(await s.Admin.GetAsync($"/api/process-instances?processId=A02-sae-report-review&businessKey={s.ProjectId}&status=running"));
        a02.GetProperty("items").GetArrayLength().ShouldBe(1, "the EC reviews the SAE report (A02)");
        (await s.InDbAsync(db => db.Notifications.AnyAsync(n => n.RecipientUserName == s.Cra.UserName))).ShouldBeTrue("the sponsor's monitor is told");
        await OkAsync(s.SubInvestigator.Client.PostAsJsonAsync($"/api/adverse-events/{aeId}/follow-ups", new { outcome = "Recovered", note = "Discharged home." }));

        // The end-of-study visit in its window, then the PI completes the subject.
        app.Clock.Advance(TimeSpan.FromDays(7));
        await s.SignInAgainAsync();
        await RecordVisitAsync(s.Nurse, sp, "EOS", today.AddDays(28), expectOutOfWindow: false);
        await EnterAsync(s.Crc, sp, "EOS", "vitals", new { sbp = 124, dbp = 80 });
        var completed = await ReadAsync(await s.Pi.Client.PostAsJsonAsync($"{sp}/status", new { status = "Completed", reason = "Completed the protocol." }));
        completed.GetProperty("status").GetString().ShouldBe("Completed");
        completed.GetProperty("statusColour").GetString().ShouldBe(SubjectLifecycle.Colour(SubjectStatus.Completed));

        var history = await s.InDbAsync(db => db.SubjectStatusChanges.Where(c => c.SubjectId == subjectId).Select(c => new { c.At, c.To }).ToListAsync());
        history.OrderBy(c => c.At).Select(c => c.To).ShouldBe([SubjectStatus.Enrolled, SubjectStatus.Randomized, SubjectStatus.Completed]);
        var finalVisits = await ReadBlindedAsync("crc", await s.Crc.Client.GetAsync($"{sp}/visits"));
        finalVisits.EnumerateArray().Select(v => (v.GetProperty("code").GetString(), v.GetProperty("status").GetString(), v.GetProperty("outOfWindow").GetBoolean()))
            .ShouldBe([("SCR", "Done", false), ("V1", "Done", false), ("V2", "Done", true), ("EOS", "Done", false)]);

        // The blinded team's views of the subject, its visits, e-CRF and safety named no arm along the way.
        foreach (var member in Blinded())
        {
            foreach (var path in new[] { sp, $"{sp}/visits", $"{sp}/ecrf", $"{sp}/adverse-events", $"{p}/subjects" })
            {
                var response = await member.Client.GetAsync(path);
                if (response.IsSuccessStatusCode)
                {
                    _blindedBodies.Add((member.UserName, await response.Content.ReadAsStringAsync()));
                }
            }
        }
        _blindedBodies.Count.ShouldBeGreaterThan(20);
        foreach (var (who, body) in _blindedBodies)
        {
            foreach (var arm in new[] { ArmActive, ArmPlacebo, ArmActiveName, ArmPlaceboName })
            {
                body.ShouldNotContain(arm, Case.Insensitive, $"{who} is blinded");
            }
        }
    }

    private static int Age(DateOnly birth, DateOnly on) => on.Year - birth.Year - (on < birth.AddYears(on.Year - birth.Year) ? 1 : 0);

    private async Task RecordVisitAsync(Member who, string sp, string code, DateOnly day, bool expectOutOfWindow)
    {
        var visit = await ReadBlindedAsync(who.UserName, await who.Client.PostAsJsonAsync($"{sp}/visits/{code}", new { actualDate = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }));
        visit.GetProperty("status").GetString().ShouldBe("Done");
        visit.GetProperty("outOfWindow").GetBoolean().ShouldBe(expectOutOfWindow);
    }

    private async Task<JsonElement> EnterAsync(Member who, string sp, string visit, string page, object data) =>
        await ReadBlindedAsync(who.UserName, await who.Client.PutAsJsonAsync($"{sp}/visits/{visit}/ecrf/{page}", new { data }));

    private async Task<JsonElement> ReadBlindedAsync(string who, HttpResponseMessage response)
    {
        var body = await BodyAsync(response);
        _blindedBodies.Add((who, body));
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response) => JsonDocument.Parse(await BodyAsync(response)).RootElement.Clone();

    private static async Task<string> BodyAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.AbsolutePath}: {(int)response.StatusCode} {body}");
        return body;
    }

    private static async Task OkAsync(Task<HttpResponseMessage> call) => await BodyAsync(await call);

    private static async Task WaitAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 100 && !await condition(); i++)
        {
            await Task.Delay(100);
        }
        (await condition()).ShouldBeTrue("the hospital's result did not arrive");
    }
}

public sealed class SubjectWalkTests_Sqlite(HospitalSqliteFactory app) : SubjectWalkTests(app), IClassFixture<HospitalSqliteFactory>;
