using BytecodeLint.Analysis.Flow;
using BytecodeLint.ClassFile;

namespace BytecodeLint.Analysis.Rules.Agent;

/// <summary>The java.lang.instrument and scheduling APIs the agent rules look for, by internal name and descriptor.</summary>
internal static class AgentApis
{
    public const string Instrumentation = "java/lang/instrument/Instrumentation";

    /// <summary>The JDK's implementation class; agents sometimes cast to it.</summary>
    public const string InstrumentationImpl = "sun/instrument/InstrumentationImpl";

    public const string Transformer = "java/lang/instrument/ClassFileTransformer";

    public const string PremainArguments2 = "(Ljava/lang/String;Ljava/lang/instrument/Instrumentation;)";
    public const string PremainArguments1 = "(Ljava/lang/String;)";

    public static bool IsInstrumentation(CallSite call, string name) =>
        call.Opcode != Opcode.Invokedynamic && call.Target.Name == name
        && call.Target.Owner is Instrumentation or InstrumentationImpl;

    public static bool IsRetransform(CallSite call) => IsInstrumentation(call, "retransformClasses");

    public static bool IsRedefine(CallSite call) => IsInstrumentation(call, "redefineClasses");

    /// <summary><c>addTransformer(t)</c>, or <c>addTransformer(t, false)</c> with a constant false: a transformer the JVM skips on retransform.</summary>
    public static bool IsNotRetransformCapableRegistration(CallSite call)
    {
        if (!IsInstrumentation(call, "addTransformer")) return false;
        if (call.Target.Descriptor == "(Ljava/lang/instrument/ClassFileTransformer;)V") return true;
        return call.Target.Descriptor == "(Ljava/lang/instrument/ClassFileTransformer;Z)V"
            && call.Arguments.Length == 3 && call.Arguments[2] is { Length: > 0 } flag
            && flag.All(v => v is { Kind: ValueKind.Int, Index: 0 });
    }

    /// <summary>
    /// A call that runs a task again and again: <c>ScheduledExecutorService.scheduleAtFixedRate/WithFixedDelay</c>
    /// (also on <c>ScheduledThreadPoolExecutor</c>) and the <c>java.util.Timer</c> overloads with a period.
    /// Returns the index of the task among the call's arguments, or -1.
    /// </summary>
    public static int PeriodicTaskArgument(CallSite call)
    {
        var t = call.Target;
        if (call.Opcode == Opcode.Invokedynamic) return -1;
        if (t.Owner is "java/util/concurrent/ScheduledExecutorService" or "java/util/concurrent/ScheduledThreadPoolExecutor"
            && t.Name is "scheduleAtFixedRate" or "scheduleWithFixedDelay")
            return 1;
        if (t.Owner == "java/util/Timer" && t.Name is "schedule" or "scheduleAtFixedRate"
            && t.Descriptor is "(Ljava/util/TimerTask;JJ)V" or "(Ljava/util/TimerTask;Ljava/util/Date;J)V")
            return 1;
        return -1;
    }

    /// <summary>Describes a periodic call for messages: <c>ScheduledExecutorService.scheduleAtFixedRate</c>.</summary>
    public static string Describe(MethodKey target) => target.Owner[(target.Owner.LastIndexOf('/') + 1)..] + "." + target.Name;
}
