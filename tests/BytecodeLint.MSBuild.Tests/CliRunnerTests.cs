using System.Diagnostics;

namespace BytecodeLint.MSBuild.Tests;

public class CliRunnerTests
{
    [Theory]
    [InlineData("plain")]
    [InlineData("with space")]
    [InlineData("quote\"inside")]
    [InlineData("/dir with space/")]
    [InlineData(@"back\\slashes\")]
    [InlineData(@"trailing\ ""mixed""\")]
    [InlineData("")]
    public void QuotedArgumentsReachTheProcessUnchanged(string argument)
    {
        // printf prints each argument it receives on its own line: the real process start splits our string.
        const string printf = "/usr/bin/printf";
        if (!File.Exists(printf)) return;
        var info = new ProcessStartInfo(printf, CliRunner.JoinArguments(new[] { "%s\\n", "first", argument, "last" }))
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(info)!;
        var lines = process.StandardOutput.ReadToEnd().Split('\n');
        process.WaitForExit();

        Assert.Equal(new[] { "first", argument, "last", "" }, lines);
    }
}
