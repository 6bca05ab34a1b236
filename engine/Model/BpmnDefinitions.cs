namespace Ctms.Engine.Model;

/// <summary>A parsed and validated BPMN file: its processes, ready to run.</summary>
public sealed class BpmnDefinitions
{
    internal BpmnDefinitions(IReadOnlyList<ProcessModel> processes) => Processes = processes;

    public IReadOnlyList<ProcessModel> Processes { get; }

    /// <summary>The processes marked executable; deploying a file deploys these.</summary>
    public IEnumerable<ProcessModel> Executable => Processes.Where(p => p.IsExecutable);
}
