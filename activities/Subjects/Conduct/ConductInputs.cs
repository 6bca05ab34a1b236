using System.Globalization;
using Ctms.Domain.Subjects.Status;
using Ctms.Engine.Runtime.Activities;
using Mediator;

namespace Ctms.Activities.Subjects.Conduct;

/// <summary>The ids the conduct processes (O12-O14, O16, O17) carry in their variables.</summary>
internal static class ConductInputs
{
    public static Guid RequiredId(ActivityContext context, string name) =>
        Guid.TryParse(ActivityInputs.OptionalString(context, name), out var id)
            ? id
            : throw new InvalidOperationException($"The service task {context.ElementId} needs the variable '{name}' (an id).");

    /// <summary>O17's admission or discharge of the subject from the hospital's encounter message (source "hospital").</summary>
    public static async Task<ActivityResult> SetAdmissionAsync(IMediator mediator, ActivityContext context, bool admitted, CancellationToken ct)
    {
        var stay = await mediator.Send(new SetSubjectAdmission(RequiredId(context, "subjectId"), admitted, FromHospital: true), ct);
        return ActivityResult.Complete(new Dictionary<string, object?>
        {
            ["admitted"] = stay.Admitted,
            [admitted ? "admittedAt" : "dischargedAt"] = (admitted ? stay.AdmittedAt : stay.DischargedAt)?.ToString("O", CultureInfo.InvariantCulture),
        });
    }
}
