using BytecodeLint.Analysis.Flow;
using BytecodeLint.ClassFile;
using BytecodeLint.Analysis.Engine;
using BytecodeLint.Analysis.Inputs;

namespace BytecodeLint.Analysis.Rules.Agent;

/// <summary>
/// BL0102 — the class named by <c>Premain-Class</c>, <c>Agent-Class</c> or <c>Launcher-Agent-Class</c>
/// must exist and declare the entry method the JDK looks up: <c>premain</c> (Premain-Class) or
/// <c>agentmain</c> (the other two), first with <c>(String, Instrumentation)</c>, then with
/// <c>(String)</c>, among the methods the class itself declares (<c>getDeclaredMethod</c>; the
/// return type is not part of the lookup); the one found must be public (else
/// IllegalAccessException) and static (it is invoked without a receiver).
/// </summary>
internal static class AgentEntryPointCheck
{
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.BadEntryPoint,
        "Agent class named by the manifest is missing or has no valid premain/agentmain",
        "{0}: {1}",
        Categories.Agent,
        Severity.Error,
        IsEnabledByDefault: true,
        "Premain-Class, Agent-Class and Launcher-Agent-Class name the class the JVM loads to start the agent; it must declare a public static premain (Premain-Class) or agentmain (Agent-Class, Launcher-Agent-Class) taking (String, Instrumentation) or (String). Otherwise the JVM aborts at start-up (-javaagent, Launcher-Agent-Class) or the attach fails with 'Agent JAR loaded but agent failed to initialize'.");

    private static readonly (string Attribute, string Method)[] EntryPoints =
    [
        ("Premain-Class", "premain"),
        ("Agent-Class", "agentmain"),
        ("Launcher-Agent-Class", "agentmain"),
    ];

    public static void Run(ArtifactEndContext context, AgentUnit agent)
    {
        foreach (var (attribute, methodName) in EntryPoints)
        {
            if (agent.Attribute(attribute) is not { Length: > 0 } className) continue;
            string internalName = className.Replace('.', '/');
            if (agent.Graph.FindClass(internalName) is { } hidden && HiddenClassFiles.IsHiddenLocation(hidden.Location.Entry))
            {
                // The JVM loads the agent class with the system class loader, which reads *.class entries only.
                if (MayBeElsewhere(agent, internalName)) continue;
                Report(context, hidden.Location, attribute, "hidden",
                    $"{attribute} names {className}, which is in {agent.Archive.Location} only under a hidden name ({hidden.Location.Entry[(hidden.Location.Entry.LastIndexOf('/') + 1)..]}) that the JVM's agent loader does not read; the agent cannot start (ClassNotFoundException)");
                continue;
            }
            if (agent.Graph.FindClass(internalName) is not { } @class)
            {
                if (MayBeElsewhere(agent, internalName)) continue;
                Report(context, new DiagnosticLocation(agent.Artifact.InputPath, agent.ManifestEntry), attribute, "missing",
                    $"{attribute} names {className}, but no such class is in {agent.Archive.Location}; the agent cannot start (ClassNotFoundException)");
                continue;
            }

            var declared = Find(@class, methodName, AgentApis.PremainArguments2) ?? Find(@class, methodName, AgentApis.PremainArguments1);
            if (declared is null)
            {
                string inherited = Inherits(agent.Graph, @class, methodName) ? " (a superclass has one, but the JDK looks only at methods the class declares itself)" : "";
                string misspelt = @class.Methods.FirstOrDefault(m => string.Equals(m.Name, methodName, StringComparison.OrdinalIgnoreCase) && m.Name != methodName) is { } near
                    ? $"; it has {near.Name}{near.Descriptor} (the name is case-sensitive)"
                    : "";
                Report(context, @class.Location, attribute, "no " + methodName,
                    $"{attribute} names {className}, which declares no {methodName}(String, Instrumentation) or {methodName}(String){inherited}{misspelt}; the agent fails to start");
                continue;
            }

            var flags = declared.AccessFlags;
            string? problem = (flags & AccessFlags.Public) == 0 ? "is not public (the JDK throws IllegalAccessException)"
                : (flags & AccessFlags.Static) == 0 ? "is not static (the JDK invokes it without an instance: NullPointerException)"
                : null;
            if (problem is null) continue;
            var location = @class.Location with { Member = declared.Name, MemberDescriptor = declared.Descriptor };
            Report(context, location, attribute, methodName + " " + ((flags & AccessFlags.Public) == 0 ? "not public" : "not static"),
                $"{attribute} names {className}, whose {declared.Name}{declared.Descriptor} {problem}; the agent fails to start; declare it public static");
        }
    }

    private static DeclaredMethod? Find(ClassFacts @class, string name, string arguments) =>
        @class.Methods.FirstOrDefault(m => m.Name == name && m.Descriptor.StartsWith(arguments, StringComparison.Ordinal));

    private static bool Inherits(ArtifactCallGraph graph, ClassFacts @class, string name)
    {
        for (var c = @class.SuperName is { } s ? graph.FindClass(s) : null; c is not null; c = c.SuperName is { } next ? graph.FindClass(next) : null)
            if (Find(c, name, AgentApis.PremainArguments2) is not null || Find(c, name, AgentApis.PremainArguments1) is not null) return true;
        return false;
    }

    /// <summary>
    /// True when the class may be found outside the agent's own code: it is elsewhere in the scanned
    /// input, or the manifest adds jars to the class path (Class-Path, Boot-Class-Path) that may hold it.
    /// </summary>
    private static bool MayBeElsewhere(AgentUnit agent, string internalName)
    {
        if (agent.Attribute("Class-Path") is { Length: > 0 } || agent.Attribute("Boot-Class-Path") is { Length: > 0 }) return true;
        string file = internalName + ".class";
        return agent.Artifact.ClassEntries.Any(e => e.EntryPath == file || (e.Release is not null && e.EntryPath.EndsWith("/" + file, StringComparison.Ordinal)));
    }

    private static void Report(ArtifactEndContext context, DiagnosticLocation location, string attribute, string what, string message)
    {
        var properties = new Dictionary<string, double>();
        context.Report(Rule, location, properties, $"{attribute}: {what}", location.Class ?? location.Entry, message);
    }
}
