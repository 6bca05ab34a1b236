using System.Net;
using System.Net.Http.Json;
using System.Text;
using Ctms.Domain.Projects;
using static Ctms.Api.Tests.Documents.DocumentTestData;

namespace Ctms.Api.Tests.Documents;

/// <summary>
/// Uploads through the whole host: versions with their hash, size, sniffed type and uploader, the file on disk at its
/// address, refusals that leave nothing behind, safe names, and downloads only for those who may read the project.
/// </summary>
public abstract class DocumentStorageTests
{
    private const long Cap = 200_000;
    private readonly CtmsAppFactory _app;

    protected DocumentStorageTests(CtmsAppFactory app)
    {
        _app = app;
        // A small cap keeps the over-the-cap files small; set before the host starts (the first test's constructor).
        app.Settings["Documents:MaxBytes"] = Cap.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task An_upload_is_version_1_with_its_hash_size_sniffed_type_and_uploader_stored_at_its_address()
    {
        var study = await StudyAsync(_app);
        var pdf = Pdf("protocol v1");

        var response = await UploadAsync(study.Applicant, study.Id, "protocol", "Protocol v1.pdf", pdf, "First draft", claimedType: "text/html");
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var version = await response.ReadAsync<VersionBody>();

        version.Number.ShouldBe(1);
        version.FileName.ShouldBe("Protocol v1.pdf");
        version.ContentType.ShouldBe("application/pdf", "the type is sniffed, not the one the client claimed");
        version.Size.ShouldBe(pdf.Length);
        version.Sha256.ShouldBe(Sha256(pdf));
        version.UploadedBy.ShouldBe(study.ApplicantName);
        version.Comment.ShouldBe("First draft");
        version.DocumentTitle.ShouldBe("Protocol");
        var path = Path.Combine(_app.DataPath, "documents", version.Sha256[..2], version.Sha256[2..4], version.Sha256);
        (await File.ReadAllBytesAsync(path)).ShouldBe(pdf);
        var staging = Path.Combine(_app.DataPath, "documents", "tmp") + Path.DirectorySeparatorChar;
        FilesOnDisk(_app).ShouldNotContain(f => f.StartsWith(staging, StringComparison.Ordinal), "the temporary file was moved, not copied");

        var documents = await (await study.Pi.GetAsync($"/api/projects/{study.Id}/documents")).ReadAsync<List<DocumentBody>>();
        var document = documents.ShouldHaveSingleItem();
        document.Code.ShouldBe("protocol");
        document.OnChecklist.ShouldBeTrue();
        document.Versions.ShouldHaveSingleItem().Id.ShouldBe(version.Id);

        using var admin = await _app.AdminAsync();
        var audit = await (await admin.GetAsync($"/api/audit?entityType=DocumentVersion&entityKey={version.Id}")).ReadAsync<List<AuditBody>>();
        audit.ShouldContain(r => r.Field == "Sha256" && r.NewValue == version.Sha256 && r.UserName == study.ApplicantName);
    }

    [Fact]
    public async Task A_new_file_is_the_next_version_and_the_same_content_as_the_latest_is_a_409_that_adds_nothing()
    {
        var study = await StudyAsync(_app);
        (await UploadAsync(study.Applicant, study.Id, "icf", "icf.docx", Docx("v1"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var v2 = Docx("v2");
        var second = await (await UploadAsync(study.Pi, study.Id, "icf", "icf-v2.docx", v2, "Answers the review")).ReadAsync<VersionBody>();
        second.Number.ShouldBe(2);
        second.UploadedBy.ShouldBe(study.PiName);
        second.ContentType.ShouldBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

        var files = FilesOnDisk(_app);
        var again = await UploadAsync(study.Applicant, study.Id, "icf", "icf-again.docx", v2);
        (await again.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString()!.ShouldContain("version 2");

        (await VersionRowsAsync(_app, study.Id)).ShouldBe(2);
        FilesOnDisk(_app).ShouldBe(files, ignoreOrder: true);
        var document = (await (await study.Applicant.GetAsync($"/api/projects/{study.Id}/documents")).ReadAsync<List<DocumentBody>>()).ShouldHaveSingleItem();
        document.Versions.Select(v => v.Number).ShouldBe([2, 1]);
    }

    [Theory]
    [InlineData("setup.pdf", "exe")]
    [InlineData("protocol.docx", "pdf")]
    [InlineData("protocol.exe", "pdf")]
    [InlineData("notes.txt", "exe")]
    [InlineData("report.pdf", "docx")]
    public async Task A_file_whose_content_is_not_what_its_name_says_or_not_allowed_is_a_400_and_nothing_is_stored(string fileName, string content)
    {
        var study = await StudyAsync(_app);
        var files = FilesOnDisk(_app);
        var bytes = content switch { "exe" => Executable(), "pdf" => Pdf(), _ => Docx() };

        var problem = await (await UploadAsync(study.Applicant, study.Id, "protocol", fileName, bytes)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.GetProperty("errors").TryGetProperty("file", out _).ShouldBeTrue();
        (await VersionRowsAsync(_app, study.Id)).ShouldBe(0);
        FilesOnDisk(_app).ShouldBe(files, ignoreOrder: true);
        var documents = await (await study.Applicant.GetAsync($"/api/projects/{study.Id}/documents")).ReadAsync<List<DocumentBody>>();
        documents.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_file_over_the_cap_is_refused_whether_the_store_or_the_request_limit_finds_it_and_nothing_is_stored()
    {
        var study = await StudyAsync(_app);
        var files = FilesOnDisk(_app);
        byte[] Big(long size) => [.. Pdf(), .. Enumerable.Repeat((byte)' ', (int)size)];

        var justOver = await UploadAsync(study.Applicant, study.Id, "protocol", "big.pdf", Big(Cap));
        (await justOver.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("file")[0].GetString()!
            .ShouldContain("larger than the limit");
        var farOver = await UploadAsync(study.Applicant, study.Id, "protocol", "huge.pdf", Big(Cap * 3));
        ((int)farOver.StatusCode).ShouldBeOneOf(400, 413);
        await farOver.ShouldBeProblemAsync(farOver.StatusCode);

        (await VersionRowsAsync(_app, study.Id)).ShouldBe(0);
        FilesOnDisk(_app).ShouldBe(files, ignoreOrder: true);
    }

    [Theory]
    [InlineData("../../etc/passwd.txt", "passwd.txt")]
    [InlineData("C:\\Users\\me\\Desktop\\CV.pdf", "CV.pdf")]
    [InlineData("re\u0001port\u001f\u007f.pdf", "report.pdf")]
    [InlineData("  ..hidden  name .pdf", "hidden name .pdf")]
    [InlineData("CON.txt", "_CON.txt")]
    public async Task File_names_are_sanitised_to_their_readable_last_segment(string fileName, string stored)
    {
        var study = await StudyAsync(_app);
        var bytes = Path.GetExtension(stored) == ".pdf" ? Pdf(fileName) : Encoding.UTF8.GetBytes("Some notes, 中文也可以。\n" + fileName);
        var version = await (await UploadAsync(study.Applicant, study.Id, "other", fileName, bytes, title: "Notes")).ReadAsync<VersionBody>();
        version.FileName.ShouldBe(stored);

        var download = await study.Applicant.GetAsync($"/api/documents/versions/{version.Id}/content");
        download.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        download.Content.Headers.ContentDisposition.FileNameStar.ShouldBe(stored);
    }

    [Fact]
    public async Task A_download_sends_the_bytes_with_the_sniffed_type_as_an_attachment_and_only_to_who_may_read_the_project()
    {
        var study = await StudyAsync(_app);
        var other = await StudyAsync(_app);
        var pdf = Pdf("ib");
        var version = await (await UploadAsync(study.Applicant, study.Id, "investigators-brochure", "IB 研究者手册.pdf", pdf)).ReadAsync<VersionBody>();

        var response = await study.Pi.GetAsync($"/api/documents/versions/{version.Id}/content");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsByteArrayAsync()).ShouldBe(pdf);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        response.Content.Headers.ContentDisposition.FileNameStar.ShouldBe("IB 研究者手册.pdf");
        var inline = await study.Pi.GetAsync($"/api/documents/versions/{version.Id}/content?inline=true");
        inline.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("inline");

        // The other project's applicant does not learn the version exists; nor does anyone for a made-up id.
        await (await other.Applicant.GetAsync($"/api/documents/versions/{version.Id}/content")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await other.Applicant.GetAsync($"/api/projects/{study.Id}/documents")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await study.Pi.GetAsync($"/api/documents/versions/{Guid.NewGuid()}/content")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        using var admin = await _app.AdminAsync();
        await (await admin.GetAsync($"/api/projects/{Guid.NewGuid()}/documents")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await admin.GetAsync($"/api/projects/{Guid.NewGuid()}/documents/checklist")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await UploadAsync(admin, Guid.NewGuid(), "protocol", "p.pdf", Pdf("nowhere"))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Only_the_applicant_and_PI_upload_and_only_while_the_project_is_editable_the_CTI_office_always()
    {
        var study = await StudyAsync(_app);
        var other = await StudyAsync(_app);
        var (crc, crcName) = await _app.UserAsync("crc");
        var (secretary, secretaryName) = await _app.UserAsync("cti-secretary");
        using var admin = await _app.AdminAsync();
        (await admin.PostAsJsonAsync($"/api/projects/{study.Id}/members", new { userName = crcName, role = "crc" })).EnsureSuccessStatusCode();

        await (await UploadAsync(crc, study.Id, "protocol", "p.pdf", Pdf("crc"))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await UploadAsync(other.Applicant, study.Id, "protocol", "p.pdf", Pdf("outsider"))).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        (await PermissionsAsync(study.Applicant, study.Id)).ShouldBe(new PermissionsBody(true, false));
        (await PermissionsAsync(crc, study.Id)).ShouldBe(new PermissionsBody(false, false));
        await MoveAsync(_app, study.Id, ProjectStatus.Submitted);
        (await PermissionsAsync(study.Applicant, study.Id)).ShouldBe(new PermissionsBody(false, false));
        (await PermissionsAsync(secretary, study.Id)).ShouldBe(new PermissionsBody(true, true));
        var late = await UploadAsync(study.Applicant, study.Id, "protocol", "p.pdf", Pdf("late"));
        (await late.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString()!.ShouldContain("Submitted");
        var office = await (await UploadAsync(secretary, study.Id, "protocol", "p.pdf", Pdf("office"))).ReadAsync<VersionBody>();
        office.UploadedBy.ShouldBe(secretaryName);

        await MoveAsync(_app, study.Id, ProjectStatus.InFormalReview, ProjectStatus.ReturnedForRevision);
        (await UploadAsync(study.Applicant, study.Id, "protocol", "p.pdf", Pdf("revised"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        await MoveAsync(_app, study.Id, ProjectStatus.Withdrawn);
        await (await UploadAsync(study.Pi, study.Id, "protocol", "p.pdf", Pdf("after withdrawal"))).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        (await VersionRowsAsync(_app, study.Id)).ShouldBe(2);
        (await RefusedPathsAsync(_app, study.PiName)).ShouldContain($"/api/projects/{study.Id}/documents");
        (await RefusedPathsAsync(_app, crcName)).ShouldContain($"/api/projects/{study.Id}/documents");
    }

    private static async Task<PermissionsBody> PermissionsAsync(HttpClient client, Guid projectId) =>
        await (await client.GetAsync($"/api/projects/{projectId}/documents/permissions")).ReadAsync<PermissionsBody>();

    [Fact]
    public async Task A_free_category_needs_a_title_and_a_bad_code_or_missing_file_is_a_400()
    {
        var study = await StudyAsync(_app);
        var untitled = await UploadAsync(study.Applicant, study.Id, "other", "letter.pdf", Pdf("letter"));
        (await untitled.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("title", out _).ShouldBeTrue();
        var badCode = await UploadAsync(study.Applicant, study.Id, "../x", "letter.pdf", Pdf("letter"), title: "Letter");
        (await badCode.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("code", out _).ShouldBeTrue();
        using var noFile = new MultipartFormDataContent { { new StringContent("protocol"), "code" } };
        await (await study.Applicant.PostAsync($"/api/projects/{study.Id}/documents", noFile)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        var letter = await (await UploadAsync(study.Applicant, study.Id, "other", "letter.pdf", Pdf("letter"), title: "Cover letter")).ReadAsync<VersionBody>();
        letter.DocumentTitle.ShouldBe("Cover letter");
        var documents = await (await study.Applicant.GetAsync($"/api/projects/{study.Id}/documents")).ReadAsync<List<DocumentBody>>();
        documents.ShouldHaveSingleItem().OnChecklist.ShouldBeFalse();
    }
}

public sealed class DocumentStorageTests_Sqlite(SqliteAppFactory app) : DocumentStorageTests(app), IClassFixture<SqliteAppFactory>;

public sealed class DocumentStorageTests_Postgres(PostgresAppFactory app) : DocumentStorageTests(app), IClassFixture<PostgresAppFactory>;
