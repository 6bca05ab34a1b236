using System.Security.Cryptography;
using System.Text;

namespace Ctms.Bench;

/// <summary>One generated ended instance, in the columns of <c>engine_ended_instances</c> (what the engine moves there at the end).</summary>
internal readonly record struct EndedInstance(
    Guid Id, string ProcessId, int Version, string? BusinessKey, string Status, Guid? ParentInstanceId, Guid? ParentElementInstanceId,
    DateTimeOffset StartedAt, DateTimeOffset EndedAt, Guid RootId, string Variables);

/// <summary>One generated running instance, in the columns of <c>engine_instances</c>, with its open incidents (<c>engine_incidents</c>).</summary>
internal readonly record struct RunningInstance(
    Guid Id, string ProcessId, int Version, string Hash, string? BusinessKey, Guid? ParentInstanceId, Guid? ParentElementInstanceId,
    DateTimeOffset StartedAt, long Revision, string State, Guid RootId, OpenIncident[] Incidents);

/// <summary>One open incident of a running instance.</summary>
internal readonly record struct OpenIncident(
    Guid Id, Guid InstanceId, Guid ElementInstanceId, string ElementId, string Code, string Message, DateTimeOffset CreatedAt);

/// <summary>
/// A sponsor's process instances after a few years, made up deterministically (seeded; only the random part of the
/// version 7 ids differs between runs). One big process, a subject's visit schedule, has 60% of the instances; six
/// small ones share the rest. Ended instances started over the last three years and are 98.5% completed, 1.5% terminated,
/// varying by process: the visit schedule is terminated rarely (0.2%), randomisation never. Running instances started
/// over the last two years, more of them recently; 0.3% are held by one or two incidents. Business keys are subject
/// numbers (about five instances a subject) or site numbers. Half the sample shipments were called by a visit schedule.
/// Rows come in the order the engine writes them, oldest first, so a table's physical order follows its key, as it does.
/// </summary>
internal sealed class InstanceData
{
    public const string Big = "subject-visits";
    public const string Small = "consent";
    public const string NeverTerminated = "randomisation";

    private static readonly Shape[] Processes =
    [
        new(Big, 0.60, 0.002, false, false, "visit"),
        new(Small, 0.10, 0.05, false, false, "sign-consent"),
        new("adverse-event", 0.08, 0.03, false, false, "assess-causality"),
        new("sample-shipment", 0.08, 0.02, false, true, "confirm-receipt"),
        new("monitoring-visit", 0.07, 0.04, true, false, "write-report"),
        new(NeverTerminated, 0.05, 0.0, false, false, "confirm-eligibility"),
        new("site-activation", 0.02, 0.10, true, false, "approve-site"),
    ];

