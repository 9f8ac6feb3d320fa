using System.CommandLine;
using BytecodeLint.Analysis.HotSpot;
using BytecodeLint.Analysis.Engine;

namespace BytecodeLint.Cli.Commands.Simulate;

/// <summary>
/// <c>bytecodelint simulate ORIGINAL TRANSFORMED [--target-jdk V] [--retransforms N] [-f text|json[=FILE]] [-o FILE]</c>:
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

    private static readonly string[] Formats = ["text", "json"];

    public static Command Create()
    {
        var original = new Argument<string>("original") { Description = "The class as loaded (.class), or a jar/folder of them." };
        var transformed = new Argument<string>("transformed") { Description = "The class the agent returns (.class), or a jar/folder (classes matched by entry path)." };
        var jdk = CommonOptions.TargetJdk("JDK the class runs on (8, 11, 17, 17.0.15, 21, 25, ...); default: any supported JDK (worst case).", "--jdk");
        var retransforms = new Option<int>("--retransforms") { Description = "Number of retransforms to simulate.", DefaultValueFactory = _ => 1, HelpName = "N" };
        var unverified = new Option<bool>("--unverified") { Description = "The class is not verified (boot loader, -Xverify:none, -XX:-BytecodeVerificationRemote)." };
        var format = CommonOptions.Format(Formats);
        var output = CommonOptions.Output();
        var command = new Command("simulate", "Predict what HotSpot does when an agent retransforms ORIGINAL into TRANSFORMED.")
        {
            original, transformed, jdk, retransforms, unverified, format, output,
        };
        command.SetAction(parse =>
        {
            var targets = ReportTargets.Resolve(parse.GetValue(format) ?? [], parse.GetValue(output), Formats);
            var profile = JdkProfile.For(CommonOptions.ParseJdk(parse.GetValue(jdk)));
            int count = parse.GetValue(retransforms);
            if (count is < 1 or > MaxRetransforms)
                throw new UserErrorException($"--retransforms must be from 1 to {MaxRetransforms:N0}, found {count}");
            var report = SimulateReport.Run(parse.GetValue(original)!, parse.GetValue(transformed)!, profile, count, parse.GetValue(unverified));
            ReportTargets.WriteAll(targets, parse.InvocationConfiguration.Output, (kind, writer) =>
            {
                if (kind == "json") SimulateJsonReport.Write(writer, report);
                else SimulateTextWriter.Write(writer, report);
            });
            return ExitCodes.Success;
        });
        return command;
    }
}
