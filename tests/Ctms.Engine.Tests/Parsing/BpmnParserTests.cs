using Ctms.Engine.Model;
using Ctms.Engine.Parsing;

namespace Ctms.Engine.Tests.Parsing;

public sealed class BpmnParserTests
{
    private const string Head = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="t">
        """;

    private static string Process(string body, string before = "") =>
        $"""
        {Head}
        {before}
          <bpmn:process id="p" isExecutable="true">
        {body}
          </bpmn:process>
        </bpmn:definitions>
        """;

    private sealed class Catalog(params string[] types) : IActivityCatalog
    {
        public bool IsRegistered(string taskType) => types.Contains(taskType);
    }

    private static IReadOnlyList<BpmnProblem> Problems(string xml, IActivityCatalog? catalog = null) =>
        Should.Throw<BpmnValidationException>(() => BpmnParser.Parse(xml, catalog)).Problems;

    [Fact]
    public void A_valid_process_becomes_an_immutable_model_with_its_zeebe_extensions()
    {
        var model = BpmnParser.Parse(Process("""
                <bpmn:startEvent id="start" />
                <bpmn:serviceTask id="work" name="Randomize">
                  <bpmn:extensionElements>
                    <zeebe:taskDefinition type="randomize" retries="5" />
                    <zeebe:taskHeaders><zeebe:header key="scheme" value="blocks" /></zeebe:taskHeaders>
                    <zeebe:ioMapping><zeebe:input source="=subjectId" target="subject" /><zeebe:output source="=arm" target="allocation.arm" /></zeebe:ioMapping>
                  </bpmn:extensionElements>
                </bpmn:serviceTask>
                <bpmn:userTask id="dispense">
                  <bpmn:extensionElements>
                    <zeebe:assignmentDefinition candidateGroups="pharmacist" />
                    <zeebe:taskSchedule dueDate="=now() + duration(&quot;P1D&quot;)" />
                    <zeebe:formDefinition formId="dispense-form" />
                  </bpmn:extensionElements>
                </bpmn:userTask>
                <bpmn:endEvent id="end" />
                <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="work" />
                <bpmn:sequenceFlow id="f2" sourceRef="work" targetRef="dispense" />
                <bpmn:sequenceFlow id="f3" sourceRef="dispense" targetRef="end" />
            """), new Catalog("randomize")).Processes.Single();

        model.NoneStartEvent!.Id.ShouldBe("start");
        var work = model.Node("work").ShouldBeOfType<ServiceTaskNode>();
        (work.TaskType, work.Retries, work.Headers["scheme"], work.Name).ShouldBe(("randomize", 5, "blocks", "Randomize"));
        work.Inputs.ShouldHaveSingleItem().Target.ShouldBe("subject");
        work.Outputs.ShouldHaveSingleItem().Target.ShouldBe("allocation.arm");
        var dispense = model.Node("dispense").ShouldBeOfType<UserTaskNode>();
        dispense.Spec.CandidateGroups!.Raw.ShouldBe("pharmacist");
        dispense.Spec.CandidateGroups.IsStatic.ShouldBeTrue();
        dispense.Spec.DueDate!.IsStatic.ShouldBeFalse();
        dispense.Spec.FormId.ShouldBe("dispense-form");
        work.Outgoing.ShouldHaveSingleItem().Target.ShouldBe(dispense);
    }

    [Fact]
    public void Every_problem_is_reported_at_once_with_element_id_type_and_line()
    {
        var problems = Problems(Process("""
                <bpmn:startEvent id="start" />
                <bpmn:scriptTask id="script" />
                <bpmn:serviceTask id="noType" />
                <bpmn:serviceTask id="unknown"><bpmn:extensionElements><zeebe:taskDefinition type="teleport" /></bpmn:extensionElements></bpmn:serviceTask>
                <bpmn:complexGateway id="complex" />
                <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="nowhere" />
            """), new Catalog("randomize"));

        problems.Select(p => (p.Code, p.Location.ElementId, p.Location.ElementType)).ShouldBe(
        [
            (ProblemCodes.Unsupported, "script", "scriptTask"),
            (ProblemCodes.MissingTaskType, "noType", "serviceTask"),
            (ProblemCodes.UnknownTaskType, "unknown", "serviceTask"),
            (ProblemCodes.Unsupported, "complex", "complexGateway"),
            (ProblemCodes.FlowToNowhere, "f1", "sequenceFlow"),
        ], ignoreOrder: true);
        problems.Single(p => p.Location.ElementId == "script").Location.Line.ShouldBe(6, "the line in the file as written");
        problems.Single(p => p.Location.ElementId == "f1").Message.ShouldContain("nowhere");
    }

    [Fact]
    public void In_simulation_any_service_task_type_is_accepted()
    {
        var xml = Process("""
                <bpmn:startEvent id="start" />
                <bpmn:serviceTask id="t"><bpmn:extensionElements><zeebe:taskDefinition type="anything" /></bpmn:extensionElements></bpmn:serviceTask>
                <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="t" />
            """);
        BpmnParser.Parse(xml).Processes.ShouldHaveSingleItem();
        Problems(xml, new Catalog()).ShouldHaveSingleItem().Code.ShouldBe(ProblemCodes.UnknownTaskType);
    }

    [Fact]
    public void An_exclusive_gateway_flow_without_condition_that_is_not_the_default_is_refused()
    {
        var problems = Problems(Process("""
                <bpmn:startEvent id="start" />
                <bpmn:exclusiveGateway id="g" />
                <bpmn:endEvent id="a" />
                <bpmn:endEvent id="b" />
                <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="g" />
                <bpmn:sequenceFlow id="f2" sourceRef="g" targetRef="a"><bpmn:conditionExpression>=x &gt; 1</bpmn:conditionExpression></bpmn:sequenceFlow>
                <bpmn:sequenceFlow id="f3" sourceRef="g" targetRef="b" />
            """));
        var problem = problems.ShouldHaveSingleItem();
        (problem.Code, problem.Location.ElementId).ShouldBe((ProblemCodes.MissingCondition, "g"));
        problem.Message.ShouldContain("f3");
    }

    [Fact]
    public void Events_timers_and_messages_are_checked()
    {
        var problems = Problems(Process("""
                <bpmn:startEvent id="start" />
                <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition><bpmn:timeDuration>three days</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
                <bpmn:intermediateCatchEvent id="msg"><bpmn:messageEventDefinition messageRef="m" /></bpmn:intermediateCatchEvent>
                <bpmn:intermediateCatchEvent id="sig"><bpmn:signalEventDefinition /></bpmn:intermediateCatchEvent>
                <bpmn:boundaryEvent id="b" attachedToRef="start"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
                <bpmn:endEvent id="err"><bpmn:errorEventDefinition /></bpmn:endEvent>
                <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait" />
            """, """<bpmn:message id="m" name="result" />"""));
        problems.Select(p => (p.Code, p.Location.ElementId)).ShouldBe(
        [
            (ProblemCodes.InvalidTimer, "wait"),
            (ProblemCodes.InvalidMessage, "msg"),
            (ProblemCodes.InvalidSignal, "sig"),
            (ProblemCodes.InvalidBoundary, "b"),
            (ProblemCodes.InvalidError, "err"),
        ], ignoreOrder: true);
    }

    [Fact]
    public void A_DTD_and_the_billion_laughs_are_refused()
    {
        const string laughs = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL">&lol2;</bpmn:definitions>
            """;
        Problems(laughs).ShouldHaveSingleItem().Code.ShouldBe(ProblemCodes.UnsafeXml);
    }

    [Fact]
    public void An_external_entity_is_refused_and_never_read()
    {
        var secret = Path.GetTempFileName();
        File.WriteAllText(secret, "secret-content");
        var xxe = $"""
            <?xml version="1.0"?>
            <!DOCTYPE d [<!ENTITY xxe SYSTEM "file://{secret}">]>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><bpmn:process id="&xxe;" /></bpmn:definitions>
            """;
        var problem = Problems(xxe).ShouldHaveSingleItem();
        problem.Code.ShouldBe(ProblemCodes.UnsafeXml);
        problem.Message.ShouldNotContain("secret-content");
        File.Delete(secret);
    }

    [Fact]
    public void A_file_of_50_MB_is_refused_before_it_is_parsed()
    {
        var huge = Process("<bpmn:startEvent id=\"s\" />" + new string(' ', 50 * 1024 * 1024));
        Problems(huge).ShouldHaveSingleItem().Code.ShouldBe(ProblemCodes.TooLarge);
    }

    [Fact]
    public void Deep_nesting_is_refused()
    {
        var nested = string.Concat(Enumerable.Repeat("<bpmn:documentation>", 100)) + string.Concat(Enumerable.Repeat("</bpmn:documentation>", 100));
        Problems(Process("<bpmn:startEvent id=\"s\">" + nested + "</bpmn:startEvent>")).ShouldHaveSingleItem().Code.ShouldBe(ProblemCodes.TooLarge);
    }

    [Fact]
    public void Not_BPMN_and_not_XML_are_refused_clearly()
    {
        Problems("<html></html>").ShouldHaveSingleItem().Code.ShouldBe(ProblemCodes.NotBpmn);
        Problems("not xml at all").ShouldHaveSingleItem().Code.ShouldBe(ProblemCodes.NotBpmn);
        Problems($"{Head}<bpmn:process id=\"p\" /></bpmn:definitions>").ShouldHaveSingleItem().Code.ShouldBe(ProblemCodes.NoExecutableProcess);
    }

    [Fact]
    public void A_flow_across_a_subprocess_border_and_duplicate_ids_are_refused()
    {
        var problems = Problems(Process("""
                <bpmn:startEvent id="start" />
                <bpmn:subProcess id="sub">
                  <bpmn:startEvent id="inner" />
                  <bpmn:task id="start" />
                </bpmn:subProcess>
                <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="inner" />
            """));
        problems.Select(p => p.Code).ShouldBe([ProblemCodes.DuplicateId, ProblemCodes.FlowAcrossScopes], ignoreOrder: true);
    }

    [Fact]
    public void A_broken_FEEL_expression_fails_the_deploy_with_its_position()
    {
        var problems = Problems(Process("""
                <bpmn:startEvent id="start" />
                <bpmn:exclusiveGateway id="g" default="f3" />
                <bpmn:endEvent id="a" />
                <bpmn:endEvent id="b" />
                <bpmn:userTask id="t"><bpmn:extensionElements><zeebe:assignmentDefinition assignee="=upper case(" /></bpmn:extensionElements></bpmn:userTask>
                <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="g" />
                <bpmn:sequenceFlow id="f2" sourceRef="g" targetRef="a"><bpmn:conditionExpression>=amount &gt;&gt; 3</bpmn:conditionExpression></bpmn:sequenceFlow>
                <bpmn:sequenceFlow id="f3" sourceRef="g" targetRef="b" />
            """));
        problems.Select(p => (p.Code, p.Location.ElementId)).ShouldBe([(ProblemCodes.InvalidExpression, "t"), (ProblemCodes.InvalidExpression, "f2")], ignoreOrder: true);
        problems.Single(p => p.Location.ElementId == "f2").Message.ShouldContain("position");
    }
}
