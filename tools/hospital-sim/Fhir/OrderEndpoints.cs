using System.Text.Json;
using Ctms.HospitalSim.Data;
using Hl7.Fhir.Model;

namespace Ctms.HospitalSim.Fhir;

/// <summary>
/// Orders: <c>POST ServiceRequest</c> places one (its result follows after the result delay, as a notification), and
/// <c>POST Subscription</c> (rest-hook) tells the simulator where notifications go.
/// </summary>
internal static class OrderEndpoints
{
    public static ResourceDefinition Definition { get; } = new(
        "ServiceRequest",
        ["_id", "patient", "subject", "identifier", "status"],
        (data, q) => data.Orders
            .Where(o => q.PatientId() is not { } p || o.Subject?.Reference == $"Patient/{p}")
            .Where(o => q.All("_id").All(id => id == o.Id))
            .Where(o => q.All("identifier").All(t => o.Identifier.Any(i => SearchQuery.TokenMatches(t, i.System, i.Value))))
            .Where(o => q.All("status").All(s => s == o.Status?.ToString().ToLowerInvariant()))
            .OrderBy(o => o.Id, StringComparer.Ordinal),
        (data, id) => data.FindOrder(id));

    public static void MapOrderEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("fhir/ServiceRequest", PlaceOrder);
        app.MapPost("fhir/Subscription", Subscribe);
    }

    private static async Task<IResult> PlaceOrder(HttpRequest request, SimState state)
    {
        var (order, error) = await ParseAsync<ServiceRequest>(request);
        if (order is null)
            return Invalid(error!);
        var reference = order.Subject?.Reference;
        if (reference is null || !reference.StartsWith("Patient/", StringComparison.Ordinal) || state.Data.FindPatient(reference[8..]) is null)
            return Invalid("ServiceRequest.subject must reference a known patient (Patient/{id}).");
        if (order.Code?.Coding is not [_, ..])
            return Invalid("ServiceRequest.code is required: one lab test or exam code.");
        var (lab, exam) = state.Data.Resolve(order.Code);
        if (lab is null && exam is null)
            return Invalid("ServiceRequest.code is not a lab test or exam this hospital performs.");
        if (!order.Identifier.Any(i => i.System == SimCatalog.CtmsOrderSystem && !string.IsNullOrEmpty(i.Value)))
            return Invalid($"ServiceRequest.identifier with system {SimCatalog.CtmsOrderSystem} (the CTMS order id) is required.");
        order.Status ??= RequestStatus.Active;
        order.Intent ??= RequestIntent.Order;
        var stored = state.Data.AddOrder(order);
        state.ScheduleResult(stored.Id!);
        return FhirJson.Result(stored, StatusCodes.Status201Created, $"{state.BaseUrl}ServiceRequest/{stored.Id}");
    }

    private static async Task<IResult> Subscribe(HttpRequest request, SimState state)
    {
        var (subscription, error) = await ParseAsync<Subscription>(request);
        if (subscription is null)
            return Invalid(error!);
        if (subscription.Channel?.Type != Subscription.SubscriptionChannelType.RestHook || string.IsNullOrEmpty(subscription.Channel.Endpoint))
            return Invalid("Subscription.channel must be a rest-hook with an endpoint.");
        state.NotificationUrl = subscription.Channel.Endpoint;
        subscription.Id = "sub-1";
        subscription.Status = Subscription.SubscriptionStatus.Active;
        return FhirJson.Result(subscription, StatusCodes.Status201Created, $"{state.BaseUrl}Subscription/sub-1");
    }

    private static async Task<(T? Resource, string? Error)> ParseAsync<T>(HttpRequest request) where T : Resource
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, request.HttpContext.RequestAborted);
        try
        {
            return (FhirJson.Parse<T>(body.ToArray()), null);
        }
        catch (Exception e) when (e is JsonException or Hl7.Fhir.Serialization.DeserializationFailedException or NotSupportedException)
        {
            return (null, $"The body is not a valid FHIR {typeof(T).Name}: {e.Message}");
        }
    }

    private static IResult Invalid(string message) =>
        FhirJson.Outcome(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.Invalid, message);
}
