using Ctms.Engine.Runtime.State;

namespace Ctms.Engine.Runtime.Instances;

/// <summary>
/// An <see cref="InstanceQuery"/> as LINQ over the running and the ended instances, shared by the stores so that memory
/// and the database answer alike.
/// </summary>
/// <remarks>
/// Instance ids are version 7 GUIDs, ordered by the time they were made: "newest first" is the primary key's order in
/// both tables, so each table gives its first ids from its key index without a sort, and the two short lists merge here
/// (SQL, PostgreSQL and .NET compare these GUIDs alike). The page's rows are then read by id, and their open incidents
/// counted by the incidents' instance index. Nothing reads a runtime instance's state document.
/// Measured with `./bench/run.sh --only instances` (1,000,000 ended and 100,000 running instances): every list query
/// is under 12 ms at the p99 on SQLite and PostgreSQL but a deep page (offset 10,000: 24 and 32 ms). Deep pages of one
/// process read the (ProcessId, Id) indexes, and one process in one final state (and its capped count) the ended
/// table's (ProcessId, Status, Id) index; without them those took 0.2 to 1.3 s (docs/performance.md).
/// </remarks>
internal static class InstanceQueries
{
    public static async Task<InstancePage> PageAsync(IQueryable<InstanceHeader> running, IQueryable<InstanceHeader> ended,
        IQueryable<IncidentState> incidents, InstanceQuery query, IQueryRunner run)
    {
        query.Validate();
        var limit = query.EffectiveLimit;
        var sources = new List<IQueryable<InstanceHeader>>();
        if (query.WantsRunning)
        {
            var matching = Filter(running, query);
            if (query.Status == InstanceStatusFilter.Incidents)
            {
                var held = incidents.Select(i => i.InstanceId);
                matching = matching.Where(h => held.Contains(h.Id));
            }
            sources.Add(matching);
        }
        if (query.WantsEnded)
        {
            var matching = Filter(ended, query);
            if (query.Status is InstanceStatusFilter.Completed or InstanceStatusFilter.Terminated)
            {
                var status = query.Status == InstanceStatusFilter.Completed ? nameof(InstanceStatus.Completed) : nameof(InstanceStatus.Terminated);
                matching = matching.Where(h => h.Status == status);
            }
            sources.Add(matching);
        }

        var needed = query.Offset + limit;
        var ids = new List<Guid>();
        var exhausted = true;
        foreach (var source in sources)
        {
            var first = await run.ListAsync(source.OrderByDescending(h => h.Id).Select(h => h.Id).Take(needed));
            exhausted &= first.Count < needed;
            ids.AddRange(first);
        }
        var pageIds = ids.OrderDescending().Skip(query.Offset).Take(limit).ToList();

        var rows = new List<InstanceHeader>();
        if (pageIds.Count > 0)
        {
            foreach (var source in sources)
            {
                rows.AddRange(await run.ListAsync(source.Where(h => pageIds.Contains(h.Id))));
            }
        }
        var open = pageIds.Count == 0
            ? []
            : (await run.ListAsync(incidents.Where(i => pageIds.Contains(i.InstanceId)).Select(i => i.InstanceId))).CountBy(id => id).ToDictionary();
        var items = rows.OrderByDescending(r => r.Id)
            .Select(r => new InstanceSummary(r.Id, r.ProcessId, r.Version, r.BusinessKey, r.Status, r.StartedAt, r.EndedAt, r.ParentInstanceId,
                open.GetValueOrDefault(r.Id)))
            .ToList();

        if (exhausted)
        {
            // Every source ended before the page did: every match was read, so the total is known without counting.
            return new InstancePage(items, ids.Count, true, query.Offset, limit);
        }
        var cap = Math.Max(InstanceQuery.CountLimit, needed);
        var counted = 0;
        foreach (var source in sources)
        {
            counted += await run.CountAsync(source.Take(cap + 1));
        }
        return new InstancePage(items, Math.Min(counted, cap), counted <= cap, query.Offset, limit);
    }

    private static IQueryable<InstanceHeader> Filter(IQueryable<InstanceHeader> instances, InstanceQuery query)
    {
        if (query.ProcessId is { Length: > 0 } processId)
        {
            instances = instances.Where(h => h.ProcessId == processId);
        }
        if (query.BusinessKey is { Length: > 0 } businessKey)
        {
            instances = instances.Where(h => h.BusinessKey == businessKey);
        }
        return instances;
    }
}
