namespace Ctms.Domain.Integration.Dictionary;

/// <summary>The dictionary sync's schedule and limits (configuration section <c>Integration:DictionarySync</c>).</summary>
public sealed class DictionarySyncOptions
{
    public const string Section = "Integration:DictionarySync";

    /// <summary>How often the scheduled sync runs (e.g. <c>1.00:00:00</c>); zero or absent: not scheduled.</summary>
    public TimeSpan Interval { get; set; }

    /// <summary>A running run whose heartbeat (saved with every page) is older than this died with its host: it is abandoned.</summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Entries asked for per page (<c>_count</c>).</summary>
    public int PageSize { get; set; } = 100;
}
