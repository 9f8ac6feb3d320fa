namespace BytecodeLint.Analysis.Engine;

/// <summary>BL9xxx: problems with the inputs themselves, reported by the engine (and the scan pipeline) rather than by a rule.</summary>
public static class InputDiagnostics
{
    public static readonly DiagnosticDescriptor UnreadableClass = new(
        RuleIds.UnreadableClass,
        "Class file or archive entry cannot be read",
        "{0}",
        Categories.Input,
        Severity.Warning,
        IsEnabledByDefault: true,
        "A class file or archive entry is malformed (truncated, bad constant pool, bad zip data). It was skipped; the rest of the input was scanned. The message names the byte offset of the problem.");

    public static readonly DiagnosticDescriptor LimitExceeded = new(
        RuleIds.LimitExceeded,
        "Archive limit reached",
        "{0}",
        Categories.Input,
        Severity.Warning,
        IsEnabledByDefault: true,
        "An archive exceeded a safety limit (nesting depth, entry size, total inflated bytes, compression ratio). The offending entry was skipped so that a hostile or broken archive cannot exhaust memory; the rest of the input was scanned.");

    public static readonly DiagnosticDescriptor AnalyzerFailure = new(
        RuleIds.AnalyzerFailure,
        "A rule failed on this class",
        "Rule {0} failed on this class: {1}",
        Categories.Input,
        Severity.Warning,
        IsEnabledByDefault: true,
        "A rule threw an unexpected exception while analysing a class. The class was skipped for that rule; please report it with the class file.");

    public static readonly DiagnosticDescriptor UnusedSuppression = new(
        RuleIds.UnusedSuppression,
        "Suppression matches no finding",
        "Suppression of {0} on {1} matches no finding; remove it or check the rule id",
        Categories.Input,
        Severity.Note,
        IsEnabledByDefault: false,
        "An in-bytecode suppression annotation names rules that report nothing on the annotated class or member. Stale suppressions hide future findings; this opt-in rule lists them so they can be pruned.");

    public static readonly DiagnosticDescriptor EmptyInput = new(
        RuleIds.EmptyInput,
        "Input holds no class file",
        "{0} holds no class file: nothing was analysed; check the path, or build the project first",
        Categories.Input,
        Severity.Warning,
        IsEnabledByDefault: true,
        "An input (an empty folder, a build output folder that was not built yet, an archive without .class entries) contained nothing to analyse. Without this warning a CI gate over a mistyped or stale path would pass green on nothing.");

    /// <summary>The BL9001 for one class entry that cannot be read or parsed, with the byte offset of the defect.</summary>
    public static Diagnostic Unreadable(string inputPath, string entryLocation, long offset, string message) =>
        Diagnostic.Create(UnreadableClass, new DiagnosticLocation(inputPath, entryLocation),
            new Dictionary<string, double> { ["offset"] = offset }, "offset " + offset, $"{entryLocation}: {message}");

    public static IEnumerable<DiagnosticDescriptor> All => [UnreadableClass, LimitExceeded, AnalyzerFailure, UnusedSuppression, EmptyInput];
}
