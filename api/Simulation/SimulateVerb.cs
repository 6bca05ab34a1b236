using Ctms.Engine.Parsing;
using Ctms.Engine.Simulation;

namespace Ctms.Api.Simulation;

/// <summary>
/// <c>simulate main.bpmn [called.bpmn ...] --script script.json</c>: runs the first file's executable process in
/// memory, driven by the script, and prints the result as JSON on stdout (and nothing else there). Exit codes:
/// 0 the run happened (incidents included), 1 bad arguments or files, 2 a definition does not validate, 3 a step
/// does not apply.
/// </summary>
internal static class SimulateVerb
{
    // `dotnet run --project api` runs in the project's folder; a relative path means the caller's folder (the shell's PWD).
    private static string Resolve(string path) =>
        Path.IsPathRooted(path) || File.Exists(path) || Environment.GetEnvironmentVariable("PWD") is not { Length: > 0 } caller
            ? path
            : Path.GetFullPath(path, caller);

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var files = new List<string>();
        string? scriptPath = null;
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i] == "--script" && i + 1 < args.Length)
            {
                scriptPath = args[++i];
            }
            else
            {
                files.Add(args[i]);
            }
        }
        if (files.Count == 0)
        {
            await stderr.WriteLineAsync("usage: simulate <main.bpmn> [<called.bpmn> ...] [--script <script.json>]");
            return 1;
        }
        files = files.ConvertAll(Resolve);
        scriptPath = scriptPath is null ? null : Resolve(scriptPath);
        var missing = files.Append(scriptPath).Where(f => f is not null && !File.Exists(f)).ToList();
        if (missing.Count > 0)
        {
            await stderr.WriteLineAsync($"not found: {string.Join(", ", missing)}");
            return 1;
        }
        SimulationScript script;
        try
        {
            script = scriptPath is null ? SimulationScript.Empty : SimulationScript.Parse(await File.ReadAllTextAsync(scriptPath));
        }
        catch (FormatException e)
        {
            await stderr.WriteLineAsync($"{scriptPath}: {e.Message}");
            return 1;
        }
        var sources = new List<(string Name, string Xml)>();
        foreach (var file in files)
        {
            sources.Add((Path.GetFileName(file), await File.ReadAllTextAsync(file)));
        }
        try
        {
            var result = await Simulator.RunAsync(sources, script);
            await stdout.WriteLineAsync(SimulationJson.Write(result));
            return 0;
        }
        catch (BpmnValidationException e)
        {
            await stderr.WriteLineAsync("The definition does not validate:");
            await stderr.WriteLineAsync(string.Join(Environment.NewLine, e.Problems.Select(p => "  " + p)));
            return 2;
        }
        catch (SimulationException e)
        {
            await stderr.WriteLineAsync(e.Message);
            return 3;
        }
    }
}