    private static readonly Dictionary<string, string> Hashes = Processes.ToDictionary(p => p.Id,
        p => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(p.Id))));

    public InstanceData(int ended, int running)
    {
        EndedCount = ended;
        RunningCount = running;
        Subjects = Math.Max(100, (ended + running) / 5);
        KeyCount = new int[Subjects];
        Now = new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);
    }

    public int EndedCount { get; }

    public int RunningCount { get; }

    public int Subjects { get; }

    public DateTimeOffset Now { get; }

    /// <summary>Filled in as the rows are generated: how many instances each subject's business key has.</summary>
    public int[] KeyCount { get; }

    /// <summary>Filled in as the rows are generated: the newest id of all (the first row of the unfiltered list).</summary>
    public Guid NewestId { get; private set; }

    /// <summary>Filled in as the rows are generated: the ended instances of the big process that were terminated.</summary>
    public int BigTerminated { get; private set; }

    /// <summary>Filled in as the rows are generated: the running instances held by an incident, and the one started last.</summary>
    public int WithIncidents { get; private set; }

    public Guid NewestWithIncident { get; private set; }

    public static string SubjectKey(int subject) => $"SUBJ-{subject:D6}";

    /// <summary>The ended instances, oldest first; resets the counts (call it before <see cref="Running"/>).</summary>
    public IEnumerable<EndedInstance> Ended()
    {
        Array.Clear(KeyCount);
        NewestId = Guid.Empty;
        BigTerminated = 0;
        var random = new Random(1127);
        var span = TimeSpan.FromDays(3 * 365);
        Guid? lastVisits = null;
        for (var i = 0; i < EndedCount; i++)
        {
            var started = Now - span + span * ((double)i / EndedCount);
            var (p, id, key, site, parent, parentElement) = Start(random, started, ref lastVisits);
            var terminated = random.NextDouble() < p.Terminated;
            BigTerminated += terminated && p.Id == Big ? 1 : 0;
            var ended = started + TimeSpan.FromMinutes(random.Next(10, p.Id == Big ? 400 * 24 * 60 : 30 * 24 * 60));
            NewestId = Max(NewestId, id);
            yield return new EndedInstance(id, p.Id, Version(p.Id, i, EndedCount), key, terminated ? "Terminated" : "Completed",
                parent, parentElement, started, ended < Now ? ended : Now, Guid.CreateVersion7(started), Variables(key, site, random));
        }
    }

    /// <summary>The running instances, oldest first, each with its open incidents.</summary>
    public IEnumerable<RunningInstance> Running()
    {
        WithIncidents = 0;
        NewestWithIncident = Guid.Empty;
        var random = new Random(2711);
        var span = TimeSpan.FromDays(2 * 365);
        Guid? lastVisits = null;
        for (var i = 0; i < RunningCount; i++)
        {
            // Squared: many long-running instances started recently, a few long ago.
            var started = Now - span * Math.Pow(1 - (double)i / RunningCount, 2);
            var (p, id, key, site, parent, parentElement) = Start(random, started, ref lastVisits);
            var root = Guid.CreateVersion7(started);
            var element = Guid.CreateVersion7(started.AddMinutes(5));
            OpenIncident[] incidents = [];
            if (random.NextDouble() < 0.003)
            {
                var at = started + (Now - started) / 2;
                incidents = [.. Enumerable.Range(0, random.Next(1, 3)).Select(n => new OpenIncident(Guid.CreateVersion7(at.AddSeconds(n)), id, element,
                    p.Waiting, "ENGINE-0104", $"The job of {p.Waiting} failed after 3 attempts: the service answered 503.", at.AddSeconds(n)))];
                WithIncidents++;
                NewestWithIncident = id;
            }
            NewestId = Max(NewestId, id);
            yield return new RunningInstance(id, p.Id, Version(p.Id, i, RunningCount), Hashes[p.Id], key, parent, parentElement, started,
                random.Next(1, 12), State(p, root, element, incidents, Variables(key, site, random)), root, incidents);
        }
    }

    /// <summary>An instance started: its process, id, business key and site, and the visit schedule that called it (the last one started).</summary>
    private (Shape Process, Guid Id, string Key, int Site, Guid? Parent, Guid? ParentElement) Start(Random random, DateTimeOffset started, ref Guid? lastVisits)
    {
        var p = Process(random);
        var (key, site) = Key(random, p.BySite);
        var id = Guid.CreateVersion7(started);
        var (parent, parentElement) = Parent(random, p, lastVisits, started);
        if (p.Id == Big)
        {
            lastVisits = id;
        }
        return (p, id, key, site, parent, parentElement);
    }

    private static Shape Process(Random random)
    {
        var draw = random.NextDouble();
        foreach (var p in Processes)
        {
            if ((draw -= p.Share) < 0)
            {
                return p;
            }
        }
        return Processes[0];
    }

    private (string Key, int Site) Key(Random random, bool bySite)
    {
        var site = random.Next(1, 301);
        if (bySite)
        {
            return ($"SITE-{site:D3}", site);
        }
        var subject = random.Next(Subjects);
        KeyCount[subject]++;
        return (SubjectKey(subject), site);
    }

    private static (Guid?, Guid?) Parent(Random random, Shape p,
        Guid? lastVisits, DateTimeOffset started) =>
        p.Called && lastVisits is { } parent && random.Next(2) == 0 ? (parent, Guid.CreateVersion7(started)) : (null, null);

    // The big process was deployed three times; the instances of each version are those started while it was the latest.
    private static int Version(string process, int index, int count) => process == Big ? 1 + 3 * index / count : 1;

    private static string Variables(string key, int site, Random random) =>
        $$"""{"businessKey":"{{key}}","site":"site-{{site:D3}}","arm":"{{(random.Next(2) == 0 ? "A" : "B")}}","visitCount":{{random.Next(1, 20)}}}""";

    /// <summary>
    /// The state document as <c>ElementsJson.Serialize</c> writes it: the process scope with its variables, and the element
    /// it waits in (a user task), or a service task with no retries left, held by the incidents.
    /// </summary>
    private static string State(Shape p, Guid root, Guid element,
        OpenIncident[] incidents, string variables)
    {
        var held = incidents.Length > 0;
        return
            $$"""[{"id":"{{root}}","element":"{{p.Id}}","kind":"process","scope":null,"status":"Active","variables":{{variables}},"join":{},"loop":null,"items":null,"completed":0,"called":null,"incident":null,"retries":null,"waits":0,"completing":false},""" +
            $$"""{"id":"{{element}}","element":"{{p.Waiting}}","kind":"{{(held ? "serviceTask" : "userTask")}}","scope":"{{root}}","status":"Active","variables":{},"join":{},"loop":null,"items":null,"completed":0,"called":null,"incident":{{(held ? $"\"{incidents[^1].Id}\"" : "null")}},"retries":{{(held ? "0" : "null")}},"waits":{{(held ? 0 : 4)}},"completing":false}]""";
    }

    /// <summary>A process: its share of the instances, the share of its ended ones terminated, whether its key is a site's,
    /// whether a visit schedule calls it, and the element its running instances wait in.</summary>
    private sealed record Shape(string Id, double Share, double Terminated, bool BySite, bool Called, string Waiting);

    private static Guid Max(Guid a, Guid b) => a.CompareTo(b) >= 0 ? a : b;
}
