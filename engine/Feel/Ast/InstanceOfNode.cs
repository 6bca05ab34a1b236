using Ctms.Engine.Feel.Values;

namespace Ctms.Engine.Feel.Ast;

/// <summary>x instance of type, for the built-in type names.</summary>
internal sealed class InstanceOfNode(int position, Node value, string typeName) : Node(position)
{
    /// <summary>The type names instance of understands, with the kind each one means.</summary>
    public static readonly IReadOnlyDictionary<string, FeelKind?> TypeNames = new Dictionary<string, FeelKind?>(StringComparer.Ordinal)
    {
        ["Any"] = null,
        ["Null"] = FeelKind.Null,
        ["boolean"] = FeelKind.Boolean,
        ["number"] = FeelKind.Number,
        ["string"] = FeelKind.String,
        ["date"] = FeelKind.Date,
        ["time"] = FeelKind.Time,
        ["date and time"] = FeelKind.LocalDateTime,
        ["days and time duration"] = FeelKind.DaysTime,
        ["years and months duration"] = FeelKind.YearsMonths,
        ["list"] = FeelKind.List,
        ["context"] = FeelKind.Context,
    };

    protected override IEnumerable<Node?> Children => [value];

    protected override object? Eval(Scope scope, EvalState state)
    {
        var kind = Kinds.Of(value.Evaluate(scope, state));
        if (kind == FeelKind.ZonedDateTime)
        {
            kind = FeelKind.LocalDateTime;
        }

        return TypeNames[typeName] is { } expected ? kind == expected : kind != FeelKind.Null;
    }
}
