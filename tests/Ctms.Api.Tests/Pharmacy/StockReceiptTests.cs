using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ctms.Api.Tests.Subjects;
using Ctms.Domain.Pharmacy.Labels;
using Microsoft.EntityFrameworkCore;
using ZXing;
using ZXing.Common;
using static Ctms.Api.Tests.Pharmacy.PharmacyKit;

namespace Ctms.Api.Tests.Pharmacy;

/// <summary>
/// The stock and its receipt (O18): a shipment registered with its packing list and received by scanning, discrepancies
/// kept, an excursion quarantining the shipment, the ledger giving the stock of any day and agreeing with the kits, a
/// negative stock refused with the ledger unchanged, kit content hidden from blinded roles, labels that scan back.
/// </summary>
public abstract class StockReceiptTests(CtmsAppFactory app)
{
    [Fact]
    public async Task A_shipment_is_received_by_scan_with_its_discrepancies_and_the_ledger_gives_the_stock_of_any_day()
    {
        using var s = await DoubleBlindStudyAsync(app);
        var places = await PlacesAsync(s);
        await ProductAsync(s);
        var shipment = await RegisterAsync(s, "SHP-001", places.Central,
            Line(s, "K-001", ActiveArm), Line(s, "K-002", PlaceboArm), Line(s, "K-003", ActiveArm), Line(s, "K-004", PlaceboArm), Line(s, "K-005", ActiveArm));
        shipment.GetProperty("status").GetString().ShouldBe("Expected");
        shipment.GetProperty("expected").GetInt32().ShouldBe(5);
        (await MovementsAsync(s)).ShouldBe(0, "registering a packing list moves nothing");

        // The scanner types the code with a line end; a typed code may be lower case; K-005 did not come; X-999 is not ours.
        var received = await ReceiveAsync(s, shipment.GetProperty("id").GetGuid(), ["K-001\r\n", "k-002", "K-003", "K-004", "X-999"],
            [new { code = "K-004", note = "crushed box" }]);
        received.GetProperty("status").GetString().ShouldBe("Received");
        received.GetProperty("received").GetInt32().ShouldBe(4);
        received.GetProperty("quarantined").GetInt32().ShouldBe(1);
        received.GetProperty("excursion").GetBoolean().ShouldBeFalse();
        var discrepancies = received.GetProperty("discrepancies").EnumerateArray()
            .Select(d => $"{d.GetProperty("kind").GetString()}:{d.GetProperty("code").GetString()}").ToList();
        discrepancies.ShouldBe(["Unexpected:X-999", "Damaged:K-004", "Missing:K-005"], ignoreOrder: true);

        var receiptDay = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        var stock = await StockAsync(s);
        OnSiteUnits(stock).ShouldBe(4 * 28);
        stock.GetProperty("ledgerBalance").GetInt32().ShouldBe(0);
        stock.GetProperty("kitsAgree").GetBoolean().ShouldBeTrue();
        var outside = stock.GetProperty("outside").EnumerateArray().ToList();
        outside.ShouldAllBe(l => l.GetProperty("kind").GetString() == "Sponsor");
        outside.Sum(l => l.GetProperty("units").GetInt32()).ShouldBe(-4 * 28, "the sponsor's balance, by batch");
        OnSiteUnits(await StockAsync(s, receiptDay.AddDays(-1))).ShouldBe(0, "nothing was here the day before");

        // A day later a tablet is found broken: an adjustment with its reason; the receipt day still reads as it was.
        app.Clock.Advance(TimeSpan.FromDays(1));
        await s.SignInAgainAsync();
        var kit = await KitAsync(s, "K-001");
        var adjusted = await s.Pharmacist.Client.PostAsJsonAsync($"/api/kits/{kit}/adjust", new { delta = -1, reason = "One tablet broken in the blister" });
        adjusted.StatusCode.ShouldBe(HttpStatusCode.OK, await adjusted.Content.ReadAsStringAsync());
        (await adjusted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("unitsOnSite").GetInt32().ShouldBe(27);
        OnSiteUnits(await StockAsync(s)).ShouldBe(4 * 28 - 1);
        OnSiteUnits(await StockAsync(s, receiptDay)).ShouldBe(4 * 28);
        (await StockAsync(s)).GetProperty("kitsAgree").GetBoolean().ShouldBeTrue();
        var adjustment = await s.InDbAsync(db => db.AuditRecords.AsNoTracking()
            .Where(a => a.EntityType == "StockMovement").OrderByDescending(a => a.Sequence).FirstAsync());
        adjustment.Reason.ShouldBe("One tablet broken in the blister");

        // Negative stock: refused with the reason, the ledger unchanged.
        var movements = await MovementsAsync(s);
        var negative = await s.Pharmacist.Client.PostAsJsonAsync($"/api/kits/{kit}/adjust", new { delta = -28, reason = "count" });
        negative.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await negative.Content.ReadAsStringAsync()).ShouldContain("negative");
        (await MovementsAsync(s)).ShouldBe(movements);

        // Received twice: refused.
        var again = await s.Pharmacist.Client.PostAsJsonAsync($"/api/shipments/{shipment.GetProperty("id").GetGuid()}/receive", new { scanned = new[] { "K-005" } });
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_temperature_excursion_quarantines_the_shipment_until_a_kit_is_released()
    {
        using var s = await DoubleBlindStudyAsync(app);
        var places = await PlacesAsync(s);
        await ProductAsync(s);
        var shipment = await RegisterAsync(s, "SHP-HOT", places.Central, Line(s, "H-001", ActiveArm), Line(s, "H-002", PlaceboArm));
        var received = await ReceiveAsync(s, shipment.GetProperty("id").GetGuid(), ["H-001", "H-002"], min: 4, max: 14.5m);
        received.GetProperty("excursion").GetBoolean().ShouldBeTrue();
        received.GetProperty("quarantined").GetInt32().ShouldBe(2);
        var kits = await KitsAsync(s.Pharmacist.Client, s);
        kits.ShouldAllBe(k => k.GetProperty("status").GetString() == "Quarantined");
        kits[0].GetProperty("quarantineReason").GetString()!.ShouldContain("excursion");

        var release = await s.Pharmacist.Client.PostAsJsonAsync($"/api/kits/{kits[0].GetProperty("id").GetGuid()}/release",
            new { locationId = places.Satellite, reason = "Sponsor confirmed stability data (ticket 42)" });
        release.StatusCode.ShouldBe(HttpStatusCode.OK, await release.Content.ReadAsStringAsync());
        var released = await release.Content.ReadFromJsonAsync<JsonElement>();
        released.GetProperty("status").GetString().ShouldBe("Available");
        released.GetProperty("location").GetString()!.ShouldStartWith("WARD");
        (await StockAsync(s)).GetProperty("kitsAgree").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task Kit_content_is_shown_to_the_unblinded_pharmacist_only_and_never_on_a_label()
    {
        using var s = await DoubleBlindStudyAsync(app);
        var places = await PlacesAsync(s);
        await ProductAsync(s);
        var shipment = await RegisterAsync(s, "SHP-BL", places.Central, Line(s, "B-001", ActiveArm), Line(s, "B-002", PlaceboArm));
        await ReceiveAsync(s, shipment.GetProperty("id").GetGuid(), ["B-001", "B-002"]);

        (await KitsAsync(s.Pharmacist.Client, s)).Select(k => k.GetProperty("arm").GetString()).ShouldBe([ActiveArm, PlaceboArm]);
        foreach (var (who, member) in new[] { ("pi", s.Pi), ("sub-investigator", s.SubInvestigator), ("nurse", s.Nurse), ("crc", s.Crc), ("cra", s.Cra) })
        {
            foreach (var url in new[]
                     {
                         $"/api/projects/{s.ProjectId}/pharmacy/kits", $"/api/projects/{s.ProjectId}/pharmacy/kits/scan?code=B-001",
                         $"/api/projects/{s.ProjectId}/pharmacy/stock", $"/api/projects/{s.ProjectId}/pharmacy/shipments",
                     })
            {
                var response = await member.Client.GetAsync(url);
                response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{who} {url}");
                var body = await response.Content.ReadAsStringAsync();
                body.ShouldNotContain(ActiveArm, Case.Insensitive, $"{who} is blinded ({url})");
                body.ShouldNotContain(PlaceboArm, Case.Insensitive, $"{who} is blinded ({url})");
            }
        }
        (await s.Outsider.Client.GetAsync($"/api/projects/{s.ProjectId}/pharmacy/kits")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var labels = await s.Pharmacist.Client.GetAsync($"/api/projects/{s.ProjectId}/pharmacy/labels?shipmentId={shipment.GetProperty("id").GetGuid()}");
        labels.StatusCode.ShouldBe(HttpStatusCode.OK);
        labels.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var html = await labels.Content.ReadAsStringAsync();
        html.ShouldContain("data-kit=\"B-001\"");
        html.ShouldContain("data-kit=\"B-002\"");
        html.ShouldContain("<svg");
        html.ShouldNotContain(ActiveArm);
        html.ShouldNotContain(PlaceboArm);
        (await s.Nurse.Client.GetAsync($"/api/projects/{s.ProjectId}/pharmacy/labels?kit=B-001")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_bad_packing_list_is_refused_whole_with_each_reason_and_only_the_pharmacy_registers_one()
    {
        using var s = await DoubleBlindStudyAsync(app);
        var places = await PlacesAsync(s);
        await ProductAsync(s);
        var url = $"/api/projects/{s.ProjectId}/pharmacy/shipments";
        var bad = await s.Pharmacist.Client.PostAsJsonAsync(url, new
        {
            number = "SHP-BAD",
            locationId = places.Central,
            kits = new[] { Line(s, "E-001", "NOSUCHARM"), Line(s, "E-002", ActiveArm, expiresInDays: -1), Line(s, "E-003", PlaceboArm) },
        });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await bad.Content.ReadAsStringAsync();
        problem.ShouldContain("no arm NOSUCHARM");
        problem.ShouldContain("expired");
        (await s.InDbAsync(db => db.Kits.CountAsync(k => k.ProjectId == s.ProjectId))).ShouldBe(0, "nothing of a refused packing list is kept");

        var twice = await s.Pharmacist.Client.PostAsJsonAsync(url, new { number = "SHP-DUP", locationId = places.Central, kits = new[] { Line(s, "D-1", ActiveArm), Line(s, "d-1", ActiveArm) } });
        twice.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await twice.Content.ReadAsStringAsync()).ShouldContain("twice");

        (await s.Nurse.Client.PostAsJsonAsync(url, new { number = "SHP-N", locationId = places.Central, kits = new[] { Line(s, "N-1", ActiveArm) } }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await s.Outsider.Client.PostAsJsonAsync(url, new { number = "SHP-O", locationId = places.Central, kits = new[] { Line(s, "O-1", ActiveArm) } }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await s.Pharmacist.Client.PutAsJsonAsync("/api/pharmacy/locations/XX", new { name = "Not a pharmacy", kind = "Sponsor" }))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await s.Nurse.Client.PutAsJsonAsync("/api/pharmacy/locations/XX", new { name = "Nurse's cupboard", kind = "SatellitePharmacy" }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_transfer_is_scanned_out_then_in_and_the_stock_moves_with_it()
    {
        using var s = await DoubleBlindStudyAsync(app);
        var places = await PlacesAsync(s);
        await ProductAsync(s);
        var shipment = await RegisterAsync(s, "SHP-T", places.Central, Line(s, "T-001", ActiveArm), Line(s, "T-002", PlaceboArm), Line(s, "T-003", ActiveArm));
        await ReceiveAsync(s, shipment.GetProperty("id").GetGuid(), ["T-001", "T-002", "T-003"]);
        var url = $"/api/projects/{s.ProjectId}/pharmacy/transfers";
        var sent = await s.Pharmacist.Client.PostAsJsonAsync(url, new { fromLocationId = places.Central, toLocationId = places.Satellite, kits = new[] { "T-001", "T-002" } });
        sent.StatusCode.ShouldBe(HttpStatusCode.Created, await sent.Content.ReadAsStringAsync());
        var transfer = await sent.Content.ReadFromJsonAsync<JsonElement>();
        transfer.GetProperty("status").GetString().ShouldBe("InTransit");
        var inTransit = await StockAsync(s);
        inTransit.GetProperty("outside").EnumerateArray().Where(l => l.GetProperty("kind").GetString() == "InTransit").Sum(l => l.GetProperty("units").GetInt32())
            .ShouldBe(56);
        inTransit.GetProperty("kitsAgree").GetBoolean().ShouldBeTrue();

        var receive = $"/api/transfers/{transfer.GetProperty("id").GetGuid()}/receive";
        var stray = await s.Pharmacist.Client.PostAsJsonAsync(receive, new { kits = new[] { "T-003" } });
        stray.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await stray.Content.ReadAsStringAsync()).ShouldContain("not part of this transfer");
        var partly = await (await s.Pharmacist.Client.PostAsJsonAsync(receive, new { kits = new[] { "T-001" } })).Content.ReadFromJsonAsync<JsonElement>();
        partly.GetProperty("status").GetString().ShouldBe("InTransit");
        partly.GetProperty("outstanding").EnumerateArray().Select(k => k.GetString()).ShouldBe(["T-002"]);
        var done = await (await s.Pharmacist.Client.PostAsJsonAsync(receive, new { kits = new[] { "T-002" } })).Content.ReadFromJsonAsync<JsonElement>();
        done.GetProperty("status").GetString().ShouldBe("Received");

        var stock = await StockAsync(s);
        stock.GetProperty("onSite").EnumerateArray().Where(l => l.GetProperty("location").GetString()!.StartsWith("WARD", StringComparison.Ordinal))
            .Sum(l => l.GetProperty("units").GetInt32()).ShouldBe(56);
        stock.GetProperty("outside").EnumerateArray().Any(l => l.GetProperty("kind").GetString() == "InTransit").ShouldBeFalse();
        stock.GetProperty("kitsAgree").GetBoolean().ShouldBeTrue();
        (await s.Nurse.Client.PostAsJsonAsync(url, new { fromLocationId = places.Central, toLocationId = places.Satellite, kits = new[] { "T-003" } }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public void A_kit_label_s_code_128_and_datamatrix_read_back_as_the_kit_number()
    {
        foreach (var format in new[] { BarcodeFormat.CODE_128, BarcodeFormat.DATA_MATRIX })
        {
            var matrix = Barcodes.Matrix("K-2026-0042", format, format == BarcodeFormat.CODE_128 ? 400 : 120, format == BarcodeFormat.CODE_128 ? 100 : 120);
            var pixels = new byte[matrix.Width * matrix.Height];
            for (var y = 0; y < matrix.Height; y++)
            {
                for (var x = 0; x < matrix.Width; x++)
                {
                    pixels[y * matrix.Width + x] = matrix[x, y] ? (byte)0 : (byte)255;
                }
            }
            var source = new RGBLuminanceSource(pixels, matrix.Width, matrix.Height, RGBLuminanceSource.BitmapFormat.Gray8);
            var result = new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(source)),
                new Dictionary<DecodeHintType, object> { [DecodeHintType.POSSIBLE_FORMATS] = new List<BarcodeFormat> { format }, [DecodeHintType.PURE_BARCODE] = true });
            result.ShouldNotBeNull(format.ToString());
            result.Text.ShouldBe("K-2026-0042");
        }
    }

    private static async Task<Guid> KitAsync(SubjectStudy s, string number)
    {
        var response = await s.Pharmacist.Client.GetAsync($"/api/projects/{s.ProjectId}/pharmacy/kits/scan?code={number}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<List<JsonElement>> KitsAsync(HttpClient by, SubjectStudy s) =>
        [.. (await by.GetFromJsonAsync<JsonElement>($"/api/projects/{s.ProjectId}/pharmacy/kits")).EnumerateArray()];
}

public sealed class StockReceiptTests_Sqlite(SqliteAppFactory app) : StockReceiptTests(app), IClassFixture<SqliteAppFactory>;

public sealed class StockReceiptTests_Postgres(PostgresAppFactory app) : StockReceiptTests(app), IClassFixture<PostgresAppFactory>;
