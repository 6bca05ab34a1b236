namespace Ctms.Engine.Simulation;

/// <summary>A simulation that could not run: a definition that does not validate, or a step that does not apply.</summary>
public sealed class SimulationException(string message) : Exception(message);
