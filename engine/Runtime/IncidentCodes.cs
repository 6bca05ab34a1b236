namespace Ctms.Engine.Runtime;

/// <summary>Stable codes of run-time incidents.</summary>
public static class IncidentCodes
{
    public const string NoFlowMatched = "ENGINE-0101";
    public const string ExpressionFailed = "ENGINE-0102";
    public const string ConditionNotBoolean = "ENGINE-0103";
    public const string JobFailed = "ENGINE-0104";
    public const string UnhandledError = "ENGINE-0105";
    public const string CalledProcessMissing = "ENGINE-0106";
    public const string CallTooDeep = "ENGINE-0107";
    public const string InvalidTimer = "ENGINE-0108";
    public const string InvalidCollection = "ENGINE-0109";
    public const string InvalidCorrelationKey = "ENGINE-0110";
    public const string TooManySteps = "ENGINE-0111";
    public const string NoActivity = "ENGINE-0112";
    public const string BusinessKeyConflict = "ENGINE-0113";
}
