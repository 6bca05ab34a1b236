namespace Ctms.Bench;

/// <summary>One generated open user task, in the columns of <c>engine_tasks</c>.</summary>
internal readonly record struct InboxTask(
    Guid Id, Guid InstanceId, Guid ElementInstanceId, string ProcessId, string ElementId, string Name, string? FormId,
    string? Assignee, string[] CandidateGroups, string[] CandidateUsers, DateTimeOffset? DueDate, int Priority, DateTimeOffset CreatedAt);

/// <summary>
/// A hospital's open user tasks, made up deterministically (seeded) so that every run and both databases see the same
/// data. 70% are assigned to a user; the rest are offered to one or two groups (60%), to one to three candidate users
/// (20%), or to both (20%). Groups are skewed as roles are: the busiest group is offered about 14% of the unassigned
/// tasks, the quietest a fraction of a percent. Due dates fall from 60 days ago to 120 days ahead, 15% have none; tasks
/// were created over the last 180 days; 12 processes with 4 user tasks each. Users belong to one to three groups.
/// </summary>
internal sealed class InboxData
{
    public const int Groups = 50;

    private static readonly string[] Processes = [.. Enumerable.Range(1, 12).Select(i => $"sop-{i:D2}")];
    private static readonly string[] Elements = ["review", "approve", "sign", "archive"];

    public InboxData(int tasks, int users)
    {
        TaskCount = tasks;
        Now = new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);
        var random = new Random(4);
        UserGroups = [.. Enumerable.Range(0, users).Select(_ =>
            Enumerable.Range(0, random.Next(1, 4)).Select(_ => Group(random.Next(Groups))).Distinct().ToArray())];
        AssignedCount = new int[users];
    }

    public int TaskCount { get; }

    /// <summary>The benchmark's "now": due dates and creation times are around it, whatever the wall clock says.</summary>
    public DateTimeOffset Now { get; }

    public int Users => UserGroups.Length;

    /// <summary>The groups of each user (their roles).</summary>
    public string[][] UserGroups { get; }

    /// <summary>How many tasks each user holds, filled in as <see cref="Generate"/> runs: what "my tasks" must count.</summary>
    public int[] AssignedCount { get; }

    public static string User(int index) => $"user-{index:D5}";

    private static string Group(int index) => $"group-{index:D2}";

    /// <summary>The tasks, the same sequence at every call.</summary>
    public IEnumerable<InboxTask> Generate()
    {
        Array.Clear(AssignedCount);
        var random = new Random(27);
        for (var i = 0; i < TaskCount; i++)
        {
            var created = Now.AddMinutes(-random.Next(180 * 24 * 60));
            var process = random.Next(Processes.Length);
            var element = random.Next(Elements.Length);
            DateTimeOffset? due = random.NextDouble() < 0.15 ? null : Now.AddMinutes(random.Next(-60 * 24 * 60, 120 * 24 * 60));
            string? assignee = null;
            string[] groups = [];
            string[] candidates = [];
            var kind = random.NextDouble();
            if (kind < 0.70)
            {
                var user = random.Next(Users);
                AssignedCount[user]++;
                assignee = User(user);
                // A claimed task keeps the groups it was offered to.
                groups = [SkewedGroup(random)];
            }
            else
            {
                var offer = random.NextDouble();
                if (offer < 0.8)
                {
                    groups = [.. Enumerable.Range(0, random.Next(1, 3)).Select(_ => SkewedGroup(random)).Distinct()];
                }
                if (offer >= 0.6)
                {
                    candidates = [.. Enumerable.Range(0, random.Next(1, 4)).Select(_ => User(random.Next(Users))).Distinct()];
                }
            }
            yield return new InboxTask(Guid.CreateVersion7(created), Guid.CreateVersion7(created), Guid.CreateVersion7(created),
                Processes[process], Elements[element], $"{Elements[element]} ({Processes[process]})",
                element == 3 ? null : $"{Processes[process]}-{Elements[element]}", assignee, groups, candidates, due,
                random.Next(10) switch { 0 => 80, 1 => 20, _ => 50 }, created);
        }
    }

    // Squaring a uniform number crowds the low group numbers: group-00 gets sqrt(1/50), about 14%, of the offers.
    private static string SkewedGroup(Random random) => Group((int)(Groups * Math.Pow(random.NextDouble(), 2)));
}
