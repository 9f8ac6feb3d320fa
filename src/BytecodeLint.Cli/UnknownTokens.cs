using System.CommandLine;
using System.CommandLine.Parsing;

namespace BytecodeLint.Cli;

/// <summary>
/// Finds the tokens the parser could not place, before anything runs. Commands take paths as
/// arguments, so System.CommandLine binds a misspelt option such as <c>--targetjdk</c> as a path;
/// a token that starts with '-' and is not after <c>--</c> is reported as an unknown option instead,
/// with the nearest option of the command, and an unknown command gets the nearest command.
/// </summary>
internal static class UnknownTokens
{
    /// <summary>The error message for the first unknown option or command, or null when there is none.</summary>
    public static string? Find(ParseResult parse, IReadOnlyList<string> args)
    {
        int separator = args.ToList().IndexOf("--");
        var beforeSeparator = new HashSet<string>(separator < 0 ? args : args.Take(separator), StringComparer.Ordinal);
        var command = parse.CommandResult.Command;

        var suspects = parse.UnmatchedTokens
            .Concat(parse.CommandResult.Children.OfType<ArgumentResult>().SelectMany(a => a.Tokens).Select(t => t.Value));
        foreach (var token in suspects)
        {
            if (token.Length > 1 && token[0] == '-' && beforeSeparator.Contains(token) && !IsNumber(token))
                return File.Exists(token) || Directory.Exists(token)
                    ? $"unknown option '{token}'; to scan the file of that name, put '--' before it"
                    : WithSuggestion($"unknown option '{token}'", Names(command), token);
        }
        if (command is RootCommand && parse.UnmatchedTokens.FirstOrDefault() is { } unknown)
            return WithSuggestion($"unknown command '{unknown}'", command.Subcommands.Select(c => c.Name), unknown);
        return null;
    }

    private static bool IsNumber(string token) => double.TryParse(token, System.Globalization.CultureInfo.InvariantCulture, out _);

    private static IEnumerable<string> Names(Command command)
    {
        for (var c = command; c is not null; c = c.Parents.OfType<Command>().FirstOrDefault())
            foreach (var option in c.Options.Where(o => o.Recursive || c == command))
            {
                yield return option.Name;
                foreach (var alias in option.Aliases) yield return alias;
            }
    }

    private static string WithSuggestion(string message, IEnumerable<string> candidates, string token)
    {
        var best = candidates
            .Where(c => c.StartsWith("--", StringComparison.Ordinal) == token.StartsWith("--", StringComparison.Ordinal) || !c.StartsWith('-'))
            .Select(c => (Name: c, Distance: Distance(token, c)))
            .Where(c => c.Distance <= Math.Max(2, token.Length / 3))
            .OrderBy(c => c.Distance).ThenBy(c => c.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        return best.Name is null ? message : $"{message}; did you mean '{best.Name}'?";
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps cost 1.</summary>
    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++) d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        return d[a.Length, b.Length];
    }
}
