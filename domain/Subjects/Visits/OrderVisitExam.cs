using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Integration.Orders;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Subjects.Visits;

/// <summary>
/// Orders an exam of a visit's content at the hospital (O12), paid by the trial, through the integration's
/// <see cref="PlaceHospitalOrder"/>: the order and its link to the visit are saved together, and the result (a
/// <c>lab-result</c> / <c>exam-report</c> message, issue 8) marks the order resulted, which completes the exam's to-do item.
/// </summary>
public sealed record OrderVisitExam(Guid SubjectId, string Code, string ExamCode) : ICommand<HospitalOrderDto>, IValidatable
{
    public void Validate(Validator v) => v
        .Required(nameof(Code), Code, Protocol.VisitDefinition.CodeMax)
        .Required(nameof(ExamCode), ExamCode, HospitalOrder.CodeMax);
}

public sealed class OrderVisitExamHandler(SubjectStore subjects, SubjectSchedule schedule, CtmsDbContext db, IMediator mediator, TimeProvider clock)
    : ICommandHandler<OrderVisitExam, HospitalOrderDto>
{
    public async ValueTask<HospitalOrderDto> Handle(OrderVisitExam command, CancellationToken ct)
    {
        var subject = await subjects.GetAsync(command.SubjectId, ProjectActions.SubjectsVisit, ct);
        var visit = await schedule.VisitAsync(subject, command.Code.Trim(), ct);
        if (!SubjectLifecycle.OnStudy.Contains(subject.Status) || visit.Status is SubjectVisitStatus.Cancelled or SubjectVisitStatus.Missed)
        {
            throw new ConflictException($"Exams are ordered for a subject on study and a visit still to come or done; visit {visit.Code} is {visit.Status.ToString().ToLowerInvariant()} and the subject {SubjectLifecycle.Name(subject.Status)}.");
        }
        var definition = await db.VisitDefinitions.AsNoTracking().SingleAsync(d => d.ProjectId == subject.ProjectId && d.Code == visit.Code, ct);
        var exam = command.ExamCode.Trim();
        if (!definition.ExamCodes.Contains(exam, StringComparer.Ordinal))
        {
            throw DomainValidationException.For(nameof(command.ExamCode), $"Exam {exam} is not in the content of visit {visit.Code}.");
        }
        var orderId = Guid.CreateVersion7();
        // Added before the order's command, whose save writes both: a visit link never exists without its order, nor the reverse.
        db.VisitExamOrders.Add(new VisitExamOrder(orderId, visit.Id, subject.Id, exam, subjects.UserName, clock.GetUtcNow()));
        return await mediator.Send(new PlaceHospitalOrder(subject.ProjectId, subject.PatientId, exam, OrderId: orderId), ct);
    }
}
