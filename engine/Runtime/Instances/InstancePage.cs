namespace Ctms.Engine.Runtime.Instances;

/// <summary>
/// One page of instances from <see cref="Offset"/>, and how many match, counted exactly up to
/// <see cref="InstanceQuery.CountLimit"/> (or the end of the page); past that <see cref="TotalIsExact"/> is false and the
/// total reads "more than": counting every instance of a busy process reads rows nobody pages through.
/// </summary>
public sealed record InstancePage(IReadOnlyList<InstanceSummary> Items, int Total, bool TotalIsExact, int Offset, int Limit)
{
    /// <summary>Whether matching instances follow this page.</summary>
    public bool HasMore => !TotalIsExact || Offset + Items.Count < Total;
}
