using Ctms.Engine.Feel.Values;

namespace Ctms.Engine.Feel.Ast;

/// <summary>The state of one evaluation: the work budget, the clock and the cache of converted variables.</summary>
internal sealed class EvalState
{
    private readonly long maxSteps;
    private readonly Dictionary<string, object?> variableCache = new(StringComparer.Ordinal);
    private readonly IFeelVariables variables;
    private DateTimeOffset? now;
    private long steps;

    public EvalState(IFeelVariables variables, FeelContext context)
    {
        this.variables = variables;
        Clock = context.Clock;
        maxSteps = context.MaxSteps;
    }

    public TimeProvider Clock { get; }

    /// <summary>The current instant in the clock's local zone, read once per evaluation so now() is stable.</summary>
    public DateTimeOffset Now => now ??= TimeZoneInfo.ConvertTime(Clock.GetUtcNow(), Clock.LocalTimeZone);

    public void Step(long count = 1)
    {
        steps += count;
        if (steps > maxSteps)
        {
            throw new FeelEvaluationException($"The expression exceeded its budget of {maxSteps} evaluation steps.");
        }
    }

    /// <summary>Counts string work: one step per <see cref="ValueLimits.CharsPerStep"/> characters.</summary>
    public void StepFor(string? text) => Step(1 + ((text?.Length ?? 0) / ValueLimits.CharsPerStep));

    /// <summary>Reads a host variable, converted to the value model once per evaluation.</summary>
    public bool TryGetVariable(string name, out object? value)
    {
        if (variableCache.TryGetValue(name, out value))
        {
            return true;
        }

        bool found;
        try
        {
            found = variables.TryGet(name, out var raw);
            value = found ? HostValues.Normalize(raw) : null;
        }
        catch (Exception e) when (e is not FeelEvaluationException)
        {
            throw new FeelEvaluationException($"The host failed to supply variable '{name}': {e.Message}", e);
        }

        if (found)
        {
            variableCache[name] = value;
        }

        return found;
    }
}
