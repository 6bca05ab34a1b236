using Ctms.HospitalSim.Fhir;

namespace Ctms.HospitalSim;

/// <summary>
/// The simulator's own controls under <c>/_sim</c> (never affected by faults): set a fault, change the dictionaries,
/// admit or discharge a patient, redeliver a notification.
/// </summary>
internal static class SimControlEndpoints
{
    public static void MapSimControlEndpoints(this IEndpointRouteBuilder app)
    {
        var sim = app.MapGroup("_sim");
        sim.MapPost("faults", SetFault);
        sim.MapPost("dictionaries/change", ChangeDictionaries);
        sim.MapPost("patients/{id}/admit", Admit);
        sim.MapPost("patients/{id}/discharge", Discharge);
        sim.MapPost("notifications/{eventId}/redeliver", Redeliver);
    }

    internal sealed record FaultRequest(string? Mode, int? DelayMs, int? After);

    internal sealed record ChangeRequest(int Count);

    private static IResult SetFault(FaultRequest request, SimState state)
    {
        FaultMode? mode = request.Mode switch
        {
            null or "none" => FaultMode.None,
            "down" => FaultMode.Down,
            "slow" => FaultMode.Slow,
            "malformed" => FaultMode.Malformed,
            "fail-after" => FaultMode.FailAfter,
            _ => null,
        };
        if (mode is null)
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["mode"] = ["One of none, down, slow, malformed, fail-after."] });
        state.Faults.Set(mode.Value, TimeSpan.FromMilliseconds(request.DelayMs ?? 0), request.After ?? 0);
        return Results.Ok(new { mode = request.Mode ?? "none", delayMs = request.DelayMs ?? 0, after = request.After ?? 0 });
    }

    private static async Task<IResult> ChangeDictionaries(ChangeRequest request, SimState state)
    {
        if (request.Count < 0)
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["count"] = ["Must not be negative."] });
        await state.Data.ChangeDictionariesAsync(request.Count);
        return Results.Ok(new { changed = request.Count });
    }

    private static IResult Admit(string id, SimState state) =>
        state.Admit(id) is { } encounter ? FhirJson.Result(encounter, StatusCodes.Status201Created) : Results.NotFound();

    private static IResult Discharge(string id, SimState state)
    {
        if (state.Data.FindPatient(id) is null)
            return Results.NotFound();
        return state.Discharge(id) is { } encounter ? FhirJson.Result(encounter) : Results.Conflict();
    }

    private static async Task<IResult> Redeliver(string eventId, SimState state)
    {
        if (!state.Sender.Knows(eventId))
            return Results.NotFound();
        await state.Sender.RedeliverAsync(eventId);
        return Results.NoContent();
    }
}
