namespace BytecodeLint.MSBuild.Tests;

public class ScanReportReaderTests
{
    // Shaped like the CLI's JsonFormatter output (src/BytecodeLint.Cli/Commands/Scan/JsonFormatter.cs).
    private const string Report = """
        {"tool":"bytecodelint","version":"0.1.0","targetJdk":null,
         "inputs":[{"path":"/x/app.jar","classEntries":1,"classes":1,"parseErrors":0,"nestedArchives":0,"agentArchives":[]}],
         "diagnostics":[
          {"id":"BL0001","severity":"warning","title":"t","message":"m {0} \"q\"","category":"Retransform","helpLink":"https://h/BL0001.md",
           "location":{"artifact":"/x/app.jar","entry":"/x/app.jar!/a/B.class","class":"a.B","member":"run","memberDescriptor":"()V",
                       "bytecodeOffset":12,"line":9,"sourceFile":"B.java","sourcePath":"/src/a/B.java"},
           "properties":{"n":2},"evidence":"e","suppressed":false},
          {"id":"BL0002","severity":"error","title":"t","message":"m2","category":"Retransform","helpLink":"https://h/BL0002.md",
           "location":{"artifact":"/x/app.jar","entry":"/x/app.jar!/a/C.class","class":null,"member":null,"memberDescriptor":null,
                       "bytecodeOffset":null,"line":null,"sourceFile":null,"sourcePath":null},
           "properties":{},"evidence":"","suppressed":true,"suppressedBy":"annotation"}]}
        """;

    [Fact]
    public void ReadsEveryFieldTheTaskLogs()
    {
        var findings = ScanReportReader.Read(Report).Findings;

        Assert.Equal(2, findings.Count);
        var first = findings[0];
        Assert.Equal(("BL0001", "warning", "m {0} \"q\"", "https://h/BL0001.md"), (first.Id, first.Severity, first.Message, first.HelpLink));
        Assert.Equal(("/x/app.jar", "/x/app.jar!/a/B.class", 9, "/src/a/B.java", false), (first.Artifact, first.Entry, first.Line, first.SourcePath, first.Suppressed));
        var second = findings[1];
        Assert.Equal(("BL0002", "error", (int?)null, (string?)null, true), (second.Id, second.Severity, second.Line, second.SourcePath, second.Suppressed));
    }

    [Fact]
    public void ReadsInputErrors()
    {
        var report = ScanReportReader.Read("""
            {"tool":"bytecodelint","inputs":[],"inputErrors":[{"path":"/x/text.jar","message":"not a zip archive"},{"path":"/x/gone.jar","message":"no such file"}],"diagnostics":[]}
            """);

        Assert.Equal(new[] { ("/x/text.jar", "not a zip archive"), ("/x/gone.jar", "no such file") }, report.InputErrors.Select(e => (e.Path, e.Message)));
        Assert.Empty(report.Findings);
        Assert.Empty(ScanReportReader.Read(Report).InputErrors);
    }

    [Fact]
    public void RejectsJsonThatIsNotAReport()
    {
        Assert.Throws<FormatException>(() => ScanReportReader.Read("""{"tool":"other"}"""));
        Assert.Throws<FormatException>(() => ScanReportReader.Read("[]"));
    }
}
