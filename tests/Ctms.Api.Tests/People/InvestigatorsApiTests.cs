using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Ctms.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Ctms.Api.Tests.People.PeopleTestKit;

namespace Ctms.Api.Tests.People;

/// <summary>Investigators through the API: profiles, GCP certificates, CVs on disk, and the qualification rule on project roles.</summary>
public abstract class InvestigatorsApiTests(CtmsAppFactory app)
{
    private static readonly byte[] Pdf = [.. "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n"u8];

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, string userName, byte[] content, string fileName, string claimedType = "application/pdf")
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(claimedType);
        form.Add(file, "file", fileName);
        return client.PostAsync($"/api/people/investigators/{userName}/cvs", form);
    }

    [Fact]
    public async Task An_investigator_edits_their_own_profile_the_CTI_office_records_certificates_and_others_are_refused()
    {
        var (pi, piName) = await app.UserAsync("pi");
        var (otherPi, _) = await app.UserAsync("pi");
        var (office, officeName) = await app.UserAsync("cti-secretary");
        var (_, crcName) = await app.UserAsync("crc");
        var today = Today(app);

        var profile = await (await pi.PutAsJsonAsync($"/api/people/investigators/{piName}",
            new { title = "Chief physician", department = "Endocrinology", specialty = "Diabetes", licenceNumber = "110-2020-001", phone = "+86 10 1234 5678" }))
            .ReadAsync<JsonElement>();
        profile.GetProperty("department").GetString().ShouldBe("Endocrinology");
        await (await otherPi.PutAsJsonAsync($"/api/people/investigators/{piName}", new { title = "Forged" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        await (await PostCertificateAsync(pi, piName, today.AddDays(-10), today.AddYears(2), "GCP-SELF")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var certificate = await RecordCertificateAsync(office, piName, today.AddDays(-10), today.AddYears(2), "GCP-2026-001");
        certificate.GetProperty("recordedBy").GetString().ShouldBe(officeName);
        await (await PostCertificateAsync(office, piName, today.AddDays(-10), today.AddYears(2), "GCP-2026-001")).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var backwards = await (await PostCertificateAsync(office, piName, today, today.AddDays(-1), "GCP-BACK")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        backwards.GetProperty("errors").GetProperty("expiresOn")[0].GetString().ShouldBe("ExpiresOn must be after IssuedOn.");
        await (await PostCertificateAsync(office, crcName, today, today.AddYears(1), "GCP-CRC")).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        var own = await (await pi.GetAsync($"/api/people/investigators/{piName}")).ReadAsync<JsonElement>();
        own.GetProperty("state").GetString().ShouldBe("Valid");
        own.GetProperty("profile").GetProperty("title").GetString().ShouldBe("Chief physician");
        own.GetProperty("certificates").EnumerateArray().Select(c => c.GetProperty("certificateNumber").GetString()).ShouldBe(["GCP-2026-001"]);
        await (await otherPi.GetAsync($"/api/people/investigators/{piName}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        var list = await (await office.GetAsync("/api/people/investigators")).ReadAsync<List<JsonElement>>();
        var row = list.Single(i => i.GetProperty("userName").GetString() == piName);
        row.GetProperty("state").GetString().ShouldBe("Valid");
        row.GetProperty("department").GetString().ShouldBe("Endocrinology");
        row.GetProperty("expiresOn").GetString().ShouldBe(Day(today.AddYears(2)));
        await (await pi.GetAsync("/api/people/investigators")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_CV_is_kept_on_disk_with_its_hash_and_the_type_found_in_its_content_and_forbidden_or_oversized_files_save_nothing()
    {
        var (pi, piName) = await app.UserAsync("pi");
        var (otherPi, _) = await app.UserAsync("pi");

        var first = await (await UploadAsync(pi, piName, Pdf, "../../cv 2025.pdf")).ReadAsync<JsonElement>();
        first.GetProperty("fileName").GetString().ShouldBe("cv 2025.pdf");
        first.GetProperty("contentType").GetString().ShouldBe("application/pdf");
        first.GetProperty("size").GetInt64().ShouldBe(Pdf.Length);
        first.GetProperty("sha256").GetString().ShouldBe(Convert.ToHexStringLower(SHA256.HashData(Pdf)));
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];
        var second = await (await UploadAsync(pi, piName, png, "cv.png", "application/octet-stream")).ReadAsync<JsonElement>();
        second.GetProperty("contentType").GetString().ShouldBe("image/png");

        var download = await pi.GetAsync($"/api/people/investigators/{piName}/files/{first.GetProperty("id").GetString()}");
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(Pdf);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        await (await otherPi.GetAsync($"/api/people/investigators/{piName}/files/{first.GetProperty("id").GetString()}"))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        // An executable named .pdf, a file over the cap, a CV for someone else: refused, and nothing stored.
        var forged = await (await UploadAsync(pi, piName, [0x4D, 0x5A, 0x90, 0x00, 0x03], "cv.pdf")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        forged.GetProperty("errors").GetProperty("file")[0].GetString()!.ShouldContain("Only PDF, PNG and JPEG");
        var big = new byte[10 * 1024 * 1024 + 1];
        Pdf.CopyTo(big, 0);
        await (await UploadAsync(pi, piName, big, "big.pdf")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await UploadAsync(otherPi, piName, Pdf, "cv.pdf")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        var own = await (await pi.GetAsync($"/api/people/investigators/{piName}")).ReadAsync<JsonElement>();
        own.GetProperty("cvs").EnumerateArray().Select(c => c.GetProperty("id").GetString())
            .ShouldBe([second.GetProperty("id").GetString(), first.GetProperty("id").GetString()]);
        var stored = Directory.GetFiles(Path.Combine(app.DataPath, "people"));
        stored.Select(Path.GetFileName).ShouldContain(first.GetProperty("id").GetGuid().ToString("N"));
        stored.ShouldNotContain(f => f.EndsWith(".partial", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Giving_an_investigator_a_project_role_needs_a_GCP_certificate_valid_for_the_whole_membership()
    {
        using var admin = await app.AdminAsync();
        var (office, _) = await app.UserAsync("cti-secretary");
        var (_, piName) = await app.UserAsync("pi");
        var (_, subName) = await app.UserAsync("sub-investigator");
        var project = await CreateProjectAsync(admin);
        var today = Today(app);

        var none = await (await AddMemberAsync(admin, project.Id, piName, "pi")).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        none.GetProperty("detail").GetString()!.ShouldContain("has no GCP certificate on record");
        // The audit trail shows who tried.
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CtmsDbContext>();
            var attempt = await db.RefusedAttempts.AsNoTracking().SingleAsync(a => a.Path == $"/api/projects/{project.Id}/members" && a.Status == 409);
            attempt.Reason.ShouldContain(piName);
            var audited = await db.AuditRecords.AsNoTracking().Where(r => r.EntityKey == attempt.Id.ToString()).Select(r => r.UserName).Distinct().ToListAsync();
            audited.ShouldBe(["admin"]);
        }

        await RecordCertificateAsync(office, piName, today.AddYears(-2), today.AddDays(-1), "GCP-OLD");
        var expired = await (await AddMemberAsync(admin, project.Id, piName, "pi")).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        expired.GetProperty("detail").GetString()!.ShouldContain($"GCP certificate GCP-OLD (NMPA GCP training)");
        expired.GetProperty("detail").GetString()!.ShouldContain($"expires on {Day(today.AddDays(-1))}");
        await RecordCertificateAsync(office, subName, today.AddYears(-2), today.AddDays(-1), "GCP-SUB-OLD");
        await (await AddMemberAsync(admin, project.Id, subName, "sub-investigator")).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        await RecordCertificateAsync(office, piName, today.AddDays(-1), today.AddDays(100), "GCP-NEW");
        var start = app.Clock.GetUtcNow();
        var tooLong = await (await AddMemberAsync(admin, project.Id, piName, "pi", start, start.AddDays(200))).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        tooLong.GetProperty("detail").GetString()!.ShouldContain("GCP-NEW");
        tooLong.GetProperty("detail").GetString()!.ShouldContain($"expires on {Day(today.AddDays(100))}");

        var membership = await (await AddMemberAsync(admin, project.Id, piName, "pi", start, start.AddDays(50))).ReadAsync<MembershipBody>();
        membership.Role.ShouldBe("pi");
        membership.Active.ShouldBeTrue();
        var team = await (await admin.GetAsync($"/api/projects/{project.Id}/members")).ReadAsync<List<MembershipBody>>();
        team.Where(m => m.UserName == piName || m.UserName == subName).Select(m => m.Id).ShouldBe([membership.Id]);
    }

    [Fact]
    public async Task The_qualification_warnings_list_who_on_which_project_holds_an_expiring_certificate()
    {
        using var admin = await app.AdminAsync();
        var (office, _) = await app.UserAsync("cti-secretary");
        var (pi, soonName) = await app.UserAsync("pi");
        var (_, laterName) = await app.UserAsync("pi");
        var project = await CreateProjectAsync(admin);
        var today = Today(app);
        await RecordCertificateAsync(office, soonName, today.AddYears(-1), today.AddDays(10), "GCP-SOON");
        await RecordCertificateAsync(office, laterName, today.AddYears(-1), today.AddYears(1), "GCP-LATER");
        (await AddMemberAsync(admin, project.Id, soonName, "pi")).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await AddMemberAsync(admin, project.Id, laterName, "sub-investigator")).StatusCode.ShouldBe(HttpStatusCode.Created);

        var warnings = await (await office.GetAsync("/api/people/qualification-warnings")).ReadAsync<List<JsonElement>>();
        var mine = warnings.Where(w => w.GetProperty("projectId").GetGuid() == project.Id).ToList();
        mine.Count.ShouldBe(1);
        mine[0].GetProperty("userName").GetString().ShouldBe(soonName);
        mine[0].GetProperty("role").GetString().ShouldBe("pi");
        mine[0].GetProperty("state").GetString().ShouldBe("Expiring");
        mine[0].GetProperty("certificateNumber").GetString().ShouldBe("GCP-SOON");
        mine[0].GetProperty("protocolNumber").GetString().ShouldBe(project.ProtocolNumber);
        await (await pi.GetAsync("/api/people/qualification-warnings")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }
}

public sealed class InvestigatorsApiTests_Sqlite(SqliteAppFactory app) : InvestigatorsApiTests(app), IClassFixture<SqliteAppFactory>;

public sealed class InvestigatorsApiTests_Postgres(PostgresAppFactory app) : InvestigatorsApiTests(app), IClassFixture<PostgresAppFactory>;
