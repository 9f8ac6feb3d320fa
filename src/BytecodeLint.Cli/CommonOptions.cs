using System.CommandLine;
using System.Globalization;
using BytecodeLint.Analysis;
using BytecodeLint.Cli.Terminal;
using BytecodeLint.Analysis.Engine;

namespace BytecodeLint.Cli;

/// <summary>
/// Every option that more than one command has, defined once so a concept has one name, one alias
/// and one check everywhere (as dotnet/format's AddCommonOptions does): <c>--target-jdk</c>,
/// <c>-f/--format</c>, <c>-o/--output</c>, <c>-v/--verbosity</c>, <c>--parallelism</c>. Values
/// are checked by the parser, so a bad value is a usage error (exit 2) before any work starts.
/// </summary>
internal static class CommonOptions
{
    /// <summary>
    /// The feature releases the HotSpot model covers: Metaspace replaced PermGen in JDK 8, and the
    /// model's facts (JdkProfile) were measured up to JDK 25.
    /// </summary>
    public const int MinJdk = 8, MaxJdk = 25;

    /// <summary><c>--target-jdk</c>: the JDK the code runs on; default any modelled JDK (worst case).</summary>
    public static Option<string?> TargetJdk(string description, params string[] aliases)
    {
        var option = new Option<string?>("--target-jdk", aliases) { Description = description, HelpName = "VERSION" };
        option.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && CheckJdk(result.Tokens[0].Value) is { } error) result.AddError(error);
        });
        return option;
    }

    /// <summary>An error message for a JDK version that does not parse or is outside the modelled range, else null.</summary>
    public static string? CheckJdk(string text)
    {
        JdkTarget target;
        try
        {
            target = JdkTarget.Parse(text);
        }
        catch (FormatException e)
        {
            return "--target-jdk: " + e.Message;
        }
        if (target.Feature is { } feature and (< MinJdk or > MaxJdk))
            return string.Create(CultureInfo.InvariantCulture,
                $"--target-jdk: JDK {feature} is outside the releases bytecodelint models ({MinJdk} to {MaxJdk}; JDK 7 and older have PermGen, not Metaspace)");
        return null;
    }

    /// <summary>The parsed <c>--target-jdk</c> (the validator has already refused bad values).</summary>
    public static JdkTarget ParseJdk(string? text)
    {
        if (!string.IsNullOrWhiteSpace(text) && CheckJdk(text) is { } error) throw new UserErrorException(error);
        return JdkTarget.Parse(text);
    }

    /// <summary><c>-f/--format FORMAT[=FILE]</c>, repeatable; the first of <paramref name="formats"/> is the default.</summary>
    public static Option<string[]> Format(params string[] formats)
    {
        var option = new Option<string[]>("--format", "-f")
        {
            Description = $"Report format: {string.Join(", ", formats)} (default {formats[0]}), optionally =FILE (repeatable). Without =FILE a report goes to --output, else standard output.",
            AllowMultipleArgumentsPerToken = false,
            HelpName = "FORMAT[=FILE]",
        };
        option.Validators.Add(result =>
        {
            foreach (var spec in result.Tokens.Select(t => t.Value))
                if (ReportTargets.Check(spec, formats) is { } error) result.AddError(error);
        });
        option.CompletionSources.Add(formats);
        return option;
    }

    /// <summary><c>-o/--output FILE</c>: where reports given without <c>=FILE</c> go.</summary>
    public static Option<string?> Output() => new("--output", "-o")
    {
        Description = "Write the report(s) given without =FILE to this file instead of standard output ('-' is standard output).",
        HelpName = "FILE",
    };

    /// <summary>
    /// <c>-v/--verbosity</c> with dotnet's levels and abbreviations. Nullable with no default value, so
    /// help does not print the enum's C# name; <see cref="VerbosityOf"/> supplies normal.
    /// </summary>
    public static Option<Verbosity?> Verbosity() => new("--verbosity", "-v")
    {
        Description = $"How much to print on standard error: {TerminalPolicy.VerbosityNames} (default: normal).",
        HelpName = "LEVEL",
        CustomParser = result =>
        {
            string text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (TerminalPolicy.TryParseVerbosity(text) is { } level) return level;
            result.AddError($"--verbosity: '{text}' is not a verbosity (expected {TerminalPolicy.VerbosityNames})");
            return null;
        },
    };

    public static Verbosity VerbosityOf(ParseResult parse, Option<Verbosity?> option) => parse.GetValue(option) ?? Terminal.Verbosity.Normal;

    /// <summary><c>--parallelism N</c>: threads for class analysis; 0 or absent means one per processor.</summary>
    public static Option<int?> Parallelism()
    {
        var option = new Option<int?>("--parallelism")
        {
            Description = "Threads used to analyse classes (default: one per processor). Output does not depend on it.",
            HelpName = "N",
        };
        option.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && int.TryParse(result.Tokens[0].Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) && n <= 0)
                result.AddError($"--parallelism must be at least 1, found {n}");
        });
        return option;
    }
}
