namespace Ctms.Engine.Feel;

/// <summary>A read-only view of the variables a FEEL expression may read.</summary>
public interface IFeelVariables
{
    /// <summary>Looks a variable up by name; false when no such variable exists (a null value still exists).</summary>
    bool TryGet(string name, out object? value);
}
