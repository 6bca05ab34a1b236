using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Integration.Alerts;
using Ctms.Domain.Integration.Hospital;
using Hl7.Fhir.Rest;
using Hl7.Fhir.Utility;
using Mediator;
using Microsoft.Extensions.Options;

namespace Ctms.Domain.Integration.Fhir;

/// <summary>The hospital's answer to "who are you": its capability statement, read through the resilient client.</summary>
public sealed record HospitalConnectionDto(string BaseUrl, string? Software, string? FhirVersion, int ResourceTypes, TimeSpan Elapsed);

/// <summary>
/// Reads the hospital's <c>metadata</c> (integration administrators), so that a person can see the configured hospital
/// answers. Fails as any call does: <see cref="HospitalUnavailableException"/> or <see cref="HospitalResponseException"/>.
/// </summary>
public sealed record CheckHospitalConnection : IQuery<HospitalConnectionDto>;

public sealed class CheckHospitalConnectionHandler(ProjectAccess access, ICurrentUser user, HospitalFhir fhir)
    : IQueryHandler<CheckHospitalConnection, HospitalConnectionDto>
{
    public async ValueTask<HospitalConnectionDto> Handle(CheckHospitalConnection query, CancellationToken ct)
    {
        await IntegrationAdministrators.EnsureAsync(access, user, ct);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var statement = await fhir.CallAsync("read the capability statement", client => client.CapabilityStatementAsync(null, ct), ct);
        return new HospitalConnectionDto(fhir.BaseUrl.ToString(), statement.Software?.Name, statement.FhirVersion?.GetLiteral(),
            statement.Rest.SelectMany(r => r.Resource).Select(r => r.Type).Distinct().Count(), System.Diagnostics.Stopwatch.GetElapsedTime(started));
    }
}

/// <summary>The configured hospital, for display: its base URL, or null when none is configured.</summary>
public sealed record GetHospitalSettings : IQuery<string?>;

public sealed class GetHospitalSettingsHandler(ProjectAccess access, ICurrentUser user, IOptions<HospitalOptions> options)
    : IQueryHandler<GetHospitalSettings, string?>
{
    public async ValueTask<string?> Handle(GetHospitalSettings query, CancellationToken ct)
    {
        await IntegrationAdministrators.EnsureAsync(access, user, ct);
        return options.Value.IsConfigured ? options.Value.BaseUrl : null;
    }
}
