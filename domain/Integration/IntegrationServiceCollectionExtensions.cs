using Ctms.Domain.Integration.Alerts;
using Ctms.Domain.Integration.Fhir;
using Ctms.Domain.Integration.Hospital;
using Ctms.Domain.Integration.Privacy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace Ctms.Domain.Integration;

public static class IntegrationServiceCollectionExtensions
{
    /// <summary>
    /// The hospital port over FHIR R4 and the privacy vault. The HTTP clients carry the standard resilience pipeline
    /// (total timeout, retries with exponential backoff and jitter, circuit breaker, attempt timeout) configured from
    /// <see cref="HospitalOptions"/>; their request logging is removed, since a URL may name a patient's resource.
    /// </summary>
    public static IServiceCollection AddCtmsIntegration(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<HospitalOptions>(configuration.GetSection(HospitalOptions.Section));
        services.Configure<PrivacyOptions>(configuration.GetSection(PrivacyOptions.Section));
        services.AddSingleton<PatientVault>();
        services.AddScoped<PatientRegistry>();
        services.AddSingleton<IntegrationAlerts>();
        services.AddSingleton<HospitalFhir>();
        services.AddSingleton<IHospitalRecords, FhirHospitalRecords>();
        foreach (var (name, retryWrites) in new[] { (HospitalFhir.HttpClientName, true), (HospitalFhir.WriteHttpClientName, false) })
        {
            services.AddHttpClient(name).RemoveAllLoggers().AddStandardResilienceHandler();
            services.AddOptions<HttpStandardResilienceOptions>(name + "-standard").Configure<IOptions<HospitalOptions>>((o, hospital) =>
                Resilience(o, hospital.Value, retryWrites));
        }
        return services;
    }

    private static void Resilience(HttpStandardResilienceOptions o, HospitalOptions hospital, bool retryWrites)
    {
        o.AttemptTimeout.Timeout = hospital.AttemptTimeout;
        o.TotalRequestTimeout.Timeout = hospital.TotalTimeout;
        o.Retry.MaxRetryAttempts = Math.Max(hospital.RetryCount, 0);
        o.Retry.Delay = hospital.RetryDelay;
        o.Retry.BackoffType = Polly.DelayBackoffType.Exponential;
        o.Retry.UseJitter = true;
        if (!retryWrites)
        {
            o.Retry.DisableForUnsafeHttpMethods();
        }
        o.CircuitBreaker.FailureRatio = hospital.BreakerFailureRatio;
        o.CircuitBreaker.MinimumThroughput = Math.Max(hospital.BreakerMinimumThroughput, 2);
        o.CircuitBreaker.SamplingDuration = hospital.BreakerSamplingDuration;
        o.CircuitBreaker.BreakDuration = hospital.BreakDuration;
    }
}
