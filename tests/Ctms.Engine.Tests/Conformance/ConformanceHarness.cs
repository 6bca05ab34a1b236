using Ctms.Engine.Simulation;

namespace Ctms.Engine.Tests.Conformance;

/// <summary>The conformance fixtures (Fixtures/, named after their test), the simulated start time, and trace helpers.</summary>
public static class ConformanceHarness
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    public static string Fixture(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Conformance", "Fixtures", name + ".bpmn"));

    /// <summary>The trace as "id:event" strings, for compact assertions.</summary>
    public static List<string> Steps(this SimulationResult result) => [.. result.Trace.Select(t => $"{t.Activity}:{t.Event}")];
}
