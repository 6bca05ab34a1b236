using System.Security.Cryptography;
using Ctms.Domain.Documents;

namespace Ctms.Domain.Tests.Documents;

/// <summary>The content-addressed store: files at ab/cd/&lt;sha256&gt;, moved from their stage, never overwritten.</summary>
public sealed class FileStoreTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "ctms-file-store", Guid.NewGuid().ToString("N"));
    private readonly FileStore _store;

    public FileStoreTests() => _store = new FileStore(new FileStoreOptions { RootPath = _root });

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task A_committed_file_lives_at_its_hash_and_its_stage_is_gone()
    {
        var content = SampleFiles.Pdf("store");
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        await using var staged = await _store.StageAsync(new MemoryStream(content), 1_000);
        staged.File.ShouldBe(new StoredFile(sha, content.Length));
        File.Exists(staged.Path).ShouldBeTrue();

        staged.Commit();

        File.Exists(staged.Path).ShouldBeFalse();
        _store.PathOf(sha).ShouldBe(Path.Combine(_store.RootPath, sha[..2], sha[2..4], sha));
        await using var read = _store.OpenRead(sha);
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy);
        copy.ToArray().ShouldBe(content);
    }

    [Fact]
    public async Task The_same_content_twice_keeps_the_first_file_and_a_rollback_removes_only_what_this_upload_created()
    {
        var content = SampleFiles.Pdf("twice");
        await using var first = await _store.StageAsync(new MemoryStream(content), 1_000);
        first.Commit();
        var path = _store.PathOf(first.File.Sha256);
        var written = File.GetLastWriteTimeUtc(path);

        await using (var second = await _store.StageAsync(new MemoryStream(content), 1_000))
        {
            second.Commit();
            second.Rollback();
            File.Exists(second.Path).ShouldBeFalse();
        }
        File.Exists(path).ShouldBeTrue("the second upload did not create the file, so its rollback leaves it");
        File.GetLastWriteTimeUtc(path).ShouldBe(written);

        first.Rollback();
        File.Exists(path).ShouldBeFalse();
    }

    [Fact]
    public async Task A_stage_that_is_not_committed_is_deleted_on_dispose()
    {
        string path;
        await using (var staged = await _store.StageAsync(new MemoryStream(SampleFiles.Png()), 1_000))
        {
            path = staged.Path;
        }
        File.Exists(path).ShouldBeFalse();
        Should.Throw<ArgumentException>(() => _store.PathOf("../../etc/passwd"));
    }
}
