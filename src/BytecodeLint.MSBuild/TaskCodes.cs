namespace BytecodeLint.MSBuild;

/// <summary>
/// Codes of the task's own errors and warnings (the findings keep their BLxxxx rule ids), documented
/// in docs/msbuild.md, so that users can search them and silence BLM0008 with NoWarn.
/// </summary>
internal static class TaskCodes
{
    public const string InputMissing = "BLM0001";
    public const string InputUnreadable = "BLM0002";
    public const string CliMissing = "BLM0003";
    public const string CliNotStarted = "BLM0004";
    public const string CliFailed = "BLM0005";
    public const string ReportUnreadable = "BLM0006";
    public const string SarifNotWritten = "BLM0007";
    public const string CliWarning = "BLM0008";

    public const string HelpLink = "https://github.com/bytecodelint/bytecodelint/blob/main/docs/msbuild.md#task-errors";
}
