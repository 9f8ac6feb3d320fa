using System.CommandLine;
using BytecodeLint.Analysis;
using BytecodeLint.Analysis.Rules;
using BytecodeLint.Analysis.Engine;

namespace BytecodeLint.Cli.Commands.Rules;

/// <summary>
/// <c>bytecodelint rules [-f text|json[=FILE]] [-o FILE]</c> lists every rule; <c>bytecodelint explain ID</c>
/// prints its doc page.
/// </summary>
internal static class RulesCommand
{
    private static readonly string[] Formats = ["text", "json"];

    public static Command CreateList()
    {
        var format = CommonOptions.Format(Formats);
        var output = CommonOptions.Output();
        var command = new Command("rules", "List every rule with its id, default severity, category and title.") { format, output };
        command.SetAction(parse =>
        {
            var targets = ReportTargets.Resolve(parse.GetValue(format) ?? [], parse.GetValue(output), Formats);
            ReportTargets.WriteAll(targets, parse.InvocationConfiguration.Output, (kind, writer) =>
            {
                if (kind == "json") RulesJsonReport.Write(writer, RuleRegistry.AllDescriptors);
                else WriteText(writer, RuleRegistry.AllDescriptors);
            });
            return ExitCodes.Success;
        });
        return command;
    }

    private static void WriteText(TextWriter output, IEnumerable<DiagnosticDescriptor> rules)
    {
        foreach (var rule in rules)
        {
            string enabled = rule.IsEnabledByDefault ? "" : " (off by default)";
            output.WriteLine($"{rule.Id}  {rule.DefaultSeverity.ToDisplayName(),-7}  {rule.Category,-11}  {rule.Title}{enabled}");
        }
    }

    public static Command CreateExplain()
    {
        var id = new Argument<string>("id") { Description = "Rule id, e.g. BL0001." };
        var command = new Command("explain", "Print a rule's documentation: what, why, HotSpot facts, how to fix and suppress.") { id };
        command.SetAction(parse =>
        {
            string ruleId = parse.GetValue(id) ?? "";
            var descriptor = RuleRegistry.Find(ruleId) ?? throw new UserErrorException($"unknown rule '{ruleId}'; 'bytecodelint rules' lists them");
            parse.InvocationConfiguration.Output.Write(RuleDocs.Get(descriptor.Id) ?? $"{descriptor.Id}: {descriptor.Title}\n\n{descriptor.Description}\n");
            return ExitCodes.Success;
        });
        return command;
    }
}
