using System.CommandLine;
using BytecodeLint.Cli.Commands.Inspect;
using BytecodeLint.Cli.Commands.Metaspace;
using BytecodeLint.Cli.Commands.Rules;
using BytecodeLint.Cli.Commands.Scan;
using BytecodeLint.Cli.Commands.Simulate;

namespace BytecodeLint.Cli;

/// <summary>Builds the command tree and runs it; tests call <see cref="Run"/> in process.</summary>
public static class BytecodeLintApp
{
    public static RootCommand CreateRootCommand()
    {
        var root = new RootCommand(
            "BytecodeLint: finds the bytecode patterns that make HotSpot Metaspace leak or explode when a Java agent retransforms classes.");
        // Each command lives in Commands/<Name>/ with its writers and exposes Create().
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
        // `bytecodelint help [command]`, as `dotnet help`, is the command's --help.
        if (args is ["help", .. var rest]) args = [.. rest, "--help"];
        var output = new StandardOutput(stdout);
        var parse = CreateRootCommand().Parse(args);
        var config = new InvocationConfiguration { Output = output, Error = stderr, EnableDefaultExceptionHandler = false };
        string? unknown = IsHelpOrVersion(args) ? null : UnknownTokens.Find(parse, args);
        if (!IsHelpOrVersion(args) && (unknown is not null || parse.Errors.Count > 0))
        {
            // System.CommandLine exits with 1 on parse errors; our contract says 2 (usage).
            // An unknown option is named first: the parser's own message for it would be a path error.
            if (unknown is not null) stderr.WriteLine("error: " + unknown);
            else
                foreach (var error in parse.Errors)
                    stderr.WriteLine("error: " + error.Message);
            stderr.WriteLine("Run 'bytecodelint --help' for usage.");
            return ExitCodes.UsageOrInput;
        }
        try
        {
            int code = parse.Invoke(config);
            output.Flush();
            return code;
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
