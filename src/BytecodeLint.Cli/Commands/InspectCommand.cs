using System.CommandLine;

namespace BytecodeLint.Cli.Commands;

/// <summary><c>bytecodelint inspect PATH...</c>: the inventory of what was read (placeholder until the reader lands).</summary>
internal static class InspectCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Arity = ArgumentArity.OneOrMore, Description = "Jars, class folders or .class files." };
        var command = new Command("inspect", "Inventory of the classes, methods and bytecode patterns in the inputs.") { paths };
        command.SetAction(parse =>
        {
            parse.InvocationConfiguration.Output.WriteLine("inspect: not implemented yet");
            return ExitCodes.UsageOrInput;
        });
        return command;
    }
}
