using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Ctms.Api.Tests.Subjects.Protocol;

/// <summary>
/// A small but complete protocol configured through REST as the PI and the data manager would (O02-O04): numbering rules,
/// two arms, three visits (screening from consent, day 1 from randomization, day 29 after it), two e-CRF pages released
/// and three criteria (age and consent inclusions, an eGFR exclusion); then the go-live by the CTI secretary (O05).
/// </summary>
public static class ProtocolKit
{
    public const string ScreeningRule = "SCR-{yyyy}-{seq:00}";
    public const string SubjectRule = "{protocol}-{site}-{seq:000}";

    public const string VitalsSchema =
        """{"type":"default","components":[{"type":"number","key":"weight","label":"Weight (kg)","validate":{"required":true,"min":20,"max":300}},{"type":"number","key":"systolic","label":"Systolic (mmHg)","validate":{"min":50,"max":260}}]}""";

    public const string LabsSchema =
        """{"type":"default","components":[{"type":"number","key":"alt","label":"ALT (U/L)","validate":{"min":0,"max":5000}}]}""";

    /// <summary>Screening data that passes every criterion of the kit.</summary>
    public static object EligibleData => new { age = 45, consentCapable = true, egfr = 80 };

    public static async Task ConfigureAsync(SubjectStudy s, int washoutDays = 0)
    {
        var pi = s.Pi.Client;
        var dm = s.DataManager.Client;
        var root = $"/api/projects/{s.ProjectId}/protocol";
        (await pi.PutAsJsonAsync($"{root}/rules", new { screeningNumberRule = ScreeningRule, subjectNumberRule = SubjectRule, washoutDays }))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await OkAsync(pi.PutAsJsonAsync($"{root}/arms/A", new { name = "Drug X 10 mg", ratio = 1 }));
        await OkAsync(pi.PutAsJsonAsync($"{root}/arms/B", new { name = "Placebo", ratio = 1 }));
        await OkAsync(dm.PutAsJsonAsync($"{root}/ecrf-pages/VITALS", new
        {
            title = "Vital signs",
            schema = VitalsSchema,
            editChecks = new[] { new { code = "SYS", field = "systolic", expression = "systolic = null or systolic < 180", message = "Systolic 180 or more: confirm." } },
        }));
        await OkAsync(dm.PutAsJsonAsync($"{root}/ecrf-pages/LABS", new { title = "Laboratory", schema = LabsSchema, editChecks = Array.Empty<object>() }));
        await OkAsync(dm.PostAsync($"{root}/ecrf-pages/VITALS/release", null));
        await OkAsync(dm.PostAsync($"{root}/ecrf-pages/LABS/release", null));
        await OkAsync(pi.PutAsJsonAsync($"{root}/visits/SCR", Visit("Screening", 1, "Consent", 0, 0, 14, [], false, ["VITALS", "LABS"])));
        await OkAsync(pi.PutAsJsonAsync($"{root}/visits/D1", Visit("Day 1", 2, "Randomization", 0, 0, 1, ["CBC"], true, ["VITALS"])));
        await OkAsync(pi.PutAsJsonAsync($"{root}/visits/D29", Visit("Day 29", 3, "PreviousVisit", 28, 3, 3, ["CBC", "LFT"], true, ["VITALS", "LABS"])));
        await OkAsync(pi.PutAsJsonAsync($"{root}/criteria/I1", new { kind = "Inclusion", text = "Aged 18 to 75", expression = "age >= 18 and age <= 75", sequence = 1 }));
        await OkAsync(pi.PutAsJsonAsync($"{root}/criteria/I2", new { kind = "Inclusion", text = "Able to consent", expression = "consentCapable = true", sequence = 2 }));
        await OkAsync(pi.PutAsJsonAsync($"{root}/criteria/E1", new { kind = "Exclusion", text = "Severe renal impairment (eGFR < 30)", expression = "egfr < 30", sequence = 1 }));
        await OkAsync(pi.PostAsync($"{root}/schedule/publish", null));
        // The randomization (part of O04): permuted blocks over the two arms, double-blind, locked.
        await OkAsync(dm.PutAsJsonAsync($"/api/projects/{s.ProjectId}/randomization", new
        {
            method = "PermutedBlock", blockSizes = new[] { 2, 4 }, factors = Array.Empty<object>(), probability = 0.8, seed = "kit-" + s.ProtocolNumber,
            listLength = 40, blinding = "Double", unblindedRoles = new[] { "pharmacist" },
        }));
        await OkAsync(dm.PostAsync($"/api/projects/{s.ProjectId}/randomization/lock", null));
    }

    public static async Task GoLiveAsync(SubjectStudy s)
    {
        var response = await s.Secretary.Client.PostAsync($"/api/projects/{s.ProjectId}/go-live", null);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    public static object Visit(string name, int sequence, string reference, int offsetDays, int before, int after, string[] exams, bool dispensing,
        string[] pages) =>
        new
        {
            name, sequence, reference, offsetDays, windowBeforeDays = before, windowAfterDays = after, exams, dispensing, ecrfPages = pages,
            fees = new[] { "VISIT-FEE" },
        };

    public static async Task<JsonElement> OkAsync(Task<HttpResponseMessage> request)
    {
        var response = await request;
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
