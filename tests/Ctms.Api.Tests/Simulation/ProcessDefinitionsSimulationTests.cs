using Ctms.Api.Simulation;

namespace Ctms.Api.Tests.Simulation;

/// <summary>Every SOP definition in process-definitions/ deploys and runs in the simulator (the CTI office's first check).</summary>
public sealed class ProcessDefinitionsSimulationTests
{
    private static string Folder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Ctms.sln")))
            {
                return Path.Combine(dir.FullName, "process-definitions");
            }
        }
        throw new InvalidOperationException("The repository root was not found.");
    }

    [Fact]
    public async Task The_simulate_verb_runs_every_file_in_process_definitions()
    {
        var folder = Folder();
        Directory.Exists(folder).ShouldBeTrue();
        var files = Directory.GetFiles(folder, "*.bpmn");
        foreach (var file in files)
        {
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            // Each file alone, the others supplying called processes.
            string[] args = ["simulate", file, .. files.Where(f => f != file)];
            (await SimulateVerb.RunAsync(args, stdout, stderr)).ShouldBe(0, $"{Path.GetFileName(file)}: {stderr}");
            stdout.ToString().ShouldContain("\"state\"");
        }
    }
}
