using System.CommandLine;
using BytecodeLint.Analysis.Inputs;
using BytecodeLint.Analysis.Inventory;

namespace BytecodeLint.Cli.Commands;

/// <summary>
/// <c>bytecodelint inspect PATH... [--format text|json] [--details]</c>: the inventory of each input
/// (classes, methods, ldc opcodes, StackMapTable sizes, Throwable handlers, ClassWriter sites) and
/// their total. The numbers are defined to agree with the Java+ASM peer in <c>shared/bench</c>.
/// </summary>
internal static class InspectCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Arity = ArgumentArity.OneOrMore, Description = "Jars, jmods, wars, zips, class folders or .class files." };
        var format = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var details = new Option<bool>("--details") { Description = "Also list every exception handler catching java/lang/Throwable with its source line." };
        var command = new Command("inspect", "Inventory of the classes, methods and bytecode patterns in the inputs.") { paths, format, details };
        command.SetAction(parse =>
        {
            var inventories = new List<InputInventory>();
            bool withDetails = parse.GetValue(details);
            foreach (var path in parse.GetValue(paths) ?? [])
            {
                try
                {
                    inventories.Add(InputInventory.Scan(path, withDetails));
                }
                catch (InputException e)
                {
                    throw new UserErrorException(e.Message);
                }
            }
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(format) == "json") InspectJsonWriter.Write(output, inventories, withDetails);
            else InspectTextWriter.Write(output, inventories, withDetails);
            return ExitCodes.Success;
        });
        return command;
    }
}
