using Ctms.Domain.Integration.Alerts;
using Ctms.Domain.Integration.Fhir;
using Ctms.Domain.Integration.Hospital;
using Ctms.Domain.Integration.Privacy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

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
            services.AddHttpClient(name).RemoveAllLoggers().AddResilienceHandler("hospital", (pipeline, context) =>
                Resilience(pipeline, context.ServiceProvider.GetRequiredService<IOptions<HospitalOptions>>().Value, retryWrites));
        }
        return services;
    }

    /// <summary>
    /// The standard pipeline's strategies, outermost first: the whole call's timeout, retries with exponential backoff and
    /// jitter (5xx, 408, 429, network errors, attempt timeouts), the circuit breaker, one attempt's timeout. They run on
    /// the wall clock, not the host's <see cref="TimeProvider"/>: that is the business clock, which simulations and tests
    /// move, and a network timeout must not wait for it.
    /// </summary>
    private static void Resilience(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, HospitalOptions hospital, bool retryWrites)
    {
        pipeline.TimeProvider = TimeProvider.System;
        pipeline.AddTimeout(hospital.TotalTimeout);
        var retry = new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = Math.Max(hospital.RetryCount, 1),
            Delay = hospital.RetryDelay,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
        };
        if (!retryWrites)
        {
            retry.DisableForUnsafeHttpMethods();
        }
        if (hospital.RetryCount > 0)
        {
            pipeline.AddRetry(retry);
        }
        pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
        {
            FailureRatio = hospital.BreakerFailureRatio,
            MinimumThroughput = Math.Max(hospital.BreakerMinimumThroughput, 2),
            SamplingDuration = hospital.BreakerSamplingDuration,
            BreakDuration = hospital.BreakDuration,
        });
        pipeline.AddTimeout(hospital.AttemptTimeout);
    }
}
