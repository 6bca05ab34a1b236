using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ctms.Api.Tests.Subjects;
using Microsoft.EntityFrameworkCore;
using static Ctms.Api.Tests.Pharmacy.PharmacyKit;

namespace Ctms.Api.Tests.Pharmacy;

/// <summary>
/// Returns and recovery (O22) and disposal (O23): a dispensed kit comes back counted, with compliance from the dose; a
/// return of more units than dispensed or of another subject's kit is refused with the ledger unchanged; the rest of the
/// stock is destroyed once a witness other than the preparer signs; every batch reconciles to zero.
/// </summary>
public sealed class ReturnsDisposalTests(SqliteAppFactory app) : IClassFixture<SqliteAppFactory>
{
    [Fact]
    public async Task Returned_units_give_compliance_the_witnessed_destruction_empties_the_site_and_each_batch_reconciles_to_zero()
    {
        using var s = await DoubleBlindStudyAsync(app);
        await DispensingVisitsAsync(s);
        var places = await PlacesAsync(s);
        await ProductAsync(s);
        var subject = await RandomizedSubjectAsync(s);
        var other = await RandomizedSubjectAsync(s, "M");
        var arm = await ArmOfAsync(s, subject);
        var shipment = await RegisterAsync(s, "SHP-R", places.Central, Line(s, "R-001", arm), Line(s, "R-002", arm), Line(s, "R-003", ActiveArm),
            Line(s, "R-004", PlaceboArm));
        await ReceiveAsync(s, shipment.GetProperty("id").GetGuid(), ["R-001", "R-002", "R-003", "R-004"]);
        var prescription = (await PrescribeAsync(s, subject)).GetProperty("id").GetGuid(); // 1 tablet a day
        (await DispenseAsync(s, prescription, "R-001", places.Central)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Twenty days later the subject brings the kit back with 10 of its 28 tablets: 18 used of the 20 the dose needed.
        app.Clock.Advance(TimeSpan.FromDays(20));
        await s.SignInAgainAsync();
        var url = $"/api/projects/{s.ProjectId}/pharmacy/returns";
        var movements = await MovementsAsync(s);
        var tooMany = await s.Nurse.Client.PostAsJsonAsync(url, new { code = "R-001", subjectId = subject, unitsReturned = 29, locationId = places.Quarantine });
        tooMany.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await tooMany.Content.ReadAsStringAsync()).ShouldContain("28 unit(s)");
        var wrong = await s.Nurse.Client.PostAsJsonAsync(url, new { code = "R-001", subjectId = other, unitsReturned = 10, locationId = places.Quarantine });
        wrong.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await wrong.Content.ReadAsStringAsync()).ShouldContain("wrong subject");
        (await s.Nurse.Client.PostAsJsonAsync(url, new { code = "R-002", unitsReturned = 0, locationId = places.Quarantine }))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict, "R-002 was never dispensed");
        (await s.Crc.Client.PostAsJsonAsync(url, new { code = "R-001", unitsReturned = 10, locationId = places.Quarantine }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await MovementsAsync(s)).ShouldBe(movements);

        var returned = await s.Nurse.Client.PostAsJsonAsync(url, new { code = "R-001", subjectId = subject, unitsReturned = 10, locationId = places.Quarantine });
        returned.StatusCode.ShouldBe(HttpStatusCode.OK, await returned.Content.ReadAsStringAsync());
        var kit = await returned.Content.ReadFromJsonAsync<JsonElement>();
        kit.GetProperty("status").GetString().ShouldBe("Returned");
        kit.GetProperty("unitsOnSite").GetInt32().ShouldBe(10);
        kit.GetProperty("compliance").GetDecimal().ShouldBe(90.0m);
        kit.TryGetProperty("arm", out var hidden).ShouldBeTrue();
        hidden.ValueKind.ShouldBe(JsonValueKind.Null, "the nurse is blinded");

        // Destruction of everything left: prepared by the pharmacist, witnessed by the monitor with the password.
        var disposals = $"/api/projects/{s.ProjectId}/pharmacy/disposals";
        var prepared = await s.Pharmacist.Client.PostAsJsonAsync(disposals, new
        {
            kind = "Destruction", kits = new[] { "R-001", "R-002", "R-003", "R-004" }, method = "Incineration by the hospital's contractor",
        });
        prepared.StatusCode.ShouldBe(HttpStatusCode.Created, await prepared.Content.ReadAsStringAsync());
        var disposal = await prepared.Content.ReadFromJsonAsync<JsonElement>();
        disposal.GetProperty("units").GetInt32().ShouldBe(10 + 3 * 28);
        (await MovementsAsync(s)).ShouldBe(movements + 1, "nothing leaves before the witness signs");
        var witness = $"/api/disposals/{disposal.GetProperty("id").GetGuid()}/witness";
        (await s.Pharmacist.Client.PostAsJsonAsync(witness, new { signature = new { password = app.UserPassword } }))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict, "the preparer is not the witness");
        (await s.Cra.Client.PostAsJsonAsync(witness, new { signature = new { password = "wrong" } })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await s.Nurse.Client.PostAsJsonAsync(witness, new { signature = new { password = app.UserPassword } })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var witnessed = await s.Cra.Client.PostAsJsonAsync(witness, new { signature = new { password = app.UserPassword } });
        witnessed.StatusCode.ShouldBe(HttpStatusCode.OK, await witnessed.Content.ReadAsStringAsync());
        (await witnessed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("witnessedBy").GetString().ShouldBe(s.Cra.UserName);
        var listed = (await s.Pharmacist.Client.GetFromJsonAsync<JsonElement>(disposals)).EnumerateArray().ShouldHaveSingleItem();
        listed.GetProperty("signatureIntact").GetBoolean().ShouldBeTrue();

        var stock = await StockAsync(s);
        OnSiteUnits(stock).ShouldBe(0);
        stock.GetProperty("ledgerBalance").GetInt32().ShouldBe(0);
        stock.GetProperty("kitsAgree").GetBoolean().ShouldBeTrue();
        var reconciliation = (await s.Cra.Client.GetFromJsonAsync<JsonElement>($"/api/projects/{s.ProjectId}/pharmacy/reconciliation")).EnumerateArray().ToList();
        reconciliation.Sum(b => b.GetProperty("received").GetInt32()).ShouldBe(4 * 28);
        reconciliation.Sum(b => b.GetProperty("consumed").GetInt32()).ShouldBe(18);
        reconciliation.Sum(b => b.GetProperty("destroyed").GetInt32()).ShouldBe(10 + 3 * 28);
        reconciliation.ShouldAllBe(b => b.GetProperty("balance").GetInt32() == 0 && b.GetProperty("onSite").GetInt32() == 0);
        (await s.InDbAsync(db => db.Kits.CountAsync(k => k.ProjectId == s.ProjectId && k.DisposalId != null))).ShouldBe(4);
    }
}
