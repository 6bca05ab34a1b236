using Hl7.Fhir.Model;

namespace Ctms.HospitalSim.Fhir;

/// <summary>Pages a search's matches into a <c>searchset</c> Bundle with total, full URLs and self/next links.</summary>
internal static class SearchBundle
{
    public static Bundle Page(string baseUrl, ResourceDefinition definition, SearchQuery query, IEnumerable<Resource> matches)
    {
        var all = matches.ToList();
        var (offset, count) = (query.Offset, query.Count);
        var bundle = new Bundle { Type = Bundle.BundleType.Searchset, Total = all.Count };
        var search = query.WithoutPaging();
        var prefix = search.Length == 0 ? "" : search + "&";
        bundle.Link.Add(new Bundle.LinkComponent
        {
            Relation = "self",
            Url = query.Posted
                ? $"{baseUrl}{definition.Type}/_search"
                : $"{baseUrl}{definition.Type}?{prefix}_count={count}&_offset={offset}",
        });
        if (offset + count < all.Count)
        {
            bundle.Link.Add(new Bundle.LinkComponent
            {
                Relation = "next",
                Url = $"{baseUrl}{definition.Type}?{prefix}_count={count}&_offset={offset + count}",
            });
        }
        foreach (var resource in all.Skip(offset).Take(count))
        {
            bundle.Entry.Add(new Bundle.EntryComponent
            {
                FullUrl = $"{baseUrl}{resource.TypeName}/{resource.Id}",
                Resource = resource,
                Search = new Bundle.SearchComponent { Mode = Bundle.SearchEntryMode.Match },
            });
        }
        return bundle;
    }
}
