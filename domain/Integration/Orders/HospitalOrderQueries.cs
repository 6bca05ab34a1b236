using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Integration.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Integration.Orders;

public sealed record LabResultDto(Guid Id, string Code, string? Display, decimal? Value, string? Unit, decimal? Low, decimal? High,
    string? Interpretation, DateTimeOffset? EffectiveAt, DateTimeOffset ReceivedAt);

public sealed record ExamResultDto(Guid Id, string Code, string? Display, string? Category, string? Conclusion, DateTimeOffset? EffectiveAt,
    DateTimeOffset ReceivedAt);

/// <summary>An order as the study team sees it, with the results the hospital posted for it.</summary>
public sealed record HospitalOrderDto(Guid Id, Guid ProjectId, Guid PatientId, HospitalOrderKind Kind, string System, string Code, string? Display,
    bool PaidByTrial, HospitalOrderStatus Status, string HospitalRequestId, string PlacedBy, DateTimeOffset PlacedAt, DateTimeOffset? ResultedAt,
    IReadOnlyList<LabResultDto> LabResults, IReadOnlyList<ExamResultDto> ExamResults)
{
    public static HospitalOrderDto From(HospitalOrder o, IReadOnlyList<LabResultDto> labs, IReadOnlyList<ExamResultDto> exams) =>
        new(o.Id, o.ProjectId, o.PatientId, o.Kind, o.System, o.Code, o.Display, o.PaidByTrial, o.Status, o.HospitalRequestId, o.PlacedBy, o.PlacedAt,
            o.ResultedAt, labs, exams);
}

/// <summary>One order of a project with its results.</summary>
public sealed record GetHospitalOrder(Guid ProjectId, Guid OrderId) : IQuery<HospitalOrderDto>;

public sealed class GetHospitalOrderHandler(ProjectAccess access, ICurrentUser user, CtmsDbContext db) : IQueryHandler<GetHospitalOrder, HospitalOrderDto>
{
    public async ValueTask<HospitalOrderDto> Handle(GetHospitalOrder query, CancellationToken ct)
    {
        await access.EnsureAsync(user.Access, ProjectActions.HospitalRead, query.ProjectId, ct);
        var order = await db.HospitalOrders.AsNoTracking().FirstOrDefaultAsync(o => o.Id == query.OrderId && o.ProjectId == query.ProjectId, ct)
            ?? throw new NotFoundException($"Order {query.OrderId} was not found in this project.");
        var labs = await db.LabResults.AsNoTracking().Where(r => r.OrderId == order.Id && r.Source == LabResultSource.Order)
            .Select(r => new LabResultDto(r.Id, r.Code, r.Display, r.Value, r.Unit, r.Low, r.High, r.Interpretation, r.EffectiveAt, r.ReceivedAt))
            .ToListAsync(ct);
        var exams = await db.ExamResults.AsNoTracking().Where(r => r.OrderId == order.Id)
            .Select(r => new ExamResultDto(r.Id, r.Code, r.Display, r.Category, r.Conclusion, r.EffectiveAt, r.ReceivedAt))
            .ToListAsync(ct);
        // Sorted in memory: SQLite cannot order by a DateTimeOffset column.
        return HospitalOrderDto.From(order, labs.OrderBy(r => r.EffectiveAt).ToList(), exams.OrderBy(r => r.EffectiveAt).ToList());
    }
}

/// <summary>A project's orders, newest first, optionally for one patient (results not included: read one order for them).</summary>
public sealed record ListHospitalOrders(Guid ProjectId, Guid? PatientId) : IQuery<IReadOnlyList<HospitalOrderDto>>;

public sealed class ListHospitalOrdersHandler(ProjectAccess access, ICurrentUser user, CtmsDbContext db)
    : IQueryHandler<ListHospitalOrders, IReadOnlyList<HospitalOrderDto>>
{
    public async ValueTask<IReadOnlyList<HospitalOrderDto>> Handle(ListHospitalOrders query, CancellationToken ct)
    {
        await access.EnsureAsync(user.Access, ProjectActions.HospitalRead, query.ProjectId, ct);
        var orders = db.HospitalOrders.AsNoTracking().Where(o => o.ProjectId == query.ProjectId);
        if (query.PatientId is { } patientId)
        {
            orders = orders.Where(o => o.PatientId == patientId);
        }
        var rows = await orders.ToListAsync(ct);
        // Sorted in memory: SQLite cannot order by a DateTimeOffset column.
        return rows.OrderByDescending(o => o.PlacedAt).Take(500).Select(o => HospitalOrderDto.From(o, [], [])).ToList();
    }
}
