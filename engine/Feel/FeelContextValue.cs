using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Ctms.Engine.Feel;

/// <summary>A FEEL context: string keys to FEEL values, enumerated in insertion order.</summary>
[SuppressMessage("Naming", "CA1710:Identifiers should have correct suffix", Justification = "A FEEL context is a value of the language, not a general-purpose dictionary.")]
public sealed class FeelContextValue : IReadOnlyDictionary<string, object?>
{
    private readonly List<KeyValuePair<string, object?>> entries = [];
    private readonly Dictionary<string, int> index = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public int Count => entries.Count;

    /// <inheritdoc />
    public IEnumerable<string> Keys => entries.Select(e => e.Key);

    /// <inheritdoc />
    public IEnumerable<object?> Values => entries.Select(e => e.Value);

    /// <inheritdoc />
    public object? this[string key] => entries[index[key]].Value;

    /// <summary>Adds a key at the end, or replaces the value of an existing key in place.</summary>
    public void Set(string key, object? value)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (index.TryGetValue(key, out var at))
        {
            entries[at] = new(key, value);
            return;
        }

        index[key] = entries.Count;
        entries.Add(new(key, value));
    }

    /// <inheritdoc />
    public bool ContainsKey(string key) => index.ContainsKey(key);

    /// <inheritdoc />
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value)
    {
        if (index.TryGetValue(key, out var at))
        {
            value = entries[at].Value;
            return true;
        }

        value = null;
        return false;
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The FEEL text of the context, e.g. {a: 1, b: "x"}.</summary>
    public override string ToString() => FeelValues.ToFeelString(this) ?? "{}";
}
