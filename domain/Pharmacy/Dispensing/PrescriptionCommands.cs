using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Pharmacy.Stock;
using Ctms.Domain.Subjects;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Pharmacy.Dispensing;

/// <summary>A prescription as everyone sees it: no arm, no kit content; the kit number once dispensed (a number reveals nothing).</summary>
public sealed record PrescriptionDto(Guid Id, Guid SubjectId, string Subject, string VisitCode, string Product, decimal? UnitsPerDay, string? Note,
    PrescriptionStatus Status, string PrescribedBy, DateTimeOffset PrescribedAt, string? KitNumber, string? DispensedBy, DateTimeOffset? DispensedAt,
    string? CancelReason);

/// <summary>
/// Prescribes the study drug for a subject at a visit (O20, `issue-prescription`): investigators only, whatever the
/// endpoint (the subject is loaded with <see cref="ProjectActions.PharmacyPrescribe"/>). The subject must be randomized and
/// on treatment, the visit one of the subject's whose content includes dispensing; one prescription of a product per visit.
/// </summary>
public sealed record IssuePrescription(Guid SubjectId, string? VisitCode, string? Product, decimal? UnitsPerDay, string? Note)
    : ICommand<PrescriptionDto>, IValidatable
{
    public void Validate(Validator v) => v
        .Required(nameof(VisitCode), VisitCode, 32)
        .Optional(nameof(Product), Product, InvestigationalProduct.CodeMax)
        .Optional(nameof(Note), Note, Prescription.NoteMax)
        .Must(UnitsPerDay is null or (> 0 and <= 1000), nameof(UnitsPerDay), "The daily dose is more than 0 and at most 1,000 units.");
}

public sealed class IssuePrescriptionHandler(CtmsDbContext db, SubjectStore subjects, Subjects.Visits.SubjectSchedule schedule, PrescriptionViews views,
    TimeProvider clock)
    : ICommandHandler<IssuePrescription, PrescriptionDto>
{
    public async ValueTask<PrescriptionDto> Handle(IssuePrescription command, CancellationToken ct)
    {
        var subject = await subjects.GetAsync(command.SubjectId, ProjectActions.PharmacyPrescribe, ct);
        if (subject.Status is not (SubjectStatus.Randomized or SubjectStatus.InTreatment))
        {
            throw new ConflictException($"The subject is {SubjectLifecycle.Name(subject.Status).ToLowerInvariant()}: the study drug is prescribed to randomized subjects on treatment.");
        }
        if (!await db.SubjectAllocations.AnyAsync(a => a.SubjectId == subject.Id, ct))
        {
            throw new ConflictException("The subject has no allocation yet: randomize before prescribing.");
        }
        var visit = (await schedule.EnsureAsync(subject, ct)).FirstOrDefault(v => v.Code == command.VisitCode)
                    ?? throw DomainValidationException.For(nameof(IssuePrescription.VisitCode), $"The subject's schedule has no visit {command.VisitCode}.");
        var dispensing = await db.VisitDefinitions.AsNoTracking()
            .AnyAsync(d => d.ProjectId == subject.ProjectId && d.Code == visit.Code && d.Dispensing, ct);
        if (!dispensing)
        {
            throw DomainValidationException.For(nameof(IssuePrescription.VisitCode), $"Visit {visit.Code} does not dispense the study drug in the protocol.");
        }
        var products = await db.IpProducts.AsNoTracking().Where(p => p.ProjectId == subject.ProjectId).ToListAsync(ct);
        var product = command.Product is { Length: > 0 } code
            ? products.SingleOrDefault(p => p.Code == code)
              ?? throw DomainValidationException.For(nameof(IssuePrescription.Product), $"The study has no product {code}.")
            : products.Count == 1
                ? products[0]
                : throw DomainValidationException.For(nameof(IssuePrescription.Product), "Name the product: the study has " + (products.Count == 0 ? "none yet." : "several."));
        if (await db.IpPrescriptions.AnyAsync(p => p.SubjectId == subject.Id && p.VisitCode == visit.Code && p.ProductId == product.Id
                                                   && p.Status != PrescriptionStatus.Cancelled, ct))
        {
            throw new ConflictException($"The study drug is already prescribed for this subject at visit {visit.Code}.");
        }
        var prescription = new Prescription(subject.ProjectId, subject.Id, visit.Code, product.Id, command.UnitsPerDay, command.Note, subjects.UserName,
            clock.GetUtcNow());
        db.IpPrescriptions.Add(prescription);
        await db.SaveChangesAsync(ct);
        return await views.DtoAsync(prescription, ct);
    }
}

