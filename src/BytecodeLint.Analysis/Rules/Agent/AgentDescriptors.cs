using BytecodeLint.Analysis.Engine;

namespace BytecodeLint.Analysis.Rules.Agent;

/// <summary>The BL01xx descriptors: java.lang.instrument mistakes that only show at run time, found from the agent jar alone.</summary>
public static class AgentDescriptors
{
    public static readonly DiagnosticDescriptor MissingCapability = new(
        "BL0101",
        "Agent calls retransformClasses or redefineClasses without the manifest capability",
        "{0} (line {1}) calls Instrumentation.{2} but the manifest of {3} lacks '{4}: true', so the call throws UnsupportedOperationException; add the attribute to the agent manifest",
        Categories.Agent,
        Severity.Error,
        IsEnabledByDefault: true,
        "The JVM grants an agent the ability to retransform or redefine classes only when its manifest says Can-Retransform-Classes: true or Can-Redefine-Classes: true. Without it, Instrumentation.isRetransformClassesSupported() is false and retransformClasses/redefineClasses throw UnsupportedOperationException.");

    public static readonly DiagnosticDescriptor BadEntryPoint = new(
        "BL0102",
        "Agent class named by the manifest is missing or has no valid premain/agentmain",
        "{0}: {1}",
        Categories.Agent,
        Severity.Error,
        IsEnabledByDefault: true,
        "Premain-Class, Agent-Class and Launcher-Agent-Class name the class the JVM loads to start the agent; it must declare a public static premain (Premain-Class) or agentmain (Agent-Class, Launcher-Agent-Class) taking (String, Instrumentation) or (String). Otherwise the JVM aborts at start-up (-javaagent, Launcher-Agent-Class) or the attach fails with 'Agent JAR loaded but agent failed to initialize'.");

    public static readonly DiagnosticDescriptor MissingBootClassPath = new(
        "BL0103",
        "Boot-Class-Path entry is not in the distribution",
        "Boot-Class-Path of {0} names '{1}', which resolves to '{2}' next to the agent jar, but {3} has no such entry; the JVM ignores a missing path and classes expected on the boot class path fail with NoClassDefFoundError",
        Categories.Agent,
        Severity.Warning,
        IsEnabledByDefault: true,
        "Boot-Class-Path lists jars or directories appended to the bootstrap class path, relative to the agent jar's location. The JVM silently ignores paths that do not exist, so a helper that was renamed or not shipped shows up only later as NoClassDefFoundError in instrumented code.");

    public static readonly DiagnosticDescriptor NotRetransformCapable = new(
        "BL0104",
        "Transformer is not retransform-capable but the agent retransforms",
        "{0} (line {1}) registers a transformer with {2}, which is not retransform-capable, while the agent calls retransformClasses ({3}); the JVM skips this transformer on every retransform; register it with addTransformer(t, true) if it must see retransformed classes",
        Categories.Agent,
        Severity.Warning,
        IsEnabledByDefault: true,
        "Instrumentation.addTransformer(t) and addTransformer(t, false) register a transformer that is not called for retransformClasses. An agent that retransforms to apply its instrumentation to already loaded classes then silently does nothing for them.");

    public static readonly DiagnosticDescriptor RetransformLoop = new(
        "BL0105",
        "retransformClasses runs in a loop or a periodic task",
        "{0} (line {1}) {2}; every retransform repeats the constant-pool merge, and with classes that grow on each retransform (BL0001, BL0004) Metaspace grows with every repetition: this is how a slow leak becomes an outage; collect the classes and retransform them once",
        Categories.Agent,
        Severity.Warning,
        IsEnabledByDefault: true,
        "Each retransformClasses call is a VM operation that merges the constant pool of every class it names. Calling it once per class in a loop multiplies safepoints; calling it from a retry loop or a scheduled task repeats it without bound. For classes whose pool grows on every retransform (catch (Throwable) on JDK 17-21, NaN constants) Metaspace then grows with every run.");

    public static readonly DiagnosticDescriptor WritesClassfileBuffer = new(
        "BL0106",
        "ClassFileTransformer.transform writes into its classfileBuffer argument",
        "{0} writes into its classfileBuffer argument {1}; the array must not be modified: the next transformers receive the same array, and if transform then returns null the JVM drops the change while they see it; copy the bytes (classfileBuffer.clone()) and return the copy",
        Categories.Agent,
        Severity.Warning,
        IsEnabledByDefault: true,
        "The ClassFileTransformer.transform Javadoc says the input classfileBuffer must not be modified. The JDK passes the same array to the next registered transformer when a transformer returns null, so an in-place edit leaks into other agents' input, is lost when nothing returns a new array, and differs between load and retransform.");

    public static readonly IReadOnlyList<DiagnosticDescriptor> All =
        [MissingCapability, BadEntryPoint, MissingBootClassPath, NotRetransformCapable, RetransformLoop, WritesClassfileBuffer];
}
