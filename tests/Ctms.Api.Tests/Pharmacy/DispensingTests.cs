using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ctms.Api.Tests.Subjects;
using Ctms.Domain.Pharmacy.Stock;
using Ctms.Domain.Subjects;
using Microsoft.EntityFrameworkCore;
using static Ctms.Api.Tests.Pharmacy.PharmacyKit;

namespace Ctms.Api.Tests.Pharmacy;

/// <summary>
/// Prescriptions (O20) and dispensing by scan (O21): only investigators prescribe, blind; the pharmacy picks by scan and a
/// kit that does not fit is refused with its reason (unknown, wrong arm, quarantined, not first to expire, expired,
/// already dispensed) with the ledger unchanged and the attempt audited; nothing is prescribed to or dispensed for a
/// withdrawn subject; of two desks dispensing the same kit at the same moment exactly one succeeds.
/// </summary>
public abstract class DispensingTests(CtmsAppFactory app)
{
    [Fact]
    public async Task An_investigator_prescribes_blind_and_the_pharmacist_dispenses_the_first_expiring_kit_of_the_arm_by_scan()
    {
        using var s = await DoubleBlindStudyAsync(app);
        await DispensingVisitsAsync(s);
        var places = await PlacesAsync(s);
        await ProductAsync(s);
        var subject = await RandomizedSubjectAsync(s);
        var arm = await ArmOfAsync(s, subject);
        var other = arm == ActiveArm ? PlaceboArm : ActiveArm;
        var shipment = await RegisterAsync(s, "SHP-D", places.Central,
            Line(s, "F-LATE", arm, expiresInDays: 300, batch: "B-LATE"), Line(s, "F-EARLY", arm, expiresInDays: 60, batch: "B-EARLY"),
            Line(s, "F-SOON", arm, expiresInDays: 1, batch: "B-SOON"), Line(s, "F-QUAR", arm, expiresInDays: 30, batch: "B-QUAR"),
            Line(s, "F-OTHER", other, expiresInDays: 10, batch: "B-OTHER"));
        await ReceiveAsync(s, shipment.GetProperty("id").GetGuid(), ["F-LATE", "F-EARLY", "F-SOON", "F-QUAR", "F-OTHER"]);
        var quarantined = (await s.Pharmacist.Client.GetFromJsonAsync<JsonElement>($"/api/projects/{s.ProjectId}/pharmacy/kits/scan?code=F-QUAR")).GetProperty("id");
        (await s.Pharmacist.Client.PostAsJsonAsync($"/api/kits/{quarantined}/quarantine", new { locationId = places.Quarantine, reason = "Recall notice 7" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        app.Clock.Advance(TimeSpan.FromDays(2)); // F-SOON is now expired
        await s.SignInAgainAsync();

        // Only investigators prescribe, whatever endpoint; the prescription names no arm and no kit.
        foreach (var member in new[] { s.Crc, s.Nurse, s.Pharmacist, s.Cra })
        {
            (await member.Client.PostAsJsonAsync($"/api/subjects/{subject}/prescriptions", new { visitCode = "D1" }))
                .StatusCode.ShouldBe(HttpStatusCode.Forbidden, member.UserName);
        }
        (await s.Outsider.Client.PostAsJsonAsync($"/api/subjects/{subject}/prescriptions", new { visitCode = "D1" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await s.Pi.Client.PostAsJsonAsync($"/api/subjects/{subject}/prescriptions", new { visitCode = "NOPE" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var prescription = await PrescribeAsync(s, subject);
        var body = prescription.GetRawText();
        body.ShouldNotContain(ActiveArm);
        body.ShouldNotContain(PlaceboArm);
        prescription.GetProperty("status").GetString().ShouldBe("Issued");
        prescription.GetProperty("subject").GetString()!.ShouldContain("T.S.");
        (await s.SubInvestigator.Client.PostAsJsonAsync($"/api/subjects/{subject}/prescriptions", new { visitCode = "D1" }))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict, "one prescription of the product per visit");
        var id = prescription.GetProperty("id").GetGuid();

        var suggestion = await s.Pharmacist.Client.GetFromJsonAsync<JsonElement>($"/api/prescriptions/{id}/suggestion?locationId={places.Central}");
        suggestion.GetProperty("kitNumber").GetString().ShouldBe("F-EARLY");
        suggestion.GetProperty("fitting").GetInt32().ShouldBe(2);

        var movements = await MovementsAsync(s);
        var refusals = await s.InDbAsync(db => db.RefusedAttempts.CountAsync());
        foreach (var (code, reason) in new[]
                 {
                     ("NO-SUCH-KIT", "No kit"), ("F-OTHER", "wrong arm"), ("F-QUAR", "quarantined"), ("F-LATE", "first expiry, first out"),
                     ("F-SOON", "expired"),
                 })
        {
            var refused = await DispenseAsync(s, id, code, places.Central);
            refused.StatusCode.ShouldBe(HttpStatusCode.Conflict, code);
            var problem = await refused.Content.ReadAsStringAsync();
            problem.ShouldContain(reason, Case.Insensitive, code);
            problem.ShouldNotContain(ActiveArm);
            problem.ShouldNotContain(PlaceboArm);
        }
        (await MovementsAsync(s)).ShouldBe(movements, "a refused scan moves nothing");
        (await s.InDbAsync(db => db.RefusedAttempts.CountAsync())).ShouldBe(refusals + 5, "each refused scan is on the audit trail");
        (await DispenseAsync(s, id, "F-EARLY", places.Satellite)).StatusCode.ShouldBe(HttpStatusCode.Conflict, "the kit is at the central pharmacy");

        var dispensed = await DispenseAsync(s, id, "f-early\n", places.Central);
        dispensed.StatusCode.ShouldBe(HttpStatusCode.OK, await dispensed.Content.ReadAsStringAsync());
        var result = await dispensed.Content.ReadFromJsonAsync<JsonElement>();
        result.GetProperty("kitNumber").GetString().ShouldBe("F-EARLY");
        result.GetProperty("prescription").GetProperty("status").GetString().ShouldBe("Dispensed");
        var label = await s.Pharmacist.Client.GetAsync(result.GetProperty("labelUrl").GetString());
        label.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await label.Content.ReadAsStringAsync()).ShouldContain("data-kit=\"F-EARLY\"");

        (await s.InDbAsync(db => db.Subjects.SingleAsync(x => x.Id == subject))).Status.ShouldBe(SubjectStatus.InTreatment);
        (await MovementsAsync(s)).ShouldBe(movements + 1);
        var stock = await StockAsync(s);
        stock.GetProperty("kitsAgree").GetBoolean().ShouldBeTrue();
        stock.GetProperty("outside").EnumerateArray().Where(l => l.GetProperty("kind").GetString() == "Subjects").Sum(l => l.GetProperty("units").GetInt32())
            .ShouldBe(28);
        var visits = await s.Pi.Client.GetFromJsonAsync<JsonElement>($"/api/subjects/{subject}/visits");
        visits.EnumerateArray().Single(v => v.GetProperty("code").GetString() == "D1").GetProperty("todo").EnumerateArray()
            .Single(t => t.GetProperty("kind").GetString() == "dispensing").GetProperty("done").GetBoolean().ShouldBeTrue();

        (await DispenseAsync(s, id, "F-LATE", places.Central)).StatusCode.ShouldBe(HttpStatusCode.Conflict, "dispensed already");
        var next = await PrescribeAsync(s, subject, "D29");
        var again = await DispenseAsync(s, next.GetProperty("id").GetGuid(), "F-EARLY", places.Central);
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await again.Content.ReadAsStringAsync()).ShouldContain("already dispensed to this subject");

        // The subject withdraws: nothing more is prescribed or dispensed.
        await s.InDbAsync(async db =>
        {
            var x = await db.Subjects.SingleAsync(y => y.Id == subject);
            db.SubjectStatusChanges.Add(x.MoveTo(SubjectStatus.Withdrawn, app.Clock.GetUtcNow(), "test", "Withdrew consent"));
            return await db.SaveChangesAsync();
        });
        var withdrawn = await DispenseAsync(s, next.GetProperty("id").GetGuid(), "F-LATE", places.Central);
        withdrawn.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await withdrawn.Content.ReadAsStringAsync()).ShouldContain("withdrawn", Case.Insensitive);
        (await s.Pi.Client.PostAsJsonAsync($"/api/subjects/{subject}/prescriptions", new { visitCode = "D29" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Two_desks_dispensing_the_same_kit_at_the_same_moment_one_succeeds_and_the_ledger_has_one_line()
    {
        using var s = await DoubleBlindStudyAsync(app);
        await DispensingVisitsAsync(s);
        var places = await PlacesAsync(s);
        await ProductAsync(s);
        // Three subjects: two of them share an arm.
        var subjects = new List<(Guid Id, string Arm)>();
        for (var i = 0; i < 3; i++)
        {
            var subject = await RandomizedSubjectAsync(s, i % 2 == 0 ? "F" : "M");
            subjects.Add((subject, await ArmOfAsync(s, subject)));
        }
        var pair = subjects.GroupBy(x => x.Arm).First(g => g.Count() >= 2).Take(2).ToList();
        var shipment = await RegisterAsync(s, "SHP-RACE", places.Central, Line(s, "RACE-1", pair[0].Arm), Line(s, "RACE-2", pair[0].Arm, expiresInDays: 400, batch: "B-RACE-2"));
        await ReceiveAsync(s, shipment.GetProperty("id").GetGuid(), ["RACE-1", "RACE-2"]);
        var first = (await PrescribeAsync(s, pair[0].Id)).GetProperty("id").GetGuid();
        var second = (await PrescribeAsync(s, pair[1].Id)).GetProperty("id").GetGuid();
        var movements = await MovementsAsync(s);

        var responses = await Task.WhenAll(DispenseAsync(s, first, "RACE-1", places.Central), DispenseAsync(s, second, "RACE-1", places.Central));
        responses.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(1, string.Join(" | ", await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()))));
        responses.Count(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBe(1);
        (await MovementsAsync(s)).ShouldBe(movements + 1);
        var kit = await s.InDbAsync(db => db.Kits.SingleAsync(k => k.ProjectId == s.ProjectId && k.KitNumber == "RACE-1"));
        kit.Status.ShouldBe(KitStatus.Dispensed);
        (await s.InDbAsync(db => db.IpPrescriptions.CountAsync(p => p.KitId == kit.Id))).ShouldBe(1);
    }
}

public sealed class DispensingTests_Sqlite(SqliteAppFactory app) : DispensingTests(app), IClassFixture<SqliteAppFactory>;

public sealed class DispensingTests_Postgres(PostgresAppFactory app) : DispensingTests(app), IClassFixture<PostgresAppFactory>;
