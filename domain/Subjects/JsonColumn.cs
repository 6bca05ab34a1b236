using System.Text.Json;

namespace Ctms.Domain.Subjects;

/// <summary>
/// Short lists kept in one text column as JSON (a visit's exam codes, an e-CRF page's edit checks): read and written
/// whole with the row, never queried inside, so a column beats a child table. Web (camelCase) naming.
/// </summary>
public static class JsonColumn
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string? json, T empty) =>
        string.IsNullOrWhiteSpace(json) ? empty : JsonSerializer.Deserialize<T>(json, Options) ?? empty;

    public static IReadOnlyList<string> Strings(string? json) => Read<List<string>>(json, []);
}
