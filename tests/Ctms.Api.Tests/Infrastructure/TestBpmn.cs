namespace Ctms.Api.Tests.Infrastructure;

/// <summary>The BPMN the API tests deploy: one executable process around the elements a test writes.</summary>
internal static class TestBpmn
{
    /// <summary>A definitions document with process <paramref name="id"/> holding <paramref name="body"/>; <paramref name="before"/> goes before the process (messages, errors).</summary>
    public static string Process(string id, string body, string before = "") => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d-{id}" targetNamespace="t">
        {before}
          <bpmn:process id="{id}" isExecutable="true">
        {body}
          </bpmn:process>
        </bpmn:definitions>
        """;
}
