using System.CommandLine;
using BytecodeLint.Analysis;
using BytecodeLint.Analysis.Rules;
using BytecodeLint.Analysis.Engine;

namespace BytecodeLint.Cli.Commands;

/// <summary><c>bytecodelint rules</c> lists every rule; <c>bytecodelint explain ID</c> prints its doc page.</summary>
internal static class RulesCommand
{
    public static Command CreateList()
    {
        var command = new Command("rules", "List every rule with its id, default severity, category and title.");
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            foreach (var rule in RuleRegistry.AllDescriptors)
            {
                string enabled = rule.IsEnabledByDefault ? "" : " (off by default)";
                output.WriteLine($"{rule.Id}  {rule.DefaultSeverity.ToDisplayName(),-7}  {rule.Category,-11}  {rule.Title}{enabled}");
            }
            return ExitCodes.Success;
        });
        return command;
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
