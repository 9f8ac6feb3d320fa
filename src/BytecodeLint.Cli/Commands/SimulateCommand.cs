using System.CommandLine;
using BytecodeLint.Analysis;
using BytecodeLint.Analysis.HotSpot;
using BytecodeLint.Analysis.Engine;

namespace BytecodeLint.Cli.Commands;

/// <summary>
/// <c>bytecodelint simulate ORIGINAL TRANSFORMED [--jdk V] [--retransforms N] [--format text|json]</c>:
/// what HotSpot's <c>VM_RedefineClasses</c> does when an agent turns ORIGINAL into TRANSFORMED
/// (pool merge, index map, widened <c>ldc</c>, Metaspace estimate), once or N times. Identical
/// inputs mean "no transformer": each retransform then merges the JVM's reconstituted bytes.
/// </summary>
internal static class SimulateCommand
{
    /// <summary>
    /// Upper bound of --retransforms. Every simulated retransform costs time linear in the pool
    /// size, and a leaking class grows by 2 entries each time: 10,000 keeps a worst case in seconds
    /// and covers the measured range (up to 5,000).
    /// </summary>
    public const int MaxRetransforms = 10_000;

    public static Command Create()
    {
        var original = new Argument<string>("original") { Description = "The class as loaded (.class), or a jar/folder of them." };
        var transformed = new Argument<string>("transformed") { Description = "The class the agent returns (.class), or a jar/folder (classes matched by entry path)." };
        var jdk = new Option<string?>("--jdk") { Description = "JDK the class runs on (8, 11, 17, 17.0.15, 21, 25, ...); default: any supported JDK (worst case)." };
        var retransforms = new Option<int>("--retransforms") { Description = "Number of retransforms to simulate.", DefaultValueFactory = _ => 1 };
        var unverified = new Option<bool>("--unverified") { Description = "The class is not verified (boot loader, -Xverify:none, -XX:-BytecodeVerificationRemote)." };
        var format = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command("simulate", "Predict what HotSpot does when an agent retransforms ORIGINAL into TRANSFORMED.")
        {
            original, transformed, jdk, retransforms, unverified, format,
        };
        command.SetAction(parse =>
        {
            JdkProfile profile;
            try
            {
                profile = JdkProfile.For(JdkTarget.Parse(parse.GetValue(jdk)));
            }
            catch (FormatException e)
            {
                throw new UserErrorException("--jdk: " + e.Message);
            }
            int count = parse.GetValue(retransforms);
            if (count is < 1 or > MaxRetransforms)
                throw new UserErrorException($"--retransforms must be from 1 to {MaxRetransforms:N0}, found {count}");
            var report = SimulateReport.Run(parse.GetValue(original)!, parse.GetValue(transformed)!, profile, count, parse.GetValue(unverified));
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(format) == "json") SimulateJsonWriter.Write(output, report);
            else SimulateTextWriter.Write(output, report);
            return ExitCodes.Success;
        });
        return command;
    }
}
