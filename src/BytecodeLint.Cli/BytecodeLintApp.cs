using System.CommandLine;
using BytecodeLint.Cli.Commands;

namespace BytecodeLint.Cli;

/// <summary>Builds the command tree and runs it; tests call <see cref="Run"/> in process.</summary>
public static class BytecodeLintApp
{
    public static RootCommand CreateRootCommand()
    {
        var root = new RootCommand(
            "BytecodeLint: finds the bytecode patterns that make HotSpot Metaspace leak or explode when a Java agent retransforms classes.");
        // Each command lives in Commands/<Name>Command.cs and exposes Create().
        foreach (var command in new[]
                 {
                     ScanCommand.Create(),
                     InspectCommand.Create(),
                     SimulateCommand.Create(),
                     MetaspaceCommand.Create(),
                     RulesCommand.CreateList(),
                     RulesCommand.CreateExplain(),
                 })
        {
            root.Subcommands.Add(command);
        }
        return root;
    }

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var parse = CreateRootCommand().Parse(args);
        var config = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        if (parse.Errors.Count > 0 && !IsHelpOrVersion(args))
        {
            // System.CommandLine exits with 1 on parse errors; our contract says 2 (usage).
            foreach (var error in parse.Errors)
                stderr.WriteLine("error: " + error.Message);
            stderr.WriteLine("Run 'bytecodelint --help' for usage.");
            return ExitCodes.UsageOrInput;
        }
        try
        {
            return parse.Invoke(config);
        }
        catch (UserErrorException e)
        {
            stderr.WriteLine("error: " + e.Message);
            return ExitCodes.UsageOrInput;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A bug of ours, not a user mistake: one line naming it, the trace only on request.
            stderr.WriteLine($"internal error: {e.GetType().Name}: {e.Message}");
            stderr.WriteLine(Environment.GetEnvironmentVariable("BYTECODELINT_DEBUG") is "1"
                ? e.ToString()
                : "This is a bug in bytecodelint; set BYTECODELINT_DEBUG=1 for the stack trace and please report it.");
            return ExitCodes.InternalError;
        }
    }

    private static bool IsHelpOrVersion(string[] args) =>
        args.Any(a => a is "-h" or "--help" or "-?" or "--version");
}
