namespace Ctms.Domain.Documents;

/// <summary>
/// An upload written to the store's temporary folder, not yet at its address: checked (<see cref="UploadPolicy"/>)
/// and then committed, or disposed, which deletes it. Nothing of a refused upload stays on disk.
/// </summary>
public sealed class StagedFile : IAsyncDisposable
{
    private readonly FileStore _store;
    private bool _committed;
    private bool _created;

    internal StagedFile(FileStore store, string path, StoredFile file)
    {
        _store = store;
        Path = path;
        File = file;
    }

    /// <summary>The temporary file, to read while checking it.</summary>
    public string Path { get; }

    public StoredFile File { get; }

    public Stream OpenRead() => new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read);

    /// <summary>Moves the file to its address in the store (atomically; an existing copy of the same content is kept).</summary>
    public void Commit()
    {
        if (_committed)
        {
            return;
        }
        _created = _store.Commit(Path, File.Sha256);
        _committed = true;
    }

    /// <summary>
    /// Undoes <see cref="Commit"/> when the database change that refers to the file failed: a file this upload put in
    /// the store is removed again; one that was there before (another record has the same content) stays.
    /// </summary>
    public void Rollback()
    {
        if (_committed && _created)
        {
            _store.Forget(File.Sha256);
            _created = false;
        }
    }

    public ValueTask DisposeAsync()
    {
        if (!_committed)
        {
            System.IO.File.Delete(Path);
        }
        return ValueTask.CompletedTask;
    }
}
