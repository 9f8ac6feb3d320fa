using BytecodeLint.Analysis.Engine;

namespace BytecodeLint.Analysis.Rules.Agent;

/// <summary>
/// BL0108 — <c>Instrumentation.appendToBootstrapClassLoaderSearch</c> anywhere in the agent's code.
/// Measured (samples/java/measure/measure-bootappend.sh, 17.0.15 and 25.0.3): once called, the JVM prints
/// "Sharing is only supported for boot loader classes because bootstrap classpath has been appended" and
/// stops taking application and platform classes from a static AppCDS archive (and on 25 from a dynamic
/// one): ~3.8–3.9 KB more Metaspace and ~0.1–0.2 ms per class. Without an AppCDS archive or AOT cache
/// it costs nothing measurable, hence a warning, not an error.
/// </summary>
internal static class AgentBootSearchAppendCheck
{
    public const string JvmWarning = "Sharing is only supported for boot loader classes because bootstrap classpath has been appended";

    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.BootSearchAppend,
        "Agent appends to the bootstrap class path at run time, turning off class-data sharing outside the boot loader",
        "{0} calls Instrumentation.appendToBootstrapClassLoaderSearch; from then on the JVM prints \"" + JvmWarning + "\" and loads every application and platform class by parsing it instead of from the AppCDS archive or AOT cache (~4 KB of Metaspace and ~0.1-0.2 ms per class, paid by users of AppCDS or the AOT cache); ship the classes in the manifest's Boot-Class-Path and dump the archive with the agent attached",
        Categories.Agent,
        Severity.Warning,
        IsEnabledByDefault: true,
        "Appending to the bootstrap class path at run time makes HotSpot stop sharing classes of the application and platform loaders from a CDS archive: the JVM cannot prove an archived class would still be found the same way. Applications started with an AppCDS archive or a JDK 24+ AOT cache lose its benefit (start-up time and Metaspace) for every class outside java.base's loader.");

    public static void Run(ArtifactEndContext context, AgentUnit agent)
    {
        foreach (var (owner, facts) in agent.Graph.Methods)
            foreach (var call in facts.Calls)
            {
                if (!AgentApis.IsInstrumentation(call, "appendToBootstrapClassLoaderSearch")) continue;
                var properties = new Dictionary<string, double> { ["line"] = call.Line, ["bytecodeOffset"] = call.Pc };
                context.Report(Rule, owner.LocationAt(facts.Method, call.Pc, call.Line), properties,
                    "appendToBootstrapClassLoaderSearch", facts.Method.DisplayName);
            }
    }
}
