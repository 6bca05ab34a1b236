namespace Ctms.Engine.Feel;

/// <summary>Variables backed by a dictionary. Host values are converted to the FEEL value model when read.</summary>
public sealed class FeelVariables : IFeelVariables
{
    private readonly IReadOnlyDictionary<string, object?> values;

    /// <summary>Wraps a dictionary of variable names to host values.</summary>
    public FeelVariables(IReadOnlyDictionary<string, object?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        this.values = values;
    }

    /// <summary>No variables at all.</summary>
    public static FeelVariables Empty { get; } = new(new Dictionary<string, object?>());

    /// <inheritdoc />
    public bool TryGet(string name, out object? value) => values.TryGetValue(name, out value);
}
