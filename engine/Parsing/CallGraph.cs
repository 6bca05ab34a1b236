using Ctms.Engine.Model;

namespace Ctms.Engine.Parsing;

/// <summary>
/// Refuses call activities that call round in a circle (A calls B calls A, or A calls itself), through the static
/// process ids of the file being deployed and of the processes already deployed. A FEEL process id is not
/// followed; the runtime's call-depth limit stops those.
/// </summary>
public static class CallGraph
{
    /// <param name="deploying">The processes of the file being deployed.</param>
    /// <param name="deployed">The latest deployed version of every other process.</param>
    public static void EnsureAcyclic(IEnumerable<ProcessModel> deploying, IEnumerable<ProcessModel> deployed)
    {
        var byId = new Dictionary<string, ProcessModel>(StringComparer.Ordinal);
        foreach (var process in deployed)
        {
            byId[process.Id] = process;
        }
        var fresh = deploying.ToList();
        foreach (var process in fresh)
        {
            byId[process.Id] = process;
        }
        var problems = new List<BpmnProblem>();
        foreach (var process in fresh)
        {
            foreach (var call in Calls(process))
            {
                var path = PathBack(call.Target, process.Id, byId, [process.Id]);
                if (path is not null)
                {
                    problems.Add(new BpmnProblem(ProblemCodes.InvalidCallActivity, call.Node.Location,
                        $"The call activity makes a cycle of calls: {string.Join(" -> ", path)}."));
                }
            }
        }
        if (problems.Count > 0)
        {
            throw new BpmnValidationException(problems);
        }
    }

    private static IEnumerable<(CallActivityNode Node, string Target)> Calls(ProcessModel process) =>
        process.AllNodes.Values.OfType<CallActivityNode>().Where(c => c.ProcessId.IsStatic).Select(c => (c, c.ProcessId.Raw.Trim()));

    /// <summary>The chain of calls from <paramref name="current"/> back to <paramref name="origin"/>, or null.</summary>
    private static List<string>? PathBack(string current, string origin, Dictionary<string, ProcessModel> byId, List<string> path)
    {
        path = [.. path, current];
        if (current == origin)
        {
            return path;
        }
        if (path.Count > 64 || !byId.TryGetValue(current, out var process))
        {
            return null;
        }
        foreach (var (_, target) in Calls(process))
        {
            if (path.Skip(1).Contains(target, StringComparer.Ordinal) && target != origin)
            {
                continue;
            }
            if (PathBack(target, origin, byId, path) is { } found)
            {
                return found;
            }
        }
        return null;
    }
}
