using System.Globalization;

namespace Ctms.HospitalSim.Fhir;

/// <summary>
/// The parameters of one search, from the query string (GET) or the form body (POST <c>_search</c>), checked against
/// what the resource type supports.
/// </summary>
internal sealed class SearchQuery
{
    private static readonly string[] Common = ["_count", "_offset", "_sort", "_format"];
    public const int DefaultCount = 50, MaxCount = 500;

    private SearchQuery(IReadOnlyList<KeyValuePair<string, string>> parameters, bool posted)
    {
        Parameters = parameters;
        Posted = posted;
    }

    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; }

    /// <summary>Whether the search came by POST, so its parameters are kept out of the self link.</summary>
    public bool Posted { get; }

    public static SearchQuery From(IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> source, bool posted,
        ResourceDefinition definition)
    {
        var parameters = source.SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string>(p.Key, v ?? ""))).ToList();
        foreach (var (name, _) in parameters)
        {
            if (!Common.Contains(name) && !definition.SearchParams.Contains(name))
                throw new SearchException($"Unknown search parameter '{name}' for {definition.Type}; supported: {string.Join(", ", definition.SearchParams.Concat(Common))}.");
        }
        return new SearchQuery(parameters, posted);
    }

    public IEnumerable<string> All(string name) => Parameters.Where(p => p.Key == name).Select(p => p.Value);

    public string? One(string name) => All(name).LastOrDefault();

    public IReadOnlyList<DateParam> Dates(string name) => [.. All(name).Select(v => DateParam.Parse(name, v))];

    public int Count => Int("_count", DefaultCount, 1, MaxCount);

    public int Offset => Int("_offset", 0, 0, int.MaxValue);

    private int Int(string name, int fallback, int min, int max)
    {
        var text = One(name);
        if (text is null)
            return fallback;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min)
            throw new SearchException($"Search parameter '{name}' must be a whole number of at least {min}.");
        return Math.Min(value, max);
    }

    /// <summary>A patient reference value: <c>pat-00001</c> or <c>Patient/pat-00001</c>.</summary>
    public string? PatientId()
    {
        var value = One("patient") ?? One("subject");
        return value?.StartsWith("Patient/", StringComparison.Ordinal) == true ? value["Patient/".Length..] : value;
    }

    /// <summary>Whether a token value (<c>system|code</c> or <c>code</c>) matches a coding.</summary>
    public static bool TokenMatches(string token, string? system, string? code)
    {
        var bar = token.IndexOf('|', StringComparison.Ordinal);
        return bar < 0
            ? token == code
            : (bar == 0 || token[..bar] == system) && token[(bar + 1)..] == code;
    }

    /// <summary>The query string of this search without paging, for the next link.</summary>
    public string WithoutPaging() =>
        string.Join('&', Parameters.Where(p => p.Key is not "_offset" and not "_count")
            .Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
}
