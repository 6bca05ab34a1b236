namespace Ctms.HospitalSim;

/// <summary>
/// The fault the simulated hospital plays on its <c>/fhir</c> endpoints (never on <c>/_sim</c>), to test a hospital
/// that is down, slow, broken or stops in the middle of a sync.
/// </summary>
public sealed class SimFaults
{
    private readonly Lock _sync = new();
    private int _remaining;

    public FaultMode Mode { get; private set; }

    /// <summary>How long each request waits in <see cref="FaultMode.Slow"/>.</summary>
    public TimeSpan Delay { get; private set; }

    /// <summary>How many requests succeed in <see cref="FaultMode.FailAfter"/> before the failures start.</summary>
    public int After { get; private set; }

    public void Set(FaultMode mode, TimeSpan delay = default, int after = 0)
    {
        lock (_sync)
        {
            (Mode, Delay, After, _remaining) = (mode, delay, after, after);
        }
    }

    public void Down() => Set(FaultMode.Down);

    public void Slow(TimeSpan delay) => Set(FaultMode.Slow, delay);

    public void Malformed() => Set(FaultMode.Malformed);

    public void FailAfter(int requests) => Set(FaultMode.FailAfter, after: requests);

    public void Reset() => Set(FaultMode.None);

    /// <summary>The fault the next request gets (counting it for <see cref="FaultMode.FailAfter"/>).</summary>
    internal (FaultMode Mode, TimeSpan Delay) Next()
    {
        lock (_sync)
        {
            if (Mode != FaultMode.FailAfter)
                return (Mode, Delay);
            if (_remaining > 0)
            {
                _remaining--;
                return (FaultMode.None, TimeSpan.Zero);
            }
            return (FaultMode.Down, TimeSpan.Zero);
        }
    }
}
