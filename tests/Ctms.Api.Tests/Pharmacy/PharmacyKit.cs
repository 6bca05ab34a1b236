using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ctms.Api.Tests.Subjects;
using Ctms.Api.Tests.Subjects.Randomization;

namespace Ctms.Api.Tests.Pharmacy;

/// <summary>
/// What the pharmacy tests need: a study with two arms whose codes are distinctive (so a leak is found by a plain search of
/// any body), a double-blind locked randomization, the pharmacy's places and a product.
/// </summary>
internal static class PharmacyKit
{
    public const string ActiveArm = "IPACTIVE";
    public const string PlaceboArm = "IPPLACEBO";

    public sealed record Places(Guid Central, Guid Satellite, Guid Quarantine);

    public static async Task<SubjectStudy> DoubleBlindStudyAsync(CtmsAppFactory app)
    {
        var s = await SubjectStudy.CreateAsync(app);
        await RandomizationKit.AddArmsAsync(s, (ActiveArm, "Verum 40 mg", 1), (PlaceboArm, "Matching placebo", 1));
        await RandomizationKit.LockedSchemeAsync(s, RandomizationKit.StratifiedDoubleBlind("pharmacy-seed-" + Guid.NewGuid()));
        return s;
    }

    /// <summary>A central pharmacy, a satellite and a quarantine with codes of their own (the places are the hospital's, shared by studies).</summary>
    public static async Task<Places> PlacesAsync(SubjectStudy s)
    {
        var suffix = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        async Task<Guid> Put(string code, string kind)
        {
            var response = await s.Admin.PutAsJsonAsync($"/api/pharmacy/locations/{code}-{suffix}", new { name = $"{code} {suffix}", kind });
            response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        }
        return new Places(await Put("CENTRAL", "CentralPharmacy"), await Put("WARD", "SatellitePharmacy"), await Put("QUAR", "Quarantine"));
    }

    public static async Task ProductAsync(SubjectStudy s, string code = "IP1", decimal? min = 2, decimal? max = 8)
    {
        var response = await s.Pharmacist.Client.PutAsJsonAsync($"/api/projects/{s.ProjectId}/pharmacy/products/{code}",
            new { name = "Study drug 40 mg or placebo", unit = "tablet", unitsPerKit = 28, minTemperature = min, maxTemperature = max, storage = "2-8 °C" });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    /// <summary>A packing line: kits alternate arms, batch by arm, expiring <paramref name="expiresInDays"/> from the study's today.</summary>
    public static object Line(SubjectStudy s, string kit, string arm, int expiresInDays = 365, string? batch = null) => new
    {
        kitNumber = kit,
        randomCode = "R" + kit,
        product = "IP1",
        batch = batch ?? (arm == ActiveArm ? "B-ACT-1" : "B-PLA-1"),
        expiresOn = DateOnly.FromDateTime(s.App.Clock.GetUtcNow().UtcDateTime).AddDays(expiresInDays),
        arm,
    };

    public static async Task<JsonElement> RegisterAsync(SubjectStudy s, string number, Guid location, params object[] kits)
    {
        var response = await s.Pharmacist.Client.PostAsJsonAsync($"/api/projects/{s.ProjectId}/pharmacy/shipments",
            new { number, locationId = location, sender = "Sponsor depot", kits });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<JsonElement> ReceiveAsync(SubjectStudy s, Guid shipment, string[] scanned, object[]? damaged = null, decimal? min = 3,
        decimal? max = 7)
    {
        var response = await s.Pharmacist.Client.PostAsJsonAsync($"/api/shipments/{shipment}/receive",
            new { scanned, damaged, loggedMin = min, loggedMax = max, loggerReference = "LOG-1" });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<JsonElement> StockAsync(SubjectStudy s, DateOnly? on = null)
    {
        var url = $"/api/projects/{s.ProjectId}/pharmacy/stock" + (on is null ? "" : $"?on={on:yyyy-MM-dd}");
        var response = await s.Pharmacist.Client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static int OnSiteUnits(JsonElement stock) => stock.GetProperty("onSite").EnumerateArray().Sum(l => l.GetProperty("units").GetInt32());

    public static Task<int> MovementsAsync(SubjectStudy s) => s.InDbAsync(db => Task.FromResult(db.StockMovements.Count(m => m.ProjectId == s.ProjectId)));

    /// <summary>Two dispensing visits: D1 on the day of randomization (window +2 days) and D29 four weeks after it; the schedule published.</summary>
    public static async Task DispensingVisitsAsync(SubjectStudy s)
    {
        var root = $"/api/projects/{s.ProjectId}/protocol";
        await Subjects.Protocol.ProtocolKit.OkAsync(s.Pi.Client.PutAsJsonAsync($"{root}/visits/D1",
            Subjects.Protocol.ProtocolKit.Visit("Day 1", 1, "Randomization", 0, 0, 2, [], true, [])));
        await Subjects.Protocol.ProtocolKit.OkAsync(s.Pi.Client.PutAsJsonAsync($"{root}/visits/D29",
            Subjects.Protocol.ProtocolKit.Visit("Day 29", 2, "PreviousVisit", 28, 3, 3, [], true, [])));
        await Subjects.Protocol.ProtocolKit.OkAsync(s.Pi.Client.PostAsync($"{root}/schedule/publish", null));
    }

    /// <summary>An enrolled subject randomized by the PI through REST (a real allocation from the locked list).</summary>
    public static async Task<Guid> RandomizedSubjectAsync(SubjectStudy s, string sex = "F")
    {
        var subject = await RandomizationKit.SubjectAsync(s);
        var response = await s.Pi.Client.PostAsJsonAsync($"/api/subjects/{subject}/randomize", new { factors = new { sex, age = "<65" } });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return subject;
    }

    /// <summary>The subject's arm, read in the database (the test is unblinded; no endpoint is asked).</summary>
    public static Task<string> ArmOfAsync(SubjectStudy s, Guid subject) =>
        s.InDbAsync(db => Task.FromResult(db.SubjectAllocations.Single(a => a.SubjectId == subject).Arm));

    public static async Task<JsonElement> PrescribeAsync(SubjectStudy s, Guid subject, string visit = "D1")
    {
        var response = await s.Pi.Client.PostAsJsonAsync($"/api/subjects/{subject}/prescriptions", new { visitCode = visit, unitsPerDay = 1 });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static Task<HttpResponseMessage> DispenseAsync(SubjectStudy s, Guid prescription, string code, Guid location) =>
        s.Pharmacist.Client.PostAsJsonAsync($"/api/prescriptions/{prescription}/dispense", new { code, locationId = location });
}
