using Ctms.Engine.Model;
using Ctms.Engine.Parsing;

namespace Ctms.Engine.Tests.Parsing;

/// <summary>Signal events at deploy: where they are accepted, and the problems of a bad signal reference.</summary>
public sealed class SignalParsingTests
{
    private static string Process(string body, string signals = """<bpmn:signal id="s" name="project-suspended" />""") =>
        $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="t">
          {signals}
          <bpmn:message id="m" name="signal:sneaky"><bpmn:extensionElements><zeebe:subscription correlationKey="=k" /></bpmn:extensionElements></bpmn:message>
          <bpmn:process id="p" isExecutable="true">
        {body}
          </bpmn:process>
        </bpmn:definitions>
        """;

    private static IReadOnlyList<BpmnProblem> Problems(string xml) => Should.Throw<BpmnValidationException>(() => BpmnParser.Parse(xml)).Problems;

    [Fact]
    public void Catch_boundary_throw_and_end_events_with_a_named_signal_are_accepted()
    {
        var model = BpmnParser.Parse(Process("""
                <bpmn:startEvent id="start" />
                <bpmn:userTask id="review" />
                <bpmn:boundaryEvent id="stop" attachedToRef="review"><bpmn:signalEventDefinition signalRef="s" /></bpmn:boundaryEvent>
                <bpmn:boundaryEvent id="note" cancelActivity="false" attachedToRef="review"><bpmn:signalEventDefinition signalRef="s" /></bpmn:boundaryEvent>
                <bpmn:intermediateCatchEvent id="wait"><bpmn:signalEventDefinition signalRef="s" /></bpmn:intermediateCatchEvent>
                <bpmn:intermediateThrowEvent id="tell"><bpmn:signalEventDefinition signalRef="s" /></bpmn:intermediateThrowEvent>
                <bpmn:endEvent id="end"><bpmn:signalEventDefinition signalRef="s" /></bpmn:endEvent>
                <bpmn:endEvent id="stopped" />
                <bpmn:endEvent id="noted" />
                <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
                <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="wait" />
                <bpmn:sequenceFlow id="f3" sourceRef="wait" targetRef="tell" />
                <bpmn:sequenceFlow id="f4" sourceRef="tell" targetRef="end" />
                <bpmn:sequenceFlow id="f5" sourceRef="stop" targetRef="stopped" />
                <bpmn:sequenceFlow id="f6" sourceRef="note" targetRef="noted" />
            """)).Processes.Single();

        foreach (var id in new[] { "stop", "note", "wait", "tell", "end" })
        {
            ((EventNode)model.Node(id)).Trigger.ShouldBe(new SignalTrigger("project-suspended"));
        }
        ((BoundaryEventNode)model.Node("stop")).Interrupting.ShouldBeTrue();
        ((BoundaryEventNode)model.Node("note")).Interrupting.ShouldBeFalse();
    }

    [Fact]
    public void A_missing_or_unnamed_signal_reference_is_a_problem_with_the_element_id()
    {
        var problems = Problems(Process("""
                <bpmn:startEvent id="start" />
                <bpmn:intermediateCatchEvent id="noRef"><bpmn:signalEventDefinition /></bpmn:intermediateCatchEvent>
                <bpmn:intermediateCatchEvent id="unknownRef"><bpmn:signalEventDefinition signalRef="nope" /></bpmn:intermediateCatchEvent>
                <bpmn:intermediateThrowEvent id="unnamed"><bpmn:signalEventDefinition signalRef="blank" /></bpmn:intermediateThrowEvent>
                <bpmn:endEvent id="end" />
                <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="noRef" />
                <bpmn:sequenceFlow id="f2" sourceRef="noRef" targetRef="unknownRef" />
                <bpmn:sequenceFlow id="f3" sourceRef="unknownRef" targetRef="unnamed" />
                <bpmn:sequenceFlow id="f4" sourceRef="unnamed" targetRef="end" />
            """, """<bpmn:signal id="blank" name=" " />"""));

        problems.Select(p => (p.Code, p.Location.ElementId)).ShouldBe(
        [
            (ProblemCodes.InvalidSignal, "noRef"),
            (ProblemCodes.InvalidSignal, "unknownRef"),
            (ProblemCodes.InvalidSignal, "unnamed"),
        ], ignoreOrder: true);
        problems.ShouldAllBe(p => p.Message.Contains("bpmn:signal"));
    }

    [Fact]
    public void A_signal_start_event_is_refused_with_the_reason()
    {
        var problem = Problems(Process("""
                <bpmn:startEvent id="onSignal"><bpmn:signalEventDefinition signalRef="s" /></bpmn:startEvent>
                <bpmn:endEvent id="end" />
                <bpmn:sequenceFlow id="f1" sourceRef="onSignal" targetRef="end" />
            """)).First(p => p.Location.ElementId == "onSignal");

        problem.Code.ShouldBe(ProblemCodes.InvalidSignal);
        problem.Message.ShouldContain("Signal start events are not supported");
    }

    [Fact]
    public void A_message_name_in_the_signals_name_space_is_refused()
    {
        var problem = Problems(Process("""
                <bpmn:startEvent id="start" />
                <bpmn:intermediateCatchEvent id="msg"><bpmn:messageEventDefinition messageRef="m" /></bpmn:intermediateCatchEvent>
                <bpmn:endEvent id="end" />
                <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="msg" />
                <bpmn:sequenceFlow id="f2" sourceRef="msg" targetRef="end" />
            """)).ShouldHaveSingleItem();

        (problem.Code, problem.Location.ElementId).ShouldBe((ProblemCodes.InvalidMessage, "msg"));
        problem.Message.ShouldContain("signal:");
    }

    [Fact]
    public void A_signal_name_too_long_for_the_subscriptions_is_refused()
    {
        var name = new string('x', SignalTrigger.MaxNameLength + 1);
        var problem = Problems(Process("""
                <bpmn:startEvent id="start" />
                <bpmn:intermediateCatchEvent id="wait"><bpmn:signalEventDefinition signalRef="s" /></bpmn:intermediateCatchEvent>
                <bpmn:endEvent id="end" />
                <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait" />
                <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="end" />
            """, $"""<bpmn:signal id="s" name="{name}" />""")).ShouldHaveSingleItem();

        (problem.Code, problem.Location.ElementId).ShouldBe((ProblemCodes.InvalidSignal, "wait"));
    }
}
