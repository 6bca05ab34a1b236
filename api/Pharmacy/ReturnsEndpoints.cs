using Ctms.Domain.Pharmacy.Returns;
using Ctms.Domain.Pharmacy.Stock;
using Ctms.Domain.Signatures;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ctms.Api.Pharmacy;

/// <summary>Returns by subjects (O22), disposals witnessed with a signature (O23) and the reconciliation per batch.</summary>
internal static class ReturnsEndpoints
{
    public static IEndpointRouteBuilder MapReturnsEndpoints(this IEndpointRouteBuilder app)
    {
        var project = app.MapGroup("api/projects/{projectId:guid}/pharmacy").WithTags("Pharmacy");
        project.MapPost("returns", Return)
            .WithSummary("Take back a dispensed kit by scan ({code, subjectId?, unitsReturned, locationId, note?}); compliance from the prescribed dose.");
        project.MapGet("disposals", List).WithSummary("The project's disposals (destruction, return to the sponsor) with their witness signature.");
        project.MapPost("disposals", Prepare).WithSummary("Prepare a destruction or a return to the sponsor of scanned kits ({kind, kits, method}).");
        project.MapGet("reconciliation", Reconciliation).WithSummary("Per batch: received, dispensed, returned, destroyed, to the sponsor, adjusted, on site; balance 0.");
        app.MapPost("api/disposals/{disposalId:guid}/witness", Witness).WithTags("Pharmacy")
            .WithSummary("The witness (not the preparer) signs with the password ({signature:{password}}); then the kits leave the ledger.");
        return app;
    }

    public sealed record ReturnRequest(string? Code, Guid? SubjectId, int? UnitsReturned, Guid? LocationId, string? Note);

    public sealed record DisposalRequest(DisposalKind? Kind, IReadOnlyList<string>? Kits, string? Method);

    public sealed record WitnessRequest(SignatureRequest? Signature);

    public sealed record SignatureRequest(string? Password);

    private static async Task<Ok<KitDto>> Return(Guid projectId, ReturnRequest r, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ReturnKit(projectId, r.Code, r.SubjectId, r.UnitsReturned ?? -1, r.LocationId ?? Guid.Empty, r.Note), ct));

    private static async Task<Ok<IReadOnlyList<DisposalDto>>> List(Guid projectId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListDisposals(projectId), ct));

    private static async Task<Created<DisposalDto>> Prepare(Guid projectId, DisposalRequest r, IMediator mediator, CancellationToken ct)
    {
        var disposal = await mediator.Send(new PrepareDisposal(projectId, r.Kind ?? DisposalKind.Destruction, r.Kits, r.Method), ct);
        return TypedResults.Created($"/api/projects/{projectId}/pharmacy/disposals", disposal);
    }

    /// <summary>The password is checked first (a wrong one counts toward lockout), then the witnessing runs with the proof.</summary>
    private static async Task<Ok<DisposalDto>> Witness(Guid disposalId, WitnessRequest r, SignatureAuthenticator authenticator, SignatureSession session,
        IMediator mediator, CancellationToken ct)
    {
        session.Accept(await authenticator.ReauthenticateAsync(r.Signature?.Password, StockDisposal.WitnessMeaning, ct));
        return TypedResults.Ok(await mediator.Send(new WitnessDisposal(disposalId), ct));
    }

    private static async Task<Ok<IReadOnlyList<BatchReconciliation>>> Reconciliation(Guid projectId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetReconciliation(projectId), ct));
}
