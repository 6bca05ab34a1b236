using System.Text.Json.Nodes;
using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Signatures;
using Ctms.Domain.Subjects.Protocol;
using Ctms.Domain.Subjects.Recruitment;
using Ctms.Domain.Subjects.Visits;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Subjects.Ecrf;

/// <summary>
/// Enters or corrects an e-CRF page of a visit (O13). The data is checked against the page's released version (a value the
/// form refuses is a 400 on its field and nothing is saved); the edit checks run on the kept data, and each one that fails
/// opens a query on its field (once while it stays open) with the data saved. A change of saved data needs a reason,
/// which the audit trail keeps; it breaks an earlier sign-off.
/// </summary>
public sealed record SaveEcrfEntry(Guid SubjectId, string VisitCode, string PageCode, JsonObject? Data, string? Reason) : ICommand<EcrfEntryDto>, IValidatable
{
    public void Validate(Validator v) => v
        .Required(nameof(VisitCode), VisitCode, VisitDefinition.CodeMax)
        .Required(nameof(PageCode), PageCode, EcrfPage.CodeMax)
        .Must(Data is not null, nameof(Data), "Data is required: the page's fields.")
        .Optional(nameof(Reason), Reason, Subject.ReasonMax);
}

public sealed class SaveEcrfEntryHandler(SubjectStore subjects, SubjectSchedule schedule, CtmsDbContext db, IEcrfFormChecker forms,
    IConditionEvaluator feel, SignatureService signatures, ConsentRules consents, TimeProvider clock) : ICommandHandler<SaveEcrfEntry, EcrfEntryDto>
{
    public async ValueTask<EcrfEntryDto> Handle(SaveEcrfEntry command, CancellationToken ct)
    {
        var subject = await subjects.GetAsync(command.SubjectId, ProjectActions.EcrfEnter, ct);
        var visit = await schedule.VisitAsync(subject, command.VisitCode.Trim(), ct);
        var pageCode = command.PageCode.Trim();
        var definition = await db.VisitDefinitions.AsNoTracking().SingleAsync(d => d.ProjectId == subject.ProjectId && d.Code == visit.Code, ct);
        if (!definition.EcrfPageCodes.Contains(pageCode, StringComparer.Ordinal))
        {
            throw new NotFoundException($"Page {pageCode} is not filled at visit {visit.Code}.");
        }
        if (!SubjectLifecycle.OnStudy.Contains(subject.Status) && subject.Status != SubjectStatus.Completed)
        {
            throw new ConflictException($"The subject is {SubjectLifecycle.Name(subject.Status)}: no e-CRF data is entered for it.");
        }
        if (SubjectLifecycle.IsActive(subject.Status))
        {
            // A subject due for re-consent (a newer ICF approved since they signed) has no data entered until they sign it.
            await consents.EnsureCurrentAsync(subject, ct);
        }
        if (visit.Status is SubjectVisitStatus.Cancelled or SubjectVisitStatus.Missed)
        {
            throw new ConflictException($"Visit {visit.Code} is {visit.Status.ToString().ToLowerInvariant()}: it has no data.");
        }
        var page = await db.EcrfPages.AsNoTracking().Where(p => p.ProjectId == subject.ProjectId && p.Code == pageCode && p.Status == EcrfPageStatus.Released)
            .OrderByDescending(p => p.Version).FirstOrDefaultAsync(ct)
            ?? throw new ConflictException($"Page {pageCode} has no released version: data is entered only on a released page.");
        var kept = forms.Check(pageCode, page.Schema, command.Data!);
        var json = kept.ToJsonString();
        var now = clock.GetUtcNow();
        var entry = await db.EcrfEntries.SingleOrDefaultAsync(e => e.SubjectId == subject.Id && e.VisitCode == visit.Code && e.PageCode == pageCode, ct);
        if (entry is null)
        {
            entry = new EcrfEntry(subject.ProjectId, subject.Id, visit.Id, visit.Code, pageCode, page.Version, json, subjects.UserName, now);
            db.EcrfEntries.Add(entry);
        }
        else if (entry.Data != json || entry.PageVersion != page.Version)
        {
            if (string.IsNullOrWhiteSpace(command.Reason))
            {
                throw DomainValidationException.For(nameof(command.Reason), "A change of data already saved needs a reason (it is kept in the audit trail).");
            }
            db.AuditReason = command.Reason.Trim();
            entry.Change(json, page.Version, subjects.UserName, now);
        }
        var queries = await db.EcrfQueries.Where(q => q.EntryId == entry.Id).ToListAsync(ct);
        foreach (var check in page.Checks)
        {
            if (feel.Evaluate(check.Expression, kept) == false
                && !queries.Any(q => q.CheckCode == check.Code && q.Status != EcrfQueryStatus.Closed))
            {
                var query = new EcrfQuery(entry.Id, subject.Id, subject.ProjectId, check.Field, check.Message, check.Code, "system", now);
                db.EcrfQueries.Add(query);
                queries.Add(query);
            }
        }
        await db.SaveChangesAsync(ct);
        return EcrfEntryDto.From(entry, queries, await signatures.CheckAsync(entry, ct));
    }
}
