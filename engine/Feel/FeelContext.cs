namespace Ctms.Engine.Feel;

/// <summary>Settings of one evaluation: the clock behind now() and today(), and the work budget.</summary>
public sealed class FeelContext
{
    /// <summary>The settings used when none are given: the system clock and 100,000 steps.</summary>
    public static FeelContext Default { get; } = new();

    /// <summary>The clock for now() and today(); its local time zone is the zone of now().</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>The most evaluation steps (node evaluations, list iterations, units of string work) allowed.</summary>
    public int MaxSteps { get; init; } = 100_000;
}
