using System.Globalization;
using System.Text.Json;

namespace Ctms.Domain.Signatures;

/// <summary>
/// The completion of a signed user task, when no record of the command carried the signature: what the signer submitted
/// (the form's variables, canonical JSON with sorted keys) for which task of which process and business key.
/// </summary>
public sealed record SignedTaskCompletion(Guid TaskId, string ProcessId, string ElementId, string? BusinessKey, IReadOnlyDictionary<string, object?> Variables)
    : ISignable
{
    public const string RecordType = "task";

    public string SignatureRecordType => RecordType;
    public string SignatureRecordId => TaskId.ToString();

    public string SignedContent() => global::Ctms.Domain.Signatures.SignedContent.Of(RecordType,
        ("task", TaskId.ToString()), ("process", ProcessId), ("element", ElementId), ("business-key", BusinessKey),
        ("variables", Canonical(Variables)));

    private static string Canonical(IReadOnlyDictionary<string, object?> variables) =>
        JsonSerializer.Serialize(new SortedDictionary<string, object?>(variables.ToDictionary(v => v.Key, v => Normal(v.Value), StringComparer.Ordinal),
            StringComparer.Ordinal));

    private static object? Normal(object? value) => value switch
    {
        IReadOnlyDictionary<string, object?> map => new SortedDictionary<string, object?>(map.ToDictionary(v => v.Key, v => Normal(v.Value), StringComparer.Ordinal),
            StringComparer.Ordinal),
        IEnumerable<object?> list => list.Select(Normal).ToList(),
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        _ => value,
    };
}
