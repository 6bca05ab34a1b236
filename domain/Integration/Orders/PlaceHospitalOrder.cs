using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Integration.Fhir;
using Ctms.Domain.Integration.Hospital;
using Ctms.Domain.Integration.Patients;
using Ctms.Domain.Integration.Privacy;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Integration.Orders;

/// <summary>
/// Orders a lab test or an exam at the hospital for a project's patient, paid by the trial. <see cref="Kind"/> may be left
/// out for a known LOINC code (<see cref="OrderCodes"/>). <see cref="OrderId"/> makes the command repeatable: a process
/// passes its element instance's id, so running the service task again (after an unknown outcome) finds the order it
/// placed instead of ordering twice.
/// </summary>
public sealed record PlaceHospitalOrder(Guid ProjectId, Guid PatientId, string Code, HospitalOrderKind? Kind = null, string? System = null,
    string? Display = null, string? Note = null, Guid? OrderId = null) : ICommand<HospitalOrderDto>, IValidatable
{
    public const int NoteMax = 500;

    public void Validate(Validator v) => v
        .Required(nameof(Code), Code, HospitalOrder.CodeMax)
        .Optional(nameof(System), System, HospitalOrder.SystemMax)
        .Optional(nameof(Display), Display, HospitalOrder.DisplayMax)
        .Optional(nameof(Note), Note, NoteMax)
        .Must(PatientId != Guid.Empty, nameof(PatientId), "PatientId is required.")
        .Must(Kind is null || Enum.IsDefined(Kind.Value), nameof(Kind), "Kind must be Lab or Exam.")
        .Must(Kind is not null || string.IsNullOrWhiteSpace(Code) || OrderCodes.Find(System ?? HospitalFhir.LoincSystem, Code) is not null,
            nameof(Kind), "Kind (Lab or Exam) is required for a code that is not one of the known LOINC codes.");
}

public sealed class PlaceHospitalOrderHandler(ProjectAccess access, ICurrentUser user, CtmsDbContext db, PatientRegistry registry,
    IHospitalRecords records, IHospitalOrders orders, TimeProvider clock) : ICommandHandler<PlaceHospitalOrder, HospitalOrderDto>
{
    public async ValueTask<HospitalOrderDto> Handle(PlaceHospitalOrder command, CancellationToken ct)
    {
        await access.EnsureAsync(user.Access, ProjectActions.HospitalOrder, command.ProjectId, ct);
        var patient = await ProjectPatients.GetAsync(db, registry, command.ProjectId, command.PatientId, ct);
        if (command.OrderId is { } given && await db.HospitalOrders.FirstOrDefaultAsync(o => o.Id == given, ct) is { } existing)
        {
            return existing.ProjectId == command.ProjectId && existing.PatientId == command.PatientId
                ? HospitalOrderDto.From(existing, [], [])
                : throw new ConflictException($"Order {given} exists for another patient or project.");
        }
        var system = string.IsNullOrWhiteSpace(command.System) ? HospitalFhir.LoincSystem : command.System.Trim();
        var code = command.Code.Trim();
        var known = OrderCodes.Find(system, code);
        var kind = command.Kind ?? known!.Value.Kind;
        var display = string.IsNullOrWhiteSpace(command.Display) ? known?.Display : command.Display.Trim();

        // The hospital is the authority on who the patient is: its Patient id is asked for by MRN (by POST, never in a URL).
        var atHospital = await records.FindByMrnAsync(registry.RevealMrn(patient), ct)
            ?? throw new NotFoundException($"The hospital no longer knows patient {patient.Id}.");
        var orderId = command.OrderId ?? Guid.CreateVersion7();
        var placed = await orders.PlaceAsync(new HospitalOrderRequest(orderId, atHospital.HospitalId, kind, new HospitalCode(system, code, display), true,
            command.Note?.Trim()), ct);
        var order = new HospitalOrder(orderId, command.ProjectId, patient.Id, kind, system, code, display, true, placed.HospitalRequestId,
            user.UserName ?? "system", clock.GetUtcNow());
        db.HospitalOrders.Add(order);
        await db.SaveChangesAsync(ct);
        return HospitalOrderDto.From(order, [], []);
    }
}
