namespace Ctms.Engine.Parsing;

/// <summary>Stable codes of deploy-time problems, for logs, tests and the designer.</summary>
public static class ProblemCodes
{
    public const string UnsafeXml = "ENGINE-0001";
    public const string TooLarge = "ENGINE-0002";
    public const string NotBpmn = "ENGINE-0003";
    public const string Unsupported = "ENGINE-0010";
    public const string MissingId = "ENGINE-0011";
    public const string DuplicateId = "ENGINE-0012";
    public const string FlowToNowhere = "ENGINE-0020";
    public const string FlowAcrossScopes = "ENGINE-0021";
    public const string MissingCondition = "ENGINE-0022";
    public const string InvalidExpression = "ENGINE-0030";
    public const string MissingTaskType = "ENGINE-0040";
    public const string UnknownTaskType = "ENGINE-0041";
    public const string InvalidTimer = "ENGINE-0050";
    public const string InvalidMessage = "ENGINE-0051";
    public const string InvalidError = "ENGINE-0052";
    public const string InvalidBoundary = "ENGINE-0053";
    public const string InvalidSignal = "ENGINE-0054";
    public const string InvalidCallActivity = "ENGINE-0060";
    public const string InvalidMultiInstance = "ENGINE-0061";
    public const string NoStartEvent = "ENGINE-0070";
    public const string InvalidStructure = "ENGINE-0071";
    public const string NoExecutableProcess = "ENGINE-0072";
    public const string InvalidForm = "ENGINE-0080";
}
