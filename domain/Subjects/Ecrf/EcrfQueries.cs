using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Signatures;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Subjects.Ecrf;

/// <summary>The CRA or the data manager raises a query on a field of an entry (O13).</summary>
public sealed record RaiseEcrfQuery(Guid EntryId, string Field, string Text) : ICommand<EcrfQueryDto>, IValidatable
{
    public void Validate(Validator v) => v.Required(nameof(Field), Field, EcrfQuery.FieldMax).Required(nameof(Text), Text, EcrfQuery.TextMax);
}

/// <summary>The site answers a query (ecrf.enter); the CRA or the data manager then closes it.</summary>
public sealed record AnswerEcrfQuery(Guid QueryId, string Text) : ICommand<EcrfQueryDto>, IValidatable
{
    public void Validate(Validator v) => v.Required(nameof(Text), Text, EcrfQuery.TextMax);
}

public sealed record CloseEcrfQuery(Guid QueryId) : ICommand<EcrfQueryDto>;

/// <summary>The investigator signs an entry's data (an electronic signature: "I confirm this page's data"); refused while a query is not closed.</summary>
public sealed record SignEcrfEntry(Guid EntryId) : ICommand<EcrfEntryDto>;

/// <summary>A subject's e-CRF entries with their queries and signatures.</summary>
public sealed record ListSubjectEcrf(Guid SubjectId) : IQuery<IReadOnlyList<EcrfEntryDto>>;

public sealed class EcrfQueryHandlers(SubjectStore subjects, CtmsDbContext db, SignatureService signatures, TimeProvider clock)
    : ICommandHandler<RaiseEcrfQuery, EcrfQueryDto>, ICommandHandler<AnswerEcrfQuery, EcrfQueryDto>, ICommandHandler<CloseEcrfQuery, EcrfQueryDto>,
        ICommandHandler<SignEcrfEntry, EcrfEntryDto>, IQueryHandler<ListSubjectEcrf, IReadOnlyList<EcrfEntryDto>>
{
    public async ValueTask<EcrfQueryDto> Handle(RaiseEcrfQuery command, CancellationToken ct)
    {
        var entry = await EntryAsync(command.EntryId, ProjectActions.EcrfQuery, ct);
        var query = new EcrfQuery(entry.Id, entry.SubjectId, entry.ProjectId, command.Field.Trim(), command.Text.Trim(), null, subjects.UserName,
            clock.GetUtcNow());
        db.EcrfQueries.Add(query);
        await db.SaveChangesAsync(ct);
        return EcrfQueryDto.From(query);
    }

    public async ValueTask<EcrfQueryDto> Handle(AnswerEcrfQuery command, CancellationToken ct)
    {
        var query = await QueryAsync(command.QueryId, ProjectActions.EcrfEnter, ct);
        query.Respond(command.Text.Trim(), subjects.UserName, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return EcrfQueryDto.From(query);
    }

    public async ValueTask<EcrfQueryDto> Handle(CloseEcrfQuery command, CancellationToken ct)
    {
        var query = await QueryAsync(command.QueryId, ProjectActions.EcrfQuery, ct);
        query.Close(subjects.UserName, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return EcrfQueryDto.From(query);
    }

    public async ValueTask<EcrfEntryDto> Handle(SignEcrfEntry command, CancellationToken ct)
    {
        var entry = await EntryAsync(command.EntryId, ProjectActions.EcrfSignOff, ct);
        var queries = await db.EcrfQueries.Where(q => q.EntryId == entry.Id).ToListAsync(ct);
        var open = queries.Count(q => q.Status != EcrfQueryStatus.Closed);
        if (open > 0)
        {
            throw new ConflictException($"Page {entry.PageCode} of visit {entry.VisitCode} has {open} query(ies) not closed: it is signed once they are.");
        }
        if (entry.SignedAt is not null)
        {
            throw new ConflictException($"Page {entry.PageCode} of visit {entry.VisitCode} is already signed and unchanged since.");
        }
        await signatures.SignAsync(entry, EcrfEntry.SignatureMeaning, ct);
        entry.MarkSigned(subjects.UserName, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return EcrfEntryDto.From(entry, queries, await signatures.CheckAsync(entry, ct));
    }

    public async ValueTask<IReadOnlyList<EcrfEntryDto>> Handle(ListSubjectEcrf query, CancellationToken ct)
    {
        var subject = await subjects.GetAsync(query.SubjectId, ProjectActions.ReadSubjects, ct);
        var entries = await db.EcrfEntries.AsNoTracking().Where(e => e.SubjectId == subject.Id).ToListAsync(ct);
        var ids = entries.Select(e => e.Id).ToList();
        var queries = await db.EcrfQueries.AsNoTracking().Where(q => ids.Contains(q.EntryId)).ToListAsync(ct);
        var result = new List<EcrfEntryDto>();
        foreach (var entry in entries.OrderBy(e => e.VisitCode, StringComparer.Ordinal).ThenBy(e => e.PageCode, StringComparer.Ordinal))
        {
            result.Add(EcrfEntryDto.From(entry, queries, await signatures.CheckAsync(entry, ct)));
        }
        return result;
    }

    private async Task<EcrfEntry> EntryAsync(Guid entryId, string action, CancellationToken ct)
    {
        var entry = await db.EcrfEntries.SingleOrDefaultAsync(e => e.Id == entryId, ct) ?? throw new NotFoundException($"e-CRF entry {entryId} was not found.");
        await subjects.GetAsync(entry.SubjectId, action, ct);
        return entry;
    }

    private async Task<EcrfQuery> QueryAsync(Guid queryId, string action, CancellationToken ct)
    {
        var query = await db.EcrfQueries.SingleOrDefaultAsync(q => q.Id == queryId, ct) ?? throw new NotFoundException($"Query {queryId} was not found.");
        await subjects.GetAsync(query.SubjectId, action, ct);
        return query;
    }
}
