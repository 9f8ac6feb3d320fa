using System.CommandLine;
using BytecodeLint.Analysis.Inputs;
using BytecodeLint.Analysis.Inventory;

namespace BytecodeLint.Cli.Commands.Inspect;

/// <summary>
/// <c>bytecodelint inspect PATH... [-f text|json[=FILE]] [-o FILE] [--details]</c>: the inventory of each input
/// (classes, methods, ldc opcodes, StackMapTable sizes, Throwable handlers, ClassWriter sites) and
/// their total. The numbers are defined to agree with the Java+ASM peer in <c>shared/bench</c>.
/// </summary>
internal static class InspectCommand
{
    private static readonly string[] Formats = ["text", "json"];

    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Arity = ArgumentArity.OneOrMore, Description = "Jars, jmods, wars, zips, class folders or .class files." };
        var format = CommonOptions.Format(Formats);
        var output = CommonOptions.Output();
        var details = new Option<bool>("--details") { Description = "Also list every exception handler catching java/lang/Throwable with its source line." };
        var command = new Command("inspect", "Inventory of the classes, methods and bytecode patterns in the inputs.") { paths, format, output, details };
        command.SetAction(parse =>
        {
            var targets = ReportTargets.Resolve(parse.GetValue(format) ?? [], parse.GetValue(output), Formats);
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
            ReportTargets.WriteAll(targets, parse.InvocationConfiguration.Output, (kind, writer) =>
            {
                if (kind == "json") InspectJsonReport.Write(writer, inventories, withDetails);
                else InspectTextWriter.Write(writer, inventories, withDetails);
            });
            return ExitCodes.Success;
        });
        return command;
    }
}
