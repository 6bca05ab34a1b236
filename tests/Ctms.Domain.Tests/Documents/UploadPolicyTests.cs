using System.Text;
using Ctms.Domain.Common;
using Ctms.Domain.Documents;

namespace Ctms.Domain.Tests.Documents;

/// <summary>The upload policy on real files in a store of its own: kinds by content, extensions that must agree, names made safe.</summary>
public sealed class UploadPolicyTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "ctms-upload-policy", Guid.NewGuid().ToString("N"));
    private readonly FileStore _store;
    private readonly UploadPolicy _policy;

    public UploadPolicyTests()
    {
        var options = new FileStoreOptions { RootPath = _root, MaxBytes = 10_000 };
        _store = new FileStore(options);
        _policy = new UploadPolicy(options);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    public static TheoryData<string, byte[], string> Accepted => new()
    {
        { "protocol.pdf", SampleFiles.Pdf(), "application/pdf" },
        { "ICF.DOCX", SampleFiles.Docx(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
        { "budget.xlsx", SampleFiles.Xlsx(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
        { "kick-off.pptx", SampleFiles.Pptx(), "application/vnd.openxmlformats-officedocument.presentationml.presentation" },
        { "old form.doc", SampleFiles.Ole2("WordDocument"), "application/msword" },
        { "old budget.xls", SampleFiles.Ole2("Workbook"), "application/vnd.ms-excel" },
        { "scan.png", SampleFiles.Png(), "image/png" },
        { "scan.jpeg", SampleFiles.Jpeg(), "image/jpeg" },
        { "notes.txt", Encoding.UTF8.GetBytes("受试者须知 v2\n"), "text/plain; charset=utf-8" },
        { "sites.csv", Encoding.UTF8.GetBytes("site,pi\n1,Li\n"), "text/csv; charset=utf-8" },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public async Task Each_accepted_kind_is_recognised_by_its_content(string fileName, byte[] content, string contentType)
    {
        await using var staged = await _store.StageAsync(new MemoryStream(content), _policy.MaxBytes);
        var (name, kind) = _policy.Check(fileName, staged);
        name.ShouldBe(fileName);
        kind.ContentType.ShouldBe(contentType);
    }

    public static TheoryData<string, byte[]> Refused => new()
    {
        { "setup.pdf", [.. "MZ"u8.ToArray(), 0x90, 0, 3, 0] },
        { "protocol.docx", SampleFiles.Pdf() },
        { "archive.docx", SampleFiles.Zip() },
        { "sheet.docx", SampleFiles.Xlsx() },
        { "form.xls", SampleFiles.Ole2("WordDocument") },
        { "unknown.doc", SampleFiles.Ole2("Something") },
        { "binary.txt", [0x41, 0x00, 0x42] },
        { "latin1.csv", [0x61, 0xE9, 0x0A] },
        { "scan.png", SampleFiles.Jpeg() },
        { "script.js", Encoding.UTF8.GetBytes("alert(1)") },
        { "noextension", SampleFiles.Pdf() },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_file_of_no_allowed_kind_or_with_a_disagreeing_extension_is_refused_and_its_stage_removed(string fileName, byte[] content)
    {
        string stagedPath;
        await using (var staged = await _store.StageAsync(new MemoryStream(content), _policy.MaxBytes))
        {
            stagedPath = staged.Path;
            var refusal = Should.Throw<DomainValidationException>(() => _policy.Check(fileName, staged));
            refusal.Errors.ShouldContainKey("File");
        }
        File.Exists(stagedPath).ShouldBeFalse();
    }

    [Fact]
    public async Task A_caller_may_narrow_the_kinds()
    {
        await using var staged = await _store.StageAsync(new MemoryStream(SampleFiles.Png()), _policy.MaxBytes);
        Should.Throw<DomainValidationException>(() => _policy.Check("cv.png", staged, [FileKind.Pdf, FileKind.Docx]))
            .Errors["File"].ShouldHaveSingleItem().ShouldContain(".pdf, .docx");
    }

    [Fact]
    public async Task Staging_more_than_the_cap_is_refused_and_leaves_no_file()
    {
        var content = new MemoryStream([.. SampleFiles.Pdf(), .. new byte[10_000]]);
        Should.Throw<DomainValidationException>(async () => await _store.StageAsync(content, _policy.MaxBytes)).Errors.ShouldContainKey("File");
        Directory.GetFiles(_root, "*", SearchOption.AllDirectories).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("..\\..\\windows\\system.ini", "system.ini")]
    [InlineData("a\u0000b\u001b[31mc.pdf", "ab[31mc.pdf")]
    [InlineData("na\u202Eme.pdf", "name.pdf")]
    [InlineData("what?*<>|\":.pdf", "what.pdf")]
    [InlineData("  tabs\tand   spaces .pdf ", "tabs and spaces .pdf")]
    [InlineData("NUL.pdf", "_NUL.pdf")]
    [InlineData("../..", null)]
    [InlineData("\u0001\u0002", null)]
    [InlineData("试验方案（第二版）.pdf", "试验方案（第二版）.pdf")]
    public void File_names_keep_a_readable_last_segment_without_control_or_reserved_characters(string given, string? expected) =>
        UploadPolicy.SanitizeFileName(given).ShouldBe(expected);

    [Fact]
    public void A_long_name_is_cut_to_the_cap_keeping_its_extension()
    {
        var name = UploadPolicy.SanitizeFileName(new string('a', 500) + ".pdf")!;
        name.Length.ShouldBe(UploadPolicy.FileNameMax);
        name.ShouldEndWith(".pdf");
    }
}
