using BytecodeLint.TestUtilities;

namespace BytecodeLint.Cli.Tests;

/// <summary>Runs the CLI in process and captures what it prints.</summary>
internal static class CliRunner
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static Result Run(params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        int code = BytecodeLintApp.Run(args, stdout, stderr);
        return new Result(code, stdout.ToString(), stderr.ToString());
    }

    public static string SampleJar(string name) => Path.Combine(RepoPaths.Samples, "java", "jars", name);

    public static string Oracle(string caseName, string file = "original.class") =>
        Path.Combine(RepoPaths.OracleCases, caseName, file);
}
