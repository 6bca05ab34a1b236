using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.People;

/// <summary>Downloads one of a person's files: the person or the CTI office only.</summary>
public sealed record GetPersonFile(string UserName, Guid FileId) : IQuery<PersonFileContent>;

public sealed record PersonFileContent(PersonFileDto File, byte[] Content);

public sealed class GetPersonFileHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, PeopleFileStore store)
    : IQueryHandler<GetPersonFile, PersonFileContent>
{
    public async ValueTask<PersonFileContent> Handle(GetPersonFile query, CancellationToken ct)
    {
        var person = await PeopleDirectory.FindAsync(db, query.UserName, ct);
        await PeopleDirectory.EnsureSelfOrManagerAsync(access, user, person, ct);
        var file = await db.PersonFiles.AsNoTracking().SingleOrDefaultAsync(f => f.Id == query.FileId && f.UserName == person.UserName, ct)
                   ?? throw new NotFoundException($"File {query.FileId} was not found.");
        return new PersonFileContent(PersonFileDto.From(file), await store.ReadAsync(file, ct));
    }
}