/// <summary>Cancels an issued prescription with the reason (the investigator who may prescribe).</summary>
public sealed record CancelPrescription(Guid PrescriptionId, string? Reason) : ICommand<PrescriptionDto>, IValidatable
{
    public void Validate(Validator v) => v.Required(nameof(Reason), Reason, Prescription.NoteMax);
}

public sealed class CancelPrescriptionHandler(CtmsDbContext db, SubjectStore subjects, PrescriptionViews views) : ICommandHandler<CancelPrescription, PrescriptionDto>
{
    public async ValueTask<PrescriptionDto> Handle(CancelPrescription command, CancellationToken ct)
    {
        var prescription = await db.IpPrescriptions.SingleOrDefaultAsync(p => p.Id == command.PrescriptionId, ct)
                           ?? throw new NotFoundException($"Prescription {command.PrescriptionId} was not found.");
        await subjects.GetAsync(prescription.SubjectId, ProjectActions.PharmacyPrescribe, ct);
        if (prescription.Status != PrescriptionStatus.Issued)
        {
            throw new ConflictException($"The prescription is {prescription.Status.ToString().ToLowerInvariant()}: only an issued one is cancelled.");
        }
        prescription.Cancel(command.Reason!);
        db.AuditReason = command.Reason;
        await db.SaveChangesAsync(ct);
        return await views.DtoAsync(prescription, ct);
    }
}

/// <summary>The project's prescriptions (?status), newest first: the pharmacy's queue and the team's view.</summary>
public sealed record ListPrescriptions(Guid ProjectId, PrescriptionStatus? Status = null, Guid? SubjectId = null) : IQuery<IReadOnlyList<PrescriptionDto>>;

public sealed class ListPrescriptionsHandler(CtmsDbContext db, PharmacyStore store, PrescriptionViews views)
    : IQueryHandler<ListPrescriptions, IReadOnlyList<PrescriptionDto>>
{
    public async ValueTask<IReadOnlyList<PrescriptionDto>> Handle(ListPrescriptions query, CancellationToken ct)
    {
        await store.EnsureAsync(query.ProjectId, ProjectActions.PharmacyRead, ct);
        var prescriptions = db.IpPrescriptions.AsNoTracking().Where(p => p.ProjectId == query.ProjectId);
        if (query.Status is { } status)
        {
            prescriptions = prescriptions.Where(p => p.Status == status);
        }
        if (query.SubjectId is { } subject)
        {
            prescriptions = prescriptions.Where(p => p.SubjectId == subject);
        }
        var list = await prescriptions.ToListAsync(ct);
        return await views.DtosAsync(list.OrderByDescending(p => p.PrescribedAt.UtcTicks).ToList(), ct);
    }
}

/// <summary>Prescriptions as DTOs with the subject's label (protocol + screening number + initials) and the kit number.</summary>
public sealed class PrescriptionViews(CtmsDbContext db)
{
    public async Task<PrescriptionDto> DtoAsync(Prescription p, CancellationToken ct) => (await DtosAsync([p], ct))[0];

    public async Task<IReadOnlyList<PrescriptionDto>> DtosAsync(IReadOnlyList<Prescription> list, CancellationToken ct)
    {
        if (list.Count == 0)
        {
            return [];
        }
        var projectId = list[0].ProjectId;
        var protocol = await db.Projects.AsNoTracking().Where(p => p.Id == projectId).Select(p => p.ProtocolNumber).SingleAsync(ct);
        var subjectIds = list.Select(p => p.SubjectId).Distinct().ToList();
        var subjects = await db.Subjects.AsNoTracking().Where(s => subjectIds.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => SubjectLabel.Of(protocol, s.ScreeningNumber, s.Initials), ct);
        var products = await db.IpProducts.AsNoTracking().Where(p => p.ProjectId == projectId).ToDictionaryAsync(p => p.Id, p => p.Code, ct);
        var kitIds = list.Where(p => p.KitId is not null).Select(p => p.KitId!.Value).ToList();
        var kits = await db.Kits.AsNoTracking().Where(k => kitIds.Contains(k.Id)).ToDictionaryAsync(k => k.Id, k => k.KitNumber, ct);
        return [.. list.Select(p => new PrescriptionDto(p.Id, p.SubjectId, subjects[p.SubjectId], p.VisitCode, products[p.ProductId], p.UnitsPerDay, p.Note,
            p.Status, p.PrescribedBy, p.PrescribedAt, p.KitId is { } k ? kits[k] : null, p.DispensedBy, p.DispensedAt, p.CancelReason))];
    }
}
