using System.Globalization;
using Ctms.Domain.Integration.Dictionary;
using Ctms.Domain.Integration.Hospital;
using Hl7.Fhir.Model;
using Hl7.Fhir.Rest;
using Microsoft.Extensions.Options;

namespace Ctms.Domain.Integration.Fhir;

/// <summary>
/// <see cref="IHospitalDictionaries"/> over FHIR R4: departments are Organizations, staff Practitioners, drugs Medications,
/// lab items ObservationDefinitions and exam items ActivityDefinitions, searched with
/// <c>_lastUpdated=ge{watermark}&amp;_sort=_lastUpdated</c> and followed by the Bundle's next links. Dictionaries hold no
/// patient data, so plain GET searches are fine here.
/// </summary>
public sealed class FhirHospitalDictionaries(HospitalFhir fhir, IOptions<DictionarySyncOptions> options) : IHospitalDictionaries
{
    /// <summary>The hospital's own systems, whose codes are the dictionary codes (a LOINC code is an attribute: several items may share one).</summary>
    public const string HospitalSystems = "http://hospital.example.org/fhir/sid/";

    /// <summary>R4's ObservationDefinition has no status: the hospital flags a retired lab item with this extension.</summary>
    public const string ActiveExtension = "http://hospital.example.org/fhir/StructureDefinition/active";

