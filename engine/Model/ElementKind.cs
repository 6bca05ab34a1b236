namespace Ctms.Engine.Model;

/// <summary>The BPMN element types the engine runs, named as in the XML.</summary>
public static class ElementKind
{
    public const string Process = "process";
    public const string StartEvent = "startEvent";
    public const string EndEvent = "endEvent";
    public const string IntermediateCatchEvent = "intermediateCatchEvent";
    public const string IntermediateThrowEvent = "intermediateThrowEvent";
    public const string BoundaryEvent = "boundaryEvent";
    public const string Task = "task";
    public const string ManualTask = "manualTask";
    public const string UserTask = "userTask";
    public const string ServiceTask = "serviceTask";
    public const string SendTask = "sendTask";
    public const string BusinessRuleTask = "businessRuleTask";
    public const string ReceiveTask = "receiveTask";
    public const string ExclusiveGateway = "exclusiveGateway";
    public const string ParallelGateway = "parallelGateway";
    public const string InclusiveGateway = "inclusiveGateway";
    public const string EventBasedGateway = "eventBasedGateway";
    public const string SubProcess = "subProcess";
    public const string CallActivity = "callActivity";
    public const string MultiInstanceBody = "multiInstanceBody";
}
