namespace Ctms.Engine.Runtime.Activities;

/// <summary>A registered activity as the designer lists it.</summary>
public sealed record ActivityDescriptor(string Type, string Category, string Description, IReadOnlyList<string> Inputs, IReadOnlyList<string> Outputs);
