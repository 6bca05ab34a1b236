using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;

namespace Ctms.Domain.People;

/// <summary>
/// A person's CV or certificate scan arrives (from the person or the CTI office): its type is found in the content,
/// its name sanitised, its size capped; the bytes go to disk and the row to the database, both or neither.
/// </summary>
public sealed record UploadPersonFile(string UserName, PersonFileKind Kind, string? FileName, byte[] Content) : ICommand<PersonFileDto>, IValidatable
{
    public void Validate(Validator v) => v
        .Required(nameof(UserName), UserName, 256)
        .Must(Enum.IsDefined(Kind), nameof(Kind), $"Kind must be one of: {string.Join(", ", Enum.GetNames<PersonFileKind>())}.")
        .Must(Content is { Length: > 0 }, "file", "The file is empty.")
        .Must(Content is null || Content.LongLength <= PeopleFileStore.MaxBytes, "file",
            $"The file is larger than {PeopleFileStore.MaxBytes / (1024 * 1024)} MB.");
}

public sealed class UploadPersonFileHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, TimeProvider clock, PeopleFileStore store)
    : ICommandHandler<UploadPersonFile, PersonFileDto>
{
    public async ValueTask<PersonFileDto> Handle(UploadPersonFile command, CancellationToken ct)
    {
        var person = await PeopleDirectory.FindInvestigatorAsync(db, command.UserName, ct);
        await PeopleDirectory.EnsureSelfOrManagerAsync(access, user, person, ct);
        var type = PeopleFileStore.Sniff(command.Content);
        var file = new PersonFile(person.UserName!, command.Kind, PeopleFileStore.Sanitize(command.FileName), type, command.Content.LongLength,
            PeopleFileStore.Hash(command.Content), user.UserName ?? "system", clock.GetUtcNow());
        await store.WriteAsync(file.Id, command.Content, ct);
        try
        {
            db.PersonFiles.Add(file);
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            // The row did not make it: no orphan bytes either.
            store.Delete(file.Id);
            throw;
        }
        return PersonFileDto.From(file);
    }
}
