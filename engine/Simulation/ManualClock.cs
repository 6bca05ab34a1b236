namespace Ctms.Engine.Simulation;

/// <summary>A clock that moves only when told: for simulation and tests of timers.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Set(DateTimeOffset instant)
    {
        if (instant > _now)
        {
            _now = instant;
        }
    }

    public void Advance(TimeSpan by) => _now += by;
}