    public async Task<DictionaryPage> ReadPageAsync(DictionaryKind kind, DateTimeOffset? changedSince, string? next, CancellationToken ct)
    {
        var operation = $"read the {kind.Name()} dictionary";
        var bundle = await fhir.CallAsync(operation, async client =>
        {
            if (next is not null)
            {
                return await client.GetAsync(NextLink(next, operation), ct) as Bundle
                    ?? throw new HospitalResponseException($"The hospital's next page is not a Bundle ({operation}).");
            }
            var query = new SearchParams().OrderBy("_lastUpdated").LimitTo(Math.Clamp(options.Value.PageSize, 1, 500));
            if (changedSince is { } since)
            {
                // Floored to the millisecond: 'ge' then also finds what was stored with a finer time at the boundary.
                var floored = since.ToUniversalTime().AddTicks(-(since.UtcTicks % TimeSpan.TicksPerMillisecond));
                query.Add("_lastUpdated", "ge" + floored.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            }
            return await client.SearchAsync(query, ResourceType(kind), ct)
                ?? throw new HospitalResponseException($"The hospital answered no Bundle ({operation}).");
        }, ct);
        var items = new List<DictionaryItem>(bundle.Entry.Count);
        foreach (var resource in bundle.Entry.Select(e => e.Resource).OfType<Resource>().Where(r => r.TypeName == ResourceType(kind)))
        {
            items.Add(Map(kind, resource, operation));
        }
        return new DictionaryPage(items, bundle.NextLink?.OriginalString);
    }

    public static string ResourceType(DictionaryKind kind) => kind switch
    {
        DictionaryKind.Department => "Organization",
        DictionaryKind.Staff => "Practitioner",
        DictionaryKind.Drug => "Medication",
        DictionaryKind.LabItem => "ObservationDefinition",
        DictionaryKind.ExamItem => "ActivityDefinition",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>A next link is followed only when it points into the hospital's FHIR base: a link elsewhere is not the hospital's to give.</summary>
    private Uri NextLink(string next, string operation)
    {
        var link = Uri.TryCreate(fhir.BaseUrl, next, out var u) ? u : null;
        if (link is null || !fhir.BaseUrl.IsBaseOf(link))
        {
            throw new HospitalResponseException($"The hospital's next-page link leaves its FHIR base ({operation}).");
        }
        return link;
    }

    private static DictionaryItem Map(DictionaryKind kind, Resource resource, string operation)
    {
        var lastUpdated = resource.Meta?.LastUpdated
            ?? throw new HospitalResponseException($"An entry has no meta.lastUpdated, so it cannot be synchronised incrementally ({operation}).");
        var versionId = resource.Meta.VersionId;
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        (string? code, string? display, string? alias, bool active) = resource switch
        {
            Organization o => (Own(o.Identifier), o.Name, o.Alias.FirstOrDefault(), o.Active ?? true),
            Practitioner p => Staff(p, attributes),
            Medication m => Drug(m, attributes),
            ObservationDefinition d => LabItem(d, attributes),
            ActivityDefinition a => ExamItem(a, attributes),
            _ => throw new HospitalResponseException($"Unexpected {resource.TypeName} ({operation})."),
        };
        code ??= resource.Id;
        if (string.IsNullOrWhiteSpace(code))
        {
            throw new HospitalResponseException($"An entry has neither a code nor an id ({operation}).");
        }
        return new DictionaryItem(code, string.IsNullOrWhiteSpace(display) ? code : display, alias, attributes, active, versionId, lastUpdated);
    }

    private static (string?, string?, string?, bool) Staff(Practitioner p, Dictionary<string, string> attributes)
    {
        var name = p.Name.FirstOrDefault();
        var role = p.Qualification.FirstOrDefault()?.Code?.Coding.FirstOrDefault();
        Put(attributes, "role", role?.Display ?? role?.Code);
        Put(attributes, "roleCode", role?.Code);
        return (Own(p.Identifier), name?.Text ?? $"{name?.Family} {string.Join(" ", name?.Given ?? [])}".Trim(), null, p.Active ?? true);
    }

    private static (string?, string?, string?, bool) Drug(Medication m, Dictionary<string, string> attributes)
    {
        var coding = OwnCoding(m.Code);
        Put(attributes, "form", m.Form?.Coding.FirstOrDefault()?.Display ?? m.Form?.Text);
        var ingredient = m.Ingredient.FirstOrDefault();
        Put(attributes, "ingredient", (ingredient?.Item as CodeableConcept)?.Text ?? (ingredient?.Item as CodeableConcept)?.Coding.FirstOrDefault()?.Display);
        if (ingredient?.Strength?.Numerator is { } n)
        {
            var per = ingredient.Strength.Denominator is { Value: { } d } den && d != 1 ? $"/{d.ToString(CultureInfo.InvariantCulture)} {den.Unit}" : "";
            Put(attributes, "strength", $"{n.Value?.ToString(CultureInfo.InvariantCulture)} {n.Unit ?? n.Code}{per}".Trim());
        }
        var active = m.Status is null or Medication.MedicationStatusCodes.Active;
        return (coding?.Code, coding?.Display ?? m.Code?.Text, null, active);
    }

    private static (string?, string?, string?, bool) LabItem(ObservationDefinition d, Dictionary<string, string> attributes)
    {
        var own = OwnCoding(d.Code);
        var loinc = d.Code?.Coding.FirstOrDefault(c => c.System == HospitalFhir.LoincSystem);
        Put(attributes, "loinc", loinc?.Code);
        Put(attributes, "unit", d.QuantitativeDetails?.Unit?.Coding.FirstOrDefault()?.Code ?? d.QuantitativeDetails?.Unit?.Text);
        var range = d.QualifiedInterval.FirstOrDefault(i => i.Category is null or ObservationDefinition.ObservationRangeCategory.Reference)?.Range;
        Put(attributes, "low", range?.Low?.Value?.ToString(CultureInfo.InvariantCulture));
        Put(attributes, "high", range?.High?.Value?.ToString(CultureInfo.InvariantCulture));
        var active = (d.Extension.FirstOrDefault(e => e.Url == ActiveExtension)?.Value as FhirBoolean)?.Value ?? true;
        return (Own(d.Identifier) ?? own?.Code, own?.Display ?? loinc?.Display ?? d.Code?.Text, null, active);
    }

    private static (string?, string?, string?, bool) ExamItem(ActivityDefinition a, Dictionary<string, string> attributes)
    {
        var own = OwnCoding(a.Code);
        Put(attributes, "loinc", a.Code?.Coding.FirstOrDefault(c => c.System == HospitalFhir.LoincSystem)?.Code);
        Put(attributes, "category", a.Topic.FirstOrDefault()?.Text ?? a.Topic.FirstOrDefault()?.Coding.FirstOrDefault()?.Code);
        return (Own(a.Identifier) ?? own?.Code ?? a.Name, a.Title ?? own?.Display ?? a.Code?.Text, null, a.Status is null or PublicationStatus.Active);
    }

    private static string? Own(IEnumerable<Identifier> identifiers) =>
        identifiers.FirstOrDefault(i => i.System?.StartsWith(HospitalSystems, StringComparison.Ordinal) == true)?.Value ?? identifiers.FirstOrDefault()?.Value;

    private static Coding? OwnCoding(CodeableConcept? concept) =>
        concept?.Coding.FirstOrDefault(c => c.System?.StartsWith(HospitalSystems, StringComparison.Ordinal) == true) ?? concept?.Coding.FirstOrDefault();

    private static void Put(Dictionary<string, string> attributes, string key, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            attributes[key] = value;
        }
    }
}
